"""Greenhouse Job Board API: a company's whole board in one call (`content=true` adds the description).
Descriptions are entity-escaped HTML; there is no pay in the list and no remote flag (inferred from location)."""

from __future__ import annotations

import re
from typing import Any

from app.jobs.sources import normalize as n
from app.jobs.sources.base import JobSource, NormalizedJob, SourceError, SourceQuery
from app.jobs.sources.registry import register


@register
class Greenhouse(JobSource):
    name = "greenhouse"
    label = "Greenhouse"
    base_url = "https://boards-api.greenhouse.io"
    kind = "company"
    listed = 1
    follow_hint = "stripe in boards.greenhouse.io/stripe"
    job_link = re.compile(r"https?://(?:boards|job-boards)\.greenhouse\.io/(?P<company>[\w-]+)/jobs/(?P<id>\d+)")

    async def fetch(self, http: Any, query: SourceQuery) -> list[NormalizedJob]:
        if not query.company:
            return []
        payload = await http.get_json(f"/v1/boards/{query.company}/jobs", params={"content": "true"})
        return self.parse(payload, query)[: query.limit]

    def parse(self, payload: Any, query: SourceQuery | None = None) -> list[NormalizedJob]:
        if not isinstance(payload, dict) or not isinstance(payload.get("jobs"), list):
            raise SourceError("greenhouse: expected an object with a jobs list")
        jobs = []
        for item in payload["jobs"]:
            if not isinstance(item, dict) or not item.get("id") or not item.get("title"):
                continue
            html, text = n.description(item.get("content"), escaped=True)
            location = n.plain((item.get("location") or {}).get("name"))
            jobs.append(
                NormalizedJob(
                    source=self.name,
                    source_id=str(item["id"]),
                    title=n.plain(item["title"]),
                    company=n.plain(item.get("company_name")) or (query.company if query and query.company else ""),
                    url=item.get("absolute_url"),
                    location=location,
                    remote_type=n.remote_type(location),
                    description_html=html,
                    description_text=text,
                    posted_at=n.parse_date(item.get("first_published") or item.get("updated_at")),
                    raw=item,
                )
            )
        return jobs
