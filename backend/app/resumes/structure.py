"""A resume's text and sections read into structure (JSON Resume): who, which roles where and when, what was done.

Every string is cut from the text (trimmed, bullets and labels removed, wrapped lines joined), never composed, so
what the user sees can be found in their resume. Reading is bounded (text length, lines, list sizes) and never
raises: a resume the reader does not understand gives an emptier structure, not an error."""

from __future__ import annotations

import logging
import re

from app.resumes.jsonresume import JsonResume
from app.resumes.sections import HEADINGS, heading_key, split_sections
from app.resumes.structure_basics import basics as read_basics
from app.resumes.structure_flat import is_flat, unflatten
from app.resumes.structure_more_roles import (
    confident,
    merge_in_order,
    with_headline,
    with_labelled_roles,
    with_lone_titles,
    with_other_roles,
    with_prose_roles,
    without_stray_names,
)
from app.resumes.structure_sections import (
    education_anywhere,
    parse_certificates,
    parse_education,
    parse_languages,
    parse_projects,
    parse_skills,
)
from app.resumes.structure_text import (
    MAX_LINES,
    section_lines,
)
from app.resumes.structure_work import parse_work

__all__ = ["STRUCTURE_VERSION", "parse_structure"]

logger = logging.getLogger(__name__)

STRUCTURE_VERSION = "s4"
MAX_TEXT = 200_000
MAX_FLAT_LINE = 3000

# Roles are also read under these headings, when confident: "Wine and Spirits Sales Experience" is too long a heading
# for the splitter, so its roles land under the skills heading before it. ("other" was tried: awards and
# memberships with years read as roles and cost more precision than they gave recall.)
_ALSO_ROLES_IN = ("skills",)


def parse_structure(text: str, sections: dict[str, str]) -> JsonResume:
    """The structure of a resume from its normalized text and its sections (app/resumes/sections.py)."""
    try:
        return _parse(text[:MAX_TEXT], sections)
    except Exception:  # the contract is "never raises": an unforeseen input must not fail the upload
        logger.exception("resume structure parsing failed; returning the contact details only")
        try:
            return JsonResume(basics=read_basics(text[:MAX_TEXT], {}))
        except Exception:
            return JsonResume()


def _parse(text: str, sections: dict[str, str]) -> JsonResume:
    sections = {k: v[:MAX_TEXT] for k, v in sections.items() if isinstance(v, str)}
    if is_flat(text):  # one long line: its sections could not be found, so they are read again with breaks put back
        unflattened = unflatten(text)
        if max(len(line) for line in unflattened.splitlines()) <= MAX_FLAT_LINE:  # else not prose: leave it
            text, sections = unflattened, split_sections(unflattened)
    if "experience" not in sections:
        opened = _heading_opens_line(text)
        if opened != text:
            text, sections = opened, split_sections(opened)
    for key, value in _numbered_sections(text).items():  # "6. Employment History" is a heading too
        if key in ("experience", "education") and key not in sections:
            sections[key] = value
    work = parse_work(section_lines(sections.get("experience")))
    if not sections.get("experience"):
        work = parse_work(section_lines("\n".join(sections.get(k, "") for k in ("contact", "summary", "other"))))
        work = [w for w in work if w.name and w.position]
    work = with_lone_titles(section_lines(sections.get("experience")), work)
    work = with_prose_roles(section_lines(text), work)
    work = with_labelled_roles(section_lines(text), work)
    work = with_other_roles(section_lines(sections.get("other")), work)
    for key in _ALSO_ROLES_IN:
        if sections.get("experience") and sections.get(key):
            extra = [w for w in parse_work(section_lines(sections[key])) if confident(w)]
            work = merge_in_order(text, work, extra)
    skills, language_lines = parse_skills(section_lines(sections.get("skills")))
    languages = parse_languages(
        [*language_lines, *section_lines(sections.get("other")), *section_lines(sections.get("contact"))]
    )
    basics = read_basics(text, sections)
    person = basics.name if basics.name and text.count(basics.name) > 1 else ""  # repeated: a page header
    work = with_headline(basics.label, without_stray_names(work, person))
    return JsonResume(
        basics=basics,
        work=work[:40],
        education=parse_education(section_lines(sections.get("education"))) or education_anywhere(section_lines(text)),
        skills=skills,
        projects=parse_projects(section_lines(sections.get("projects"))),
        certificates=parse_certificates(section_lines(sections.get("certifications"))),
        languages=languages,
    )


_EXPERIENCE_NAMES = "|".join(
    re.escape(name)
    for name in sorted((n for n, k in HEADINGS.items() if k == "experience" and " " in n), key=len)[::-1]
)
_GLUED_HEADING = re.compile(rf"^((?i:{_EXPERIENCE_NAMES}))\s*:?\s+(?=[A-Z][A-Za-z]+\s+[A-Z])", re.MULTILINE)


def _heading_opens_line(text: str) -> str:
    """ "Work Experience Carnegie Mellon University": a heading whose line break was lost runs into the first
    role; the line is split after it (only whitespace is replaced) when it is written as a heading."""

    def split(m: re.Match[str]) -> str:
        heading = m.group(1)
        return (
            f"{heading}\n"
            if heading_key(heading) == "experience" and (heading.istitle() or heading.isupper())
            else m.group(0)
        )

    return _GLUED_HEADING.sub(split, text, count=1)


_NUMBERED = re.compile(r"^\s*(?:\d{1,2}|[IVX]{1,4})[.)]\s+(\S.{0,60})$")


def _numbered_sections(text: str) -> dict[str, str]:
    """Sections under numbered headings ("5. Academic Studies:", "6. Employment History"), which the section
    splitter leaves unread because a heading there has no digits."""
    found: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in text.splitlines()[:MAX_LINES]:
        m = _NUMBERED.match(line)
        key = heading_key(m.group(1)) if m else None
        if key is None and m is None and current is not None and heading_key(line):
            current = None  # a plain heading ends the numbered section
            continue
        if key is not None:
            current = found.setdefault(key, [])
        elif current is not None:
            current.append(line)
    return {key: "\n".join(lines) for key, lines in found.items() if any(ln.strip() for ln in lines)}
