"""Jooble REST API: `POST /api/{JOOBLE_API_KEY}` with a JSON body `{"keywords", "location", "page"}` answers
`{"totalCount": N, "jobs": [...]}`. Pages count from 1 and are followed until `query.limit` postings,
`totalCount`, an empty page or MAX_PAGES. The key sits in the URL path, so it is blanked out of every error
message this adapter raises (the HTTP layer names the URL on 4xx answers).

Quirks: `id` is a **64-bit integer beyond the range doubles hold exactly** (-6957375894526202970): it is kept as
the exact integer JSON gave (`str(int)`), never passed through a float, and an id that already arrived as a float
(precision lost) is skipped. `title` may hold `<b>` highlight tags; `snippet` is a short HTML fragment padded
with `&nbsp;...`; `salary` is free text ("€60k - €75k", often ""); `type` is free text (often ""); `link` is a
Jooble tracking URL; `updated` is ISO with 7 fractional digits and `+00:00`. There is no remote flag (inferred from
title and location). Jooble aggregates other boards, so expect the same job from its original source too.

Terms: a free key on request; limits are set per key and not published."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from app.jobs.sources import normalize as n
from app.jobs.sources.base import JobSource, NormalizedJob, SourceError, SourceQuery, SourceRateLimited
from app.jobs.sources.registry import register

MAX_PAGES = 5


def _redacted(exc: SourceError, key: str) -> SourceError:
    message = str(exc).replace(quote(key, safe=""), "***").replace(key, "***")
    if isinstance(exc, SourceRateLimited):
        return SourceRateLimited(message, exc.until)
    return SourceError(message)


@register
class Jooble(JobSource):
    name = "jooble"
    label = "Jooble"
    base_url = "https://jooble.org"
    kind = "search"
    keys = "JOOBLE_API_KEY"
    needs_key = True
    attribution = ""  # no published attribution term; each job links to its Jooble page
    min_interval_seconds = 0.0  # limits are per key and unpublished

    def configured(self) -> bool:
        return bool(self.settings and (self.settings.jooble_api_key or "").strip())

    async def fetch(self, http: Any, query: SourceQuery) -> list[NormalizedJob]:
        if not self.configured() or self.settings is None:
            raise SourceError("jooble: needs JOOBLE_API_KEY")
        key = (self.settings.jooble_api_key or "").strip()
        jobs: list[NormalizedJob] = []
        seen: set[str] = set()
        answered = 0
        for page in range(1, MAX_PAGES + 1):
            body = {"keywords": query.keywords.strip(), "location": query.location.strip(), "page": str(page)}
            try:
                payload = await http.post_json(f"/api/{quote(key, safe='')}", body)
            except SourceError as exc:
                raise _redacted(exc, key) from None  # the chained error would name the key again
            batch = self.parse(payload, query)
            answered += len(payload["jobs"])
            for job in batch:
                if job.source_id not in seen:
                    seen.add(job.source_id)
                    jobs.append(job)
            total = payload.get("totalCount")
            if len(jobs) >= query.limit or not payload["jobs"] or (isinstance(total, int) and answered >= total):
                break
        return jobs[: query.limit]

    def parse(self, payload: Any, query: SourceQuery | None = None) -> list[NormalizedJob]:
        if not isinstance(payload, dict) or not isinstance(payload.get("jobs"), list):
            raise SourceError("jooble: expected an object with a jobs list")
        jobs = []
        for item in payload["jobs"]:
            if not isinstance(item, dict) or not item.get("title"):
                continue
            raw_id = item.get("id")
            if isinstance(raw_id, bool) or not isinstance(raw_id, int | str) or raw_id == "":
                continue  # a float id has already lost its last digits
            title, location = n.plain(item["title"]), n.plain(item.get("location"))
            html, text = n.description(item.get("snippet"))
            salary_min, salary_max, currency, period = n.parse_salary_text(item.get("salary"))
            has_salary = salary_min is not None
            jobs.append(
                NormalizedJob(
                    source=self.name,
                    source_id=str(raw_id),
                    title=title,
                    company=n.plain(item.get("company")),
                    url=item.get("link") or None,
                    location=location,
                    remote_type=n.remote_type(location, title),
                    employment_type=n.employment_type(item.get("type")),
                    salary_min=salary_min,
                    salary_max=salary_max,
                    salary_currency=currency if has_salary else None,
                    salary_period=period if has_salary else None,
                    description_html=html,
                    description_text=text,
                    posted_at=n.parse_date(item.get("updated")),
                    raw=item,
                )
            )
        return jobs
