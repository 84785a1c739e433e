"""Roles from an experience section: each role is anchored on its dates, its header is the few short lines around
them (title, employer, place), its highlights are the bullets and sentences that follow until the next header.

Handles "Title, Company (2019 - 2024)", "Company - City - Month YYYY to Present", "Title at Company | Jan 2020 –
Mar 2022", Indeed exports (title line, "Company - City, State -", "Month YYYY to Month YYYY"), table rows
("Company | Title | 2019 - 2024") and dates on lines of their own ("Januar 2012" / "present")."""

# ruff: noqa: RUF002  -- resume text is made of dashes, curly quotes and bullets

from __future__ import annotations

import re
from dataclasses import dataclass, field

from app.resumes.jsonresume import Work
from app.resumes.sections import HEADINGS
from app.resumes.structure_dates import DateRange, find_range, find_single, to_iso
from app.resumes.structure_text import (
    COMPANY_WORDS,
    DEGREE,
    SCHOOL,
    clean,
    company_score,
    header_parts,
    is_bullet,
    is_glyph_only,
    is_location,
    is_title,
    join_wrapped,
    looks_like_header,
    word_set,
    words,
)

MAX_ROLES = 40
MAX_HEADER_LINES = 2
_NOW_LINE = re.compile(
    r"^(?:-\s*)?(?:present|current|till date|to date|now|ongoing|onwards)(?:\W*$|\s*:\s*)", re.IGNORECASE
)
_NOISE = re.compile(
    r"^(?:\d+(?:\.\d+)?\+?\s*(?:years?|yrs?|months?|mos?)\b.*|current:?|past:?|present:?|from|to|remote|"
    r"key responsibilit\w*:?|responsibilit\w*:?|roles?(?: and responsibilities)?:?|duration:?|period:?|"
    r"page \d+.*|\[.*\]|company|employer|organi[sz]ation|client|position|designation|role|title|job title|function|"
    r"location|\W*|.*@.*|(?:https?://|www\.)\S*|\S+\.(?:com|org|net|io|in|co)(?:/\S*)?)$",
    re.IGNORECASE,
)
# "Client: Renault", "Environment: Java" under a header describe the role, they do not name it
_DETAIL = re.compile(
    r"^(?!(?:company|employer|organi[sz]ation|position|position held|designation|role|title|job title)\s*:)"
    r"[A-Z][\w ]{1,25}:(?:\s|$)",
    re.IGNORECASE,
)
_DANGLING = word_set("""for to from in of at with by since and or the a an till until""")
_ABBREVIATION = re.compile(
    r"(?:\b(?:inc|ltd|co|corp|llc|plc|bros|intl|dept|univ|jr|sr)|\b[A-Z]|\bL\.P)\.$", re.IGNORECASE
)
_INDEED_EMPLOYER = re.compile(r"\S\s+-$")
_INDEED_CITY = re.compile(r"^[A-Z][a-z]+(?: [A-Z][a-z]+)? -$")
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


@dataclass
class _Anchor:
    index: int
    dates: DateRange
    line_rest: str  # the anchor line without its dates
    last: int  # the last line the dates occupy (dates split over two lines)
    undated: bool = False  # anchored on a header without dates: kept only when it names a title and an employer
    pre: list[int] = field(default_factory=list)
    post: list[int] = field(default_factory=list)


def parse_work(lines: list[str]) -> list[Work]:
    """The roles in an experience section's lines, in order."""
    lines = [ln.strip() for ln in lines]
    anchors = _anchors(lines)
    _attach_headers(lines, anchors)
    # An Indeed export writes the employer as "Company -" or "Company - City, State -"; a role without dates still
    # has that line, and it anchors the role when no dated header took it.
    claimed = {i for a in anchors for i in (a.index, *a.pre, *a.post)}
    undated = [
        _Anchor(i, DateRange(None, None, False, (0, 0)), lines[i], i, undated=True)
        for i, line in enumerate(lines)
        if i not in claimed
        and looks_like_header(line)
        and (_INDEED_EMPLOYER.search(line) or _role_line(line) or _block_start(lines, i, claimed))
    ]
    if undated:
        anchors = sorted([*anchors, *undated], key=lambda a: a.index)
        _attach_headers(lines, anchors)
    roles: list[Work] = []
    for k, anchor in enumerate(anchors):
        body_start = max([anchor.last, *anchor.post]) + 1
        if k + 1 < len(anchors):
            nxt = anchors[k + 1]
            body_end = min([nxt.index, *nxt.pre])
        else:
            body_end = len(lines)
        role = _role(lines, anchor, lines[body_start:body_end])
        if role is not None:
            roles.append(role)
        if len(roles) >= MAX_ROLES:
            break
    return roles


def _block_start(lines: list[str], i: int, claimed: set[int]) -> bool:
    """The first of one to three short naming lines between paragraphs ("Software Developer" / "Microsoft" /
    bullets), one of them a job title: a role written without dates."""
    before = _previous_nonblank(lines, i - 1)
    if before is not None and looks_like_header(lines[before]) and not is_bullet(lines[before]):
        return False
    block: list[int] = []
    j = i
    while j < len(lines) and len(block) < 4:
        if lines[j]:
            if j in claimed or not looks_like_header(lines[j]) or _DETAIL.match(lines[j]):
                break
            block.append(j)
        j += 1
    if not 1 <= len(block) <= 3 or j >= len(lines):
        return False
    if not any(is_title(p) and len(p.split()) <= 6 for k in block for p in header_parts(lines[k])):
        return False
    return len([p for k in block for p in header_parts(lines[k])]) >= 2


def _previous_nonblank(lines: list[str], i: int) -> int | None:
    while i >= 0:
        if lines[i] and not is_glyph_only(lines[i]):
            return i
        i -= 1
    return None


def _role_line(line: str) -> bool:
    """ "Receptionist, Heritage Bank of Huntsville, AL": a title, an employer and a place on one line."""
    parts = header_parts(line)
    if len(parts) < 3 or not is_location(parts[-1]):
        return False
    return is_title(parts[0]) and not is_title(parts[1]) and not is_location(parts[1])


def _title_line(line: str) -> bool:
    return looks_like_header(line) and len(line.split()) <= 6 and not find_range(line) and is_title(line)


def _attach_headers(lines: list[str], anchors: list[_Anchor]) -> None:
    """Give each anchor its header lines. Most resumes put the header before or around the dates; some put the
    dates first and every header after them ("Mar 2014" / "current" / "Assistant, Promostaff"). Both readings are
    tried and the one that leaves fewer anchors without a header wins (ties: header first)."""
    _attach(lines, anchors, dates_first=False)
    before = [(a.pre, a.post) for a in anchors]
    headed = sum(1 for a in anchors if a.pre or a.post or a.line_rest)
    _attach(lines, anchors, dates_first=True)
    if sum(1 for a in anchors if a.pre or a.post or a.line_rest) <= headed:
        for anchor, (pre, post) in zip(anchors, before, strict=True):
            anchor.pre, anchor.post = pre, post


def _attach(lines: list[str], anchors: list[_Anchor], *, dates_first: bool) -> None:
    claimed: set[int] = set()
    for anchor in anchors:
        anchor.pre, anchor.post = [], []
    for k, anchor in reversed(list(enumerate(anchors))) if dates_first else enumerate(anchors):
        if dates_first:
            ceiling = anchors[k + 1].index if k + 1 < len(anchors) else len(lines)
            anchor.post = _walk(lines, anchor.last + 1, ceiling, 1, claimed)
            claimed.update(anchor.post)
        else:
            floor = anchors[k - 1].last if k else -1
            anchor.pre = _walk(lines, anchor.index - 1, floor, -1, claimed)
            claimed.update(anchor.pre)
    for k, anchor in enumerate(anchors):
        if dates_first:
            floor = max([anchors[k - 1].last, *anchors[k - 1].post]) if k else -1
            anchor.pre = _walk(lines, anchor.index - 1, floor, -1, claimed)
            claimed.update(anchor.pre)
        else:
            ceiling = anchors[k + 1].index if k + 1 < len(anchors) else len(lines)
            if anchors[k + 1 :] and anchors[k + 1].pre:
                ceiling = min(ceiling, min(anchors[k + 1].pre))
            anchor.post = _walk(lines, anchor.last + 1, ceiling, 1, claimed)
            claimed.update(anchor.post)


def _anchors(lines: list[str]) -> list[_Anchor]:
    out: list[_Anchor] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        anchor = _anchor_at(lines, i) if line else None
        if anchor is not None:
            out.append(anchor)
            i = anchor.last + 1
        else:
            i += 1
    return out


def _anchor_at(lines: list[str], i: int) -> _Anchor | None:
    line = lines[i]
    if len(line) > 160 or (is_bullet(line) and len(line) > 70):
        return None
    dates = find_range(line)
    if dates is not None:
        return _anchor(i, dates, line[: dates.span[0]] + " | " + line[dates.span[1] :], i)
    single = find_single(line)
    if single is None:
        return None
    before, after = line[: single.span[0]], line[single.span[1] :]
    if len(before) + len(after) > 3:
        # a header that starts or ends with its date ("2007 Summer Intern at Symbian", "Intern | Acme | Summer 2015")
        if (len(after) <= 3 or len(before) <= 3) and looks_like_header(line):
            return _anchor(i, single, before + " | " + after, i)
        return None
    # a date alone on its line: the next line may end the range ("present", "July 2011", "2001: Senior Engineer")
    nxt = _next_nonblank(lines, i + 1)
    if nxt is None or nxt - i > 2:
        return _anchor(i, single, "", i)
    following = lines[nxt]
    now = _NOW_LINE.match(following)
    if now:
        return _anchor(i, DateRange(single.start, None, True, single.span), following[now.end() :], nxt)
    end = find_single(following)
    if end is not None and end.span[0] <= 1 and not find_range(following):
        ordered = end.start is None or single.start is None or end.start >= single.start
        if ordered:
            return _anchor(i, DateRange(single.start, end.start, False, single.span), following[end.span[1] :], nxt)
    return _anchor(i, single, "", i)


def _anchor(i: int, dates: DateRange, rest: str, last: int) -> _Anchor | None:
    rest = clean(rest, 300)
    if len(rest.split()) > 14:
        # "Senior Project Manager (2001-2004) - Promoted to ...": the header is what comes before the dates;
        # "Aug 2011 - Aug 2012. Assistant Program Manager. Developed ...": the first sentence after them
        head = clean(rest.split(" | ", 1)[0], 300)
        if not (1 <= len(head.split()) <= 10) and ". " in rest:
            head = clean(rest.split(". ", 1)[0], 300)
        rest = head
    if len(rest.split()) > 14 or (rest and rest[:1].islower() and len(rest.split()) > 4):
        return None
    return _Anchor(i, dates, rest, last)


def _next_nonblank(lines: list[str], i: int) -> int | None:
    while i < len(lines):
        if lines[i] and not is_glyph_only(lines[i]):
            return i
        i += 1
    return None


def _walk(lines: list[str], start: int, stop: int, step: int, claimed: set[int]) -> list[int]:
    """Header lines next to an anchor: up to two short naming lines, blank lines skipped."""
    found: list[int] = []
    budget = MAX_HEADER_LINES
    i = start
    while (i > stop if step < 0 else i < stop) and len(found) < budget:
        line = lines[i]
        if is_glyph_only(line) and line.strip() != "-":
            break  # "●" alone on its line: a bullet's text follows, the header is over
        if line and line.strip() != "-":
            if i in claimed or not looks_like_header(line) or find_range(line) or _DETAIL.match(line):
                # a one-line description of the employer between the dates and the title ("Upscale restaurant
                # with banquet facilities" / "Executive Chef"): the title after it still belongs to the header
                nxt = i + 1
                if step > 0 and not found and nxt < stop and nxt not in claimed and _title_line(lines[nxt]):
                    found.append(nxt)
                break
            found.append(i)
            if is_location(line) or _INDEED_CITY.match(line):
                budget += 1  # "Bangalore, Karnataka -" under the employer does not use up a header line
        i += step
    return sorted(found)


def _role(lines: list[str], anchor: _Anchor, body: list[str]) -> Work | None:
    # (line index, part) for every header part, in reading order
    parts: list[tuple[int, str]] = []
    for i in sorted([*anchor.pre, anchor.index, *anchor.post]):
        text = anchor.line_rest if i == anchor.index else lines[i]
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
        rest = [k for k in others if k is not employer and _may_be_title(k[2])]
        position = rest[0] if rest else None
    if employer is None and position is None:
        return None
    if anchor.undated and (employer is None or position is None):
        return None
    if position is None and employer is not None and not _named_employer(lines, employer):
        return None  # dates beside a line that names neither a role nor a company: an award, a project, a heading
    if position is None and any(DEGREE.search(p) for _, p in parts):
        return None  # a degree listed among the roles ("M.Sc. in Computer Security / University of Oslo")
    highlights, summary = _body(body)
    return Work(
        name=clean(employer[2]) if employer else "",
        position=clean(position[2]) if position else "",
        location=clean(location),
        startDate=anchor.dates.start,
        endDate=None if anchor.dates.current else anchor.dates.end,
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
    if len(ws) == 1 and ws[0].endswith("ed") and not ws[0].isupper():
        return False  # "Served", "Updated": a verb left over from a sentence
    if "©" in part or re.search(
        r"\b(?:resume|curriculum vitae|page \d)|^(?:dr|mr|mrs|ms|prof)\.? ", part, re.IGNORECASE
    ):
        return False
    if ws[-1].lower().strip(":") in _SECTION_WORDS or (len(ws) == 1 and ws[0].lower().rstrip(".")[:3] in _MONTH_STEMS):
        return False  # "OTHER EMPLOYMENT", "Sales Experience", "August"
    return any(w[:1].isupper() and len(w) > 1 and not find_single(w) and w.lower() not in _DANGLING for w in ws)


def _named_employer(lines: list[str], employer: tuple[int, int, str]) -> bool:
    """An employer that stands without a title: a company or school word, an Indeed "Company -" line, or a proper
    name of a few capitalised words ("Time Warner Cable"), not one word ("Updated") or a phrase."""
    name = employer[2]
    if company_score(name) > 0 or SCHOOL.search(name) or _INDEED_EMPLOYER.search(lines[employer[0]]):
        return True
    ws = name.split()
    return len(ws) >= 2 and all(w[:1].isupper() or w.lower() in _DANGLING or not w[:1].isalpha() for w in ws)


def _may_be_title(part: str) -> bool:
    """A title without a role word ("Web development"): a few words, not a school, a degree or a lone place name."""
    ws = part.split()
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
    indeed = [k for k in others if _INDEED_EMPLOYER.search(lines[k[0]])]
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
