"""JobScraperService: ask every enabled board at once; one failing, slow or rate-limited board never blocks or
fails the others, and each one's outcome is reported."""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field
from datetime import datetime

import httpx

from app.core import metrics
from app.core.config import Settings
from app.jobs.sources.base import JobSource, NormalizedJob, SourceError, SourceQuery, SourceRateLimited
from app.jobs.sources.http import SourceHttp, new_client
from app.jobs.sources.registry import all_sources


@dataclass
class SourceResult:
    source: str
    jobs: list[NormalizedJob] = field(default_factory=list)
    error: str | None = None
    rate_limited_until: datetime | None = None
    skipped: str | None = None
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return self.error is None and self.skipped is None


class JobScraperService:
    def __init__(self, settings: Settings, client: httpx.AsyncClient | None = None) -> None:
        self.settings = settings
        self.client = client
        self.sources = all_sources(settings)

    def enabled(self, only: list[str] | None = None) -> dict[str, JobSource]:
        chosen = {
            name: s for name, s in self.sources.items() if name not in self.settings.sources_disabled and s.configured()
        }
        if only:
            chosen = {name: s for name, s in chosen.items() if name in only}
        return chosen

    def http_for(self, client: httpx.AsyncClient, source: JobSource) -> SourceHttp:
        base = self.settings.source_base_urls.get(source.name, source.base_url)
        return SourceHttp(
            client,
            source.name,
            base,
            retries=self.settings.source_retries,
            timeout=self.settings.source_timeout_seconds,
        )

    async def search_all_apis(
        self,
        query: SourceQuery,
        only: list[str] | None = None,
        rate_limited: dict[str, datetime] | None = None,
        now: datetime | None = None,
        not_before: dict[str, datetime] | None = None,
    ) -> dict[str, SourceResult]:
        """Run the enabled sources that fit the query concurrently, each within its own time budget."""
        sources = {
            name: s for name, s in self.enabled(only).items() if (s.kind == "company") == (query.company is not None)
        }
        limited = rate_limited or {}
        budget = self.settings.source_timeout_seconds * (self.settings.source_retries + 2)
        client = self.client or new_client()

        async def one(source: JobSource) -> SourceResult:
            until = limited.get(source.name)
            if until is not None and now is not None and until > now:
                return SourceResult(source.name, skipped="rate limited", rate_limited_until=until)
            polite = (not_before or {}).get(source.name)
            if polite is not None and now is not None and polite > now:
                return SourceResult(source.name, skipped=f"its terms allow the next request at {polite:%H:%M} UTC")
            started = time.perf_counter()
            try:
                jobs = await asyncio.wait_for(source.fetch(self.http_for(client, source), query), timeout=budget)
                return SourceResult(source.name, jobs=jobs, seconds=time.perf_counter() - started)
            except SourceRateLimited as exc:
                return SourceResult(source.name, error=str(exc), rate_limited_until=exc.until)
            except TimeoutError:
                return SourceResult(source.name, error=f"{source.name}: gave up after {budget:g} s")
            except SourceError as exc:
                return SourceResult(source.name, error=str(exc), seconds=time.perf_counter() - started)
            except Exception as exc:  # an adapter bug is that source's failure, not the run's
                return SourceResult(source.name, error=f"{source.name}: {type(exc).__name__}: {exc}")

        try:
            results = await asyncio.gather(*(one(s) for s in sources.values()))
        finally:
            if self.client is None:
                await client.aclose()
        metrics.record_source_results(results)
        return {r.source: r for r in results}
