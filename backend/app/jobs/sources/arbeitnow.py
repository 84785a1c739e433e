"""Arbeitnow job board API: mostly German/EU jobs, newest first (`created_at`), updated hourly. `GET
/api/job-board-api?page=N` answers `{"data": [...], "links": {"first", "last", "prev", "next"}, "meta": {...}}`;
pages are followed until `links.next` is null (`links.last` is always null) or the limit is reached. `search`,
`tags` and `remote` are reported to be ignored server-side, so keywords and `remote_only` are applied here.

Quirks: `links.next` is an absolute URL on www.arbeitnow.com; only its `page` is taken, so an overridden base URL
(proxy, tests) is kept. `description` is HTML, in some captures entity-escaped (`&lt;h2&gt;`, `&amp;nbsp;`);
`normalize.description` detects that. `job_types` is free text, partly German ("full time", "berufseinstieg",
"Vollzeit"). `remote` is a bool; `slug` is the id; `created_at` is epoch seconds; there is no salary.

Terms (`meta.terms`): a free public API, "please do not abuse"; a link back is appreciated. No request limit is
published."""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qs, urlsplit

from app.jobs.sources import normalize as n
from app.jobs.sources.base import JobSource, NormalizedJob, SourceError, SourceQuery
from app.jobs.sources.registry import register
from app.models.job import RemoteType

MAX_PAGES = 5  # 100 jobs a page; the newest 500 are plenty between hourly updates
# German job types that normalize.employment_type does not know (it knows "Werkstudent"), in its English terms
_GERMAN_TYPES = {
    "vollzeit": "full time",
    "festanstellung": "permanent",
    "teilzeit": "part time",
    "minijob": "part time",
    "befristet": "temporary",
    "freiberuflich": "freelance",
    "freelancer": "freelance",
    "praktikum": "internship",
}


def _next_page(payload: dict[str, Any], page: int) -> int | None:
    """The page `links.next` points at (page + 1 if it carries none), or None on the last page."""
    links = payload.get("links")
    target = links.get("next") if isinstance(links, dict) else None
    if not target or not payload.get("data"):
        return None
    values = parse_qs(urlsplit(str(target)).query).get("page") or []
    try:
        following = int(values[0])
    except (IndexError, ValueError):
        return page + 1
    return following if following > page else page + 1


@register
class Arbeitnow(JobSource):
    name = "arbeitnow"
    label = "Arbeitnow"
    base_url = "https://www.arbeitnow.com"
    kind = "search"
    attribution = "Jobs by Arbeitnow (https://www.arbeitnow.com): each job links back to its Arbeitnow page."
    min_interval_seconds = 0.0  # no published limit ("please do not abuse"; the data changes hourly)

    async def fetch(self, http: Any, query: SourceQuery) -> list[NormalizedJob]:
        jobs: list[NormalizedJob] = []
        seen: set[str] = set()
        page: int | None = 1
        for _ in range(MAX_PAGES):
            if page is None or len(jobs) >= query.limit:
                break
            payload = await http.get_json("/api/job-board-api", params={"page": page})
            for job in self.parse(payload, query):
                if job.source_id not in seen:  # the list shifts when it updates between two pages
                    seen.add(job.source_id)
                    jobs.append(job)
            page = _next_page(payload, page)
        return jobs[: query.limit]

    def parse(self, payload: Any, query: SourceQuery | None = None) -> list[NormalizedJob]:
        if not isinstance(payload, dict) or not isinstance(payload.get("data"), list):
            raise SourceError("arbeitnow: expected an object with a data list")
        words = n.keywords(query)
        jobs = []
        for item in payload["data"]:
            if not isinstance(item, dict) or not item.get("slug") or not item.get("title"):
                continue
            html, text = n.description(item.get("description"))
            title = n.plain(item["title"])
            tags = [n.plain(t) for t in item.get("tags") or [] if isinstance(t, str)]
            if not n.matches_keywords(words, title, " ".join(tags), text):
                continue
            location = n.plain(item.get("location"))
            remote = self._remote_type(item.get("remote"), title, tags, location)
            if query and query.remote_only and remote != RemoteType.remote:
                continue
            job_types = [t for t in item.get("job_types") or [] if isinstance(t, str)]
            jobs.append(
                NormalizedJob(
                    source=self.name,
                    source_id=str(item["slug"]),
                    title=title,
                    company=n.plain(item.get("company_name")),
                    url=item.get("url") or None,
                    location=location,
                    remote_type=remote,
                    employment_type=n.employment_type([_GERMAN_TYPES.get(t.strip().lower(), t) for t in job_types]),
                    description_html=html,
                    description_text=text,
                    posted_at=n.parse_date(item.get("created_at")),
                    raw=item,
                )
            )
        return jobs

    @staticmethod
    def _remote_type(flag: Any, title: str, tags: list[str], location: str) -> RemoteType:
        """`remote: true` is remote; `false` is on-site unless the title or tags say hybrid; no flag: the texts."""
        if flag is True:
            return RemoteType.remote
        if flag is False:
            hinted = n.remote_type(title, *tags)
            return RemoteType.hybrid if hinted == RemoteType.hybrid else RemoteType.onsite
        return n.remote_type(location, title, *tags)
