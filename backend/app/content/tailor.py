"""The tailored resume: the user's resume structure (JSON Resume), reordered to lead with what the job asks for.

Every role (employer, position, dates) and every bullet is kept; tailoring only reorders bullets within a role
and skill groups and their keywords, by what they share with the job's skills and duties, and leads the resume's
own summary with one sentence of facts (the headline, years derived from the roles' dates, the job's skills the
user has). Nothing is added that the profile and resume do not hold: the job's skills the user lacks go to
`missing_skills` in the report, never into the resume. The diff is taken against the same structure rendered
without tailoring, so it shows only what tailoring changed."""

from __future__ import annotations

import dataclasses
import difflib
import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from app.content.inputs import Inputs, key
from app.content.letter import and_list
from app.resumes.jsonresume import JsonResume, Skill, Work
from app.skills.extractor import extract_skills
from app.skills.taxonomy import get_taxonomy

PROMPT_VERSION = "tailor-offline-v2"
_WORD = re.compile(r"[a-z][a-z+#.]{2,}")
_STOP = {"and", "the", "for", "with", "our", "your", "you", "will", "into", "from", "that", "this", "are", "was",
         "were", "have", "has", "its", "their", "across", "using", "over", "more", "new", "all"}  # fmt: skip
_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
_MAX_GROUPS = 60  # JSON Resume's bound on skill entries (jsonresume.JsonResume)


@dataclass
class Tailored:
    text: str
    original: str
    missing_skills: list[str]
    matching_skills: list[str]
    resume: JsonResume = field(default_factory=JsonResume)  # the tailored structure (JSON Resume export)
    moved_bullets: int = 0
    notes: list[str] = field(default_factory=list)


def _words(text: str) -> set[str]:
    return {w.strip(".") for w in _WORD.findall(text.lower())} - _STOP


def _skill_key(name: str) -> str:
    return key(get_taxonomy().canonical(name) or name)


def _one_line(text: str) -> str:
    return " ".join(text.split())


class _Ranker:
    """How much a bullet or a skill shares with the job: its skills (weighted) and the words of its duties."""

    def __init__(self, inputs: Inputs) -> None:
        self.job_skills = {key(s) for s in inputs.job_skills}
        self.duty_words = _words(" ".join([*inputs.responsibilities, *inputs.job_skills]))

    def score(self, text: str) -> int:
        skills = {key(s) for s in extract_skills(text, "resume")}
        return 3 * len(skills & self.job_skills) + len(_words(text) & self.duty_words)

    def wanted(self, skill: str) -> bool:
        return _skill_key(skill) in self.job_skills

    def order(self, items: list[str]) -> tuple[list[str], int]:
        """Most relevant first (stable: ties keep the resume's order), and how many items changed place."""
        scores = {i: self.score(item) for i, item in enumerate(items)}
        ordered = [items[i] for i in sorted(scores, key=lambda i: -scores[i])]
        return ordered, sum(1 for a, b in zip(items, ordered, strict=True) if a != b)

    def order_skills(self, names: list[str]) -> list[str]:
        return sorted(names, key=lambda n: not self.wanted(n))


def _tailor_structure(resume: JsonResume, ranker: _Ranker) -> tuple[JsonResume, int]:
    moved = 0
    work = []
    for role in resume.work:
        highlights, n = ranker.order(role.highlights)
        moved += n
        work.append(role.model_copy(update={"highlights": highlights}))
    projects = []
    for project in resume.projects:
        highlights, n = ranker.order(project.highlights)
        moved += n
        keywords = ranker.order_skills(project.keywords)
        projects.append(project.model_copy(update={"highlights": highlights, "keywords": keywords}))

    def group_score(group: Skill) -> int:
        return sum(ranker.wanted(n) for n in group.keywords) + ranker.wanted(group.name) * (not group.keywords)

    groups = [g.model_copy(update={"keywords": ranker.order_skills(g.keywords)}) for g in resume.skills]
    groups = sorted(groups, key=lambda g: -group_score(g))
    return resume.model_copy(update={"work": work, "projects": projects, "skills": groups}), moved


def _with_profile_skills(resume: JsonResume, inputs: Inputs) -> tuple[JsonResume, list[str]]:
    """The resume plus the profile's skills it does not list (and, when it lists none, those found in its text),
    as single skills: they join the "Other" line rather than make up a group the user never named."""
    listed = {_skill_key(n) for n in resume.skill_names()}
    candidates = inputs.profile_skills if resume.skills else inputs.user_skills
    extra = [s for s in candidates if _skill_key(s) not in listed][: _MAX_GROUPS - len(resume.skills)]
    if not extra:
        return resume, []
    return resume.model_copy(update={"skills": [*resume.skills, *(Skill(name=s) for s in extra)]}), extra


# ---- dates and the summary's lead sentence --------------------------------------------------------------------


def _month_index(value: str) -> int:
    """A year alone counts from its January, as a start and as an end: "2019 - 2024" is five years, never six."""
    parts = value.split("-")
    return int(parts[0]) * 12 + (int(parts[1]) if len(parts) > 1 else 1) - 1


def years_of_experience(work: list[Work], today: date) -> int:
    """Whole years covered by the roles' dates (overlaps counted once; a role without an end runs to today)."""
    now = today.year * 12 + today.month - 1
    spans = sorted(
        (_month_index(w.startDate), _month_index(w.endDate) if w.endDate else now) for w in work if w.startDate
    )
    months, last = 0, -1
    for start, stop in spans:
        start = max(start, last + 1)
        if stop >= start:
            months += stop - start + 1
            last = stop
    return months // 12


def _date(value: str | None) -> str:
    if not value:
        return ""
    parts = value.split("-")
    return f"{_MONTHS[int(parts[1]) - 1]} {parts[0]}" if len(parts) > 1 else parts[0]


def _span(start: str | None, end: str | None, *, open_is_current: bool = True) -> str:
    if not start:
        return _date(end)
    return f"{_date(start)} \u2013 {_date(end) or ('Present' if open_is_current else '')}".rstrip(" \u2013")


def lead_sentence(resume: JsonResume, matching: list[str], today: date) -> str:
    """One sentence of facts: headline, years of experience, the job's skills the user has. No adjectives."""
    title = resume.basics.label or next((w.position for w in resume.work if w.position), "")
    years = years_of_experience(resume.work, today)
    skills = and_list([f"**{s}**" for s in matching[:4]])
    span = f"{years} year{'s' if years != 1 else ''} of experience" if years else ""
    head = f"{title} with {span}" if title and span else title or span[:1].upper() + span[1:]
    if head and skills:
        return f"{head}, working with {skills}."
    if skills:
        return f"Hands-on experience with {skills}."
    return f"{head}." if head else ""


# ---- Markdown -------------------------------------------------------------------------------------------------


def _heading(*parts: str) -> str:
    return " \u2014 ".join(p for p in parts if p)


def _meta(*parts: str) -> str:
    return " \u00b7 ".join(p for p in parts if p)


def render_markdown(resume: JsonResume, fallback_name: str = "") -> str:
    """The resume as the Markdown the document page, the diff and the exports read."""
    b = resume.basics
    lines = [f"# {b.name or fallback_name or 'Resume'}"]
    place = ", ".join(p for p in (b.location.city, b.location.region, b.location.countryCode) if p)
    # " | " rather than " · ": the guard reads a "·"-separated line as a list and would re-join it with commas.
    contact = " | ".join(
        p
        for p in (b.email, b.phone, place, b.url, *[p.url or f"{p.network} {p.username}" for p in b.profiles])
        if p.strip()
    )
    for line in (b.label, contact):
        if line:
            lines += ["", line]
    if b.summary:
        lines += ["", "## Summary", "", _one_line(b.summary)]
    if resume.work:
        lines += ["", "## Experience"]
        for w in resume.work:
            lines += ["", f"### {_heading(w.position, w.name) or 'Role'}"]
            meta = _meta(_span(w.startDate, w.endDate), w.location)
            if meta:
                lines.append(meta)
            if w.summary:
                lines += ["", _one_line(w.summary)]
            if w.highlights:
                lines += ["", *[f"- {_one_line(h)}" for h in w.highlights]]
    if resume.education:
        lines += ["", "## Education"]
        for e in resume.education:
            lines += ["", f"### {_heading(', '.join(p for p in (e.studyType, e.area) if p), e.institution)}"]
            meta = _meta(_span(e.startDate, e.endDate, open_is_current=False), e.score)
            if meta:
                lines.append(meta)
            if e.courses:
                lines += ["", f"Courses: {', '.join(e.courses)}"]
    groups = [g for g in resume.skills if g.keywords]
    singles = [f"{g.name} ({g.level})" if g.level else g.name for g in resume.skills if g.name and not g.keywords]
    if groups or singles:
        lines += ["", "## Skills"]
        for g in groups:
            label = f"{g.name or 'Skills'} ({g.level})" if g.level else g.name or "Skills"
            lines += ["", f"**{label}:** {', '.join(g.keywords)}"]
        if singles:
            lines += ["", f"**{'Other' if groups else 'Skills'}:** {', '.join(singles)}"]
    if resume.projects:
        lines += ["", "## Projects"]
        for p in resume.projects:
            lines += ["", f"### {p.name or 'Project'}"]
            meta = _meta(_span(p.startDate, p.endDate, open_is_current=False), p.url)
            if meta:
                lines.append(meta)
            if p.description:
                lines += ["", _one_line(p.description)]
            if p.highlights:
                lines += ["", *[f"- {_one_line(h)}" for h in p.highlights]]
            if p.keywords:
                lines += ["", f"Technologies: {', '.join(p.keywords)}"]
    if resume.certificates:
        lines += ["", "## Certificates", ""]
        lines += [
            f"- {_heading(c.name, c.issuer)}{f' ({_date(c.date)})' if c.date else ''}" for c in resume.certificates
        ]
    if resume.languages:
        lines += ["", "## Languages", ""]
        lines += [f"- {_heading(lang.language, lang.fluency)}" for lang in resume.languages if lang.language]
    return "\n".join(lines).strip() + "\n"


# ---- the tailored resume --------------------------------------------------------------------------------------


def tailor_resume(inputs: Inputs, today: date | None = None) -> Tailored:
    """The tailored Markdown and structure, the untailored rendering it is compared with, and the honest gaps."""
    today = today or date.today()
    source, added = _with_profile_skills(inputs.structure, inputs)
    original = render_markdown(source, inputs.name)
    have = {_skill_key(s) for s in [*inputs.user_skills, *source.skill_names()]}
    have |= {key(s) for s in extract_skills(original, "resume")}
    matching = [s for s in inputs.job_skills if key(s) in have]

    tailored, moved = _tailor_structure(source, _Ranker(inputs))
    lead = lead_sentence(source, matching, today)
    summary = _one_line(f"{lead} {source.basics.summary}")
    tailored = tailored.model_copy(update={"basics": tailored.basics.model_copy(update={"summary": summary})})
    text = render_markdown(tailored, inputs.name)
    have |= {key(s) for s in extract_skills(text, "resume")}

    notes = []
    if not source.work and not inputs.sections:
        notes.append("No ready resume was found; this version is built from your profile's skills only.")
    elif not source.work:
        notes.append("No roles could be read from your resume yet; correct its structure to include them.")
    if added:
        notes.append(f"Added from your profile: {', '.join(added)}.")
    return Tailored(
        text=text,
        original=original,
        missing_skills=[s for s in inputs.job_skills if key(s) not in have],
        matching_skills=matching,
        resume=tailored,
        moved_bullets=moved,
        notes=notes,
    )


def guard_inputs(inputs: Inputs, tailored: Tailored) -> Inputs:
    """What the guard checks a tailored resume against: the resume's text and its structure as rendered (the
    user's own corrections to the structure are as much theirs as the uploaded file)."""
    return dataclasses.replace(inputs, resume_text=f"{inputs.resume_text}\n{tailored.original}")


def line_diff(original: str, current: str) -> list[dict[str, Any]]:
    """Line operations turning the untailored resume into the current text: equal, insert and delete."""
    a, b = original.splitlines(), current.splitlines()
    ops: list[dict[str, Any]] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            ops += [{"op": "equal", "text": line} for line in a[i1:i2]]
            continue
        if tag in ("delete", "replace"):
            ops += [{"op": "delete", "text": line} for line in a[i1:i2]]
        if tag in ("insert", "replace"):
            ops += [{"op": "insert", "text": line} for line in b[j1:j2]]
    return ops
