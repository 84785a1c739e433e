"""What a job posting asks for, read offline from its title and text: skills it must have and would like, years of
experience, degree, seniority, remote/hybrid/onsite, visa sponsorship and location rules ("How well do I fit?").

- Sections (`requirements_sections`): headings such as "Requirements", "What you'll need", "Nice to have",
  "Responsibilities", "Benefits", "About us" split the text; benefits and about sections never give skills or years.
- Skills: `must_have` are the skills named in requirements sections, and those years are asked for; `nice_to_have`
  those named only in nice-to-have sections or in the optional part of a requirements sentence ("Kafka is a plus",
  "…, preferably Django"). With no requirements heading, every section but benefits, about and nice-to-have gives
  must-have skills. Fields of study ("Computer Science") are left to `degree_fields`.
- Years (`requirements_rules`): "5+ years" → 5, "3-5 years" → 3, "at least two years" → 2, "0-2 years" → 0,
  tied to a skill when the phrase names a tool, language or technology ("5 years of experience with Python"; "5
  years of product management" is experience overall). Time spans that are not experience ("401k after 1 year",
  "founded 10 years ago", "a 3-year contract") are not read. `min_years` is the largest required rule without a
  skill.
- Degree (`requirements_rules`): the lowest level that satisfies the posting ("BS/MS" → bachelor); not required
  with "or equivalent experience", "preferred" or under nice-to-have.
- Seniority (`requirements_seniority`) from the title: "Intern"/"Trainee" → intern; "Junior"/"Jr"/"Graduate"/"Entry
  level"/"… I" → junior; "Mid"/"… II" → mid; "Senior"/"Sr."/"Staff"/"… III" → senior ("Staff" is a senior
  individual contributor, and the scale has no step between senior and lead); "Lead" → lead; "Principal" →
  principal; "Manager" (not "Product Manager") → manager; "Head of"/"Director" → director; "VP"/"Chief"/"CTO" →
  executive. "Mid / Senior" gives the lower, "Senior Manager" the higher. Without one: from `min_years` (or else
  the largest required years for a skill), 0-1 junior, 2-4 mid, 5+ senior.
- Place (`requirements_place`): remote/hybrid/onsite, sponsorship and hard location rules need explicit phrases, since
  a wrong rule hides a job from the user; a time zone ("Remote-first, EU timezones") creates no location rule, "must
  be based in"/"… only"/"citizens only" do. Rules of one kind are alternatives (US or Canada).

Every pattern is linear: literal alternations and bounded repeats, no unbounded repeat inside another over user text;
the text is cut at 100 KB, the phrases examined per posting are capped, and so is every list.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal, TypeVar, get_args

from app.jobs.requirements_place import (
    MAX_LOCATION_RULES,
    LocationKind,
    LocationRule,
    Remote,
    Sponsorship,
    location_rules,
    remote_mode,
    sponsorship,
)
from app.jobs.requirements_rules import (
    MAX_FIELDS,
    MAX_RULE_TEXT,
    MAX_YEARS,
    MAX_YEARS_RULES,
    Degree,
    YearsRule,
    read_degree,
    read_years,
)
from app.jobs.requirements_sections import SECTION_KINDS, Unit, split_sections, units
from app.jobs.requirements_seniority import Seniority, title_seniority, years_seniority
from app.skills.extractor import extract_skills
from app.skills.taxonomy import get_taxonomy

__all__ = [
    "REQUIREMENTS_VERSION",
    "Degree",
    "LocationRule",
    "Requirements",
    "Seniority",
    "YearsRule",
    "from_json",
    "parse_requirements",
    "to_json",
]

REQUIREMENTS_VERSION = "r1"  # bump when output changes, stored results are recomputed
MAX_TEXT, MAX_TITLE, MAX_SKILLS = 100_000, 300, 40
_NOT_SKILLS = frozenset({"field"})  # "Computer Science" is a degree's field, in `degree_fields`


@dataclass(frozen=True)
class Requirements:
    version: str
    sections: dict[str, str]  # kind -> text; kinds: see SECTION_KINDS
    must_have: list[str]
    nice_to_have: list[str]  # never also in must_have
    years: list[YearsRule]
    min_years: int | None
    degree: Degree | None
    degree_fields: list[str]
    degree_required: bool
    seniority: Seniority | None
    remote: Literal["remote", "hybrid", "onsite"] | None
    sponsorship: Literal["none", "offered"] | None
    location_rules: list[LocationRule]


def parse_requirements(title: str, text: str) -> Requirements:
    """Read a posting's requirements from its title and plain text (HTML first through `app.jobs.text.html_to_text`)."""
    title = " ".join(title[:MAX_TITLE].split())
    text = text[:MAX_TEXT].replace("\r\n", "\n").replace("\r", "\n")
    sections = split_sections(text)
    every = units(sections)
    years = read_years(every)
    must_have, nice_to_have = _skills(every, "requirements" in sections, years)
    min_years = max((r.years for r in years if r.required and r.skill is None), default=None)
    any_years = max((r.years for r in years if r.required), default=None)
    degree = read_degree(every)
    return Requirements(
        version=REQUIREMENTS_VERSION,
        sections=sections,
        must_have=must_have,
        nice_to_have=nice_to_have,
        years=years,
        min_years=min_years,
        degree=degree.degree,
        degree_fields=degree.fields,
        degree_required=degree.required,
        seniority=title_seniority(title) or years_seniority(min_years if min_years is not None else any_years),
        remote=remote_mode(every, title),
        sponsorship=sponsorship(every),
        location_rules=location_rules(every, title),
    )


def _skills(every: list[Unit], has_requirements: bool, years: list[YearsRule]) -> tuple[list[str], list[str]]:
    """(must-have, nice-to-have) canonical skills, each list in order of first appearance; a skill that years are
    asked for counts too ("3+ years in Go" names Go where the extractor alone would not read "Go")."""
    asking = ("requirements",) if has_requirements else ("requirements", "responsibilities", "other")
    required: list[str] = []
    optional: list[str] = []
    for unit in every:
        if unit.kind == "nice_to_have":
            optional.append(unit.text)
        elif unit.kind in asking:
            if unit.optional is None:
                required.append(unit.text)
            else:
                start, end = unit.optional
                required.append(unit.text[:start])
                optional.append(unit.text[start:end])
    taxonomy = get_taxonomy()
    must = extract_skills("\n".join(required)) + [y.skill for y in years if y.skill and y.required]
    nice = extract_skills("\n".join(optional)) + [y.skill for y in years if y.skill and not y.required]
    must = [s for s in dict.fromkeys(must) if taxonomy.category(s) not in _NOT_SKILLS]
    taken = set(must)
    nice = [s for s in dict.fromkeys(nice) if s not in taken and taxonomy.category(s) not in _NOT_SKILLS]
    return must[:MAX_SKILLS], nice[:MAX_SKILLS]


def to_json(r: Requirements) -> dict[str, Any]:
    """A JSON-safe dict, for storage; `from_json` reads it back."""
    return {
        "version": r.version,
        "sections": dict(r.sections),
        "must_have": list(r.must_have),
        "nice_to_have": list(r.nice_to_have),
        "years": [{"years": y.years, "skill": y.skill, "text": y.text, "required": y.required} for y in r.years],
        "min_years": r.min_years,
        "degree": r.degree,
        "degree_fields": list(r.degree_fields),
        "degree_required": r.degree_required,
        "seniority": r.seniority,
        "remote": r.remote,
        "sponsorship": r.sponsorship,
        "location_rules": [{"kind": x.kind, "place": x.place, "text": x.text} for x in r.location_rules],
    }


class _Malformed(ValueError):
    pass


_T = TypeVar("_T", bound=str)
_DEGREES: tuple[Degree, ...] = get_args(Degree)
_SENIORITIES: tuple[Seniority, ...] = get_args(Seniority)
_REMOTES: tuple[Remote, ...] = get_args(Remote)
_SPONSORSHIPS: tuple[Sponsorship, ...] = get_args(Sponsorship)
_LOCATION_KINDS: tuple[LocationKind, ...] = get_args(LocationKind)


def from_json(data: dict[str, Any]) -> Requirements | None:
    """The stored result, or None when it is of another version or malformed (types, sizes and values checked)."""
    try:
        if not isinstance(data, dict) or data.get("version") != REQUIREMENTS_VERSION:
            return None
        sections = _mapping(data.get("sections"))
        return Requirements(
            version=REQUIREMENTS_VERSION,
            sections=sections,
            must_have=_strings(data.get("must_have"), MAX_SKILLS, 200),
            nice_to_have=_strings(data.get("nice_to_have"), MAX_SKILLS, 200),
            years=[_years_rule(y) for y in _list(data.get("years"), MAX_YEARS_RULES)],
            min_years=_optional_int(data.get("min_years")),
            degree=_choice(data.get("degree"), _DEGREES),
            degree_fields=_strings(data.get("degree_fields"), MAX_FIELDS, 200),
            degree_required=_bool(data.get("degree_required")),
            seniority=_choice(data.get("seniority"), _SENIORITIES),
            remote=_choice(data.get("remote"), _REMOTES),
            sponsorship=_choice(data.get("sponsorship"), _SPONSORSHIPS),
            location_rules=[_location_rule(x) for x in _list(data.get("location_rules"), MAX_LOCATION_RULES)],
        )
    except _Malformed:
        return None


def _list(value: object, limit: int) -> list[Any]:
    if not isinstance(value, list) or len(value) > limit:
        raise _Malformed
    return value


def _string(value: object, limit: int) -> str:
    if not isinstance(value, str) or len(value) > limit:
        raise _Malformed
    return value


def _strings(value: object, limit: int, length: int) -> list[str]:
    return [_string(v, length) for v in _list(value, limit)]


def _bool(value: object) -> bool:
    if not isinstance(value, bool):
        raise _Malformed
    return value


def _optional_int(value: object) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_YEARS:
        raise _Malformed
    return value


def _choice(value: object, allowed: tuple[_T, ...]) -> _T | None:
    if value is None:
        return None
    for option in allowed:
        if value == option:
            return option
    raise _Malformed


def _mapping(value: object) -> dict[str, str]:
    if not isinstance(value, dict) or not set(value) <= set(SECTION_KINDS):
        raise _Malformed
    out = {kind: _string(body, MAX_TEXT) for kind, body in value.items()}
    if sum(map(len, out.values())) > MAX_TEXT + 1_000:
        raise _Malformed
    return out


def _years_rule(value: object) -> YearsRule:
    if not isinstance(value, dict):
        raise _Malformed
    years = _optional_int(value.get("years"))
    skill = value.get("skill")
    if years is None or (skill is not None and not isinstance(skill, str)) or len(skill or "") > 200:
        raise _Malformed
    return YearsRule(years, skill, _string(value.get("text"), MAX_RULE_TEXT), _bool(value.get("required")))


def _location_rule(value: object) -> LocationRule:
    if not isinstance(value, dict):
        raise _Malformed
    kind = _choice(value.get("kind"), _LOCATION_KINDS)
    place = value.get("place")
    if kind is None or (place is not None and not isinstance(place, str)) or len(place or "") > 100:
        raise _Malformed
    return LocationRule(kind, place, _string(value.get("text"), MAX_RULE_TEXT))
