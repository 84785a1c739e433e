"""The day in figures (dashboard tile and evening summary) and the evening summary mail itself.

Everything is counted in the user's own timezone: "today" is their local calendar day."""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from app.core.clock import zone
from app.models.mail import SummaryDelivery
from app.models.user import User
from app.summaries import repository


@dataclass
class StatusChange:
    title: str
    company: str
    from_status: str | None
    to_status: str
    at: datetime


@dataclass
class DailyStats:
    local_date: date
    timezone: str
    goal: int
    applied_today: int
    streak_days: int
    new_jobs: int
    changes: list[StatusChange] = field(default_factory=list)


def _day_bounds(user: User, day: date) -> tuple[datetime, datetime]:
    tz = zone(user.timezone)
    start = datetime.combine(day, time.min, tz).astimezone(UTC)
    end = datetime.combine(day + timedelta(days=1), time.min, tz).astimezone(UTC)
    return start, end


async def daily_stats(session: AsyncSession, user: User, day: date) -> DailyStats:
    start, end = _day_bounds(user, day)
    applied_today = await repository.count_applied(session, user.id, start, end)
    rows = await repository.status_changes(session, user.id, start, end)
    changes = [
        StatusChange(title, company, ev.from_status.value if ev.from_status else None, ev.to_status.value, ev.at)
        for title, company, ev in rows
    ]
    new_jobs = await repository.count_new_jobs(session, user.id, start, end)
    return DailyStats(
        local_date=day,
        timezone=user.timezone,
        goal=user.daily_application_goal,
        applied_today=applied_today,
        streak_days=await streak(session, user, day),
        new_jobs=new_jobs,
        changes=changes,
    )


async def streak(session: AsyncSession, user: User, day: date) -> int:
    """Days in a row meeting the daily goal, ending today (today still open does not break it)."""
    from app.gamification.service import user_streak

    return (await user_streak(session, user, day)).current


# --- who is due ------------------------------------------------------------------------------------------------


async def claim_due_deliveries(session: AsyncSession, now: datetime | None = None) -> list[SummaryDelivery]:
    """Insert a `summary_delivery` row for every user whose local time has passed their summary hour and who
    has none for their local date yet. Inserting first (unique user_id + local_date, conflicts ignored) is what
    keeps two beats, or a beat and a retry, from sending a day's summary twice."""
    now = now or datetime.now(UTC)
    users = await repository.summary_recipients(session)
    due: list[tuple[int, date]] = []
    for user in users:
        local = now.astimezone(zone(user.timezone))
        if local.hour >= user.evening_summary_hour:
            due.append((user.id, local.date()))
    if not due:
        return []
    claimed: list[SummaryDelivery] = []
    for user_id, day in due:
        new_id = await repository.claim_delivery(session, user_id, day, now)
        if new_id is not None:
            claimed.append(await session.get_one(SummaryDelivery, new_id))
    return claimed


# --- the mail --------------------------------------------------------------------------------------------------

STATUS_LABEL = {
    "interested": "Interested",
    "applied": "Applied",
    "interview": "Interview",
    "offer": "Offer",
    "accepted": "Accepted",
    "rejected": "Rejected",
    "withdrawn": "Withdrawn",
    "ghosted": "Ghosted",
}


def _goal_line(stats: DailyStats) -> str:
    if stats.goal <= 0:
        return f"Applications sent today: {stats.applied_today}"
    verdict = "goal reached" if stats.applied_today >= stats.goal else f"{stats.goal - stats.applied_today} to go"
    return f"Applications sent today: {stats.applied_today} of {stats.goal} ({verdict})"


def _change_line(change: StatusChange) -> str:
    target = STATUS_LABEL.get(change.to_status, change.to_status)
    if change.from_status is None:
        return f"{change.title} at {change.company}: now tracked as {target}"
    return f"{change.title} at {change.company}: {STATUS_LABEL.get(change.from_status, change.from_status)} → {target}"


def render_summary(user: User, stats: DailyStats, public_url: str) -> tuple[str, str, str]:
    """(subject, text, html) of the evening summary."""
    day = stats.local_date.strftime("%A %-d %B")
    subject = f"Your job search today ({day})"
    streak = f"{stats.streak_days} day{'s' if stats.streak_days != 1 else ''}" if stats.streak_days else "not started"
    lines = [
        f"Hello {user.full_name or user.email},",
        "",
        f"Here is your job search on {day}.",
        "",
        _goal_line(stats),
        f"Streak: {streak}",
        f"New jobs in your catalogue: {stats.new_jobs}",
        "",
    ]
    shown: Sequence[StatusChange] = stats.changes[:20]
    if shown:
        lines.append(f"Status changes ({len(stats.changes)}):")
        lines += [f"- {_change_line(c)}" for c in shown]
        if len(stats.changes) > len(shown):
            lines.append(f"- … and {len(stats.changes) - len(shown)} more")
    else:
        lines.append("No status changes today.")
    lines += ["", f"Open your board: {public_url.rstrip('/')}/board", "", "To change the hour or stop these emails,"]
    lines.append(f"go to Settings: {public_url.rstrip('/')}/settings")
    text = "\n".join(lines) + "\n"

    e = html.escape
    base = e(public_url.rstrip("/"))
    items = "".join(f"<li>{e(_change_line(c))}</li>" for c in shown) or "<li>No status changes today.</li>"
    sent = f"{stats.applied_today} of {stats.goal}" if stats.goal > 0 else str(stats.applied_today)
    figures = "".join(
        f'<tr><td style="padding:.25rem 1rem .25rem 0">{label}</td><td><strong>{e(value)}</strong></td></tr>'
        for label, value in (
            ("Applications sent today", sent),
            ("Streak", streak),
            ("New jobs in your catalogue", str(stats.new_jobs)),
        )
    )
    html_body = f"""<!doctype html><html><body style="font-family:system-ui,sans-serif;max-width:36rem;margin:auto">
<h1 style="font-size:1.3rem">Your job search on {e(day)}</h1>
<p>Hello {e(user.full_name or user.email)},</p>
<table role="presentation" style="border-collapse:collapse">{figures}</table>
<h2 style="font-size:1.1rem">Status changes</h2><ul>{items}</ul>
<p><a href="{base}/board">Open your board</a> · <a href="{base}/settings">Change the hour or stop these emails</a></p>
</body></html>"""
    return subject, text, html_body
