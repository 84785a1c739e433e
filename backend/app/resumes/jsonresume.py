"""A resume as structure: the JSON Resume schema (jsonresume.org, v1.0.0), the sections the product uses.

Field names are the schema's own (camelCase: `startDate`, `studyType`), so a file exported here opens in any JSON
Resume tool and one made there imports here. Dates are strings as the schema has them: "YYYY", "YYYY-MM" or
"YYYY-MM-DD"; a role without `endDate` is current. Every string and list is bounded: the structure comes from a
parser reading an untrusted file, from an imported file, or from the user's edits. Unknown fields are dropped."""

from __future__ import annotations

import re
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

__all__ = [
    "Basics",
    "Certificate",
    "Education",
    "JsonResume",
    "Language",
    "Location",
    "Profile",
    "Project",
    "Skill",
    "Work",
    "empty_resume",
]

_DATE = re.compile(r"^(19[5-9]\d|20\d\d|2100)(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")


def _iso_date(value: str | None) -> str | None:
    if value is None or value == "":
        return None
    if not _DATE.match(value):
        raise ValueError('a date is "YYYY", "YYYY-MM" or "YYYY-MM-DD", between 1950 and 2100')
    return value


Short = Annotated[str, Field(max_length=200)]
Text = Annotated[str, Field(max_length=2000)]
Line = Annotated[str, Field(min_length=1, max_length=600)]
IsoDate = Annotated[str | None, Field(default=None, max_length=10), AfterValidator(_iso_date)]


class _Part(BaseModel):
    model_config = ConfigDict(extra="ignore", str_strip_whitespace=True, allow_inf_nan=False)


class Location(_Part):
    address: Short = ""
    city: Short = ""
    region: Short = ""
    countryCode: Annotated[str, Field(max_length=8)] = ""


class Profile(_Part):
    network: Short = ""
    username: Short = ""
    url: Short = ""


class Basics(_Part):
    name: Short = ""
    label: Short = ""  # the headline: "Data Analyst"
    email: Short = ""
    phone: Annotated[str, Field(max_length=40)] = ""
    url: Short = ""
    summary: Text = ""
    location: Location = Field(default_factory=Location)
    profiles: list[Profile] = Field(default_factory=list, max_length=10)


class Work(_Part):
    name: Short = ""  # the employer
    position: Short = ""
    location: Short = ""
    url: Short = ""
    startDate: IsoDate = None
    endDate: IsoDate = None
    summary: Text = ""
    highlights: list[Line] = Field(default_factory=list, max_length=60)


class Education(_Part):
    institution: Short = ""
    area: Short = ""  # "Computer Science"
    studyType: Short = ""
    startDate: IsoDate = None
    endDate: IsoDate = None
    score: Annotated[str, Field(max_length=40)] = ""
    courses: list[Short] = Field(default_factory=list, max_length=40)


class Skill(_Part):
    name: Short = ""  # a group ("Databases") or a single skill
    level: Annotated[str, Field(max_length=40)] = ""
    keywords: list[Short] = Field(default_factory=list, max_length=80)


class Project(_Part):
    name: Short = ""
    description: Text = ""
    highlights: list[Line] = Field(default_factory=list, max_length=30)
    keywords: list[Short] = Field(default_factory=list, max_length=40)
    startDate: IsoDate = None
    endDate: IsoDate = None
    url: Short = ""


class Certificate(_Part):
    name: Short = ""
    date: IsoDate = None
    issuer: Short = ""
    url: Short = ""


class Language(_Part):
    language: Short = ""
    fluency: Annotated[str, Field(max_length=60)] = ""


class JsonResume(_Part):
    basics: Basics = Field(default_factory=Basics)
    work: list[Work] = Field(default_factory=list, max_length=40)
    education: list[Education] = Field(default_factory=list, max_length=20)
    skills: list[Skill] = Field(default_factory=list, max_length=60)
    projects: list[Project] = Field(default_factory=list, max_length=30)
    certificates: list[Certificate] = Field(default_factory=list, max_length=40)
    languages: list[Language] = Field(default_factory=list, max_length=20)

    def dump(self) -> dict[str, Any]:
        """The JSON form to store or export: empty strings and lists left out, as JSON Resume files are written."""
        return _prune(self.model_dump(mode="json"))

    def skill_names(self) -> list[str]:
        """Every skill the structure names (group keywords, or the group's own name when it has none), once."""
        out: list[str] = []
        seen: set[str] = set()
        for group in self.skills:
            for name in group.keywords or ([group.name] if group.name else []):
                if name.lower() not in seen:
                    seen.add(name.lower())
                    out.append(name)
        return out


def _prune(value: Any) -> Any:
    if isinstance(value, dict):
        pruned = {k: _prune(v) for k, v in value.items()}
        return {k: v for k, v in pruned.items() if v not in ("", None, [], {})}
    if isinstance(value, list):
        return [p for p in (_prune(v) for v in value) if p not in ("", None, [], {})]
    return value


def empty_resume() -> JsonResume:
    return JsonResume()


def _span(start: str | None, end: str | None) -> str:
    if not start and not end:
        return ""
    return f"{start or ''} - {end or 'Present'}".strip(" -")


def render_text(resume: JsonResume) -> str:
    """Plain text of a structure, laid out as a resume is written (headings, one role a block, bullets), so a
    resume imported as JSON goes through the same reading and skill finding as an uploaded file."""
    b = resume.basics
    lines: list[str] = [line for line in (b.name, b.label) if line]
    place = ", ".join(p for p in (b.location.city, b.location.region) if p)
    contact = " | ".join(p for p in (b.email, b.phone, place, b.url, *(p.url for p in b.profiles)) if p)
    if contact:
        lines.append(contact)
    if b.summary:
        lines += ["", "SUMMARY", b.summary]
    if resume.work:
        lines += ["", "EXPERIENCE"]
        for w in resume.work:
            head = ", ".join(p for p in (w.position, w.name) if p)
            span = _span(w.startDate, w.endDate)
            lines += ["", f"{head} ({span})" if span else head]
            if w.summary:
                lines.append(w.summary)
            lines += [f"- {h}" for h in w.highlights]
    if resume.education:
        lines += ["", "EDUCATION"]
        for e in resume.education:
            degree = " in ".join(p for p in (e.studyType, e.area) if p)
            span = _span(e.startDate, e.endDate)
            head = ", ".join(p for p in (degree, e.institution) if p)
            lines.append(f"{head} ({span})" if span else head)
    if resume.skills:
        lines += ["", "SKILLS"]
        for s in resume.skills:
            if s.keywords:
                lines.append(f"{s.name}: {', '.join(s.keywords)}" if s.name else ", ".join(s.keywords))
            elif s.name:
                lines.append(s.name)
    if resume.projects:
        lines += ["", "PROJECTS"]
        for p in resume.projects:
            lines.append(p.name)
            if p.description:
                lines.append(p.description)
            lines += [f"- {h}" for h in p.highlights]
    if resume.certificates:
        lines += ["", "CERTIFICATIONS"]
        lines += [", ".join(x for x in (c.name, c.issuer, c.date or "") if x) for c in resume.certificates]
    if resume.languages:
        lines += ["", "LANGUAGES"]
        lines += [" - ".join(x for x in (lang.language, lang.fluency) if x) for lang in resume.languages]
    return "\n".join(lines).strip() + "\n"
