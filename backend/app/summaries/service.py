"""The day in figures (dashboard tile and evening summary) and the evening summary mail itself.

Everything is counted in the user's own timezone: "today" is their local calendar day."""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.core.clock import zone
from app.core.db import upsert_insert
from app.models.application import Application, ApplicationEvent
from app.models.job import JobPosting
from app.models.mail import SummaryDelivery
from app.models.user import User


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
    applied_today = await session.scalar(
        select(func.count())
        .select_from(Application)
        .where(Application.user_id == user.id, Application.applied_at >= start, Application.applied_at < end)
    )
    rows = await session.execute(
        select(JobPosting.title, JobPosting.company, ApplicationEvent)
        .join(Application, Application.id == ApplicationEvent.application_id)
        .join(JobPosting, JobPosting.id == Application.job_posting_id)
        .where(ApplicationEvent.user_id == user.id, ApplicationEvent.at >= start, ApplicationEvent.at < end)
        .order_by(ApplicationEvent.at)
    )
    changes = [
        StatusChange(title, company, ev.from_status.value if ev.from_status else None, ev.to_status.value, ev.at)
        for title, company, ev in rows.all()
    ]
    new_jobs = await session.scalar(
        select(func.count())
        .select_from(JobPosting)
        .where(
            or_(JobPosting.owner_id.is_(None), JobPosting.owner_id == user.id),
            JobPosting.archived_at.is_(None),
            JobPosting.ingested_at >= start,
            JobPosting.ingested_at < end,
        )
    )
    return DailyStats(
        local_date=day,
        timezone=user.timezone,
        goal=user.daily_application_goal,
        applied_today=int(applied_today or 0),
        streak_days=await streak(session, user, day),
        new_jobs=int(new_jobs or 0),
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
    users = (
        await session.scalars(select(User).where(User.is_active.is_(True), User.evening_summary_enabled.is_(True)))
    ).all()
    due: list[tuple[int, date]] = []
    for user in users:
        local = now.astimezone(zone(user.timezone))
        if local.hour >= user.evening_summary_hour:
            due.append((user.id, local.date()))
    if not due:
        return []
    insert = upsert_insert(session)
    claimed: list[SummaryDelivery] = []
    for user_id, day in due:
        stmt = (
            insert(SummaryDelivery)
            .values(user_id=user_id, local_date=day, status="pending", attempts=0, created_at=now)
            .on_conflict_do_nothing(index_elements=["user_id", "local_date"])
            .returning(SummaryDelivery.id)
        )
        new_id = await session.scalar(stmt)
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
