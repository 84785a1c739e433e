"""Streaks: consecutive local days on which the user met their daily application goal.

Pure functions over `{local date: applications sent}`; the day boundaries come from the user's timezone (SQL
`local_date()`), so DST changes only move where a day starts, never merge or split days. Today still being open
never breaks a streak: until midnight the current streak is the run ending yesterday (plus today once met)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo


@dataclass(frozen=True)
class Streak:
    current: int
    longest: int
    today_met: bool


def met(count: int, goal: int) -> bool:
    """A day counts when it meets the goal; with no goal (0), when at least one application was sent."""
    return count >= max(goal, 1)


def streaks(per_day: Mapping[date, int], goal: int, today: date) -> Streak:
    good = sorted(d for d, n in per_day.items() if met(n, goal) and d <= today)
    longest = run = 0
    previous: date | None = None
    for day in good:
        run = run + 1 if previous is not None and day - previous == timedelta(days=1) else 1
        longest = max(longest, run)
        previous = day
    days = set(good)
    today_met = today in days
    cursor = today if today_met else today - timedelta(days=1)
    current = 0
    while cursor in days:
        current += 1
        cursor -= timedelta(days=1)
    return Streak(current=current, longest=longest, today_met=today_met)


def local_day(moment: datetime, tz: str) -> date:
    """The user's calendar date of a UTC moment (the Python twin of SQL `local_date()`)."""
    return moment.astimezone(ZoneInfo(tz)).date() if moment.tzinfo else moment.replace(tzinfo=UTC).date()
