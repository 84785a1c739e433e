"""Streaks as properties (hypothesis): any history, any goal, any timezone, across DST changes."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.db import _local_date
from app.gamification.streaks import local_day, met, streaks

TODAY = date(2026, 3, 29)  # the night Europe moves its clocks forward
ZONES = ["UTC", "Europe/Berlin", "America/New_York", "Australia/Lord_Howe", "Pacific/Kiritimati", "Asia/Kathmandu"]

histories = st.dictionaries(
    st.integers(min_value=0, max_value=60).map(lambda back: TODAY - timedelta(days=back)),
    st.integers(min_value=0, max_value=8),
    max_size=61,
)


def brute_force(per_day: dict[date, int], goal: int, today: date) -> tuple[int, int]:
    good = {d for d, n in per_day.items() if met(n, goal) and d <= today}
    longest = 0
    for start in good:
        length = 0
        while start + timedelta(days=length) in good:
            length += 1
        longest = max(longest, length)
    end = today if today in good else today - timedelta(days=1)
    current = 0
    while end - timedelta(days=current) in good:
        current += 1
    return current, longest


@given(histories, st.integers(min_value=0, max_value=6))
@settings(max_examples=300, deadline=None)
def test_matches_a_brute_force_count(per_day: dict[date, int], goal: int) -> None:
    s = streaks(per_day, goal, TODAY)
    assert (s.current, s.longest) == brute_force(per_day, goal, TODAY)
    assert s.current <= s.longest


@given(histories, st.integers(min_value=1, max_value=6))
@settings(max_examples=200, deadline=None)
def test_today_still_open_never_breaks_the_streak(per_day: dict[date, int], goal: int) -> None:
    without_today = {d: n for d, n in per_day.items() if d != TODAY}
    open_day = streaks(without_today, goal, TODAY)
    yesterday = streaks(without_today, goal, TODAY - timedelta(days=1))
    ending_yesterday = yesterday.current if yesterday.today_met else 0
    assert open_day.current == ending_yesterday  # nothing sent yet today: the run ending yesterday still counts
    met_today = streaks({**without_today, TODAY: goal}, goal, TODAY)
    assert met_today.current == ending_yesterday + 1 and met_today.today_met


@given(
    st.datetimes(min_value=datetime(2026, 1, 1), max_value=datetime(2026, 12, 31)).map(lambda d: d.replace(tzinfo=UTC)),
    st.sampled_from(ZONES),
)
@settings(max_examples=400, deadline=None)
def test_sql_and_python_agree_on_the_local_day(moment: datetime, tz: str) -> None:
    """SQLite's copilot_local_date (what the streak query groups by) is the user's wall-clock date, DST included."""
    stored = moment.replace(tzinfo=None).isoformat(sep=" ")  # how SQLite keeps a UTC timestamp
    assert (
        _local_date(stored, tz)
        == local_day(moment, tz).isoformat()
        == moment.astimezone(ZoneInfo(tz)).date().isoformat()
    )


def test_a_dst_night_is_one_day_not_two_or_zero() -> None:
    """In Berlin 29 March 2026 lasts 23 hours; sends at 00:30 local time before, on and after it land on three
    consecutive days (the UTC hour of local midnight moves from 23:00 to 22:00), so the streak continues."""
    tz = "Europe/Berlin"
    sends = [
        datetime(2026, 3, 27, 23, 30, tzinfo=UTC),  # 00:30 CET on the 28th
        datetime(2026, 3, 28, 23, 30, tzinfo=UTC),  # 00:30 CET on the 29th (clocks go forward at 02:00)
        datetime(2026, 3, 29, 22, 30, tzinfo=UTC),  # 00:30 CEST on the 30th
    ]
    days = [local_day(m, tz) for m in sends]
    assert days == [date(2026, 3, 28), date(2026, 3, 29), date(2026, 3, 30)]
    assert streaks(dict.fromkeys(days, 1), 1, date(2026, 3, 30)).current == 3
