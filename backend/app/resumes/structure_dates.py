"""Dates in resume text: "Jan 2020", "January, 2020", "09/14", "12/1/2009", "2019", "Sept'18", and ranges of them
("Feb 2005 to Present", "2019 - 2024", "2003Present", "May 2014 onwards") read into JSON Resume dates ("YYYY" or
"YYYY-MM"). A date outside 1950–2100 is not a date (the schema refuses it; a phone number is not a career)."""

# ruff: noqa: RUF001, RUF002  -- resume text is made of dashes, curly quotes and bullets

from __future__ import annotations

import re
from dataclasses import dataclass

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11,
    "dec": 12,
}  # fmt: skip
_MONTH = (
    r"(?:jan(?:uary|uar)?|feb(?:ruary|ruar)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
# One date; alternatives are ordered so the longest form wins and none can backtrack into another.
_YEAR = r"(?:(?:19|20)\d\d|(?:19|20)[xX]{2})"  # "20XX": a template's placeholder, a date without a value
_DATE = (
    rf"(?:(?:\d{{1,2}}(?:st|nd|rd|th)?[ ,]{{1,2}})?{_MONTH}(?: \d{{1,2}}(?:st|nd|rd|th)?,?)?[ ,'’]{{0,3}}"
    rf"(?:{_YEAR}|'\d\d|’\d\d)"
    rf"|(?:spring|summer|fall|autumn|winter)s?[ ,]{{0,2}}{_YEAR}"
    r"|\d{1,2}/\d{1,2}/(?:19|20)\d\d"
    r"|\d{1,2} ?[/.] ?(?:19|20)\d\d"
    r"|\d{1,2}/\d\d"
    r"|(?:19|20)\d\d[/.-](?:0?[1-9]|1[0-2])(?![\d])"
    rf"|{_YEAR})"
)
_NOW = r"(?:present|current(?:ly)?|till\s+date|till\s+now|to\s+date|date|now|ongoing|today|onwards|continuing)"
_SEP = r"(?:\s*(?:-{1,2}|–|—|~|to|till|until|through|thru):?\s*|\s+)"
RANGE = re.compile(
    rf"(?<![\w/.])(?P<start>{_DATE})(?:{_SEP}|(?=present|current))(?P<end>{_DATE}|{_NOW})(?![\w/])"
    rf"|(?<![\w/.])(?P<open>{_DATE})\s+(?:onwards|till\s+date|to\s+date|-\s*$)",
    re.IGNORECASE,
)
SINGLE = re.compile(rf"(?<![\w/.]){_DATE}(?![\w/])", re.IGNORECASE)
_YEAR_ONLY = re.compile(r"^(?:19|20)\d\d$")


@dataclass(frozen=True, slots=True)
class DateRange:
    start: str | None
    end: str | None  # None: current, or not given
    current: bool
    span: tuple[int, int]


def is_placeholder(token: str) -> bool:
    return bool(re.search(r"(?:19|20)xx\b", token, re.IGNORECASE))


def to_iso(token: str) -> str | None:
    """One written date as "YYYY" or "YYYY-MM", or None when it is not a plausible date."""
    t = re.sub(r"\s*/\s*", "/", token.strip().lower().rstrip("."))
    t = re.sub(r"^\d{1,2}(?:st|nd|rd|th)?[ ,]+(?=[a-z])", "", t)  # "14th Oct 2005": the day is dropped
    t = re.sub(r"^([a-z]+\.?) \d{1,2}(?:st|nd|rd|th)?,?(?= )", r"\1", t)  # "September 1st 2014", "July 8, 1952"
    if not t:
        return None
    month = 0
    year = 0
    m = re.match(r"([a-z]+)\.?[ ,'’]*('|’)?(\d{2,4})$", t)
    if m:
        month = _MONTHS.get(m.group(1)[:3], 0)
        digits = m.group(3)
        year = int(digits) if len(digits) == 4 else _two_digit_year(int(digits))
    elif "/" in t or "." in t:
        parts = re.split(r"[/.]", t)
        if not all(p.isdigit() for p in parts) or len(parts) not in (2, 3):
            return None
        month = int(parts[0])
        if not 1 <= month <= 12:
            return None
        last = parts[-1]
        year = int(last) if len(last) == 4 else _two_digit_year(int(last))
    elif "-" in t:
        first, _, second = t.partition("-")
        if not (first.isdigit() and second.isdigit()):
            return None
        year, month = int(first), int(second)
    elif t.isdigit() and len(t) == 4:
        year = int(t)
    else:
        return None
    if not 1950 <= year <= 2100:
        return None
    if 1 <= month <= 12:
        return f"{year:04d}-{month:02d}"
    return f"{year:04d}"


def _two_digit_year(value: int) -> int:
    return 2000 + value if value < 50 else 1900 + value


def find_range(line: str) -> DateRange | None:
    """The first date range in a line ("2019 - 2024", "Jan 2020 to Present", "May 2014 onwards")."""
    for m in RANGE.finditer(line):
        if m.group("open"):
            start = to_iso(m.group("open"))
            if start:
                return DateRange(start, None, True, m.span())
            continue
        start, end_text = to_iso(m.group("start")), m.group("end")
        if not start and not is_placeholder(m.group("start")):
            continue
        if re.fullmatch(_NOW, end_text.strip(), re.IGNORECASE):
            return DateRange(start, None, True, m.span())
        end = to_iso(end_text)
        if start is None or end is None:
            if is_placeholder(end_text) or end is not None:
                return DateRange(start, end, False, m.span())
            continue
        if end < start:
            continue
        if _YEAR_ONLY.match(m.group("start")) and _YEAR_ONLY.match(end_text) and int(end) - int(start) > 15:
            continue  # "1993 2012" are two years in a list, not a role
        return DateRange(start, end, False, m.span())
    short = _SHORT_END.search(line)  # "1984-86"
    if short:
        start_year = int(short.group(1))
        end_year = start_year // 100 * 100 + int(short.group(2))
        if start_year < end_year <= 2100:
            return DateRange(str(start_year), str(end_year), False, short.span())
    return None


_SHORT_END = re.compile(r"(?<![\w/.])((?:19|20)\d\d)\s?[-–]\s?(\d\d)(?![\w/]|\.\d)")


def find_single(line: str) -> DateRange | None:
    """A lone date ("June 2015", "2014") as a range that starts and ends there."""
    for m in SINGLE.finditer(line):
        iso = to_iso(m.group(0))
        if iso or is_placeholder(m.group(0)):
            return DateRange(iso, iso, False, m.span())
    return None
