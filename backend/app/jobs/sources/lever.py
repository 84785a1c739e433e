"""Lever Postings API: a company's board (its "site") as a **bare JSON array**, paged with `skip`/`limit` (without
them the whole board comes back at once; EU boards live on api.eu.lever.co, set through SOURCE_BASE_URLS).
`createdAt` is **epoch milliseconds**. The description is split in three: `description` (HTML), `lists[]`
(`{text: heading, content: "<li>…</li>"}`) and `additional` (HTML); they are joined back here. Pay, where the
company publishes it, is `salaryRange{min, max, currency, interval}` with intervals like `per-year-salary`,
`per-month-salary`, `per-hour-wage`. The payload never names the company: it is the site slug made readable."""

from __future__ import annotations

import html
import re
from typing import Any
from urllib.parse import quote, urlparse

from app.jobs.sources import normalize as n
from app.jobs.sources.base import JobSource, NormalizedJob, SourceError, SourceQuery
from app.jobs.sources.registry import register
from app.models.job import SalaryPeriod

PAGE_SIZE = 100


def readable_slug(slug: str) -> str:
    """A board slug as a company name: 'acme-robotics' → 'Acme Robotics', 'palantir' → 'Palantir'."""
    words = [w for w in re.split(r"[-_.\s]+", slug.strip()) if w]
    return " ".join(w[:1].upper() + w[1:] for w in words)


def salary_period(interval: Any) -> SalaryPeriod | None:
    """Lever's `per-month-salary` / `per-week-salary`: normalize.parse_period reads the word "salary" as
    "a year" before it looks at "month"/"week", so the salary/wage suffix is dropped first."""
    if not isinstance(interval, str):
        return None
    return n.parse_period(re.sub(r"salary|wage", " ", interval.lower()))


def _site_from_url(url: Any) -> str:
    """https://jobs.lever.co/{site}/{id} → site (for `parse` without a query)."""
    if not isinstance(url, str):
        return ""
    parts = [p for p in urlparse(url).path.split("/") if p]
    return parts[0] if parts else ""


@register
class Lever(JobSource):
    name = "lever"
    label = "Lever"
    base_url = "https://api.lever.co"
    kind = "company"
    listed = 2
    follow_hint = "acme in jobs.lever.co/acme"
    job_link = re.compile(r"https?://jobs\.(?:eu\.)?lever\.co/(?P<company>[\w-]+)/(?P<id>[0-9a-f-]{36})")

    async def fetch(self, http: Any, query: SourceQuery) -> list[NormalizedJob]:
        if not query.company:
            return []
        path = f"/v0/postings/{quote(query.company, safe='')}"
        jobs: list[NormalizedJob] = []
        seen: set[str] = set()
        skip = 0
        while skip < query.limit:
            payload = await http.get_json(path, params={"mode": "json", "skip": skip, "limit": PAGE_SIZE})
            page = [job for job in self.parse(payload, query) if job.source_id not in seen]
            seen.update(job.source_id for job in page)
            jobs.extend(page)
            # a short page is the last one; a page with nothing new means the board ignored `skip`
            if len(payload) < PAGE_SIZE or not page:
                break
            skip += PAGE_SIZE
        return jobs[: query.limit]

    def parse(self, payload: Any, query: SourceQuery | None = None) -> list[NormalizedJob]:
        if not isinstance(payload, list):
            detail = payload.get("error") if isinstance(payload, dict) else None
            raise SourceError(f"lever: expected a JSON array of postings{f' ({detail})' if detail else ''}")
        jobs = []
        for item in payload:
            if not isinstance(item, dict) or not item.get("id") or not item.get("text"):
                continue
            categories = _obj(item.get("categories"))
            location = _location(categories)
            salary = _obj(item.get("salaryRange"))
            currency = salary.get("currency")
            description_html, description_text = n.description(_description_html(item))
            site = (query.company if query and query.company else "") or _site_from_url(item.get("hostedUrl"))
            jobs.append(
                NormalizedJob(
                    source=self.name,
                    source_id=str(item["id"]),
                    title=n.plain(item["text"]),
                    company=readable_slug(site),
                    url=item.get("hostedUrl") or item.get("applyUrl"),
                    location=location,
                    remote_type=n.remote_type(item.get("workplaceType"), location),
                    employment_type=n.employment_type(categories.get("commitment")),
                    salary_min=n.parse_amount(salary.get("min")),
                    salary_max=n.parse_amount(salary.get("max")),
                    salary_currency=currency.upper() if isinstance(currency, str) and currency else None,
                    salary_period=salary_period(salary.get("interval")),
                    description_html=description_html,
                    description_text=description_text,
                    posted_at=n.parse_date(item.get("createdAt")),
                    raw=item,
                )
            )
        return jobs


def _obj(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _location(categories: dict[str, Any]) -> str:
    """All the posting's locations ("London; Paris"), else the primary one."""
    places = [n.plain(p) for p in categories.get("allLocations") or [] if isinstance(p, str) and p.strip()]
    primary = n.plain(categories.get("location"))
    if primary and primary not in places:
        places.insert(0, primary)
    return "; ".join(dict.fromkeys(places))


def _description_html(item: dict[str, Any]) -> str:
    """`description` + each list as a heading and its bullets + `additional`, as one HTML document."""
    parts = []
    body = item.get("description")
    if isinstance(body, str) and body.strip():
        parts.append(body)
    elif isinstance(item.get("descriptionPlain"), str) and item["descriptionPlain"].strip():
        parts.append(n.description(item["descriptionPlain"])[0])
    for section in item.get("lists") or []:
        if not isinstance(section, dict):
            continue
        heading = n.plain(section.get("text"))
        content = section.get("content")
        content = content if isinstance(content, str) else ""
        if heading:
            parts.append(f"<h3>{html.escape(heading)}</h3>")
        content = re.sub(r">\s+<", "><", content.strip())  # "\n<li>…</li>\n<li>" would become blank lines
        if content:
            parts.append(f"<ul>{content}</ul>" if "<li" in content and "<ul" not in content else content)
    additional = item.get("additional")
    if isinstance(additional, str) and additional.strip():
        parts.append(additional)
    elif isinstance(item.get("additionalPlain"), str) and item["additionalPlain"].strip():
        parts.append(n.description(item["additionalPlain"])[0])
    return "\n".join(parts)
