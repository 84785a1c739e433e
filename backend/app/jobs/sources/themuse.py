"""The Muse public API v2: `GET /api/public/jobs?page=N` answers `{"page", "page_count", "items_per_page",
"total", "results": [...]}`, 20 jobs a page. Pages count from 0 and are followed while `page + 1 < page_count`,
up to a few pages (the board holds ~500,000 jobs). An optional `api_key` (settings.themuse_api_key) only raises
the limit.

Quirks: there is no keyword search (`category`, `level`, `location`, `company` are exact facet names), so
keywords are matched here against name, categories and description; `remote_only` asks for the
"Flexible / Remote" location, which is how the board marks remote jobs. There is no salary and no employment
type (only `levels[]`, where "Internship" is one). `contents` is raw HTML; `publication_date` is ISO with `Z`.

Limits (themuse.com/developers/api/v2): 500 requests an hour without a key, 3,600 with one; a 403 means the
limit is reached, so it becomes SourceRateLimited for an hour. No attribution term is published; the credit
below is a courtesy and each job links to its The Muse page."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from typing import Any

from app.jobs.sources import normalize as n
from app.jobs.sources.base import JobSource, NormalizedJob, SourceError, SourceQuery, SourceRateLimited
from app.jobs.sources.registry import register
from app.models.job import RemoteType

MAX_PAGES = 5  # 100 newest jobs a fetch, five requests of the hourly 500
REMOTE_LOCATION = "Flexible / Remote"
RATE_LIMIT_PAUSE = timedelta(hours=1)
# SourceHttp raises SourceError("<source>: HTTP <status> for <url>") without the status as a field
_FORBIDDEN = re.compile(r": HTTP 403 for ")


def _names(values: Any) -> list[str]:
    """`[{"name": "Tokyo, Japan"}, …]` → ["Tokyo, Japan", …]."""
    if not isinstance(values, list):
        return []
    return [n.plain(v["name"]) for v in values if isinstance(v, dict) and v.get("name")]


def _object(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


@register
class TheMuse(JobSource):
    name = "themuse"
    label = "The Muse"
    base_url = "https://www.themuse.com"
    kind = "search"
    attribution = "Jobs by The Muse (https://www.themuse.com): each job links back to its The Muse page."
    min_interval_seconds = 7.2  # 500 requests an hour without a key

    async def fetch(self, http: Any, query: SourceQuery) -> list[NormalizedJob]:
        jobs: list[NormalizedJob] = []
        seen: set[str] = set()
        page = 0
        for _ in range(MAX_PAGES):
            payload = await self._page(http, page, query)
            for job in self.parse(payload, query):
                if job.source_id not in seen:
                    seen.add(job.source_id)
                    jobs.append(job)
            current, count = payload.get("page"), payload.get("page_count")
            current = current if isinstance(current, int) else page
            if len(jobs) >= query.limit or not isinstance(count, int) or current + 1 >= count:
                break
            page = max(current, page) + 1
        return jobs[: query.limit]

    async def _page(self, http: Any, page: int, query: SourceQuery) -> Any:
        params: dict[str, str | int] = {"page": page}
        if query.remote_only:
            params["location"] = REMOTE_LOCATION
        key = self.settings.themuse_api_key if self.settings else None
        if key:
            params["api_key"] = key
        try:
            return await http.get_json("/api/public/jobs", params=params)
        except SourceRateLimited:
            raise
        except SourceError as exc:
            if not _FORBIDDEN.search(str(exc)):
                raise
            until = datetime.now(UTC) + RATE_LIMIT_PAUSE
            raise SourceRateLimited(
                f"themuse: rate limited (HTTP 403) until {until:%Y-%m-%d %H:%M} UTC", until
            ) from exc

    def parse(self, payload: Any, query: SourceQuery | None = None) -> list[NormalizedJob]:
        if not isinstance(payload, dict) or not isinstance(payload.get("results"), list):
            raise SourceError("themuse: expected an object with a results list")
        words = n.keywords(query)
        jobs = []
        for item in payload["results"]:
            if not isinstance(item, dict) or not item.get("id") or not item.get("name"):
                continue
            html, text = n.description(item.get("contents"))
            title = n.plain(item["name"])
            if not n.matches_keywords(words, title, " ".join(_names(item.get("categories"))), text):
                continue
            locations = _names(item.get("locations"))
            remote = n.remote_type(*locations)  # "Flexible / Remote"; otherwise unknown
            if query and query.remote_only and remote != RemoteType.remote:
                continue
            company, refs = _object(item.get("company")), _object(item.get("refs"))
            jobs.append(
                NormalizedJob(
                    source=self.name,
                    source_id=str(item["id"]),
                    title=title,
                    company=n.plain(company.get("name")),
                    url=refs.get("landing_page") or None,
                    location="; ".join(locations),
                    remote_type=remote,
                    employment_type=n.employment_type(_names(item.get("levels"))),  # only "Internship" maps
                    description_html=html,
                    description_text=text,
                    posted_at=n.parse_date(item.get("publication_date")),
                    raw=item,
                )
            )
        return jobs
