"""Split a resume's text into sections by its headings.

A heading is a short line naming a known section ("EXPERIENCE", "Work History", "Technical Skills:",
"Skills & Tools", "E D U C A T I O N"), or an upper- or title-case line of a few words ending in a section word
("Cloud Skills"). "Skills: Python, Go" starts a section and keeps its content. Text before the first heading is
"contact", except prose (a summary written without a heading). Unknown capitalised lines are not headings:
company names and job titles are often written in capitals."""

from __future__ import annotations

import re

SECTION_KEYS = ("contact", "summary", "experience", "education", "skills", "projects", "certifications", "other")

_NAMES: dict[str, tuple[str, ...]] = {
    "contact": ("contact", "contacts", "contact information", "contact info", "contact details", "personal details",
                "personal information", "personal info", "details"),
    "summary": ("summary", "professional summary", "career summary", "executive summary", "summary of qualifications",
                "profile", "professional profile", "career profile", "personal profile", "about", "about me",
                "objective", "career objective", "professional objective", "overview", "personal statement",
                "introduction", "highlights", "career highlights"),
    "experience": ("experience", "experiences", "work experience", "professional experience", "relevant experience",
                   "work history", "employment", "employment history", "career history", "professional background",
                   "work", "career", "internships", "internship", "positions held", "professional history",
                   "industry experience", "technical experience", "job history", "career experience",
                   "job experience", "employment experience", "employment record", "work record"),
    "education": ("education", "academic background", "academic history", "academics", "education and training",
                  "educational background", "academic qualifications", "qualifications", "studies",
                  "academic studies", "academic qualification", "educational qualification",
                  "educational qualifications", "education details", "educational details", "academic details",
                  "academic profile", "academic credentials", "scholastic record"),
    "skills": ("skills", "technical skills", "skills and tools", "tools", "core skills", "key skills",
               "core competencies", "competencies", "technologies", "tech stack", "technology stack", "expertise",
               "areas of expertise", "skill set", "skillset", "technical proficiencies", "proficiencies",
               "programming languages", "languages", "spoken languages",
               "tools and technologies", "technical expertise", "strengths", "abilities", "toolbox", "stack"),
    "projects": ("projects", "personal projects", "selected projects", "side projects", "key projects",
                 "open source", "open source contributions", "portfolio", "notable projects", "academic projects"),
    "certifications": ("certifications", "certification", "certificates", "licenses and certifications",
                       "licences and certifications", "certifications and licenses", "courses", "training",
                       "professional development", "courses and certifications", "accreditations"),
    "other": ("awards", "honors", "honours", "awards and honors", "achievements", "accomplishments", "publications",
              "interests", "hobbies", "hobbies and interests", "volunteer", "volunteering", "volunteer experience",
              "references", "activities", "extracurricular activities",
              "memberships", "affiliations", "patents", "leadership", "additional information", "miscellaneous",
              "talks", "presentations", "conferences"),
}  # fmt: skip
HEADINGS: dict[str, str] = {name: key for key, names in _NAMES.items() for name in names}
_SQUEEZED_HEADINGS = {name.replace(" ", ""): key for name, key in HEADINGS.items()}
# "Technologies: Python, Kafka" under a job lists that job's stack; such labels open a section only on their own line.
_ENTRY_LABELS = {"tools", "technologies", "tech stack", "technology stack", "stack", "languages",
                 "programming languages", "tools and technologies", "work", "details", "about", "training",
                 "career", "studies"}  # fmt: skip
# The last word of a longer heading ("Cloud Skills", "Leadership Experience") names its section.
_LAST_WORD = {"experience": "experience", "experiences": "experience", "employment": "experience",
              "skills": "skills", "competencies": "skills", "technologies": "skills", "education": "education",
              "projects": "projects", "certifications": "certifications", "certificates": "certifications",
              "summary": "summary", "profile": "summary", "awards": "other", "publications": "other",
              "interests": "other"}  # fmt: skip
_SMALL_WORDS = {"and", "of", "the", "in", "for", "with", "to", "on", "at", "a", "an", "&"}
_DECORATION = " \t#*=_~|:;.-\u2013\u2014\u2022\u00b7\u25aa\u25a0\u25a1\u25c6\u25c7\u25ba\u25b6\u27a4\u2192>[](){}"
_INLINE = re.compile(r"^\s*([A-Za-z][A-Za-z &/+'-]{1,38}?)\s*[:|]\s*(\S.*)$")
_SPACED_LETTERS = re.compile(r"^(?:[A-Za-z] ){3,}[A-Za-z]$")
# Small capitals or letter-spacing read back from a PDF: "P ROFESSIONAL E XPERIENCE", "E xp er ie nc e"
_BROKEN_WORDS = re.compile(r"^(?:[A-Za-z]{1,2} +)+[A-Za-z]+(?: +[A-Za-z]+)*$")
_CONTACT = re.compile(
    r"[\w.+-]{1,64}@[\w-]{1,63}\.[\w.-]{1,200}|https?://|www\.|linkedin|github|gitlab|\+?\d[\d ().-]{7,30}\d",
    re.IGNORECASE,
)


def heading_key(line: str) -> str | None:
    """The section a line opens when it is a heading on its own, else None."""
    cleaned = line.strip().strip(_DECORATION).strip()
    if _SPACED_LETTERS.match(cleaned):
        cleaned = cleaned.replace(" ", "")
    if not cleaned or len(cleaned) > 45 or any(c.isdigit() for c in cleaned):
        return None
    words = cleaned.split()
    if _BROKEN_WORDS.match(cleaned) and sum(1 for w in words if len(w) <= 2) * 3 >= len(words):
        squeezed = _SQUEEZED_HEADINGS.get("".join(words).lower())
        if squeezed:
            return squeezed
    if len(words) > 5:
        return None
    normalized = _normalize(cleaned)
    if normalized in HEADINGS:
        return HEADINGS[normalized]
    if not (cleaned.isupper() or _title_case(words)) or len(words) > 4:
        return None
    for part in normalized.split(" and "):  # "Education & Certifications" takes its first known part
        if part in HEADINGS:
            return HEADINGS[part]
    return _LAST_WORD.get(normalized.rsplit(" ", 1)[-1])


def split_sections(text: str) -> dict[str, str]:
    """Section key → the section's text, in order of appearance; repeated headings add to one section."""
    preamble: list[str] = []
    found: dict[str, list[str]] = {}
    current: list[str] = preamble
    current_key = ""
    for raw in text.splitlines():
        line = raw.strip()
        key = heading_key(line) if line else None
        inline = None
        # "Skills: Go, Kafka" inside a job's bullets describes that job; after a blank line it opens a section.
        if key is None and line and (current_key not in ("experience", "projects") or not current or not current[-1]):
            key, inline = _inline_heading(line)
        if key is not None and key == current_key and inline is None:  # "Languages" under "Skills": a sub-heading
            key = None
        if key is not None:
            current, current_key = found.setdefault(key, []), key
            if current and current[-1]:
                current.append("")
            if inline:
                current.append(inline)
            continue
        current.append(line)
    sections: dict[str, list[str]] = {}
    for key, lines in _split_preamble(preamble, has_headings=bool(found)).items():
        sections.setdefault(key, []).extend(lines)
    for key, lines in found.items():
        sections.setdefault(key, []).extend(lines)
    out = {key: _join(lines) for key, lines in sections.items()}
    return {key: value for key, value in out.items() if value}


def _inline_heading(line: str) -> tuple[str | None, str | None]:
    match = _INLINE.match(line)
    if not match:
        return None, None
    label = _normalize(match.group(1))
    key = None if label in _ENTRY_LABELS else HEADINGS.get(label)
    return (key, match.group(2).strip()) if key else (None, None)


def _split_preamble(lines: list[str], has_headings: bool) -> dict[str, list[str]]:
    """Name, email, phone and links are contact; prose (a summary without a heading) is summary. Without any
    heading in the whole text, only the first lines are taken as contact and the rest is "other"."""
    out: dict[str, list[str]] = {"contact": [], "summary": [], "other": []}
    in_summary = False
    for index, line in enumerate(lines):
        if line and _CONTACT.search(line) and not _is_prose(line):
            out["contact"].append(line)
        elif in_summary or _is_prose(line):
            in_summary = True
            out["summary"].append(line)
        elif not has_headings and index >= 8:
            out["other"].append(line)
        else:
            out["contact"].append(line)
    if not has_headings and out["summary"]:  # no headings at all: the "summary" is the whole resume body
        out["other"] = [*out["summary"], *out["other"]]
        out["summary"] = []
    return out


def _is_prose(line: str) -> bool:
    words = line.split()
    lower = sum(1 for w in words if w[:1].islower())
    return len(words) >= 8 and lower >= len(words) / 2


def _title_case(words: list[str]) -> bool:
    return all(w[:1].isupper() or w.lower() in _SMALL_WORDS or not w[:1].isalpha() for w in words)


def _normalize(text: str) -> str:
    text = re.sub(r"[&+/]", " and ", text.lower())
    text = re.sub(r"[^a-z ]", " ", text)
    return " ".join(text.split())


def _join(lines: list[str]) -> str:
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    return "\n".join(out).strip()
