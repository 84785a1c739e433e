"""The guard every generated text passes through (offline and LLM alike): nothing may claim a skill, employer, job
title or degree that the profile and resume do not contain (docs/design.md §5).

With `numbers=True` (cover letters) numbers and metrics must appear in the resume or profile too, and a number of
years of experience may not exceed what the resume's dates span.

A violation is removed — the list item when it sits in a list of short items (a skills line), otherwise the whole
sentence, since a sentence built on an invented fact is not worth keeping half of — and reported as
`{kind, text, reason}`. The job's own company and title are always allowed: a letter names what it applies to."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, datetime

from app.content.inputs import Inputs, canonical_skills, key
from app.skills.extractor import extract_skills
from app.skills.taxonomy import get_taxonomy, normalize

_NUMBER_WORDS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "thousand": 1000, "million": 1_000_000,
}  # fmt: skip
_SCALE = {"k": 1e3, "thousand": 1e3, "m": 1e6, "mn": 1e6, "million": 1e6, "b": 1e9, "bn": 1e9, "billion": 1e9}
_UNIT = r"(?:\s?(%|percent|[kmb]n?\b|million|billion|thousand))?"
_NUMBER = re.compile(
    r"(?<![\w.])(?:[$\u20ac\u00a3]\s?)?(\d[\d,]*(?:\.\d+)?)"
    + _UNIT
    + r"|\b("
    + "|".join(_NUMBER_WORDS)
    + r")\b"
    + _UNIT,
    re.I,
)
_YEARS = re.compile(
    r"\b(\d{1,2}|" + "|".join(list(_NUMBER_WORDS)[:19]) + r")\+?(?:\s|-)(?:plus\s)?years?(?!\s+(?:ago|old))", re.I
)

_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[\"\u201c\u2018(]?[A-Z0-9*])")
_LIST_PREFIX = re.compile(r"^(\s*(?:[-*+]\s+)?(?:\*\*[^*]{1,60}\*\*:?\s*|[A-Z][\w &/]{0,40}:\s+)?)(.*)$")
_CAP = r"[A-Z][\w&'\u2019.-]*[A-Za-z0-9&]"
_ORG_SUFFIX = r"(?:Inc\.?|Incorporated|Ltd\.?|Limited|LLC|LLP|GmbH|AG|SE|PLC|plc|Corp\.?|Corporation|Co\.|S\.A\.)"
_EMPLOYER_AFTER = re.compile(rf"\b(?:at|with|for|joined)\s+((?:{_CAP})(?:\s+(?:&\s+)?{_CAP}){{0,3}})")
_EMPLOYER_SUFFIXED = re.compile(rf"\b((?:{_CAP})(?:\s+{_CAP}){{0,3}}),?\s+{_ORG_SUFFIX}(?![\w])")
_TITLE_HEADS = (
    "Engineer|Developer|Programmer|Architect|Manager|Director|Scientist|Analyst|Consultant|Designer|Administrator|"
    "Specialist|Officer|President|Intern|Lead|Head|Technician|Researcher|Coordinator|Strategist|Owner"
)
_TITLE_OF = rf"(?:\s+of\s+{_CAP}(?:\s+{_CAP})?)?"
_TITLE = re.compile(rf"(?<![\w.])((?:\.?[A-Z][\w+#.-]*\s+){{0,3}}(?:{_TITLE_HEADS})s?{_TITLE_OF})\b")
_SUFFIX_WORD = re.compile(rf"[\s,]+{_ORG_SUFFIX}$")
# Addressees a letter may name without claiming anything.
_ALWAYS_ALLOWED = "hiring manager hiring managers hiring team recruiter recruiting team"
_TITLE_ACRONYM = re.compile(r"\b(CTO|CEO|CFO|COO|CIO|CISO|VP|SVP|EVP)\b")
_DEGREES: dict[str, re.Pattern[str]] = {
    "bachelor": re.compile(
        r"\b(?:[Bb]achelor(?:'s|\u2019s|s)?(?:\s+(?:degree|of))?|B\.\s?Sc\.?|BSc|B\.S\.|B\.A\.|B\.Eng\.?|BEng|B\.Tech\.?|BTech)(?![\w])"
    ),
    "master": re.compile(
        r"\b(?:[Mm]aster(?:'s|\u2019s|s)(?:\s+degree)?|[Mm]aster\s+of|[Mm]aster\s+degree|M\.\s?Sc\.?|MSc|M\.S\.|M\.A\.|M\.Eng\.?|MEng|M\.Tech\.?)(?![\w])"
    ),
    "doctorate": re.compile(r"(?<![\w])(?:Ph\.\s?D\.?|PhD|D\.Phil\.?|[Dd]octorate|[Dd]octoral degree)(?![\w])"),
    "mba": re.compile(r"\b(?:MBA|M\.B\.A\.)(?![\w])"),
    "associate": re.compile(r"\b[Aa]ssociate(?:'s|\u2019s)? degree\b"),
}
# Capitalised words that start a phrase after "at/with/for" without naming an organisation.
_NOT_ORGS = {
    "i", "the", "a", "an", "my", "our", "your", "their", "this", "that", "these", "those", "it", "its", "me", "you",
    "we", "us", "them", "all", "every", "each", "both", "any", "some", "many", "most", "much", "more", "one", "two",
    "three", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
    "march", "april", "may", "june", "july", "august", "september", "october", "november", "december", "best",
    "kind", "warm", "sincerely", "regards", "thanks", "thank", "dear", "hello", "hi", "english", "german", "french",
}  # fmt: skip
_STOP_LEADING = {
    "as", "a", "an", "the", "my", "our", "your", "their", "his", "her", "its", "former", "current", "dear", "hello",
    "hi", "and", "or", "but", "so", "then", "also", "even", "to", "i", "we", "when", "if", "while", "since", "because",
    "after", "before", "once", "every", "each", "any", "some", "this", "that", "these", "those", "at", "in", "on",
    "for", "with", "by", "from", "of", "new", "next", "last", "most", "recently",
}  # fmt: skip


@dataclass
class Allowed:
    """What the profile and resume contain, in forms cheap to compare with."""

    skills: set[str]
    haystack: str  # normalised resume text, profile skills and name
    degrees: set[str]
    masks: list[str] = field(default_factory=list)  # the job's company and title: never violations
    numbers: set[str] = field(default_factory=set)  # every number the user wrote, as digits
    years_span: int = 0  # the years the resume's roles cover, first start to last end (or today)
    years_written: set[int] = field(default_factory=set)  # "8 years of ..." as the user wrote it

    def mentions(self, phrase: str, *, or_job: bool = True) -> bool:
        norm = normalize(phrase)
        if not norm:
            return False
        if f" {norm} " in self.haystack:
            return True
        return or_job and any(f" {norm} " in f" {normalize(m)} " for m in self.masks)


def allowed_for(inputs: Inputs, *, posting: bool = False) -> Allowed:
    """What the user has: resume text and structure, profile skills, name and own words. With `posting`, the
    posting's duties are masked like its company and title (a letter may quote them)."""
    from app.content.evidence import structure_text  # late: evidence builds on the inputs this module reads

    structure = structure_text(inputs.structure)
    written = " \n ".join(p for p in (inputs.resume_text, structure, inputs.pitch, inputs.why_company) if p)
    resume_found = extract_skills(written, "resume") if written else []
    listed = canonical_skills(inputs.structure.skill_names())
    # what the extractor reads into the names the user listed ("SAP GRC" holds "GRC"), so that naming them passes
    listed += extract_skills(", ".join([*inputs.user_skills, *listed]), "resume")
    skills = {key(s) for s in [*inputs.user_skills, *resume_found, *listed]}
    parts = [written, inputs.name, ", ".join(inputs.user_skills)]
    text = " \n ".join([*parts, _ALWAYS_ALLOWED])
    degrees = {family for family, pattern in _DEGREES.items() if pattern.search(written)}
    masks = [m for m in (inputs.company, inputs.job_title) if m]
    if posting:
        masks += [r for r in inputs.responsibilities if r]
    numbers = set(_numbers_in(text, tagged=True))
    return Allowed(
        skills=skills,
        haystack=f" {normalize(text)} ",
        degrees=degrees,
        masks=masks,
        numbers=numbers,
        years_span=_years_span(inputs),
        years_written={_years_of(m.group(1)) for m in _YEARS.finditer(text)},
    )


def _years_of(raw: str) -> int:
    return int(raw) if raw.isdigit() else _NUMBER_WORDS[raw.lower()]


def _numbers_in(text: str, *, tagged: bool = False) -> list[str]:
    """Every number in `text` as digits, scaled by its unit: "$2M" and "two million" are both "2000000". With
    `tagged`, money and percentages keep a mark ("$2000000", "%40"): a claimed "$2M" needs money in the resume."""
    out = []
    for match in _NUMBER.finditer(text):
        digits, unit = match.group(1), (match.group(2) or match.group(4) or "").lower()
        if digits:
            value = float(digits.replace(",", "").rstrip(".") or 0)
        else:
            value = float(_NUMBER_WORDS[match.group(3).lower()])
        value *= _SCALE.get(unit, 1)
        number = f"{value:.6g}" if value != int(value) else str(int(value))
        mark = "$" if re.match(r"[$\u20ac\u00a3]", match.group(0)) else "%" if unit in ("%", "percent") else ""
        out.append(mark + number if tagged else number)
        if tagged and mark:
            out.append(number)
    return out


def _years_span(inputs: Inputs) -> int:
    starts, ends = [], []
    for work in inputs.structure.work:
        if work.startDate:
            starts.append(int(work.startDate[:4]))
            ends.append(int(work.endDate[:4]) if work.endDate else datetime.now(UTC).year)
    return max(ends) - min(starts) if starts else 0


@dataclass
class Violation:
    kind: str  # skill | employer | title | degree
    what: str
    reason: str


def _masked(text: str, masks: list[str]) -> str:
    for mask in sorted(masks, key=len, reverse=True):
        text = re.sub(re.escape(mask), lambda m: " " * len(m.group(0)), text, flags=re.I)
    return text


def number_violations(masked: str, allowed: Allowed) -> list[Violation]:
    """Years of experience beyond the resume's dates, and numbers or metrics the user never wrote."""
    found: list[Violation] = []
    for match in _YEARS.finditer(masked):
        years = _years_of(match.group(1))
        if years > allowed.years_span and years not in allowed.years_written:
            shown = f"{allowed.years_span} years" if allowed.years_span else "no dated roles"
            found.append(Violation("experience", match.group(0), f"your resume's dates show {shown}, not {years}"))
    for match in _NUMBER.finditer(_YEARS.sub(" ", masked)):
        core = _numbers_in(match.group(0), tagged=True)
        if core and core[0] not in allowed.numbers:
            what = match.group(0).strip()
            found.append(Violation("metric", what, f"{what} does not appear in your resume or profile"))
    return found


def violations(text: str, allowed: Allowed, *, numbers: bool = False) -> list[Violation]:
    """Every unsupported claim in a piece of text (a sentence or a list item)."""
    found: list[Violation] = []
    masked = _masked(text, allowed.masks)
    if numbers:
        found += number_violations(masked, allowed)
    taxonomy = get_taxonomy()
    for skill in extract_skills(masked, "resume"):
        if key(skill) not in allowed.skills and not allowed.mentions(skill, or_job=False):
            found.append(Violation("skill", skill, f"{skill} is not in your profile or resume"))
    for pattern in (_EMPLOYER_SUFFIXED, _EMPLOYER_AFTER):
        for match in pattern.finditer(masked):
            name = match.group(1).strip(" .,'\u2019")
            words = name.split()
            while words and (words[0].lower() in _NOT_ORGS or words[0].lower() in _STOP_LEADING):
                words.pop(0)
            name = _SUFFIX_WORD.sub("", " ".join(words))
            if not name or taxonomy.canonical(name) is not None or allowed.mentions(name):
                continue
            if any(v.what == name for v in found):
                continue
            found.append(Violation("employer", name, f"{name} does not appear in your resume or profile"))
    for match in [*_TITLE.finditer(masked), *_TITLE_ACRONYM.finditer(masked)]:
        words = match.group(1).split()
        while len(words) > 1 and words[0].lower() in _STOP_LEADING:
            words.pop(0)
        title = " ".join(words)
        if title and not allowed.mentions(title) and taxonomy.canonical(title) is None:
            found.append(Violation("title", title, f"the job title {title!r} is not in your resume"))
    for family, pattern in _DEGREES.items():
        degree = pattern.search(masked)
        if degree and family not in allowed.degrees:
            found.append(Violation("degree", degree.group(0), f"your resume lists no {family}'s degree"))
    return found


def _sentences(line: str) -> list[str]:
    return [s for s in _SENTENCE.split(line) if s]


def _list_items(body: str) -> list[str] | None:
    """The items of a comma-separated list of short phrases, or None when the line is prose."""
    items = [i.strip() for i in re.split(r",\s*|\s+·\s+|;\s*", body.rstrip(". "))]
    if len(items) >= 3 and all(0 < len(i.split()) <= 4 for i in items):
        return items
    return None


def guard_text(text: str, inputs: Inputs | Allowed) -> tuple[str, list[dict[str, str]]]:
    """The text with every unsupported claim removed, and the removals as `{kind, text, reason}`."""
    allowed = inputs if isinstance(inputs, Allowed) else allowed_for(inputs)
    removed: list[dict[str, str]] = []
    out_lines: list[str] = []
    for line in text.split("\n"):
        if not line.strip():
            out_lines.append(line)
            continue
        prefix_match = _LIST_PREFIX.match(line)
        prefix, body = (prefix_match.group(1), prefix_match.group(2)) if prefix_match else ("", line)
        items = _list_items(body)
        if items is not None:
            # A bare item ("Rust") lacks the context some skills need to be recognised; the whole line has it.
            in_line = {v.what: v for v in violations(body, allowed) if v.kind == "skill"}
            kept = []
            for item in items:
                found = violations(item, allowed)
                canonical = get_taxonomy().canonical(item)
                if not found and canonical in in_line:
                    found = [in_line[canonical]]
                if found:
                    removed.append({"kind": found[0].kind, "text": item, "reason": found[0].reason})
                else:
                    kept.append(item)
            if kept:
                out_lines.append(prefix + ", ".join(kept))
            continue
        kept_sentences = []
        for sentence in _sentences(line):
            found = violations(sentence, allowed)
            if found:
                for v in found:
                    removed.append({"kind": v.kind, "text": sentence.strip(), "reason": v.reason})
            else:
                kept_sentences.append(sentence)
        if kept_sentences:
            joined = " ".join(kept_sentences)
            out_lines.append(joined if joined.startswith(prefix) or not prefix.strip() else prefix + joined.lstrip())
        # a heading or bullet whose only sentence was removed disappears with it
    cleaned = re.sub(r"\n{3,}", "\n\n", "\n".join(out_lines)).strip()
    return cleaned, removed
