"""Turning what job boards send into the normalised posting (docs/design.md §3 fields): HTML, salaries, dates, remote,
employment type. Every function takes whatever a board sends (strings, numbers, None) and never raises on odd
input: an unparseable value becomes None."""

from __future__ import annotations

import html
import math
import re
from datetime import UTC, datetime
from typing import Any

from app.jobs.text import html_to_text, sanitize_html, text_to_html
from app.models.job import RemoteType, SalaryPeriod

_TAG = re.compile(r"<[a-zA-Z/][^>]*>")


def description(raw: str | None, *, escaped: bool = False) -> tuple[str, str]:
    """(sanitised HTML, plain text). `escaped`: the board entity-escapes its HTML (Greenhouse `&lt;p&gt;`)."""
    value = raw or ""
    if escaped or ("&lt;" in value and not _TAG.search(value)):
        value = html.unescape(value)
    if _TAG.search(value):
        safe = sanitize_html(value)
        return safe, html_to_text(safe)
    text = html.unescape(value).strip()
    return text_to_html(text), text


def plain(raw: Any) -> str:
    """A short field that may carry tags or entities (Adzuna `<strong>` titles, RemoteOK `&amp;` companies)."""
    if raw is None:
        return ""
    text = html.unescape(str(raw))
    return " ".join(_TAG.sub(" ", text).split())


# --- dates --------------------------------------------------------------------------------------------------

_EPOCH_MS_FROM = 10**11  # anything larger is milliseconds (year 5138 in seconds)


def parse_date(value: Any) -> datetime | None:
    """UTC datetime from ISO (with or without offset, any fractional digits), a date, or epoch seconds / ms."""
    if value is None or value == "" or isinstance(value, bool):
        return None
    try:
        if isinstance(value, int | float):
            seconds = value / 1000 if abs(value) >= _EPOCH_MS_FROM else value
            return datetime.fromtimestamp(seconds, UTC)
        text = str(value).strip()
        if re.fullmatch(r"-?\d+(\.\d+)?", text):
            return parse_date(float(text))
        text = text.replace("Z", "+00:00").replace("z", "+00:00")
        # Python wants at most 6 fractional digits (USAJOBS sends 4, Jooble 7)
        text = re.sub(r"(\.\d{6})\d+", r"\1", text)
        text = re.sub(r"(\d{2}:\d{2}:\d{2})\.(\d{1,5})(?=$|[+-])", lambda m: f"{m[1]}.{m[2].ljust(6, '0')}", text)
        moment = datetime.fromisoformat(text)
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=UTC)  # naive dates (Remotive, USAJOBS, Jobicy 2024) are taken as UTC
        return moment.astimezone(UTC)  # "0001-01-01T00:00:00+05:00" overflows here
    except (ValueError, OverflowError, OSError):
        return None


# --- salaries -----------------------------------------------------------------------------------------------

_PERIODS = {
    SalaryPeriod.year: ("year", "yr", "annual", "annum", "pa", "p.a", "per year", "yearly"),
    SalaryPeriod.month: ("month", "mo", "monthly", "pm"),
    SalaryPeriod.week: ("week", "wk", "weekly", "pw"),
    SalaryPeriod.day: ("day", "daily", "pd"),
    SalaryPeriod.hour: ("hour", "hr", "hourly", "ph"),
}
_CURRENCY_SIGNS = {"$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR", "CHF": "CHF"}
_NUMBER = re.compile(r"(\d+(?:[.,]\d+)*)\s*([kKmM])?(?![a-zA-Z])")
_PLAIN_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")  # "97738.0", "-5", "1e+16"
_THOUSANDS = re.compile(r"\d{1,3}([.,]\d{3})+")  # "1,200,000", "45.000"
_MAX_AMOUNT = 100_000_000
_MULTIPLIERS = {"k": 1_000, "m": 1_000_000}


def parse_period(value: Any) -> SalaryPeriod | None:
    """'per-year-salary', '1 YEAR', 'annual', 'Per Year', 'PA', 'hourly', 'per-hour-wage' → SalaryPeriod."""
    if value is None:
        return None
    text = re.sub(r"[^a-z. ]", " ", str(value).lower()).strip()
    words = set(text.replace(".", "").split()) | {text.replace(" ", "")}
    for period, names in _PERIODS.items():
        if words & set(names):
            return period
    return None


def parse_amount(value: Any) -> int | None:
    """An amount as int: 97738.0, "97738.0", "90k", "1,200", "1,000.00", "€45.000" (European thousands), so
    "12.345" is 12345, not 12. 0, negative, NaN, infinite and absurd (> 100 million) amounts mean unknown."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, int | float):
        amount = round(value)
        return amount if 0 < amount <= _MAX_AMOUNT else None
    text = str(value).strip()
    if _PLAIN_NUMBER.fullmatch(text) and not _THOUSANDS.fullmatch(text.lstrip("+-")):
        return parse_amount(float(text))  # a number as a string: signs and exponents count ("-5", "1e-05")
    match = _NUMBER.search(text)
    if not match:
        return None
    return _to_int(match.group(1), match.group(2))


def _to_int(number: str, suffix: str | None) -> int | None:
    digits = number
    if _THOUSANDS.fullmatch(digits):  # 1,200,000 or 45.000: thousands separators
        digits = re.sub(r"[.,]", "", digits)
    elif "," in digits and "." in digits:  # 1,000.00 or 1.000,50: the last separator is the decimal point
        last = max(digits.rfind(","), digits.rfind("."))
        digits = re.sub(r"[.,]", "", digits[:last]) + "." + digits[last + 1 :]
    else:
        digits = digits.replace(",", ".")
        if digits.count(".") > 1:
            digits = digits.replace(".", "")
    try:
        amount = float(digits)
    except ValueError:
        return None
    amount *= _MULTIPLIERS.get((suffix or "").lower(), 1)
    if not math.isfinite(amount):  # 400 digits are infinity as a float
        return None
    result = round(amount)
    return result if 0 < result <= _MAX_AMOUNT else None


def parse_salary_text(text: Any) -> tuple[int | None, int | None, str | None, SalaryPeriod | None]:
    """Free-text salaries ("$90k - $105k", "OTE $25k - $35k", "€50.000-60.000 a year", "40/hour") →
    (min, max, currency, period)."""
    if not text:
        return None, None, None, None
    raw = html.unescape(str(text))
    currency = None
    for sign, code in _CURRENCY_SIGNS.items():
        if sign in raw:
            currency = code
            break
    if currency is None:
        found = re.search(r"\b(USD|EUR|GBP|CAD|AUD|CHF|INR|JPY|SEK|NOK|DKK|PLN|NZD|SGD)\b", raw.upper())
        currency = found.group(1) if found else None
    amounts = [
        (amount, (suffix or "").lower())
        for number, suffix in _NUMBER.findall(raw)
        if (amount := _to_int(number, suffix))
    ]
    if not amounts:
        return None, None, currency, parse_period(raw)
    (low, low_suffix), (high, high_suffix) = amounts[0], amounts[1] if len(amounts) > 1 else amounts[0]
    # "90k - 105" and "90 - 105k" mean 90k-105k: a k (or m) written once applies to the bare number too, when
    # that brings it into the other's size class. Without a suffix the numbers written are the numbers meant.
    if low_suffix and not high_suffix and high < low:
        scaled = high * _MULTIPLIERS[low_suffix]
        if low <= scaled <= _MAX_AMOUNT:
            high = scaled
    if high_suffix and not low_suffix and low < high:
        scaled = low * _MULTIPLIERS[high_suffix]
        if scaled <= high * 1.5:
            low = scaled
    low, high = min(low, high), max(low, high)
    period = parse_period(raw)
    if period is None:
        period = SalaryPeriod.hour if high < 500 else SalaryPeriod.year
    return low, high, currency, period


# --- location and type --------------------------------------------------------------------------------------


def remote_type(*hints: Any) -> RemoteType:
    """From flags and texts: 'remote', 'Remote (US)', 'Hybrid', 'On-site', 'OnSite', True (telecommuting)."""
    for hint in hints:
        if hint is True:
            return RemoteType.remote
        if not isinstance(hint, str) or not hint:
            continue
        text = hint.lower().replace("-", "").replace(" ", "")
        if "hybrid" in text:
            return RemoteType.hybrid
        if "remote" in text or "anywhere" in text or "telecommut" in text or "flexible/remote" in text:
            return RemoteType.remote
        if "onsite" in text or "inoffice" in text or text == "office":
            return RemoteType.onsite
    return RemoteType.unknown


_EMPLOYMENT = {
    "full_time": ("fulltime", "full", "permanent", "regular"),
    "part_time": ("parttime", "part"),
    "contract": ("contract", "contractor", "freelance", "temporary", "temp", "shortterm"),
    "internship": ("intern", "internship", "werkstudent", "trainee"),
}


def employment_type(*hints: Any) -> str | None:
    """'Full-time', 'FullTime', 'full_time', 'Full Time', 'Contractor', ['full-time'] → full_time, contract, …"""
    for hint in hints:
        values = hint if isinstance(hint, list) else [hint]
        for value in values:
            if not isinstance(value, str) or not value:
                continue
            key = re.sub(r"[^a-z]", "", value.lower())
            for kind, names in _EMPLOYMENT.items():
                if any(key.startswith(n) for n in names):
                    return kind
    return None


# --- keyword filtering (boards without server-side search) ------------------------------------------------------


def keywords(query: Any) -> list[str]:
    """The words of a query's keywords, lower-cased (`query` is a SourceQuery or None)."""
    return [w for w in re.split(r"[\s,]+", query.keywords.lower()) if w] if query else []


def matches_keywords(words: list[str], *fields: str) -> bool:
    """Any keyword as a whole word (so "go" does not match "good"), case-insensitively; no keywords match all."""
    if not words:
        return True
    haystack = " ".join(fields).lower()
    return any(re.search(rf"(?<!\w){re.escape(w)}(?!\w)", haystack) for w in words)
