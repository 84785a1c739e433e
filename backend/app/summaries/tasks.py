"""The evening summary: every 15 minutes beat claims the summaries now due (celery_app.SCHEDULE) and each is built
and sent by its own task, with retries when the mail server fails (docs/design.md §1)."""

from __future__ import annotations

from typing import NoReturn

import structlog

from app.core.clock import local_today
from app.core.mail import MailError
from app.models.base import utcnow
from app.models.mail import OutboxMessage, SummaryDelivery
from app.models.user import User
from app.notifications.service import notify
from app.summaries import repository
from app.summaries.service import claim_due_deliveries, daily_stats, render_summary
from app.tasks.registry import RetryLater, TaskContext, copilot_task, enqueue

log = structlog.get_logger(__name__)

DELIVER = "notifications.deliver_evening_summary"


@copilot_task("notifications.send_evening_summary", title="Evening summaries")
async def send_evening_summary(ctx: TaskContext) -> int:
    """Every 15 minutes: claim today's summary for each user whose summary hour has passed, and send each."""
    async with ctx.session() as session:
        claimed = await claim_due_deliveries(session)
        for delivery in claimed:
            enqueue(session, DELIVER, delivery.user_id, delivery.id, user_id=delivery.user_id)
    if claimed:
        log.info("evening_summaries_claimed", count=len(claimed))
    return len(claimed)


@copilot_task(
    DELIVER, title="Evening summary", acks_late=True
)  # safe to run twice: a delivery that went out is never sent again
async def deliver_evening_summary(ctx: TaskContext, user_id: int, delivery_id: int | None = None) -> str:
    """Build and send one user's summary. `delivery_id` is None for "send me one now" from Settings."""
    async with ctx.session() as session:
        user = await session.get(User, user_id)
        delivery = await session.get(SummaryDelivery, delivery_id) if delivery_id is not None else None
        if user is None:
            return "no such user"
        if delivery is not None and delivery.status in ("sent", "outbox", "failed"):
            return f"already {delivery.status}"
        day = delivery.local_date if delivery is not None else local_today(user)
        stats = await daily_stats(session, user, day)
        subject, text, html = render_summary(user, stats, ctx.settings.public_url)
        if delivery is not None:
            delivery.attempts += 1
        if not ctx.rt.mailer.configured:
            session.add(OutboxMessage(user_id=user.id, to=user.email, subject=subject, text=text, html=html))
            log.info("mail_outbox", to=user.email, subject=subject, body=text)
            if delivery is not None:
                delivery.status, delivery.sent_at = "outbox", utcnow()
            await notify(
                session,
                user.id,
                "summary.sent",
                "Evening summary ready",
                "No mail server is configured, so here it is:\n\n" + text,
                {"local_date": day.isoformat(), "delivery": "outbox"},
            )
            return "outbox"

    # The send happens outside any transaction: a slow mail server must not hold a database lock.
    try:
        await ctx.rt.mailer.deliver(user.email, subject, text, html)
    except MailError as exc:
        await _delivery_failed(ctx, user.id, delivery_id, day.isoformat(), str(exc))

    async with ctx.session() as session:
        if delivery_id is not None:
            await repository.mark_sent(session, delivery_id)
        await notify(
            session,
            user_id,
            "summary.sent",
            "Evening summary sent",
            f"Sent to {user.email}: {stats.applied_today} application(s) today, streak {stats.streak_days}.",
            {"local_date": day.isoformat(), "delivery": "smtp"},
        )
    return "sent"


async def _delivery_failed(ctx: TaskContext, user_id: int, delivery_id: int | None, day: str, reason: str) -> NoReturn:
    delays = ctx.settings.summary_retry_delays_seconds
    if ctx.retries < len(delays):
        if delivery_id is not None:
            async with ctx.session() as session:
                await repository.record_error(session, delivery_id, reason)
        raise RetryLater(reason, delays[ctx.retries])
    async with ctx.session() as session:
        if delivery_id is not None:
            await repository.mark_failed(session, delivery_id, reason)
        await notify(
            session,
            user_id,
            "summary.failed",
            "Evening summary could not be emailed",
            f"We tried {len(delays) + 1} times and gave up: {reason}.",
            {"local_date": day, "error": reason},
        )
    # Failing the task (after the user was told) keeps the queue page honest: this run failed, with the reason.
    raise MailError(f"gave up after {len(delays) + 1} attempts: {reason}")
