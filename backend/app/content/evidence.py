"""What a cover letter may cite: the structured resume, the profile and the posting, as numbered sources.

The offline composer writes its sentences from these facts, the LLM prompt lists them as [E1]…[En], and the claim
check maps cited ids back to them, so "where a sentence comes from" is answered the same way on both paths."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from typing import Any

from app.content.inputs import Inputs, canonical_skills, key
from app.resumes.jsonresume import JsonResume, Work
from app.skills.extractor import extract_skills

# Glyphs a PDF or DOCX leaves at the start of a bullet; "o" is Word's hollow bullet after text extraction.
_GLYPHS = (
    "\u2022\u25e6\u27a2\u25aa\u25cf\u25a0\u2023\u2043\u2219\u00b7\u2013\u2014\u2192\u2713\u2714\u27a4\u25ba\u25b8*-"
)
_LEAD = re.compile(rf"^\s*(?:[{_GLYPHS}]+|o(?=\s)|\d{{1,2}}[.)](?=\s))\s*")
# Bullets run together on one line by a text extractor: "o Forecasting Sales o Market Basket Analysis".
_RUN_TOGETHER = re.compile(rf"\s+(?:[{_GLYPHS}]|o)\s+(?=[A-Z0-9])")
_MAX_WORDS = 40


@dataclass(frozen=True)
class Source:
    """Where a sentence's facts come from; `quote` is the source text itself, for the reader to compare."""

    kind: str  # resume | profile | posting | courtesy | user | placeholder | llm
    ref: str  # "work[0].highlights[2]", "basics.name", "posting.responsibilities[1]", "pitch", "" …
    label: str  # human-readable: "Senior Engineer at Initech Corp (2019-2024)", with an en dash
    quote: str

    def as_dict(self) -> dict[str, str]:
        return asdict(self)


@dataclass
class Fact:
    """One achievement (a highlight, or one piece of a run-together highlight) with what ranks it."""

    text: str  # cleaned: no glyph, no trailing punctuation
    source: Source
    role: Source | None  # the role (or project) it belongs to
    employer: str
    position: str
    current: bool
    recency: int  # higher is more recent
    skills: list[str] = field(default_factory=list)


@dataclass
class Role:
    source: Source
    work: Work
    start: int | None
    end: int | None  # None: current when start is known

    @property
    def current(self) -> bool:
        return self.work.endDate is None and self.start is not None


def year_of(date: str | None) -> int | None:
    return int(date[:4]) if date else None


def span_label(start: int | None, end: int | None, current: bool) -> str:
    if start is None and end is None:
        return ""
    if current:
        return f"{start}\u2013present"
    if start is None or start == end:
        return f"{end or start}"
    return f"{start}\u2013{end}"


def role_quote(work: Work) -> str:
    """A role's fields as stored, the text a reader checks a role sentence against."""
    dates = f"{work.startDate or ''} \u2013 {work.endDate or 'present'}" if work.startDate or work.endDate else ""
    return ", ".join(p for p in (work.position, work.name, dates) if p)


def role_label(work: Work) -> str:
    start, end = year_of(work.startDate), year_of(work.endDate)
    head = " at ".join(p for p in (work.position, work.name) if p) or "A role"
    span = span_label(start, end, work.endDate is None and start is not None)
    return f"{head} ({span})" if span else head


def clean_line(text: str) -> str:
    """A highlight without its bullet glyph, extra spaces or trailing punctuation."""
    text = _LEAD.sub("", " ".join(text.split()))
    return text.strip().rstrip(".;,: ").strip()


def pieces_of(text: str) -> list[str]:
    """A highlight split where an extractor ran several bullets together, each piece cleaned."""
    return [p for p in (clean_line(x) for x in _RUN_TOGETHER.split(" " + text)) if len(p.split()) >= 2]


def roles_of(structure: JsonResume) -> list[Role]:
    out = []
    for i, work in enumerate(structure.work):
        if not (work.position or work.name):
            continue
        source = Source("resume", f"work[{i}]", role_label(work), role_quote(work))
        out.append(Role(source, work, year_of(work.startDate), year_of(work.endDate)))
    return out


def facts_of(structure: JsonResume) -> list[Fact]:
    """Every achievement line of the roles and projects, most recent first in `recency`."""
    facts: list[Fact] = []
    for role in roles_of(structure):
        i = int(role.source.ref[5:-1])
        recency = 9999 if role.current else (role.end or role.start or 0)
        for j, line in enumerate(role.work.highlights):
            source = Source("resume", f"work[{i}].highlights[{j}]", role.source.label, line)
            for piece in pieces_of(line):
                if len(piece.split()) > _MAX_WORDS:
                    continue
                facts.append(
                    Fact(piece, source, role.source, role.work.name, role.work.position, role.current, recency)
                )
    for i, project in enumerate(structure.projects):
        start, end = year_of(project.startDate), year_of(project.endDate)
        current = project.endDate is None and start is not None
        label = f"Project: {project.name}" if project.name else "A project"
        span = span_label(start, end, current)
        label = f"{label} ({span})" if span else label
        recency = 9999 if current else (end or start or 0)
        for j, line in enumerate(project.highlights):
            source = Source("resume", f"projects[{i}].highlights[{j}]", label, line)
            for piece in pieces_of(line):
                if len(piece.split()) <= _MAX_WORDS:
                    facts.append(Fact(piece, source, None, "", project.name, current, recency))
    for fact in facts:
        fact.skills = extract_skills(fact.text, "resume")
    return facts


def skills_source(structure: JsonResume, inputs: Inputs, skill: str) -> Source | None:
    """Where the user lists `skill`: the resume's skills section, else the profile's skills."""
    names = structure.skill_names()
    if key(skill) in {key(s) for s in canonical_skills(names)}:
        return Source("resume", "skills", "Skills on my resume", ", ".join(names))
    if key(skill) in {key(s) for s in inputs.profile_skills}:
        return Source("profile", "profile.skills", "Skills in my profile", ", ".join(inputs.profile_skills))
    return None


def posting_title(inputs: Inputs) -> Source:
    return Source("posting", "posting.title", f"The posting: {inputs.job_title}", inputs.job_title)


def posting_company(inputs: Inputs) -> Source:
    return Source("posting", "posting.company", f"The posting: {inputs.company}", inputs.company)


def posting_skills(inputs: Inputs) -> Source:
    return Source("posting", "posting.skills", "Skills the posting names", ", ".join(inputs.job_skills))


def posting_duty(inputs: Inputs, i: int) -> Source:
    return Source("posting", f"posting.responsibilities[{i}]", "A duty in the posting", inputs.responsibilities[i])


def name_source(inputs: Inputs) -> Source:
    return Source("profile", "basics.name", "My name", inputs.name)


def structure_text(structure: JsonResume) -> str:
    """Every string of the structure, one a line: what the guard counts as written by the user."""
    out: list[str] = []

    def walk(value: Any) -> None:
        if isinstance(value, str):
            out.append(value)
        elif isinstance(value, dict):
            for v in value.values():
                walk(v)
        elif isinstance(value, list):
            for v in value:
                walk(v)

    walk(structure.dump())
    return "\n".join(out)


def numbered(inputs: Inputs) -> list[tuple[str, Source]]:
    """The evidence of the LLM prompt, as (id, source): roles, their highlights, education, certificates, skills,
    the user's own words, then the posting's title, company and duties."""
    s = inputs.structure
    items: list[Source] = []
    for role in roles_of(s):
        items.append(role.source)
        at = role.source.ref
        items += [
            Source("resume", f"{at}.highlights[{j}]", role.source.label, h) for j, h in enumerate(role.work.highlights)
        ]
    for i, project in enumerate(s.projects):
        label = f"Project: {project.name}" if project.name else "A project"
        if project.description:
            items.append(Source("resume", f"projects[{i}].description", label, project.description))
        items += [
            Source("resume", f"projects[{i}].highlights[{j}]", label, h) for j, h in enumerate(project.highlights)
        ]
    for i, ed in enumerate(s.education):
        quote = ", ".join(p for p in (ed.studyType, ed.area, ed.institution, ed.endDate or "") if p)
        if quote:
            items.append(Source("resume", f"education[{i}]", "Education", quote))
    for i, cert in enumerate(s.certificates):
        quote = ", ".join(p for p in (cert.name, cert.issuer, cert.date or "") if p)
        if quote:
            items.append(Source("resume", f"certificates[{i}]", "Certificate", quote))
    if s.skill_names():
        items.append(Source("resume", "skills", "Skills on my resume", ", ".join(s.skill_names())))
    if inputs.profile_skills:
        items.append(Source("profile", "profile.skills", "Skills in my profile", ", ".join(inputs.profile_skills)))
    if s.basics.summary:
        items.append(Source("resume", "basics.summary", "My resume's summary", s.basics.summary))
    if inputs.pitch:
        items.append(Source("user", "pitch", "What I want employers to know", inputs.pitch))
    if inputs.why_company:
        items.append(Source("user", "why_company", f"Why {inputs.company or 'this company'}", inputs.why_company))
    if inputs.job_title:
        items.append(posting_title(inputs))
    if inputs.company:
        items.append(posting_company(inputs))
    items += [posting_duty(inputs, i) for i in range(len(inputs.responsibilities))]
    return [(f"E{n}", item) for n, item in enumerate(items, 1)]
