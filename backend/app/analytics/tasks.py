"""Scheduled analytics work (app/analytics/snapshots.py)."""

from __future__ import annotations

from typing import Any

from app.analytics.snapshots import refresh_market
from app.tasks.registry import TaskContext, copilot_task


@copilot_task("analytics.refresh_market_trends", title="Market trends")
async def refresh_market_trends(ctx: TaskContext) -> dict[str, Any]:
    """Every 30 minutes: the market's skill trends, computed once for every user."""
    async with ctx.session() as session:
        return await refresh_market(session)
