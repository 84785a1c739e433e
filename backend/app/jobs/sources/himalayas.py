"""Himalayas public API: remote jobs only. Without keywords `GET /jobs/api?limit=20` pages the whole feed with a
cursor (the API's `comments`, 2026-08-21: pass `nextCursor` back as `?cursor=`; `offset` is deprecated); with
keywords `GET /jobs/api/search?q=…` searches server-side. Both answer `{"jobs": [...]}` plus paging fields: the
current envelope `{comments, updatedAt, offset, limit, totalCount, nextCursor}`, the older one only
`{totalCount, offset, limit}`, which is paged by `offset` when no cursor comes back.

Quirks: there is no numeric id, so `guid` (the job's URL) is the id; `locationRestrictions[]` are country names
and empty means worldwide; `minSalary`/`maxSalary` may be null while `salaryPeriod` still says "annual";
`currency` may be null; `pubDate` is epoch seconds in captures although the docs say milliseconds
(`normalize.parse_date` takes both); `employmentType` is "Full Time", "Contractor", ….

Terms: attribution / a link back to Himalayas is expected. No request limit is published (`limit` is about 20
at most)."""

from __future__ import annotations

from typing import Any

from app.jobs.sources import normalize as n
from app.jobs.sources.base import JobSource, NormalizedJob, SourceError, SourceQuery
from app.jobs.sources.registry import register
from app.models.job import RemoteType

PAGE_SIZE = 20
MAX_PAGES = 5


def _next_params(payload: dict[str, Any], cursor: str | None) -> dict[str, str | int] | None:
    """`{"cursor": nextCursor}`; `{"offset": …}` for the older envelope (no cursor at all); None on the last page."""
    jobs = payload.get("jobs") or []
    following = payload.get("nextCursor")
    if isinstance(following, str) and following:
        return {"cursor": following} if following != cursor else None
    if cursor is not None or "nextCursor" in payload:
        return None  # cursor paging has ended; the offset fields beside it are stale
    offset, total = payload.get("offset"), payload.get("totalCount")
    if isinstance(offset, int) and isinstance(total, int) and jobs and offset + len(jobs) < total:
        return {"offset": offset + len(jobs)}
    return None


@register
class Himalayas(JobSource):
    name = "himalayas"
    label = "Himalayas"
    base_url = "https://himalayas.app"
    kind = "search"
    attribution = "Jobs by Himalayas (https://himalayas.app): each job links back to its Himalayas page."
    min_interval_seconds = 0.0  # no published limit

    async def fetch(self, http: Any, query: SourceQuery) -> list[NormalizedJob]:
        keywords = query.keywords.strip()
        path, first = ("/jobs/api/search", {"q": keywords}) if keywords else ("/jobs/api", {"limit": PAGE_SIZE})
        params: dict[str, str | int] = dict(first)
        jobs: list[NormalizedJob] = []
        seen: set[str] = set()
        for _ in range(MAX_PAGES):
            payload = await http.get_json(path, params=params)
            for job in self.parse(payload, query):
                if job.source_id not in seen:
                    seen.add(job.source_id)
                    jobs.append(job)
            following = _next_params(payload, str(params.get("cursor")) if "cursor" in params else None)
            if len(jobs) >= query.limit or following is None:
                break
            params = {**first, **following}
        return jobs[: query.limit]

    def parse(self, payload: Any, query: SourceQuery | None = None) -> list[NormalizedJob]:
        if not isinstance(payload, dict) or not isinstance(payload.get("jobs"), list):
            raise SourceError("himalayas: expected an object with a jobs list")
        jobs = []
        for item in payload["jobs"]:
            if not isinstance(item, dict) or not item.get("guid") or not item.get("title"):
                continue
            html, text = n.description(item.get("description"))
            restrictions = [n.plain(c) for c in item.get("locationRestrictions") or [] if isinstance(c, str) and c]
            salary_min, salary_max = n.parse_amount(item.get("minSalary")), n.parse_amount(item.get("maxSalary"))
            has_salary = salary_min is not None or salary_max is not None
            currency = item.get("currency")
            jobs.append(
                NormalizedJob(
                    source=self.name,
                    source_id=str(item["guid"]),
                    title=n.plain(item["title"]),
                    company=n.plain(item.get("companyName")),
                    url=item.get("applicationLink") or item.get("guid"),
                    location=", ".join(restrictions) or "Worldwide",
                    remote_type=RemoteType.remote,  # a remote-only board
                    employment_type=n.employment_type(item.get("employmentType")),
                    salary_min=salary_min,
                    salary_max=salary_max,
                    salary_currency=currency.upper() if has_salary and isinstance(currency, str) and currency else None,
                    salary_period=n.parse_period(item.get("salaryPeriod")) if has_salary else None,
                    description_html=html,
                    description_text=text,
                    posted_at=n.parse_date(item.get("pubDate")),
                    raw=item,
                )
            )
        return jobs
