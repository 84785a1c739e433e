"""Remote OK public API: `GET /api` answers a bare array of the ~100 latest remote jobs, optionally narrowed by
one `?tag=`; there is no paging and no full-text search, so keywords are matched here (title, tags, description).

Quirks: element [0] is a legal notice (`{"last_updated", "legal"}`), not a job; `salary_min`/`salary_max` are
ints in USD a year where 0 means unknown; `company` may carry entities (`CI&amp;T`); some descriptions are UTF-8
that was decoded as Latin-1 (`Weâ\\x80\\x99d`), repaired here; every description ends with an anti-spam
"Please mention the word **X** and tag …" paragraph for applicants, cut here; the employment type exists only as
a tag.

Terms (the legal notice): link back (a followed link) to the job's Remote OK URL and name "Remote OK" as the
source; do not use the Remote OK logo. No request limit is published."""

from __future__ import annotations

import re
from typing import Any

from app.jobs.sources import normalize as n
from app.jobs.sources.base import JobSource, NormalizedJob, SourceError, SourceQuery
from app.jobs.sources.registry import register
from app.models.job import RemoteType, SalaryPeriod

_ANTI_SPAM = re.compile(r"(?:\s|\\n|<br\s*/?>)*Please mention the word\b.*\Z", re.S | re.I)
# One UTF-8 character read as Latin-1: a lead byte and exactly its continuation bytes
_MOJIBAKE = re.compile(r"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
# Tags that name an employment type. Only whole tags: normalize.employment_type matches prefixes, which would
# read "internal" or "international" as an internship and "partner" as part time.
_TYPE_TAGS = {"fulltime", "parttime", "contract", "contractor", "freelance", "internship", "intern", "temporary"}


def _repair(text: str) -> str:
    def fix(match: re.Match[str]) -> str:
        try:
            return match.group().encode("latin-1").decode("utf-8")
        except UnicodeError:
            return match.group()

    return _MOJIBAKE.sub(fix, text)


@register
class RemoteOK(JobSource):
    name = "remoteok"
    label = "Remote OK"
    base_url = "https://remoteok.com"
    kind = "search"
    attribution = "Jobs by Remote OK (https://remoteok.com): each job links back to its Remote OK page."
    min_interval_seconds = 0.0  # no published limit

    async def fetch(self, http: Any, query: SourceQuery) -> list[NormalizedJob]:
        words = n.keywords(query)
        params = {"tag": words[0]} if words else {}
        payload = await http.get_json("/api", params=params)
        return self.parse(payload, query)[: query.limit]

    def parse(self, payload: Any, query: SourceQuery | None = None) -> list[NormalizedJob]:
        if not isinstance(payload, list):
            raise SourceError("remoteok: expected an array (legal notice, then jobs)")
        words = n.keywords(query)
        jobs = []
        for item in payload:
            if not isinstance(item, dict) or not item.get("id") or not item.get("position"):
                continue  # the legal notice, or junk
            tags = [str(t) for t in item.get("tags") or [] if t]
            raw_description = _ANTI_SPAM.sub("", _repair(str(item.get("description") or "")))
            html, text = n.description(raw_description)
            title = n.plain(_repair(str(item["position"])))
            if not n.matches_keywords(words, title, " ".join(tags), text):
                continue
            salary_min, salary_max = n.parse_amount(item.get("salary_min")), n.parse_amount(item.get("salary_max"))
            has_salary = salary_min is not None or salary_max is not None
            type_tags = [t for t in tags if re.sub(r"[^a-z]", "", t.lower()) in _TYPE_TAGS]
            jobs.append(
                NormalizedJob(
                    source=self.name,
                    source_id=str(item["id"]),
                    title=title,
                    company=n.plain(_repair(str(item.get("company") or ""))),
                    url=item.get("url") or item.get("apply_url") or None,
                    location=n.plain(_repair(str(item.get("location") or ""))),
                    remote_type=RemoteType.remote,  # a remote-only board
                    employment_type=n.employment_type(type_tags),
                    salary_min=salary_min,
                    salary_max=salary_max,
                    salary_currency="USD" if has_salary else None,
                    salary_period=SalaryPeriod.year if has_salary else None,
                    description_html=html,
                    description_text=text,
                    posted_at=n.parse_date(item.get("epoch") or item.get("date")),
                    raw=item,
                )
            )
        return jobs
