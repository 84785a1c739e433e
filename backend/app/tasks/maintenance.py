"""Housekeeping of the plumbing: monthly partitions and retention of the time series (app/core/partitions.py), and
tasks left running by a vanished worker. Domains keep their own housekeeping in their tasks.py."""

from __future__ import annotations

from typing import Any

from app.core.partitions import maintain
from app.tasks.registry import TaskContext, copilot_task, recover_interrupted


@copilot_task("db.maintain_partitions", title="Database housekeeping")
async def maintain_partitions(ctx: TaskContext) -> dict[str, Any]:
    """Make the coming months' partitions; detach and drop the months past retention."""
    engine = ctx.rt.engine
    async with engine.begin() as conn:
        report = await maintain(conn, ctx.settings)
    return report.as_dict()


@copilot_task("tasks.recover_interrupted", title="Recovering interrupted tasks")
async def recover_interrupted_tasks(ctx: TaskContext) -> int:
    """Run again (or fail with a reason) tasks whose worker stopped answering; a restarted worker does it at once."""
    async with ctx.session() as session:
        return await recover_interrupted(session, broker_was_lost=False)
