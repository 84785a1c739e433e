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
from app.resumes.structure_dates import DateRange, find_range, find_single
from app.resumes.structure_role import INDEED_EMPLOYER, build_role
from app.resumes.structure_text import (
    clean,
    header_parts,
    is_bullet,
    is_glyph_only,
    is_location,
    is_title,
    looks_like_header,
)

MAX_ROLES = 40
MAX_HEADER_LINES = 2
_NOW_LINE = re.compile(
    r"^(?:-\s*)?(?:present|current|till date|to date|now|ongoing|onwards)(?:\W*$|\s*:\s*)", re.IGNORECASE
)
# "Client: Renault", "Environment: Java" under a header describe the role, they do not name it
_DETAIL = re.compile(
    r"^(?!(?:company|employer|organi[sz]ation|position|position held|designation|role|title|job title)\s*:)"
    r"[A-Z][\w ]{1,25}:(?:\s|$)",
    re.IGNORECASE,
)
_INDEED_CITY = re.compile(r"^[A-Z][a-z]+(?: [A-Z][a-z]+)? -$")


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
    # Then, in a second round, a short block of naming lines with a job title in it (_block_start).
    for round_ in ("named", "block"):
        claimed = {i for a in anchors for i in (a.index, *a.pre, *a.post)}
        undated = [
            _Anchor(i, DateRange(None, None, False, (0, 0)), line, i, undated=True)
            for i, line in enumerate(lines)
            if i not in claimed
            and looks_like_header(line)
            and (
                bool(INDEED_EMPLOYER.search(line) or _role_line(line))
                if round_ == "named"
                else _block_start(lines, i, claimed)
            )
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
        header = [*anchor.pre, anchor.index, *anchor.post]
        body = lines[body_start:body_end]
        role = build_role(
            lines, header, anchor.index, anchor.line_rest, anchor.dates, undated=anchor.undated, body=body
        )
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
            if len(after) <= 3:  # "Substitute Teacher, Muncie Schools; May 2013" / "present": the range ends below
                ended = _range_end(lines, i, single)
                if ended is not None:
                    return _anchor(i, ended[0], before + " | " + after, ended[1])
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


def _range_end(lines: list[str], i: int, single: DateRange) -> tuple[DateRange, int] | None:
    """The end of a range whose start closes line i, when the next line holds only that end ("present",
    "May 2012")."""
    nxt = _next_nonblank(lines, i + 1)
    if nxt is None or nxt - i > 2:
        return None
    following = lines[nxt].strip()
    if _NOW_LINE.match(following) and len(following) <= 12:
        return DateRange(single.start, None, True, single.span), nxt
    end = find_single(following)
    if end is None or end.span[0] > 1 or len(following) - end.span[1] > 1 or find_range(following):
        return None
    if end.start is None or single.start is None or end.start >= single.start:
        return DateRange(single.start, end.start, False, single.span), nxt
    return None


def _anchor(i: int, dates: DateRange, rest: str, last: int) -> _Anchor | None:
    dotted = re.match(r"^\s*\|?\s*\.\s+(\S.*)$", rest)
    if dotted:  # "Aug 2011 - Aug 2012. Assistant Program Manager. Developed ...": the first sentence is the header
        rest = dotted.group(1).split(". ", 1)[0]
    rest = clean(rest, 300)
    if len(rest.split()) > 14:
        # "Senior Project Manager (2001-2004) - Promoted to ...": the header is what comes before the dates
        head = clean(rest.split(" | ", 1)[0], 300)
        rest = head if 1 <= len(head.split()) <= 10 else rest
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
            if budget == MAX_HEADER_LINES and (is_location(line) or _INDEED_CITY.match(line)):
                budget += 1  # "Bangalore, Karnataka -" under the employer does not use up a header line (once)
        i += step
    return sorted(found)
