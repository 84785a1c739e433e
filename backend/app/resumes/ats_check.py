"""The resume check: the uploaded file as an applicant tracking system (ATS) reads it, with what to fix.

`check_resume` is pure and bounded: it reads the file with the text readers' own guards (`ats_check_pdf`,
`ats_check_docx`) and looks at the text, sections and structure the upload produced. It is CPU-bound and blocking:
call it through `asyncio.to_thread`.

Findings (each with a fix when something needs doing): text extractable (scanned or drawn as shapes), columns,
tables and text boxes used for layout, contact details only in a header, fonts (unmapped glyphs, icon fonts, fonts
not embedded), file type, contact details found (no email is an error), standard section headings, readable dates on
roles, length.

Score: 100 - 25 per error - 8 per warning, at least 0; a file an ATS gets no text from scores 0 (it sees nothing).
So one error and one warning give 67, a clean resume 100, and a clean one with one warning 92."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal

from app.resumes.ats_check_base import FileFacts, Finding, error, ok, plural, warning
from app.resumes.ats_check_docx import EMAIL, PHONE, inspect_docx
from app.resumes.ats_check_pdf import inspect_pdf
from app.resumes.errors import ResumeParseError
from app.resumes.jsonresume import JsonResume
from app.resumes.parsing import sniff_type
from app.resumes.sections import heading_key

__all__ = ["AtsParsed", "AtsReport", "Finding", "check_resume", "score_of"]

ERROR_COST = 25
WARNING_COST = 8
WORDS_PER_PAGE = 450  # to estimate pages where the file does not say (TXT, a DOCX Word never paginated)
MIN_WORDS = 150
MAX_GOOD_PAGES = 2
MAX_LISTED = 20
STANDARD = {"experience": "Experience", "education": "Education", "skills": "Skills"}
SECTION_NAMES = {
    "contact": "Contact",
    "summary": "Summary",
    "experience": "Experience",
    "education": "Education",
    "skills": "Skills",
    "projects": "Projects",
    "certifications": "Certifications",
    "other": "Other",
}
_SEVERITY_ORDER = {"error": 0, "warning": 1, "ok": 2}
_CAPS_HEADING = re.compile(r"^[A-Z][A-Z&/' -]{2,40}$")

FileType = Literal["pdf", "docx", "txt", "unknown"]


@dataclass(slots=True)
class AtsParsed:
    """What an ATS takes from the resume: the plain text, and the fields it fills in from it."""

    text: str
    name: str = ""
    email: str = ""
    phone: str = ""
    titles: list[str] = field(default_factory=list)
    employers: list[str] = field(default_factory=list)
    schools: list[str] = field(default_factory=list)
    headings: list[str] = field(default_factory=list)


@dataclass(slots=True)
class AtsReport:
    score: int
    label: str
    file_type: FileType
    pages: int | None
    words: int
    findings: list[Finding]
    parsed: AtsParsed


def check_resume(
    data: bytes,
    filename: str,
    parsed_text: str,
    sections: dict[str, str],
    structure: JsonResume,
    *,
    read_error: str | None = None,
) -> AtsReport:
    """The check of one resume file; `parsed_text`, `sections` and `structure` are what the upload read from it
    (empty when reading failed, with `read_error` saying why)."""
    kind = _kind(data)
    facts = _inspect(kind, data)
    text = parsed_text if facts.readable else ""
    findings = list(facts.findings)
    if facts.readable and not text.strip():  # the file holds text, but reading it failed: say why, not "fine"
        findings = [f for f in findings if f.code != "text"]
        reason = read_error or "No text could be read from it."
        fix = "Upload a PDF exported from your word processor, or a DOCX."
        findings.insert(0, error("text", "The text could not be read", reason, fix))
    findings.append(_file_type(kind, filename))
    words = len(text.split())
    if text.strip():
        findings += [
            *_contact(text, structure),
            _headings(text, sections, structure),
            *_dates(sections, structure),
            _length(facts.pages, words),
        ]
    findings.sort(key=lambda f: _SEVERITY_ORDER[f.severity])
    score = score_of(findings) if text.strip() else 0
    return AtsReport(score, label_of(score), kind, facts.pages, words, findings, _parsed(text, sections, structure))


def score_of(findings: list[Finding]) -> int:
    errors = sum(1 for f in findings if f.severity == "error")
    warnings = sum(1 for f in findings if f.severity == "warning")
    return max(0, 100 - ERROR_COST * errors - WARNING_COST * warnings)


def label_of(score: int) -> str:
    if score >= 85:
        return "ready for an ATS"
    if score >= 70:
        return "a few things to fix"
    if score >= 40:
        return "several things to fix"
    return "an ATS will struggle with this file"


def _kind(data: bytes) -> FileType:
    try:
        return sniff_type(data)
    except ResumeParseError:
        return "unknown"


def _inspect(kind: FileType, data: bytes) -> FileFacts:
    if kind == "pdf":
        return inspect_pdf(data)
    if kind == "docx":
        return inspect_docx(data)
    return FileFacts()  # plain text: nothing to look at but the text


def _file_type(kind: FileType, filename: str) -> Finding:
    if kind == "pdf":
        return ok("file_type", "PDF", "Every ATS accepts a PDF with real text in it.")
    if kind == "docx":
        return ok("file_type", "Word document (DOCX)", "Every ATS accepts a DOCX; many read it most reliably.")
    if kind == "txt":
        return warning(
            "file_type",
            "Plain text file",
            "An ATS can read plain text, but a recruiter who opens it sees no formatting: no bold headings, no "
            "bullets, no layout. Many application forms also ask for a PDF or DOCX.",
            "Upload the resume as a DOCX, or as a PDF exported from your word processor.",
        )
    return error(
        "file_type",
        "Not a resume document",
        f"{filename or 'This file'} is not a PDF, DOCX or text file an ATS can read.",
        "Upload a PDF exported from your word processor, or a DOCX.",
    )


def _contact(text: str, structure: JsonResume) -> list[Finding]:
    basics = structure.basics
    email = basics.email or _first(EMAIL, text)
    phone = basics.phone or _first(PHONE, text[:3000])
    out: list[Finding] = []
    if not email:
        out.append(
            error(
                "contact_email",
                "No email address found",
                "An ATS fills in your contact details from the text. Without an email address a recruiter who likes "
                "your resume has no easy way to reach you, and some ATS reject the application outright.",
                "Add your email address as plain text near the top, under your name (not only as a link or an "
                "icon, and not only in the page header).",
            )
        )
    if not phone:
        out.append(
            warning(
                "contact_phone",
                "No phone number found",
                "Most recruiters call before they write. No phone number was found in the text.",
                "Add your phone number near the top, with the country code if you apply abroad (+44 20 7946 0000).",
            )
        )
    if email and phone:
        out.append(ok("contact", "Email and phone found", f"An ATS reads {email} and {phone} as your contact details."))
    elif email:
        out.append(ok("contact_email", "Email found", f"An ATS reads {email} as your email address."))
    return out


def _first(pattern: re.Pattern[str], text: str) -> str:
    match = pattern.search(text)
    return match.group(0).strip() if match else ""


def _headings(text: str, sections: dict[str, str], structure: JsonResume) -> Finding:
    found = [name for key, name in STANDARD.items() if sections.get(key)]
    if structure.work and "Experience" not in found:
        found.append("Experience")  # roles read without a heading an ATS would still file
    missing = [name for name in STANDARD.values() if name not in found]
    if not missing:
        return ok("headings", "Standard section headings", f"An ATS finds the sections {', '.join(found)}.")
    unusual = _unusual_headings(text, structure)
    seen = f" Headings it does not recognise: {', '.join(repr(h) for h in unusual[:4])}." if unusual else ""
    detail = (
        f"An ATS files your resume by its section headings and finds no {' or '.join(missing)} section.{seen} "
        "What sits under an unknown heading may end up in the wrong field, or nowhere."
    )
    fix = (
        "Use the usual names for the main sections, each on its own line: Experience (or Work Experience), "
        "Education, Skills."
    )
    if not found:
        return error("headings", "No standard section headings", detail, fix)
    return warning("headings", f"No {' or '.join(missing)} heading", detail, fix)


def _unusual_headings(text: str, structure: JsonResume) -> list[str]:
    """Lines in capitals that stand alone like headings but name no known section (and are not a name, employer,
    title or school the structure found)."""
    names = [structure.basics.name, *(w.name for w in structure.work), *(w.position for w in structure.work)]
    known = {s.lower() for s in [*names, *(e.institution for e in structure.education)]}
    lines = text.splitlines()
    out: list[str] = []
    for i, raw in enumerate(lines[:2000]):
        line = raw.strip()
        if not _CAPS_HEADING.match(line) or heading_key(line) or line.lower() in known or len(line.split()) > 4:
            continue
        if (i == 0 or not lines[i - 1].strip()) and i + 1 < len(lines) and lines[i + 1].strip():
            out.append(line)
    return out


def _dates(sections: dict[str, str], structure: JsonResume) -> list[Finding]:
    roles = structure.work
    if not roles:
        if not sections.get("experience"):
            return []
        return [
            warning(
                "dates",
                "No roles with readable dates",
                "An ATS found an experience section but no role in it with dates it can read, so it cannot tell how "
                "long you worked where, or what you do now.",
                "Give each role its own line with the title, employer and dates written out: 'Data Analyst, Acme "
                "Ltd, Mar 2021 - Present' or '03/2021 - 06/2024'.",
            )
        ]
    undated = [r for r in roles if not r.startDate]
    if not undated:
        every = "The role has" if len(roles) == 1 else f"All {len(roles)} roles have"
        return [ok("dates", "Dates readable", f"{every} dates an ATS can read.")]
    names = "; ".join(" at ".join(p for p in (r.position, r.name) if p) or "a role" for r in undated[:3])
    return [
        warning(
            "dates",
            f"{plural(len(undated), 'role')} without a readable date",
            f"An ATS could not read a start date for: {names}. It may then leave that role out of your experience "
            "or count it as zero years.",
            "Write dates as month and year ('Mar 2021 - Present', '03/2021 - 06/2024') on the role's first line, "
            "not as seasons, ranges of years without the role, or in a separate column.",
        )
    ]


def _length(pages: int | None, words: int) -> Finding:
    estimated = pages is None
    count = pages if pages is not None else max(1, -(-words // WORDS_PER_PAGE))
    about = "about " if estimated else ""
    if count > MAX_GOOD_PAGES:
        return warning(
            "length",
            f"{count} pages",
            f"The resume runs to {about}{count} pages and {words} words. Recruiters skim; most expect one page, or "
            "two for long careers.",
            "Cut it to two pages: keep the last 10-15 years in detail, shorten older roles to one line each, and "
            "drop duties that every holder of the job has.",
        )
    if words < MIN_WORDS:
        return warning(
            "length",
            "Very short",
            f"An ATS reads only {words} words. Ranking compares your resume's words with the job's: with this few, "
            "it rarely matches.",
            "Describe each role with 3-5 bullet points of what you did and achieved, using the words job postings use.",
        )
    detail = f"{about.capitalize()}{plural(count, 'page')}: a length recruiters read."
    return ok("length", f"{plural(count, 'page')}, {words} words", detail)


def _parsed(text: str, sections: dict[str, str], structure: JsonResume) -> AtsParsed:
    basics = structure.basics
    return AtsParsed(
        text=text,
        name=basics.name,
        email=basics.email or _first(EMAIL, text),
        phone=basics.phone or _first(PHONE, text[:3000]),
        titles=_unique(w.position for w in structure.work),
        employers=_unique(w.name for w in structure.work),
        schools=_unique(e.institution for e in structure.education),
        headings=[SECTION_NAMES.get(key, key.title()) for key in sections if text],
    )


def _unique(values: Iterable[str]) -> list[str]:
    out: list[str] = []
    for value in values:
        if value and value not in out:
            out.append(value)
    return out[:MAX_LISTED]
