"""How well a person fits a posting: one score from 0 to 100, its parts in words, and what to change first.

One definition serves the job page, the CLI and (next) Discover; docs/decisions/017-match-score.md gives the
reasons. Each part is a value from 0 to 1 with a status a person can act on (met / partly / not met / unknown):

- role (35): the posting's title against the person's titles: family (same 1, neighbour 0.5, other 0) times
  0.6, plus the share of the posting title's words one of their titles has times 0.4; the best of their titles,
  the most recent weighing most. In Discover, also against the roles their saved searches name (the share of the
  searched words the title has, times 0.9 when either family is unknown).
- must-have skills (25): the share of the skills the requirement sections name that the resume names (a skill only
  in the profile counts half).
- nice-to-have skills (5): the same for the nice-to-have sections.
- seniority (15): the posting's level against the person's: the same 1, one below them 0.6, one above 0.5, two
  apart 0.2, more 0.
- experience (10): the years asked against the years of their dated roles: met 1, short by a year 0.6, more 0.2;
  years of a skill likewise, against the roles that name it.
- education (5): the degree asked against their highest: met 1, not met 0 (0.5 when "or equivalent").
- location (5): remote, location rules and sponsorship against what the user said; unknown when they said nothing.
- salary (5): the posting's stated pay, made yearly, against the floor the user set, in the same currency: the top
  of the range at or over it 1, under it 0 (and a blocker); unknown without a floor, a figure or a shared currency.

A part whose answer is unknown (the posting asks nothing, or the resume does not say) is left out and the others
are scaled up to 100, so a posting is never marked down for what nobody knows. The role and the must-have skills
are always counted: an unknown family counts 0 for its half, a posting naming no skills counts its skills as 0.5.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from app.jobs.requirements import Requirements
from app.jobs.requirements_place import place_covers, places_in
from app.match.facts import DEGREE_RANK, PersonFacts
from app.match.roles import RANK, Role, family_closeness, role_of, words_overlap

Status = Literal["met", "partly", "not_met", "unknown"]
SkillWhere = Literal["resume", "profile", "missing"]

WEIGHTS = {
    "role": 35,
    "must_have": 25,
    "nice_to_have": 5,
    "seniority": 15,
    "experience": 10,
    "education": 5,
    "location": 5,
    "salary": 5,
}
YEARLY = {"year": 1, "month": 12, "week": 52, "day": 230, "hour": 1840}
SCORE_VERSION = "m2"  # bump when the score's rules change: cached reports and Discover's rows are recomputed
RECENCY = (1.0, 0.9, 0.8, 0.7)  # the weight of a person's titles, most recent first (and the rest 0.6)


@dataclass
class SkillCheck:
    name: str
    where: SkillWhere
    required: bool


@dataclass
class Part:
    key: str
    label: str
    value: float | None  # 0..1, None: unknown (left out of the score)
    status: Status
    detail: str  # in words, for the job page


@dataclass
class Suggestion:
    text: str
    gain: int  # points the score would rise by
    add_skills: list[str] = field(default_factory=list)  # skills to say in the resume (the user has them)


@dataclass
class MatchReport:
    score: int
    parts: list[Part]
    skills: list[SkillCheck]
    suggestions: list[Suggestion]
    blockers: list[str]  # hard requirements the user does not meet (sponsorship, location rules they set)


@dataclass
class Wishes:
    """What the user said they need (Discover's hard requirements and search preferences)."""

    needs_sponsorship: bool = False
    remote_only: bool = False
    location: str = ""  # where they live or may work, in their words ("Berlin, Germany", "EU")
    min_salary: int | None = None  # the least yearly pay they take, in `currency`
    currency: str = ""


@dataclass(frozen=True)
class Pay:
    """What a posting says it pays (its own fields, as the board or the user gave them)."""

    low: int | None
    high: int | None
    currency: str | None
    period: str | None


def _role(person: PersonFacts, posting: Role) -> Part:
    best, best_title, searched = 0.0, "", False
    for i, mine in enumerate(person.roles[:8]):
        closeness = family_closeness(mine.family, posting.family)
        value = 0.6 * (closeness or 0.0) + 0.4 * words_overlap(posting.words, mine.words)
        if closeness is None and words_overlap(posting.words, mine.words) >= 0.99:
            value = 1.0  # the same title words, even in a family we do not know
        value *= RECENCY[i] if i < len(RECENCY) else 0.6
        if value > best:
            best, best_title = value, mine.title
    for wanted in person.targets[:5]:
        # A role they search for: how much of what they typed the title has ("python" in "Senior Python Engineer").
        closeness = family_closeness(wanted.family, posting.family)
        cover = words_overlap(wanted.words, posting.words)
        value = 0.9 * cover if closeness is None else 0.6 * closeness + 0.4 * cover
        if value > best:
            best, best_title, searched = value, wanted.title, True
    if not person.roles and not person.targets:
        return Part("role", "Role", 0.0, "unknown", "Your resume names no job title to compare with this role.")
    if searched:
        status: Status = "met" if best >= 0.75 else "partly" if best >= 0.4 else "not_met"
        return Part("role", "Role", best, status, f"Compared with your saved search \u201c{best_title}\u201d.")
    if best >= 0.75:
        return Part("role", "Role", best, "met", f"Close to your role as {best_title}.")
    if best >= 0.4:
        return Part("role", "Role", best, "partly", f"Related to your role as {best_title}.")
    titles = ", ".join(dict.fromkeys(r.title for r in person.roles[:3]))
    if not titles:
        return Part("role", "Role", best, "not_met", "A different line of work from your saved searches.")
    if posting.family is None or all(r.family is None for r in person.roles[:3]):  # we cannot tell the kind of work
        return Part("role", "Role", best, "not_met", f"Not clearly the same kind of role as your titles ({titles}).")
    return Part("role", "Role", best, "not_met", f"A different line of work from your titles ({titles}).")


def _skills(person: PersonFacts, names: list[str], required: bool) -> tuple[float | None, list[SkillCheck]]:
    checks: list[SkillCheck] = []
    got = 0.0
    for name in names:
        low = name.lower()
        if low in person.resume_skills:
            where: SkillWhere = "resume"
            got += 1
        elif low in person.profile_skills:
            where = "profile"
            got += 0.5
        else:
            where = "missing"
        checks.append(SkillCheck(name, where, required))
    return (got / len(names) if names else None), checks


def _skills_part(key: str, label: str, value: float | None, checks: list[SkillCheck]) -> Part:
    if value is None:
        return Part(key, label, None, "unknown", "The posting names none.")
    have = [c.name for c in checks if c.where != "missing"]
    profile_only = [c.name for c in checks if c.where == "profile"]
    missing = [c.name for c in checks if c.where == "missing"]
    status: Status = "met" if value >= 0.8 else "partly" if value >= 0.4 else "not_met"
    detail = f"You have {len(have)} of {len(checks)}"
    if profile_only:
        detail += f" ({', '.join(profile_only[:4])} only in your profile)"
    detail += f"; missing: {', '.join(missing[:6])}." if missing else "."
    return Part(key, label, value, status, detail)


def _seniority(person: PersonFacts, posting_level: str | None) -> Part:
    if posting_level is None or person.level is None:
        return Part("seniority", "Seniority", None, "unknown", "The posting or your resume does not say a level.")
    gap = RANK[posting_level] - RANK[person.level]
    value = {0: 1.0, 1: 0.5, -1: 0.6, 2: 0.2, -2: 0.2}.get(gap, 0.0)
    where = "a level above yours" if gap > 0 else "a level below yours" if gap < 0 else "your level"
    if abs(gap) > 1:
        where = f"{abs(gap)} levels {'above' if gap > 0 else 'below'} yours"
    status: Status = "met" if gap == 0 else "partly" if abs(gap) == 1 else "not_met"
    return Part("seniority", "Seniority", value, status, f"A {posting_level} role: {where} ({person.level}).")


def _years_value(have: float, want: int) -> float:
    return 1.0 if have >= want else 0.6 if have >= want - 1 else 0.2


def _experience(person: PersonFacts, req: Requirements) -> Part:
    rules = [r for r in req.years if r.required]
    values: list[float] = []
    notes: list[str] = []
    if req.min_years is not None and person.years is not None:
        values.append(_years_value(person.years, req.min_years))
        notes.append(f"{req.min_years}+ years asked; your dated roles cover {person.years:g} years")
    for rule in rules:
        if rule.skill is None:
            continue
        have = person.skill_years.get(rule.skill.lower())
        if have is not None:
            values.append(_years_value(have, rule.years))
            notes.append(f"{rule.years}+ years of {rule.skill} asked; {have:g} years in roles that name it")
        else:
            notes.append(f"{rule.years}+ years of {rule.skill} asked; your resume does not say how long")
    if not values:
        detail = "; ".join(notes) + "." if notes else "The posting asks no number of years."
        return Part("experience", "Experience", None, "unknown", detail)
    value = sum(values) / len(values)
    status: Status = "met" if value >= 0.99 else "partly" if value >= 0.5 else "not_met"
    return Part("experience", "Experience", value, status, "; ".join(notes) + ".")


def _education(person: PersonFacts, req: Requirements) -> Part:
    if req.degree is None:
        return Part("education", "Education", None, "unknown", "No degree asked.")
    asked = DEGREE_NAMES[req.degree]
    if person.degree is None:
        return Part("education", "Education", None, "unknown", f"{asked} asked; your resume names no degree.")
    mine = DEGREE_NAMES[person.degree].removeprefix("An ").removeprefix("A ")
    if DEGREE_RANK[person.degree] >= DEGREE_RANK[req.degree]:
        return Part("education", "Education", 1.0, "met", f"{asked} asked; you have {_a(mine)}.")
    if not req.degree_required:
        return Part("education", "Education", 0.5, "partly", f"{asked} or equivalent experience asked.")
    return Part("education", "Education", 0.0, "not_met", f"{asked} required; you have {_a(mine)}.")


DEGREE_NAMES = {
    "associate": "An associate degree",
    "bachelor": "A bachelor's degree",
    "master": "A master's degree",
    "phd": "A PhD",
}


def _a(noun: str) -> str:
    return f"{'an' if noun[:1] in 'aeiou' else 'a'} {noun}" if not noun.startswith("PhD") else f"a {noun}"


def _said(req: Requirements) -> list[str]:
    """What the posting says about where and who, in words."""
    said = []
    if req.remote:
        said.append({"remote": "Remote", "hybrid": "Hybrid", "onsite": "On site"}[req.remote])
    if req.sponsorship:
        said.append("no visa sponsorship" if req.sponsorship == "none" else "visa sponsorship offered")
    said += [r.text for r in req.location_rules[:2]]
    return said


def _location(req: Requirements, wishes: Wishes) -> tuple[Part, list[str]]:
    blockers: list[str] = []
    notes: list[str] = []
    values: list[float] = []
    if wishes.needs_sponsorship and req.sponsorship == "none":
        blockers.append("No visa sponsorship, and you said you need it.")
        values.append(0.0)
    elif wishes.needs_sponsorship and req.sponsorship == "offered":
        values.append(1.0)
        notes.append("Visa sponsorship offered")
    if wishes.remote_only and req.remote is not None:
        values.append(1.0 if req.remote == "remote" else 0.5 if req.remote == "hybrid" else 0.0)
        if req.remote == "onsite":
            blockers.append("On site, and you said you want remote work only.")
        else:
            notes.append(f"{req.remote.capitalize()}; you want remote")
    mine = places_in(wishes.location) if wishes.location else frozenset()
    places = [r.place for r in req.location_rules if r.kind == "located_in" and r.place]
    if mine and places:
        covered = [place_covers(p, mine) for p in places]
        if any(c is True for c in covered):
            values.append(1.0)
            notes.append(f"Must be located in {', '.join(places)}: you said {wishes.location}")
        elif any(c is False for c in covered):
            values.append(0.0)
            blockers.append(f"Must be located in {', '.join(places)}; you said you can work in {wishes.location}.")
    for rule in req.location_rules:
        if rule.kind in ("citizenship", "work_authorization", "clearance"):
            notes.append(rule.text)
    if not values:
        said = _said(req)
        if said:
            joined = "; ".join(said)
            detail = f"{joined[:1].upper()}{joined[1:]}. Not scored: you have not said what you need here."
        else:
            detail = "The posting says nothing about remote work, location or visas."
        return Part("location", "Location and eligibility", None, "unknown", detail), blockers
    value = min(values)
    status: Status = "met" if value >= 0.99 else "partly" if value > 0 else "not_met"
    return Part("location", "Location and eligibility", value, status, "; ".join(notes + blockers) + "."), blockers


def _money(amount: int, currency: str) -> str:
    symbol = {"USD": "$", "EUR": "\u20ac", "GBP": "\u00a3"}.get(currency)
    return f"{symbol}{amount:,}" if symbol else f"{amount:,} {currency}"


def _salary(pay: Pay | None, wishes: Wishes) -> tuple[Part, list[str]]:
    top = (pay.high or pay.low) if pay else None
    if not wishes.min_salary:
        detail = "Not scored: you have not set a minimum salary." if top else "The posting states no pay."
        return Part("salary", "Salary", None, "unknown", detail), []
    if pay is None or not top:
        return Part("salary", "Salary", None, "unknown", "The posting states no pay."), []
    currency = (pay.currency or "").upper()
    if not currency or currency != wishes.currency.upper():
        detail = f"Paid in {currency or 'an unstated currency'}; your minimum is in {wishes.currency or 'no currency'}."
        return Part("salary", "Salary", None, "unknown", detail), []
    yearly = top * YEARLY.get(pay.period or "year", 1)
    floor = _money(wishes.min_salary, currency)
    if yearly >= wishes.min_salary:
        return Part(
            "salary", "Salary", 1.0, "met", f"Up to {_money(yearly, currency)} a year; your minimum {floor}."
        ), []
    blocker = f"Pays up to {_money(yearly, currency)} a year; you said at least {floor}."
    return Part("salary", "Salary", 0.0, "not_met", blocker), [blocker]


def score_match(
    person: PersonFacts,
    title: str,
    req: Requirements,
    wishes: Wishes | None = None,
    role: Role | None = None,
    *,
    suggest: bool = True,
    pay: Pay | None = None,
) -> MatchReport:
    """`role`: the title's, when the caller has it already (Discover reads it from the stored posting facts);
    `suggest=False` leaves the suggestions out (Discover stores none: the job page makes them); `pay`: what the
    posting says it pays (its fields, not its text)."""
    wishes = wishes or Wishes()
    posting = role or role_of(title)
    must_names = req.must_have
    must_value, must_checks = _skills(person, must_names, True)
    nice_value, nice_checks = _skills(person, req.nice_to_have, False)
    posting_level = posting.level or req.seniority
    location, blockers = _location(req, wishes)
    salary, too_low = _salary(pay, wishes)
    parts = [
        _role(person, posting),
        _skills_part("must_have", "Must-have skills", must_value, must_checks),
        _skills_part("nice_to_have", "Nice-to-have skills", nice_value, nice_checks),
        _seniority(person, posting_level),
        _experience(person, req),
        _education(person, req),
        location,
        salary,
    ]
    if parts[1].value is None:  # a posting naming no skill: neither for nor against
        parts[1].value = 0.5
    total = _total(parts)
    return MatchReport(
        score=total,
        parts=parts,
        skills=must_checks + nice_checks,
        suggestions=_suggestions(parts, must_checks + nice_checks, req, person) if suggest else [],
        blockers=blockers + too_low,
    )


def _total(parts: list[Part]) -> int:
    counted = [(WEIGHTS[p.key], p.value) for p in parts if p.value is not None]
    weight = sum(w for w, _ in counted)
    return round(100 * sum(w * v for w, v in counted) / weight) if weight else 0


def _suggestions(
    parts: list[Part], checks: list[SkillCheck], req: Requirements, person: PersonFacts
) -> list[Suggestion]:
    """The changes that would raise the score most and that the user's own data supports: skills their profile
    has and their resume never says; how long they have used a skill the posting counts years of."""
    by_key = {p.key: p for p in parts}
    weight = sum(WEIGHTS[p.key] for p in parts if p.value is not None) or 1
    out: list[Suggestion] = []
    for key in ("must_have", "nice_to_have"):
        part_checks = [c for c in checks if c.required == (key == "must_have")]
        in_profile = [c.name for c in part_checks if c.where == "profile"]
        if not in_profile or by_key[key].value is None:
            continue
        gain = round(100 * WEIGHTS[key] * 0.5 * len(in_profile) / len(part_checks) / weight)
        names = ", ".join(in_profile[:4])
        kind = "asks for" if key == "must_have" else "would like"
        out.append(
            Suggestion(
                f"Your resume never says {names}, though your profile does; the posting {kind} "
                f"{'them' if len(in_profile) > 1 else 'it'}.",
                max(gain, 1),
                add_skills=in_profile,
            )
        )
    for rule in req.years:
        if rule.skill and rule.required and rule.skill.lower() not in person.skill_years:
            mine = rule.skill.lower() in person.resume_skills or rule.skill.lower() in person.profile_skills
            if mine:
                out.append(
                    Suggestion(
                        f"Say in your roles how long you have used {rule.skill}: the posting asks for "
                        f"{rule.years}+ years.",
                        max(round(100 * WEIGHTS["experience"] * 0.4 / weight), 1),
                    )
                )
    out.sort(key=lambda s: -s.gain)
    return out[:3]


__all__ = ["SCORE_VERSION", "MatchReport", "Part", "Pay", "SkillCheck", "Suggestion", "Wishes", "score_match"]
