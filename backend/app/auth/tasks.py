"""Housekeeping of sign-in state: refresh tokens and OAuth flows that can never be used again."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from app.auth import repository
from app.tasks.registry import TaskContext, copilot_task


@copilot_task("auth.purge_expired", title="Housekeeping")
async def purge_expired(ctx: TaskContext) -> int:
    """Hourly: drop refresh tokens and sign-in flows that can never be used again."""
    cutoff = datetime.now(UTC) - timedelta(seconds=ctx.settings.oauth_flow_ttl_seconds)
    async with ctx.session() as session:
        return await repository.purge_expired(session, flows_before=cutoff)
