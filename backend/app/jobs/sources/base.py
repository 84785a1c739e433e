"""The protocol every job board adapter implements, and the normalised posting they all produce."""

from __future__ import annotations

import abc
import re
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, ClassVar

from app.core.config import Settings
from app.models.job import RemoteType, SalaryPeriod


@dataclass
class SourceQuery:
    """What to look for. Boards without search (company boards) use `company`; the rest use keywords/location."""

    keywords: str = ""
    location: str = ""
    remote_only: bool = False
    company: str | None = None  # a board token / site / subdomain for Greenhouse, Lever, Ashby, …
    limit: int = 100


@dataclass
class NormalizedJob:
    source: str
    source_id: str
    title: str
    company: str
    url: str | None = None
    location: str = ""
    remote_type: RemoteType = RemoteType.unknown
    employment_type: str | None = None
    salary_min: int | None = None
    salary_max: int | None = None
    salary_currency: str | None = None
    salary_period: SalaryPeriod | None = None
    description_html: str = ""
    description_text: str = ""
    posted_at: datetime | None = None
    raw: dict[str, Any] = field(default_factory=dict, repr=False)

    def as_json(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "source_id": self.source_id,
            "title": self.title,
            "company": self.company,
            "url": self.url,
            "location": self.location,
            "remote_type": self.remote_type.value,
            "employment_type": self.employment_type,
            "salary_min": self.salary_min,
            "salary_max": self.salary_max,
            "salary_currency": self.salary_currency,
            "salary_period": self.salary_period.value if self.salary_period else None,
            "description_text": self.description_text,
            "posted_at": self.posted_at.isoformat() if self.posted_at else None,
        }


class SourceError(Exception):
    """The board answered badly (HTTP error, malformed body, timeout): this source failed, the others go on."""


class SourceRateLimited(SourceError):
    def __init__(self, message: str, until: datetime) -> None:
        super().__init__(message)
        self.until = until


class JobSource(abc.ABC):
    """One job board. `fetch` talks to it through `SourceHttp` (retries, timeouts, rate limits, User-Agent);
    `parse` turns one saved response into postings without any network (`copilot sources parse`)."""

    name: ClassVar[str]
    label: ClassVar[str]
    base_url: ClassVar[str]
    kind: ClassVar[str] = "search"  # "search" (keywords) or "company" (a company's own board)
    needs_key: ClassVar[bool] = False
    attribution: ClassVar[str] = ""
    min_interval_seconds: ClassVar[float] = 0.0  # the board's published terms (e.g. Remotive 4/day)
    keys: ClassVar[str | None] = None  # the environment variables a keyed board needs, for the Sources page
    listed: ClassVar[int] = 100  # order on the Sources page: company boards by this, then search boards by label
    follow_hint: ClassVar[str | None] = None  # a company board: where a company's token shows in its address
    # A company board: the address of one of its postings, with `company` and `id` groups (link import).
    job_link: ClassVar[re.Pattern[str] | None] = None

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings

    def configured(self) -> bool:
        """Keyless boards always are; boards with keys override this to check their settings."""
        return not self.needs_key

    @abc.abstractmethod
    async def fetch(self, http: Any, query: SourceQuery) -> list[NormalizedJob]:
        """Fetch and normalise (following pages up to `query.limit`)."""

    @abc.abstractmethod
    def parse(self, payload: Any, query: SourceQuery | None = None) -> list[NormalizedJob]:
        """Normalise one response body of this board's list endpoint."""
