"""What the match score knows about a person: read from their resume's structure and text, and their profile.

Only what the resume or profile says is used. Years of experience are the union of the dated roles (overlaps
counted once, a role still going ends today); a "7 years of experience" phrase in the summary is used only when no
role has dates. A skill's years are those of the roles whose text names it. Nothing is inferred from a job title."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from app.match.roles import RANK, Role, level_from_years, role_of
from app.resumes.jsonresume import JsonResume
from app.skills.extractor import extract_skills

DEGREE_RANK = {"associate": 1, "bachelor": 2, "master": 3, "phd": 4}
# Short forms (BS, B.A., ME, AA) only in capitals: "be", "me", "as" and "ms" are words too ("expected to be…").
_DEGREES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"\b(?:ph\.?\s?d|doctor(?:ate)?|d\.?phil)\b", re.I), "phd"),
    (
        re.compile(
            r"\b(?:master'?s?|m\.?\s?sc|(?-i:M\.?S\.?|M\.?A\.?|M\.?E\.?)(?=[\s,.]|$)|mba|m\.?\s?tech|"
            r"mca|m\.?eng|post\s?graduate|pgdm)\b",
            re.I,
        ),
        "master",
    ),
    (
        re.compile(
            r"\b(?:bachelor'?s?|b\.?\s?sc|(?-i:B\.?S\.?|B\.?A\.?|B\.?E\.?)(?=[\s,.]|$)|b\.?\s?tech|"
            r"bca|b\.?eng|b\.?com|bba|undergraduate|licence|licenciatura)\b",
            re.I,
        ),
        "bachelor",
    ),
    (re.compile(r"\b(?:associate'?s?\s+degree|(?-i:A\.?A\.?S?)|diploma)\b", re.I), "associate"),
]
_YEARS_PHRASE = re.compile(r"\b(\d{1,2})(?:\.\d)?\+?\s*(?:years?|yrs?)\b(?:\s+of)?\s+(?:\w+\s+){0,3}?experience", re.I)


@dataclass
class PersonFacts:
    roles: list[Role]  # most recent first; the resume's headline (basics.label) first of all when it has one
    years: float | None  # total years of experience, None when the resume gives no dates or phrase
    level: str | None  # from the most recent title's seniority words, else from years
    resume_skills: set[str]  # lower-case canonical names the resume names
    profile_skills: dict[str, str]  # lower-case → as the user wrote it, from the profile
    skill_years: dict[str, float] = field(default_factory=dict)  # lower-case skill → years of roles naming it
    degree: str | None = None  # highest degree level found in education
    degree_fields: list[str] = field(default_factory=list)
    location: str = ""
    targets: list[Role] = field(default_factory=list)  # roles they look for (Discover: their saved searches' words)


def _month(value: str | None, today: date) -> date | None:
    if not value:
        return None
    parts = value.split("-")
    try:
        year = int(parts[0])
        month = int(parts[1]) if len(parts) > 1 else 1
        return date(year, month, 1)
    except (ValueError, IndexError):
        return None


def _merged_years(spans: list[tuple[date, date]]) -> float:
    total = 0
    current: tuple[date, date] | None = None
    for start, end in sorted(spans):
        if current is None or start > current[1]:
            if current is not None:
                total += (current[1] - current[0]).days
            current = (start, end)
        elif end > current[1]:
            current = (current[0], end)
    if current is not None:
        total += (current[1] - current[0]).days
    return total / 365.25


def _degree_level(text: str) -> str | None:
    for pattern, level in _DEGREES:
        if pattern.search(text):
            return level
    return None


def person_facts(
    structure: JsonResume,
    resume_text: str,
    resume_skills: list[str],
    profile_skills: list[str],
    today: date | None = None,
) -> PersonFacts:
    today = today or date.today()
    roles: list[Role] = []
    if structure.basics.label:
        roles.append(role_of(structure.basics.label))
    spans: list[tuple[date, date]] = []
    skill_spans: dict[str, list[tuple[date, date]]] = {}
    dated = sorted(
        structure.work,
        key=lambda w: (w.endDate is None and w.startDate is not None, w.endDate or "", w.startDate or ""),
        reverse=True,
    )
    for work in dated:
        if work.position:
            roles.append(role_of(work.position))
        start = _month(work.startDate, today)
        end = _month(work.endDate, today) if work.endDate else (today if start else None)
        if start is None or end is None or end < start or start > today:
            continue
        end = min(end, today)
        spans.append((start, end))
        body = " ".join([work.position, work.summary, *work.highlights])
        for skill in extract_skills(body, "resume") if body.strip() else []:
            skill_spans.setdefault(skill.lower(), []).append((start, end))
    years: float | None = round(_merged_years(spans), 1) if spans else None
    if years is None:
        phrases = [int(m.group(1)) for m in _YEARS_PHRASE.finditer(f"{structure.basics.summary}\n{resume_text[:3000]}")]
        years = float(max(phrases)) if phrases and max(phrases) <= 50 else None
    level = next((r.level for r in roles if r.level), None)
    from_years = level_from_years(years)
    if level is None or (from_years and level in ("junior", "mid", "senior") and _rank_gap(level, from_years) > 1):
        level = from_years or level  # a title's word wins unless the dates disagree by more than a level
    degrees = [
        (_degree_level(f"{e.studyType} {e.area}") or _degree_level(e.institution), e.area) for e in structure.education
    ]
    levels = [d for d, _ in degrees if d]
    if not levels:
        section = _education_text(resume_text)
        found = _degree_level(section) if section else None
        levels = [found] if found else []
    return PersonFacts(
        roles=roles,
        years=years,
        level=level,
        resume_skills={s.lower() for s in resume_skills} | {s.lower() for s in structure.skill_names()},
        profile_skills={s.lower(): s for s in profile_skills},
        skill_years={k: round(_merged_years(v), 1) for k, v in skill_spans.items()},
        degree=max(levels, key=lambda d: DEGREE_RANK[d]) if levels else None,
        degree_fields=[area for _, area in degrees if area][:5],
        location=", ".join(p for p in (structure.basics.location.city, structure.basics.location.region) if p),
    )


def _rank_gap(a: str, b: str) -> int:
    return abs(RANK[a] - RANK[b])


def _education_text(text: str) -> str:
    match = re.search(r"(?im)^\s*(?:education|academic|qualifications?)\b.*$", text)
    return text[match.start() : match.start() + 1500] if match else ""
