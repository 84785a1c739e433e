"""A role from its header parts: which part is the job title, which the employer, which the place, and whether the
header names a job at all (not an award, a degree, a heading or a sentence). Vocabularies are generic words for
roles, legal forms and places (structure_text), never names of employers."""

# ruff: noqa: RUF001  -- resume text is made of dashes, curly quotes and bullets

from __future__ import annotations

import re

from app.resumes.jsonresume import Work
from app.resumes.sections import HEADINGS
from app.resumes.structure_dates import DateRange, find_single, to_iso
from app.resumes.structure_text import (
    COMPANY_WORDS,
    DEGREE,
    SCHOOL,
    clean,
    company_score,
    header_parts,
    is_bullet,
    is_location,
    is_title,
    join_wrapped,
    word_set,
    words,
)

INDEED_EMPLOYER = re.compile(r"\S\s+-$")  # Indeed writes the employer as "Company -" or "Company - City, State -"
_NOISE = re.compile(
    r"^(?:\d+(?:\.\d+)?\+?\s*(?:years?|yrs?|months?|mos?)\b.*|current:?|past:?|present:?|from|to|remote|"
    r"key responsibilit\w*:?|responsibilit\w*:?|roles?(?: and responsibilities)?:?|duration:?|period:?|"
    r"page \d+.*|\[.*\]|company|employer|organi[sz]ation|client|position|designation|role|title|job title|function|"
    r"location|\W*|.*@.*|(?:https?://|www\.)\S*|\S+\.(?:com|org|net|io|in|co)(?:/\S*)?)$",
    re.IGNORECASE,
)
_DANGLING = word_set("""for to from in of at with by since and or the a an till until""")
_ABBREVIATION = re.compile(
    r"(?:\b(?:inc|ltd|co|corp|llc|plc|bros|intl|dept|univ|jr|sr)|\b[A-Z]|\bL\.P)\.$", re.IGNORECASE
)
_SECTION_WORDS = word_set(
    """experience experiences employment history summary memberships engagements skills activities projects awards
    education information responsibilities achievements involvement qualifications references interests"""
)
_MONTH_STEMS = word_set("""jan feb mar apr may jun jul aug sep oct nov dec""")
_SENTENCE_END = re.compile(r"(?<=[a-z0-9%)][.!?])\s+(?=[A-Z])")
_LABEL = re.compile(
    r"^(?:(?:company|employer|organi[sz]ation|position(?: held)?|designation|role|title|job title)\s*[:\-]\s*"
    r"|(?:presently |currently )?(?:working|worked|employed) (?:with|at|for|in)\s+)",
    re.IGNORECASE,
)


def build_role(
    lines: list[str], header: list[int], dates_line: int, rest: str, dates: DateRange, *, undated: bool, body: list[str]
) -> Work | None:
    """The role a header names, or None when it names no job: `header` are its line numbers, `rest` the dates
    line without its dates."""
    # (line index, part) for every header part, in reading order
    parts: list[tuple[int, str]] = []
    for i in sorted(header):
        text = rest if i == dates_line else lines[i]
        parts.extend((i, _LABEL.sub("", p)) for p in header_parts(_LABEL.sub("", text)))
    location = ""
    kept: list[tuple[int, int, str]] = []  # (line, order, part)
    for order, (i, part) in enumerate(parts):
        if is_location(part):
            location = location or part
        elif _names_something(part):
            kept.append((i, order, part))
    titles = [k for k in kept if is_title(k[2])]
    position = titles[0] if titles else None
    others = [k for k in kept if k not in titles]
    employer = _employer(lines, others, position, parts)
    if position is None and employer is not None:
        untitled = [k for k in others if k is not employer and _may_be_title(k[2])]
        position = untitled[0] if untitled else None
    if employer is None and position is None:
        return None
    if undated and (employer is None or position is None):
        return None
    if position is None and employer is not None and not _named_employer(lines, employer):
        return None  # dates beside a line that names neither a role nor a company: an award, a project, a heading
    if position is None and any(DEGREE.search(p) for _, p in parts):
        return None  # a degree listed among the roles ("M.Sc. in Computer Security / University of Oslo")
    if position is None and employer is not None:
        lead = lead_title(body)
        if lead:
            position = (-1, -1, lead)
    highlights, summary = _body(body)
    return Work(
        name=clean(employer[2]) if employer else "",
        position=clean(position[2]) if position else "",
        location=clean(location),
        startDate=dates.start,
        endDate=None if dates.current else dates.end,
        summary=summary[:2000],
        highlights=highlights[:60],
    )


def _names_something(part: str) -> bool:
    """A part that can be an employer or a title: not a date fragment, a label, a heading or a sentence's end."""
    if _NOISE.match(part) or to_iso(part) or len(part.split()) > 10 or _is_heading(part):
        return False
    ws = part.split()
    if ws[-1].lower() in _DANGLING or (part.endswith(".") and not _ABBREVIATION.search(part)):
        return False
    verb_first = ws[0].endswith("ed") and not ws[0].isupper() and (len(ws) == 1 or len(ws[0]) >= 7)
    if verb_first and not is_title(part):  # "Embedded Software Engineer" is a title
        return False  # "Served", "Researched information for ...": a sentence, not a name ("United" stays)
    if (
        part[:1] in "\"'"
        or re.search("[“”‘]", part)
        or "©" in part
        or re.search(r"\b(?:resume|curriculum vitae|page \d)|^(?:dr|mr|mrs|ms|prof)\.? ", part, re.IGNORECASE)
    ):
        return False
    if ws[-1].lower().strip(":") in _SECTION_WORDS or (len(ws) == 1 and ws[0].lower().rstrip(".")[:3] in _MONTH_STEMS):
        return False  # "OTHER EMPLOYMENT", "Sales Experience", "August"
    return any(w[:1].isupper() and len(w) > 1 and not find_single(w) and w.lower() not in _DANGLING for w in ws)


def _named_employer(lines: list[str], employer: tuple[int, int, str]) -> bool:
    """An employer that stands without a title: a company or school word, an Indeed "Company -" line, or a proper
    name of a few capitalised words ("Time Warner Cable"), not one word ("Updated") or a phrase."""
    name = employer[2]
    if company_score(name) > 0 or SCHOOL.search(name) or INDEED_EMPLOYER.search(lines[employer[0]]):
        return True
    ws = name.split()
    return len(ws) >= 2 and all(w[:1].isupper() or w.lower() in _DANGLING or not w[:1].isalpha() for w in ws)


def _may_be_title(part: str) -> bool:
    """A title without a role word ("Web development"): a few words, not a school, a degree or a lone place name."""
    ws = part.split()
    if len(ws) >= 2 and is_location(ws[-1]):
        return False  # "B.C. Canada": a place
    return 2 <= len(ws) <= 6 and not SCHOOL.search(part) and not DEGREE.search(part)


def _is_heading(part: str) -> bool:
    """A known section heading ("Work Experience", "WEB SITES" is not one), not a name ending in "Technologies"."""
    for piece in part.split("/"):  # "WORK EXPERIENCE/EMPLOYMENT"
        key = " ".join(re.sub(r"[^a-z ]", " ", piece.lower().replace("&", " and ")).split())
        if key in HEADINGS:
            return True
    return False


def _employer(
    lines: list[str],
    others: list[tuple[int, int, str]],
    position: tuple[int, int, str] | None,
    parts: list[tuple[int, str]],
) -> tuple[int, int, str] | None:
    if not others:
        return None
    named = [k for k in others if company_score(k[2]) > 0]
    if named:  # "Frankfort Habilitation Inc." before "Health Services Division": a legal form or head noun first
        return max(named, key=lambda k: (words(k[2])[-1] in COMPANY_WORDS, -k[1]))
    indeed = [k for k in others if INDEED_EMPLOYER.search(lines[k[0]])]
    if indeed:
        return indeed[0]
    followed_by_place = [k for k in others if k[1] + 1 < len(parts) and is_location(parts[k[1] + 1][1])]
    if followed_by_place:
        return followed_by_place[0]
    candidates = [k for k in others if k[2][:1].isupper() or k[2][:1].isdigit()] or others
    if position is None:
        return candidates[1] if len(candidates) > 1 and len({k[0] for k in candidates}) > 1 else candidates[0]
    own_line = [k for k in candidates if k[0] != position[0] and sum(1 for c in others if c[0] == k[0]) == 1]
    if own_line and lines[position[0]].rstrip().endswith(","):
        candidates = own_line  # "Director of Engineering, Android," / "Tinder": the title line runs on
    return min(candidates, key=lambda k: (abs(k[0] - position[0]), k[1]))


_LEAD_TITLE = re.compile(
    r"^((?:[A-Z][\w&/.'’-]*|of|and|for|&)(?:\s+(?:[A-Z][\w&/.'’-]*|of|and|for|&)){0,7})\s+[-–—:]\s+[A-Z]"
)


def lead_title(body: list[str]) -> str:
    """ "Vice President of Operations - Promoted to review ...": the first line of a role's text opens with its
    title when the header named only the employer."""
    # a quoted motto between the dates and the text ("“Provide solutions for ...”") is passed over
    first = next((ln for ln in body if ln.strip() and ln.strip()[:1] not in '“"‘'), "")
    m = _LEAD_TITLE.match(first.strip())
    return m.group(1) if m and is_title(m.group(1)) else ""


def _body(body: list[str]) -> tuple[list[str], str]:
    """Highlights (bullets, or the sentences of a paragraph when there are no bullets) and the prose summary."""
    has_bullets = any(is_bullet(ln) for ln in body)
    items = join_wrapped(body)
    if has_bullets:
        bullets = [h for h in items if not _is_label(h)]
        return bullets, ""
    sentences = [s.strip() for item in items for s in _SENTENCE_END.split(item)]
    return [s[:600] for s in sentences if s and not _is_label(s)], ""


def _is_label(text: str) -> bool:
    """ "Key Responsibilities:", "Environment:" — a label, not an achievement."""
    return (text.endswith(":") and len(text.split()) <= 4) or bool(_NOISE.match(text))
