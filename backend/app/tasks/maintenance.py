"""Housekeeping: monthly partitions and retention of the time series, the archiving of catalogue postings nobody
can see any more (app/core/partitions.py, app/jobs/retention.py), and tasks left running by a vanished worker."""

from __future__ import annotations

from typing import Any

from app.core.partitions import maintain
from app.jobs.retention import archive_stale
from app.tasks.registry import TaskContext, copilot_task, recover_interrupted


@copilot_task("db.maintain_partitions")
async def maintain_partitions(ctx: TaskContext) -> dict[str, Any]:
    """Make the coming months' partitions; detach and drop the months past retention."""
    engine = ctx.rt.engine
    async with engine.begin() as conn:
        report = await maintain(conn, ctx.settings)
    return report.as_dict()


@copilot_task("jobs.archive_stale")
async def archive_stale_postings(ctx: TaskContext) -> int:
    """Archive public postings no board lists any more and no user tracks."""
    return await archive_stale(ctx.rt.session_factory, ctx.settings.job_posting_retention_days)


@copilot_task("tasks.recover_interrupted")
async def recover_interrupted_tasks(ctx: TaskContext) -> int:
    """Run again (or fail with a reason) tasks whose worker stopped answering; a restarted worker does it at once."""
    async with ctx.session() as session:
        return await recover_interrupted(session, broker_was_lost=False)
