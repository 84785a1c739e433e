"""Property tests for the shared parsing every adapter relies on: dates in every shape the boards send come back as
the same UTC instant, free-text and structured salaries come back as the numbers that were written, and nothing a
board can send makes these functions raise."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from app.jobs.sources import normalize as n
from app.models.job import SalaryPeriod

# Postings live between these years; inside them epoch seconds (< 10**11) and epoch ms (>= 10**11) cannot be confused.
MOMENTS = st.datetimes(min_value=datetime(1975, 1, 1), max_value=datetime(2200, 12, 31))
OFFSETS = st.integers(min_value=-12 * 60, max_value=14 * 60).map(lambda m: timezone(timedelta(minutes=m)))
ONE_MS = timedelta(milliseconds=1)
PROPERTY = settings(max_examples=150, deadline=None, database=None)


def _fraction(moment: datetime, digits: int) -> str:
    """`moment` (naive, wall clock) with exactly `digits` fractional second digits, as USAJOBS (4) and Jooble (7)."""
    micro = f"{moment.microsecond:06d}"
    fraction = (micro + "0" * digits)[:digits]
    return f"{moment:%Y-%m-%dT%H:%M:%S}.{fraction}"


RENDERINGS: dict[str, Callable[[datetime, timezone], tuple[Any, datetime]]] = {
    # each returns (what a board would send, the instant it means); `utc` is the moment in UTC
    "iso_offset": lambda utc, tz: (utc.astimezone(tz).isoformat(), utc),
    "iso_z": lambda utc, tz: (utc.replace(tzinfo=None).isoformat() + "Z", utc),
    "naive_space": lambda utc, tz: (
        utc.replace(tzinfo=None, microsecond=0).isoformat(sep=" "),
        utc.replace(microsecond=0),
    ),
    "naive_iso": lambda utc, tz: (utc.replace(tzinfo=None).isoformat(), utc),
    "epoch_s": lambda utc, tz: (int(utc.timestamp()), utc.replace(microsecond=0)),
    "epoch_s_str": lambda utc, tz: (str(int(utc.timestamp())), utc.replace(microsecond=0)),
    "epoch_s_float": lambda utc, tz: (utc.timestamp(), utc),
    "epoch_ms": lambda utc, tz: (int(utc.timestamp() * 1000), utc),
    "epoch_ms_str": lambda utc, tz: (str(int(utc.timestamp() * 1000)), utc),
    "four_digits_naive": lambda utc, tz: (_fraction(utc.replace(tzinfo=None), 4), utc),
    "seven_digits_offset": lambda utc, tz: (
        _fraction(utc.astimezone(tz).replace(tzinfo=None), 7) + utc.astimezone(tz).isoformat()[-6:],
        utc,
    ),
    "seven_digits_z": lambda utc, tz: (_fraction(utc.replace(tzinfo=None), 7) + "Z", utc),
}


@pytest.mark.parametrize("rendering", sorted(RENDERINGS))
@PROPERTY
@given(moment=MOMENTS, tz=OFFSETS)
def test_any_rendering_of_a_date_parses_back_to_the_same_instant(
    rendering: str, moment: datetime, tz: timezone
) -> None:
    utc = moment.replace(tzinfo=UTC)
    sent, meant = RENDERINGS[rendering](utc, tz)
    parsed = n.parse_date(sent)
    assert parsed is not None, sent
    assert parsed.tzinfo is not None and parsed.utcoffset() == timedelta(0)
    assert abs(parsed - meant) <= ONE_MS, (sent, parsed, meant)


def test_the_boards_own_samples() -> None:
    expected = {
        "2022-03-25T11:18:12.4200": datetime(2022, 3, 25, 11, 18, 12, 420000, UTC),  # USAJOBS
        "2022-11-13T04:39:15.7820007+00:00": datetime(2022, 11, 13, 4, 39, 15, 782000, UTC),  # Jooble
        "2024-12-07 04:10:26": datetime(2024, 12, 7, 4, 10, 26, tzinfo=UTC),  # Jobicy 2024
        "2026-06-16T04:19:59+00:00": datetime(2026, 6, 16, 4, 19, 59, tzinfo=UTC),  # Jobicy v2.2
        "2026-10-02T09:15:00-04:00": datetime(2026, 10, 2, 13, 15, tzinfo=UTC),  # Greenhouse
        "2026-09-01T15:01:54Z": datetime(2026, 9, 1, 15, 1, 54, tzinfo=UTC),  # HN
    }
    for sent, meant in expected.items():
        assert n.parse_date(sent) == meant, sent
    assert n.parse_date(1788274914) == datetime(2026, 9, 1, 15, 1, 54, tzinfo=UTC)
    assert n.parse_date(1788274914000) == datetime(2026, 9, 1, 15, 1, 54, tzinfo=UTC)
    for nothing in (None, "", True, "soon", "2024-13-45", float("nan"), float("inf"), 10**400):
        assert n.parse_date(nothing) is None


@PROPERTY
@given(
    st.one_of(
        st.text(),
        st.from_regex(r"\A[0-9:.TZ+ -]{0,40}\Z"),
        st.from_regex(r"\A-?[0-9]{1,400}(\.[0-9]{1,20})?\Z"),
        st.datetimes(timezones=st.just(UTC)).map(lambda d: d.isoformat()),
        st.datetimes().map(lambda d: d.isoformat()),
        st.builds(lambda d, tz: d.replace(tzinfo=tz).isoformat(), st.datetimes(), OFFSETS),
        st.floats(),
        st.integers(),
    )
)
@example("0001-01-01T00:00:00+05:00")
@example("9999-12-31T23:59:59-05:00")
def test_parse_date_never_raises(value: Any) -> None:
    parsed = n.parse_date(value)
    assert parsed is None or parsed.utcoffset() == timedelta(0)


# --- salaries -----------------------------------------------------------------------------------------------

THOUSANDS = st.integers(min_value=1, max_value=999)  # "90k": whole thousands, as people write them
YEARLY = st.integers(min_value=1_000, max_value=10_000_000)
HOURLY = st.integers(min_value=1, max_value=999)


def _pair(amounts: st.SearchStrategy[int]) -> st.SearchStrategy[tuple[int, int]]:
    return st.tuples(amounts, amounts).map(lambda ab: (min(ab), max(ab)))


def _euro(amount: int) -> str:
    return f"{amount:,}".replace(",", ".")


@PROPERTY
@given(_pair(THOUSANDS))
def test_dollar_k_range(pair: tuple[int, int]) -> None:
    a, b = pair
    assert n.parse_salary_text(f"${a}k - ${b}k") == (a * 1000, b * 1000, "USD", SalaryPeriod.year)


@PROPERTY
@given(_pair(THOUSANDS))
def test_ote_range(pair: tuple[int, int]) -> None:
    a, b = pair
    assert n.parse_salary_text(f"OTE ${a}k - ${b}k") == (a * 1000, b * 1000, "USD", SalaryPeriod.year)


@PROPERTY
@given(_pair(YEARLY), st.sampled_from(["USD", "GBP", "CAD", "AUD", "SEK"]))
def test_comma_thousands_with_currency_code(pair: tuple[int, int], code: str) -> None:
    a, b = pair
    assert n.parse_salary_text(f"{a:,} - {b:,} {code}") == (a, b, code, SalaryPeriod.year)


@PROPERTY
@given(_pair(YEARLY))
def test_european_thousands_per_year(pair: tuple[int, int]) -> None:
    a, b = pair
    assert n.parse_salary_text(f"€{_euro(a)} - €{_euro(b)} per year") == (a, b, "EUR", SalaryPeriod.year)


@PROPERTY
@given(_pair(HOURLY), st.sampled_from(["an hour", "per hour", "/hour", "/hr", "hourly"]))
def test_hourly_range(pair: tuple[int, int], unit: str) -> None:
    a, b = pair
    assert n.parse_salary_text(f"${a} - ${b} {unit}") == (a, b, "USD", SalaryPeriod.hour)


@PROPERTY
@given(_pair(THOUSANDS))
def test_k_shorthand_on_the_upper_bound_only(pair: tuple[int, int]) -> None:
    """ "90 - 105k" (and "90k - 105"): a k written once applies to both numbers."""
    a, b = pair
    assert n.parse_salary_text(f"${a} - ${b}k")[:2] == (a * 1000, b * 1000)
    assert n.parse_salary_text(f"${a}k - {b}")[:2] == (a * 1000, b * 1000)


@PROPERTY
@given(_pair(YEARLY))
def test_explicit_amounts_are_never_rescaled(pair: tuple[int, int]) -> None:
    """Without a k anywhere, the numbers written are the numbers returned (no guessing that 50 meant 50k)."""
    a, b = pair
    low = a // 1000 or 1  # a small first number next to a big second one
    assert n.parse_salary_text(f"{low} - {_euro(b)} EUR")[:2] == (min(low, b), max(low, b))


def test_salary_samples_from_the_boards() -> None:
    assert n.parse_salary_text("€75k\u2013110k") == (75_000, 110_000, "EUR", SalaryPeriod.year)  # HN, en dash
    assert n.parse_salary_text("$90k - $105k") == (90_000, 105_000, "USD", SalaryPeriod.year)
    assert n.parse_salary_text("€50.000-60.000 a year") == (50_000, 60_000, "EUR", SalaryPeriod.year)
    assert n.parse_salary_text("40/hour") == (40, 40, None, SalaryPeriod.hour)
    assert n.parse_salary_text("") == (None, None, None, None)
    assert n.parse_salary_text("Competitive") == (None, None, None, None)


@PROPERTY
@given(st.integers(min_value=1, max_value=100_000_000))
def test_parse_amount_of_whole_numbers_and_their_spellings(amount: int) -> None:
    for sent in (amount, float(amount), str(amount), f"{amount}.0", f"{amount:,}", f"{amount:,}.00"):
        assert n.parse_amount(sent) == amount, sent


@PROPERTY
@given(st.floats(min_value=0.5, max_value=100_000_000, allow_nan=False))
def test_parse_amount_of_floats_and_decimal_strings(amount: float) -> None:
    expected = round(amount) or None
    assert n.parse_amount(amount) == expected
    two_decimals = f"{amount:.2f}"  # "1234.50": never mistaken for thousands separators (those take 3 digits)
    assert n.parse_amount(two_decimals) == (round(float(two_decimals)) or None)


@PROPERTY
@given(st.integers(min_value=1, max_value=100_000))
def test_parse_amount_k_suffix(thousands: int) -> None:
    expected = thousands * 1000 if thousands * 1000 <= 100_000_000 else None
    assert n.parse_amount(f"{thousands}k") == expected
    assert n.parse_amount(f"${thousands}K") == expected


def test_parse_amount_unknowns() -> None:
    for nothing in (None, True, 0, 0.0, "0", -5, "-5", "", "n/a", float("nan"), float("inf"), "1e-05", "1e+16"):
        assert n.parse_amount(nothing) is None, nothing
    assert n.parse_amount("€45.000") == 45_000 and n.parse_amount("97738.0") == 97_738


ANYTHING = st.one_of(
    st.text(),
    st.from_regex(r"\A[$€£0-9kKmM.,\- /a-z]{0,40}\Z"),
    st.from_regex(r"\A[0-9]{1,400}([.,][0-9]{1,400})?[kKmM]?\Z"),
    st.floats(),
    st.integers(),
    st.none(),
)


@PROPERTY
@given(ANYTHING)
@example(float("nan"))
@example(float("inf"))
@example("9" * 400)
@example("$9" + "9" * 400 + "k - 1")
@example("1,000.00 - 2.000,50")
def test_salary_parsing_never_raises_and_min_never_exceeds_max(value: Any) -> None:
    amount = n.parse_amount(value)
    assert amount is None or 0 < amount <= 100_000_000
    low, high, currency, period = n.parse_salary_text(value)
    assert (low is None) == (high is None)
    if low is not None and high is not None:
        assert 0 < low <= high <= 100_000_000
    assert currency is None or (len(currency) == 3 and currency.isupper())
    assert period is None or isinstance(period, SalaryPeriod)
    n.parse_period(value)


@PROPERTY
@given(st.text())
def test_text_helpers_never_raise(value: str) -> None:
    assert isinstance(n.plain(value), str)
    safe, text = n.description(value)
    assert isinstance(safe, str) and isinstance(text, str)
    n.remote_type(value)
    n.employment_type(value, [value])
