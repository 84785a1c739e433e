"""Remotive public API: remote jobs only, searched server-side (`search`), no paging (one call answers everything
that matches). The body is an envelope `{"00-warning", "0-legal-notice", "job-count", "total-job-count", "jobs"}`.

Quirks: `salary` is free text ("$175k - $225k", "OTE $25k - $35k", often ""), `publication_date` is ISO without a
timezone (UTC), `candidate_required_location` is a region text ("USA", "LATAM, Europe"), and some clients report
that `limit` is ignored, so the list is cut here too.

Terms (the API's own legal notice): link back to the job's Remotive URL and name Remotive as the source; do not
pass the jobs on to Jooble, Google Jobs, LinkedIn or other third-party boards; data is delayed 24 h; at most
4 requests a day (more than 2 a minute is blocked)."""

from __future__ import annotations

from typing import Any

from app.jobs.sources import normalize as n
from app.jobs.sources.base import JobSource, NormalizedJob, SourceError, SourceQuery
from app.jobs.sources.registry import register
from app.models.job import RemoteType


@register
class Remotive(JobSource):
    name = "remotive"
    label = "Remotive"
    base_url = "https://remotive.com"
    kind = "search"
    attribution = "Jobs by Remotive (https://remotive.com): each job links back to its Remotive page."
    min_interval_seconds = 21600.0  # "we advise max. 4 times a day"

    async def fetch(self, http: Any, query: SourceQuery) -> list[NormalizedJob]:
        params: dict[str, str | int] = {"limit": query.limit}
        if query.keywords.strip():
            params["search"] = query.keywords.strip()
        payload = await http.get_json("/api/remote-jobs", params=params)
        return self.parse(payload, query)[: query.limit]

    def parse(self, payload: Any, query: SourceQuery | None = None) -> list[NormalizedJob]:
        if not isinstance(payload, dict) or not isinstance(payload.get("jobs"), list):
            raise SourceError("remotive: expected an object with a jobs list")
        jobs = []
        for item in payload["jobs"]:
            if not isinstance(item, dict) or not item.get("id") or not item.get("title"):
                continue
            html, text = n.description(item.get("description"))
            salary_min, salary_max, currency, period = n.parse_salary_text(item.get("salary"))
            jobs.append(
                NormalizedJob(
                    source=self.name,
                    source_id=str(item["id"]),
                    title=n.plain(item["title"]),
                    company=n.plain(item.get("company_name")),
                    url=item.get("url") or None,
                    location=n.plain(item.get("candidate_required_location")),
                    remote_type=RemoteType.remote,  # a remote-only board
                    employment_type=n.employment_type(item.get("job_type")),
                    salary_min=salary_min,
                    salary_max=salary_max,
                    salary_currency=currency if salary_min or salary_max else None,
                    salary_period=period if salary_min or salary_max else None,
                    description_html=html,
                    description_text=text,
                    posted_at=n.parse_date(item.get("publication_date")),
                    raw=item,
                )
            )
        return jobs
