"""Hacker News "Ask HN: Who is hiring?" through the HN Search API by Algolia, in two steps:

1. `GET /api/v1/search_by_date?tags=story,author_whoishiring` lists the whoishiring account's newest stories (it
   also posts "Who wants to be hired?" and "Freelancer? Seeking freelancer?"); the newest whose title contains
   "Who is hiring" is the thread. `search_by_date` is used because plain `search` ranks by points.
2. `GET /api/v1/search?tags=comment,story_{id}&hitsPerPage=1000&page=N` lists its comments; pages count from 0 and
   are followed while `page + 1 < nbPages`. Algolia answers **at most 1,000 hits per query**, so on a thread with
   more comments (replies included) the oldest may be missed.

Quirks: only top-level comments (`parent_id == story_id`) are postings; replies are questions. A posting is
free-form HTML (`comment_text`, entities such as `&#x2F;` and `&#x27;`, paragraphs separated by `<p>`) whose first
line follows the thread's convention "Company | Role | Location | REMOTE | $150k-$180k | https://…". That line is
split on "|": the first part is the company; the title is the first part that looks like a role (else the first
unclassified part); the location is the next unclassified part; REMOTE / ONSITE / HYBRID tokens anywhere in it set
the remote type; a part with a currency amount is the salary; "Full-time", "Contract", … the employment type;
links, "VISA", "YC W21", "Series B" and the like are ignored. A comment whose first line has no "|" (or no
role-like part) is skipped. The whole comment is the description. There is no search: keywords (every word, as a
whole word), the location (as text) and `remote_only` are matched here.

Terms (hn.algolia.com/api): 10,000 requests an hour per IP; no key, no attribution term (each posting links to its
HN comment)."""

from __future__ import annotations

import re
from typing import Any

from app.jobs.sources import normalize as n
from app.jobs.sources.base import JobSource, NormalizedJob, SourceError, SourceQuery
from app.jobs.sources.registry import register
from app.models.job import RemoteType

HITS_PER_PAGE = 1000  # Algolia's cap on one query
MAX_PAGES = 3
ITEM_URL = "https://news.ycombinator.com/item?id={}"
THREAD_TITLE = "who is hiring"

_FIRST_LINE = re.compile(r"<p>|<br\s*/?>|\n", re.I)
_URL = re.compile(r"https?://|www\.|\.(com|io|ai|dev|co|org|net)(/|$)", re.I)
_SALARY = re.compile(r"[$€£¥₹]\s*\d|\d\s*[kK]\b|\b(USD|EUR|GBP|CAD|AUD|CHF)\b.*\d|\d.*\b(USD|EUR|GBP|CAD|AUD|CHF)\b")
_REMOTE_TOKEN = re.compile(r"\b(remote|on-?site|on site|hybrid|in[- ]office|in[- ]person)\b", re.I)
_REMOTE_FILLER = re.compile(r"\b(only|ok|friendly|first|or|and|possible|available|preferred)\b|[\s,/()&+.|-]+", re.I)
_EMPLOYMENT = re.compile(
    r"\b(full[- ]?time|part[- ]?time|contract|contractor|freelance|intern|internship|permanent|temporary)\b", re.I
)
_MISC = re.compile(r"\b(visa|yc [swf]\d\d|series [a-f]|seed|funded|equity|sponsorship|relocation)\b", re.I)
_ROLE = re.compile(
    r"\b(engineers?|developers?|devs?|programmers?|scientists?|researchers?|designers?|architects?|analysts?|"
    r"managers?|leads?|director|head of|vp|cto|founding|interns?|sres?|devops|mlops|administrators?|consultants?|"
    r"specialists?|recruiters?|writers?|marketers?|marketing|sales|technicians?|full[- ]?stack|front[- ]?end|"
    r"back[- ]?end|hackers?|roles|positions)\b",
    re.I,
)


def _words(text: str) -> list[str]:
    return [w for w in re.split(r"[\s,]+", text.lower()) if w]


def _has_word(word: str, haystack: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(word)}(?!\w)", haystack) is not None


def _timestamp(value: Any) -> float:
    moment = n.parse_date(value)
    return moment.timestamp() if moment else 0.0


def _kind(part: str) -> str:
    """What one "|"-separated part of the first line is: url, salary, remote, employment, misc, role or other."""
    if _URL.search(part):
        return "url"
    if _SALARY.search(part) and n.parse_salary_text(part)[0] is not None:
        return "salary"
    if _REMOTE_TOKEN.search(part) and not _REMOTE_FILLER.sub("", _REMOTE_TOKEN.sub("", part)):
        return "remote"  # only tokens: "REMOTE", "Onsite or Remote", "Hybrid OK"
    if _ROLE.search(part):
        return "role"
    if _EMPLOYMENT.search(part):
        return "employment"
    if _MISC.search(part):
        return "misc"
    return "other"


def first_line(comment_html: str) -> dict[str, Any] | None:
    """The posting's header line, classified; None when it does not follow "Company | Role | …"."""
    line = n.plain(_FIRST_LINE.split(comment_html, maxsplit=1)[0])
    parts = [p.strip() for p in line.split("|") if p.strip()]
    if len(parts) < 2:
        return None
    company, rest = parts[0], [(p, _kind(p)) for p in parts[1:]]
    roles = [p for p, kind in rest if kind == "role"]
    others = [p for p, kind in rest if kind == "other"]
    title = roles[0] if roles else (others.pop(0) if others else None)
    if not title:
        return None
    remote_parts = [p for p, kind in rest if kind == "remote"]
    location = others[0] if others else (remote_parts[0] if remote_parts else "")
    salary = next((p for p, kind in rest if kind == "salary"), None)
    employment = next((p for p, kind in rest if kind == "employment"), None)
    return {
        "company": company,
        "title": title,
        "location": location,
        "remote_type": n.remote_type(" ".join(p for p, kind in rest if kind not in ("url", "salary"))),
        "salary": n.parse_salary_text(salary),
        "employment_type": n.employment_type(employment),
    }


def thread_id(payload: Any) -> str:
    """The newest "Ask HN: Who is hiring?" story in a `search_by_date` answer."""
    if not isinstance(payload, dict) or not isinstance(payload.get("hits"), list):
        raise SourceError("hn_whoishiring: expected an object with a hits list")
    threads = [
        hit
        for hit in payload["hits"]
        if isinstance(hit, dict) and hit.get("objectID") and THREAD_TITLE in str(hit.get("title") or "").lower()
    ]
    if not threads:
        raise SourceError('hn_whoishiring: no "Who is hiring?" thread among whoishiring\'s latest stories')
    newest = max(threads, key=lambda hit: _timestamp(hit.get("created_at_i") or hit.get("created_at")))
    return str(newest["objectID"])


@register
class HnWhoIsHiring(JobSource):
    name = "hn_whoishiring"
    label = "Hacker News: Who is hiring?"
    base_url = "https://hn.algolia.com"
    kind = "search"
    attribution = 'Hacker News "Who is hiring?" (via the HN Search API by Algolia): each job links to its comment.'
    min_interval_seconds = 0.36  # 10,000 requests an hour per IP

    async def fetch(self, http: Any, query: SourceQuery) -> list[NormalizedJob]:
        story = thread_id(await http.get_json("/api/v1/search_by_date", params={"tags": "story,author_whoishiring"}))
        jobs: list[NormalizedJob] = []
        seen: set[str] = set()
        for page in range(MAX_PAGES):
            params: dict[str, str | int] = {
                "tags": f"comment,story_{story}",
                "hitsPerPage": HITS_PER_PAGE,
                "page": page,
            }
            payload = await http.get_json("/api/v1/search", params=params)
            for job in self.parse(payload, query):
                if job.source_id not in seen:
                    seen.add(job.source_id)
                    jobs.append(job)
            pages = payload.get("nbPages")
            if not isinstance(pages, int) or page + 1 >= pages:
                break
        jobs.sort(key=lambda job: job.posted_at.timestamp() if job.posted_at else 0.0, reverse=True)
        return jobs[: query.limit]

    def parse(self, payload: Any, query: SourceQuery | None = None) -> list[NormalizedJob]:
        if not isinstance(payload, dict) or not isinstance(payload.get("hits"), list):
            raise SourceError("hn_whoishiring: expected an object with a hits list")
        jobs = []
        for hit in payload["hits"]:
            if not isinstance(hit, dict) or not hit.get("objectID") or not hit.get("comment_text"):
                continue
            story, parent = hit.get("story_id"), hit.get("parent_id")
            if story is None or str(parent) != str(story):
                continue  # a reply, not a posting
            header = first_line(str(hit["comment_text"]))
            if header is None:
                continue
            html, text = n.description(str(hit["comment_text"]))
            salary_min, salary_max, currency, period = header["salary"]
            job = NormalizedJob(
                source=self.name,
                source_id=str(hit["objectID"]),
                title=header["title"],
                company=header["company"],
                url=ITEM_URL.format(hit["objectID"]),
                location=header["location"],
                remote_type=header["remote_type"],
                employment_type=header["employment_type"],
                salary_min=salary_min,
                salary_max=salary_max,
                salary_currency=currency if salary_min is not None else None,
                salary_period=period if salary_min is not None else None,
                description_html=html,
                description_text=text,
                posted_at=n.parse_date(hit.get("created_at") or hit.get("created_at_i")),
                raw=hit,
            )
            if self._matches(job, query):
                jobs.append(job)
        return jobs

    @staticmethod
    def _matches(job: NormalizedJob, query: SourceQuery | None) -> bool:
        """Every keyword as a whole word, the location as text, and remote_only, all case-insensitively."""
        if query is None:
            return True
        haystack = " ".join((job.title, job.company, job.location, job.description_text)).lower()
        if not all(_has_word(word, haystack) for word in _words(query.keywords)):
            return False
        if query.location.strip() and query.location.strip().lower() not in haystack:
            return False
        return not (query.remote_only and job.remote_type != RemoteType.remote)
