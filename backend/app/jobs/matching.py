"""The Discover score: how well a posting fits a user (0..1), with the matched and missing skills and the part
each factor played. Documented in docs/decisions/008-job-sources.md.

score = 0.40 skills + 0.25 keywords + 0.15 place + 0.10 salary + 0.10 recency
- skills: the user's skills the posting asks for (its tech_stack, or named in its text), weighted by how much
  the market asks for each (1 + share of recent postings listing it), over the posting's skills (at most 8).
- keywords: saved-search words found in the title (full weight) or only in the description (half).
- place: remote wanted and remote offered 1; the wanted location named in the posting's location 1; hybrid
  when remote is wanted 0.5; nothing said 0.5; otherwise 0.
- salary: no floor or no figure 0.5; a stated maximum at or over the floor 1; under it 0.
- recency: halves every 14 days since posting.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime

from app.models.job import RemoteType, SalaryPeriod

WEIGHTS = {"skills": 0.40, "keywords": 0.25, "place": 0.15, "salary": 0.10, "recency": 0.10}
HALF_LIFE_DAYS = 14.0
MAX_JOB_SKILLS = 8
YEARLY = {
    SalaryPeriod.year: 1,
    SalaryPeriod.month: 12,
    SalaryPeriod.week: 52,
    SalaryPeriod.day: 230,
    SalaryPeriod.hour: 1840,
}


@dataclass
class Profile:
    skills: list[str]
    keywords: str = ""
    location: str = ""
    remote_only: bool = False
    min_salary: int | None = None
    demand: dict[str, float] = field(default_factory=dict)  # lower-case skill → share 0..1


@dataclass
class Posting:
    title: str
    description_text: str
    location: str
    remote_type: RemoteType
    tech_stack: list[str]
    salary_max: int | None
    salary_min: int | None
    salary_period: SalaryPeriod | None
    posted_at: datetime


@dataclass
class Match:
    score: float
    matched: list[str]
    missing: list[str]
    reasons: dict[str, float]


def _mentions(text: str, term: str) -> bool:
    return re.search(rf"(?<![\w+#]){re.escape(term.lower())}(?![\w+#])", text) is not None


def score(profile: Profile, posting: Posting, now: datetime | None = None) -> Match:
    now = now or datetime.now(UTC)
    text = f"{posting.title}\n{posting.description_text}".lower()
    mine = {s.lower(): s for s in profile.skills}
    asked = {s.lower(): s for s in posting.tech_stack}
    for low, name in mine.items():  # postings without extracted skills: the ones named in the text
        if low not in asked and _mentions(text, low):
            asked[low] = name
    matched = [asked[k] for k in asked if k in mine]
    missing = [asked[k] for k in asked if k not in mine]

    def weight(skill: str) -> float:
        return 1.0 + profile.demand.get(skill.lower(), 0.0)

    if asked:
        considered = sorted(asked, key=lambda k: (k not in mine, -weight(k)))[:MAX_JOB_SKILLS]
        skills = sum(weight(k) for k in considered if k in mine) / sum(weight(k) for k in considered)
    else:
        skills = 0.0

    words = [w for w in re.findall(r"[\w+#.]+", profile.keywords.lower()) if len(w) > 1]
    if words:
        title = posting.title.lower()
        keywords = sum(1.0 if _mentions(title, w) else 0.5 if _mentions(text, w) else 0.0 for w in words) / len(words)
    else:
        keywords = 0.5

    place = 0.5
    if profile.remote_only:
        place = {RemoteType.remote: 1.0, RemoteType.hybrid: 0.5, RemoteType.onsite: 0.0}.get(posting.remote_type, 0.5)
    elif profile.location:
        if profile.location.lower() in posting.location.lower():
            place = 1.0
        elif posting.remote_type == RemoteType.remote:
            place = 0.8
        elif posting.location:
            place = 0.0

    salary = 0.5
    top = posting.salary_max or posting.salary_min
    if profile.min_salary and top:
        yearly = top * YEARLY.get(posting.salary_period or SalaryPeriod.year, 1)
        salary = 1.0 if yearly >= profile.min_salary else 0.0

    age_days = max(0.0, (now - posting.posted_at).total_seconds() / 86400)
    recency = math.pow(0.5, age_days / HALF_LIFE_DAYS)

    parts = {"skills": skills, "keywords": keywords, "place": place, "salary": salary, "recency": recency}
    total = sum(WEIGHTS[k] * v for k, v in parts.items())
    return Match(round(total, 4), matched, missing, {k: round(v, 3) for k, v in parts.items()})
