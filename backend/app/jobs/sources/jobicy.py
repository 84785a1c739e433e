"""Jobicy remote-jobs API v2: `GET /api/v2/remote-jobs?count=<1-100>&tag=<keywords>` answers the latest N matching
jobs as `{"apiVersion", "jobCount", ..., "jobs": [...]}`. There is no paging: `count` (at most 100) is all you get.
`geo` and `industry` take Jobicy's own slugs (`?get=locations`), so free-text locations are not sent.

Quirks: the schema drifted. The 2024 answers (apiVersion 2.0) carry `annualSalaryMin`/`annualSalaryMax` as
**strings** plus `salaryCurrency`, always a year; v2.2.x carries `salaryMin`/`salaryMax` as ints plus
`salaryCurrency` and `salaryPeriod` ("yearly", "hourly", …). Both are read. `pubDate` went from naive
"2024-12-07 04:10:26" (UTC) to ISO with an offset. `jobType` is a list ("full-time", later "Full-Time"),
`jobGeo` a region text ("Anywhere", "USA", "Poland,  Portugal"), `jobDescription` raw HTML (`jobExcerpt` is a
plain-text teaser, used only when the description is missing). Every job is remote.

Terms (Jobicy's `friendlyNotice` and remote-jobs-api README): credit Jobicy and link back to the job page; do not
redistribute the listings to other job platforms (Jooble, Google Jobs, LinkedIn, …); listings are delayed and
polling more than once an hour is discouraged."""

from __future__ import annotations

from typing import Any

from app.jobs.sources import normalize as n
from app.jobs.sources.base import JobSource, NormalizedJob, SourceError, SourceQuery
from app.jobs.sources.registry import register
from app.models.job import RemoteType, SalaryPeriod

MAX_COUNT = 100


def _salary(item: dict[str, Any]) -> tuple[int | None, int | None, str | None, SalaryPeriod | None]:
    """v2.2 `salaryMin`/`salaryMax` + `salaryPeriod`, else 2024 `annualSalaryMin`/`annualSalaryMax` (a year)."""
    if item.get("salaryMin") is not None or item.get("salaryMax") is not None:
        low, high = n.parse_amount(item.get("salaryMin")), n.parse_amount(item.get("salaryMax"))
        period = n.parse_period(item.get("salaryPeriod"))
    else:
        low, high = n.parse_amount(item.get("annualSalaryMin")), n.parse_amount(item.get("annualSalaryMax"))
        period = SalaryPeriod.year
    if low is None and high is None:
        return None, None, None, None
    if low is not None and high is not None and low > high:
        low, high = high, low
    currency = str(item.get("salaryCurrency") or "").strip().upper() or None
    return low, high, currency, period


@register
class Jobicy(JobSource):
    name = "jobicy"
    label = "Jobicy"
    base_url = "https://jobicy.com"
    kind = "search"
    attribution = "Jobs by Jobicy (https://jobicy.com): each job links back to its Jobicy page."
    min_interval_seconds = 3600.0  # "polling more than once an hour is discouraged"

    async def fetch(self, http: Any, query: SourceQuery) -> list[NormalizedJob]:
        params: dict[str, str | int] = {"count": max(1, min(query.limit, MAX_COUNT))}
        if query.keywords.strip():
            params["tag"] = query.keywords.strip()
        payload = await http.get_json("/api/v2/remote-jobs", params=params)
        return self.parse(payload, query)[: query.limit]

    def parse(self, payload: Any, query: SourceQuery | None = None) -> list[NormalizedJob]:
        if isinstance(payload, dict) and payload.get("jobCount") == 0 and payload.get("jobs") is None:
            return []  # defensive: an empty answer without its jobs key is still an empty answer
        if not isinstance(payload, dict) or not isinstance(payload.get("jobs"), list):
            raise SourceError("jobicy: expected an object with a jobs list")
        jobs = []
        for item in payload["jobs"]:
            if not isinstance(item, dict) or not item.get("id") or not item.get("jobTitle"):
                continue
            html, text = n.description(item.get("jobDescription") or item.get("jobExcerpt"))
            salary_min, salary_max, currency, period = _salary(item)
            jobs.append(
                NormalizedJob(
                    source=self.name,
                    source_id=str(item["id"]),
                    title=n.plain(item["jobTitle"]),
                    company=n.plain(item.get("companyName")),
                    url=item.get("url") or None,
                    location=n.plain(item.get("jobGeo")),
                    remote_type=RemoteType.remote,  # a remote-only board
                    employment_type=n.employment_type(item.get("jobType")),
                    salary_min=salary_min,
                    salary_max=salary_max,
                    salary_currency=currency,
                    salary_period=period,
                    description_html=html,
                    description_text=text,
                    posted_at=n.parse_date(item.get("pubDate")),
                    raw=item,
                )
            )
        return jobs
