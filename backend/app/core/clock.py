"""A user's local day: the time zone they chose (IANA name; an unknown one counts as UTC) and today's date there.
Streaks, goals, summaries and analytics windows all count days this way."""

from __future__ import annotations

from datetime import UTC, date, datetime
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
