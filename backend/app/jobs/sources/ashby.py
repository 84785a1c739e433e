"""Ashby posting API: a company's whole board in one call (no paging; an unknown board is a 404).
`includeCompensation=true` adds `compensation`, whose `summaryComponents[]` carry pay as numbers: the component
with `compensationType == "Salary"` has `minValue`/`maxValue`/`currencyCode` and an `interval` like "1 YEAR" or
"1 MONTH" (equity and bonus components sit beside it and are ignored). Postings with `isListed: false` are hidden
from the public board and are skipped. `workplaceType` (OnSite / Remote / Hybrid) wins over `isRemote`, which is
also true for hybrid roles. The payload never names the company: it is the board slug made readable."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import quote, urlparse

from app.jobs.sources import normalize as n
from app.jobs.sources.base import JobSource, NormalizedJob, SourceError, SourceQuery
from app.jobs.sources.lever import readable_slug
from app.jobs.sources.registry import register
from app.models.job import SalaryPeriod


@register
class Ashby(JobSource):
    name = "ashby"
    label = "Ashby"
    base_url = "https://api.ashbyhq.com"
    kind = "company"
    listed = 3
    follow_hint = "acme in jobs.ashbyhq.com/acme"
    job_link = re.compile(r"https?://jobs\.ashbyhq\.com/(?P<company>[\w.-]+)/(?P<id>[0-9a-f-]{36})")

    async def fetch(self, http: Any, query: SourceQuery) -> list[NormalizedJob]:
        if not query.company:
            return []
        payload = await http.get_json(
            f"/posting-api/job-board/{quote(query.company, safe='')}", params={"includeCompensation": "true"}
        )
        return self.parse(payload, query)[: query.limit]

    def parse(self, payload: Any, query: SourceQuery | None = None) -> list[NormalizedJob]:
        if not isinstance(payload, dict) or not isinstance(payload.get("jobs"), list):
            raise SourceError("ashby: expected an object with a jobs list")
        jobs = []
        for item in payload["jobs"]:
            if not isinstance(item, dict) or not item.get("id") or not item.get("title"):
                continue
            if item.get("isListed") is False:
                continue
            location = _location(item)
            low, high, currency, period = _salary(item.get("compensation"))
            raw_html = item.get("descriptionHtml") or item.get("descriptionPlain")
            description_html, description_text = n.description(raw_html)
            board = (query.company if query and query.company else "") or _board_from_url(item.get("jobUrl"))
            jobs.append(
                NormalizedJob(
                    source=self.name,
                    source_id=str(item["id"]),
                    title=n.plain(item["title"]),
                    company=readable_slug(board),
                    url=item.get("jobUrl") or item.get("applyUrl"),
                    location=location,
                    remote_type=n.remote_type(item.get("workplaceType"), item.get("isRemote"), location),
                    employment_type=n.employment_type(item.get("employmentType")),
                    salary_min=low,
                    salary_max=high,
                    salary_currency=currency,
                    salary_period=period,
                    description_html=description_html,
                    description_text=description_text,
                    posted_at=n.parse_date(item.get("publishedAt")),
                    raw=item,
                )
            )
        return jobs


def _location(item: dict[str, Any]) -> str:
    """The primary location, then the secondary ones: "New York, NY; Remote (US)"."""
    places = [n.plain(item.get("location"))]
    for extra in item.get("secondaryLocations") or []:
        if isinstance(extra, dict):
            places.append(n.plain(extra.get("location")))
    return "; ".join(dict.fromkeys(p for p in places if p))


def _salary(compensation: Any) -> tuple[int | None, int | None, str | None, SalaryPeriod | None]:
    """The Salary component of `summaryComponents` (else of the first tier that has one)."""
    if not isinstance(compensation, dict):
        return None, None, None, None
    candidates = list(compensation.get("summaryComponents") or [])
    for tier in compensation.get("compensationTiers") or []:
        if isinstance(tier, dict):
            candidates.extend(tier.get("components") or [])
    for component in candidates:
        if not isinstance(component, dict) or component.get("compensationType") != "Salary":
            continue
        low, high = n.parse_amount(component.get("minValue")), n.parse_amount(component.get("maxValue"))
        if low is None and high is None:
            continue
        currency = component.get("currencyCode")
        return (
            low,
            high,
            currency.upper() if isinstance(currency, str) and currency else None,
            n.parse_period(component.get("interval")),
        )
    return None, None, None, None


def _board_from_url(url: Any) -> str:
    """https://jobs.ashbyhq.com/{board}/{id} → board (for `parse` without a query)."""
    if not isinstance(url, str):
        return ""
    parts = [p for p in urlparse(url).path.split("/") if p]
    return parts[0] if parts else ""
