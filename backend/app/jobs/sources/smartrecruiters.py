"""SmartRecruiters Posting API: a company's public postings, paged with `offset`/`limit` (at most 100) against
`totalFound`. The list has **no description and no pay**: the description is only in the detail call
(`/postings/{id}` → `jobAd.sections.{companyDescription, jobDescription, qualifications,
additionalInformation}` = `{title, text}` with HTML text), so `fetch` makes one extra call per posting, at most
five at a time. A failed detail call keeps the posting without a description rather than failing the source
(a long rate limit stops the remaining detail calls). `location.remote` / `location.hybrid` are explicit flags;
both present and false means on-site. `country` is lower-case ISO-2. `parse` reads one list response (no
network), building the public URL https://jobs.smartrecruiters.com/{company}/{id}; the detail's `postingUrl`
replaces it when fetched."""

from __future__ import annotations

import asyncio
import html
from typing import Any
from urllib.parse import quote

from app.jobs.sources import normalize as n
from app.jobs.sources.base import JobSource, NormalizedJob, SourceError, SourceQuery, SourceRateLimited
from app.jobs.sources.lever import readable_slug
from app.jobs.sources.registry import register
from app.models.job import RemoteType

PAGE_SIZE = 100
DETAIL_CONCURRENCY = 5
JOBS_URL = "https://jobs.smartrecruiters.com"
SECTIONS = (
    ("companyDescription", "Company Description"),
    ("jobDescription", "Job Description"),
    ("qualifications", "Qualifications"),
    ("additionalInformation", "Additional Information"),
)


@register
class SmartRecruiters(JobSource):
    name = "smartrecruiters"
    label = "SmartRecruiters"
    base_url = "https://api.smartrecruiters.com"
    kind = "company"
    listed = 4
    follow_hint = "acme in jobs.smartrecruiters.com/acme"

    async def fetch(self, http: Any, query: SourceQuery) -> list[NormalizedJob]:
        if not query.company:
            return []
        path = f"/v1/companies/{quote(query.company, safe='')}/postings"
        jobs: list[NormalizedJob] = []
        offset = 0
        while offset < query.limit:
            payload = await http.get_json(path, params={"limit": PAGE_SIZE, "offset": offset})
            jobs.extend(self.parse(payload, query))
            count = len(payload["content"])
            total = payload.get("totalFound")
            offset += PAGE_SIZE
            if count < PAGE_SIZE or (isinstance(total, int) and offset >= total):
                break
        jobs = _first_of_each(jobs)[: query.limit]  # postings shift between pages while we read them
        await self._add_details(http, path, jobs)
        return jobs

    async def _add_details(self, http: Any, path: str, jobs: list[NormalizedJob]) -> None:
        semaphore = asyncio.Semaphore(DETAIL_CONCURRENCY)
        stopped = False

        async def one(job: NormalizedJob) -> None:
            nonlocal stopped
            async with semaphore:
                if stopped:
                    return
                try:
                    detail = await http.get_json(f"{path}/{quote(job.source_id, safe='')}")
                except SourceRateLimited:
                    stopped = True  # the board asked us to go away: the list is still worth keeping
                    return
                except SourceError:
                    return  # this posting stays without a description
            self.apply_detail(job, detail)

        await asyncio.gather(*(one(job) for job in jobs))

    def apply_detail(self, job: NormalizedJob, detail: Any) -> None:
        """Fill the description (the jobAd sections, each under its heading) and the URL from a detail response."""
        if not isinstance(detail, dict):
            return
        job_ad = _obj(detail.get("jobAd"))
        sections = _obj(job_ad.get("sections"))
        parts = []
        for key, default_heading in SECTIONS:
            section = sections.get(key)
            if not isinstance(section, dict) or not isinstance(section.get("text"), str):
                continue
            if not section["text"].strip():
                continue
            heading = n.plain(section.get("title")) or default_heading
            parts.append(f"<h3>{html.escape(heading)}</h3>\n{section['text']}")
        if parts:
            job.description_html, job.description_text = n.description("\n".join(parts))
        if isinstance(detail.get("postingUrl"), str) and detail["postingUrl"]:
            job.url = detail["postingUrl"]
        job.raw = {**job.raw, "jobAd": detail.get("jobAd")}

    def parse(self, payload: Any, query: SourceQuery | None = None) -> list[NormalizedJob]:
        if not isinstance(payload, dict) or not isinstance(payload.get("content"), list):
            raise SourceError("smartrecruiters: expected an object with a content list")
        fallback = query.company if query and query.company else ""
        jobs = []
        for item in payload["content"]:
            if not isinstance(item, dict) or not item.get("id") or not item.get("name"):
                continue
            company = _obj(item.get("company"))
            identifier = str(company.get("identifier") or fallback)
            place = _obj(item.get("location"))
            location = _location(place)
            employment = _obj(item.get("typeOfEmployment"))
            jobs.append(
                NormalizedJob(
                    source=self.name,
                    source_id=str(item["id"]),
                    title=n.plain(item["name"]),
                    company=n.plain(company.get("name")) or readable_slug(identifier),
                    url=f"{JOBS_URL}/{quote(identifier, safe='')}/{quote(str(item['id']), safe='')}"
                    if identifier
                    else None,
                    location=location,
                    remote_type=_remote(place, location),
                    employment_type=n.employment_type(employment.get("label"), employment.get("id")),
                    posted_at=n.parse_date(item.get("releasedDate")),
                    raw=item,
                )
            )
        return jobs


def _obj(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _first_of_each(jobs: list[NormalizedJob]) -> list[NormalizedJob]:
    unique: dict[str, NormalizedJob] = {}
    for job in jobs:
        unique.setdefault(job.source_id, job)
    return list(unique.values())


def _location(place: dict[str, Any]) -> str:
    full = n.plain(place.get("fullLocation"))
    if full:
        return full
    parts = [n.plain(place.get(k)) for k in ("city", "region")]
    country = n.plain(place.get("country"))
    parts.append(country.upper() if len(country) == 2 else country)
    return ", ".join(p for p in parts if p)


def _remote(place: dict[str, Any], location: str) -> RemoteType:
    if place.get("hybrid") is True:
        return RemoteType.hybrid
    if place.get("remote") is True:
        return RemoteType.remote
    from_text = n.remote_type(location)
    if from_text is not RemoteType.unknown:
        return from_text
    if place.get("remote") is False and place.get("hybrid") is False:
        return RemoteType.onsite
    return RemoteType.unknown
