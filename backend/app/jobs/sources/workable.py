"""Workable widget API: an account's whole board in one call (no paging); `details=true` adds each job's HTML
`description` and `employment_type`. This is the public endpoint behind Workable's careers widget, not a
documented API (that one needs a token), and some accounts reportedly moved to the v3 careers-page API.
The widget **repeats the same job once per location** (same `shortcode`, different `city`/`country`): the copies
are merged into one posting whose location lists every place ("Lisbon, Portugal; Madrid, Spain").
`telecommuting` is the only remote flag (no hybrid); `published_on` is a date without a time (taken as
midnight UTC); there is no pay. The company is the top-level `name`."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from app.jobs.sources import normalize as n
from app.jobs.sources.base import JobSource, NormalizedJob, SourceError, SourceQuery
from app.jobs.sources.lever import readable_slug
from app.jobs.sources.registry import register


@register
class Workable(JobSource):
    name = "workable"
    label = "Workable"
    base_url = "https://apply.workable.com"
    kind = "company"
    listed = 5
    follow_hint = "acme in apply.workable.com/acme"

    async def fetch(self, http: Any, query: SourceQuery) -> list[NormalizedJob]:
        if not query.company:
            return []
        payload = await http.get_json(
            f"/api/v1/widget/accounts/{quote(query.company, safe='')}", params={"details": "true"}
        )
        return self.parse(payload, query)[: query.limit]

    def parse(self, payload: Any, query: SourceQuery | None = None) -> list[NormalizedJob]:
        if not isinstance(payload, dict) or not isinstance(payload.get("jobs"), list):
            raise SourceError("workable: expected an object with a jobs list")
        company = n.plain(payload.get("name")) or readable_slug(query.company if query and query.company else "")
        by_shortcode: dict[str, tuple[dict[str, Any], list[str]]] = {}
        for item in payload["jobs"]:
            if not isinstance(item, dict) or not item.get("shortcode") or not item.get("title"):
                continue
            shortcode = str(item["shortcode"])
            first, places = by_shortcode.setdefault(shortcode, (item, []))
            for place in _places(item):
                if place not in places:
                    places.append(place)
            if not first.get("description") and item.get("description"):
                by_shortcode[shortcode] = (item, places)  # prefer a copy that has the details
        jobs = []
        for shortcode, (item, places) in by_shortcode.items():
            location = "; ".join(places)
            description_html, description_text = n.description(item.get("description"))
            jobs.append(
                NormalizedJob(
                    source=self.name,
                    source_id=shortcode,
                    title=n.plain(item["title"]),
                    company=company,
                    url=item.get("url") or item.get("shortlink") or item.get("application_url"),
                    location=location,
                    remote_type=n.remote_type(item.get("telecommuting"), location),
                    employment_type=n.employment_type(item.get("employment_type")),
                    description_html=description_html,
                    description_text=description_text,
                    posted_at=n.parse_date(item.get("published_on") or item.get("created_at")),
                    raw=item,
                )
            )
        return jobs


def _places(item: dict[str, Any]) -> list[str]:
    """ "City, Country" for each visible entry of `locations[]`, else from the job's own city/country."""
    places = []
    for entry in item.get("locations") or []:
        if isinstance(entry, dict) and not entry.get("hidden"):
            places.append(_place(entry.get("city"), entry.get("country")))
    if not any(places):
        places = [_place(item.get("city"), item.get("country"))]
    return [p for p in places if p]


def _place(city: Any, country: Any) -> str:
    return ", ".join(p for p in (n.plain(city), n.plain(country)) if p)
