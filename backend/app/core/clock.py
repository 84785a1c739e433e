"""A user's local day: the time zone they chose (IANA name; an unknown one counts as UTC) and today's date there.
Streaks, goals, summaries and analytics windows all count days this way."""

from __future__ import annotations

import zoneinfo
from datetime import UTC, date, datetime
from functools import cache
from typing import Protocol
from zoneinfo import ZoneInfo


class HasTimezone(Protocol):
    @property
    def timezone(self) -> str | None: ...


def zone(name: str | None) -> ZoneInfo:
    try:
        return ZoneInfo(name or "UTC")
    except (KeyError, ValueError):
        return ZoneInfo("UTC")


def local_today(user: HasTimezone, now: datetime | None = None) -> date:
    return (now or datetime.now(UTC)).astimezone(zone(user.timezone)).date()


@cache
def _known_timezones() -> frozenset[str]:
    return frozenset(zoneinfo.available_timezones()) | {"UTC"}


def validate_timezone(value: str) -> str:
    if value not in _known_timezones():
        raise ValueError(f"'{value}' is not a known timezone (use an IANA name such as Europe/Berlin)")
    return value
