"""`match.rebuild_discover`: score the pool for one user and replace their Discover (app/match/discover.py)."""

from __future__ import annotations

from typing import Any

from app.match.discover import REBUILD_TASK, rebuild
from app.realtime.envelope import publish_after_commit
from app.tasks.registry import TaskContext, copilot_task


@copilot_task(REBUILD_TASK, acks_late=True)  # brings the user's rows up to date: safe to run twice
async def rebuild_discover(ctx: TaskContext, user_id: int) -> dict[str, Any]:
    held = await rebuild(ctx.session, user_id, ctx.settings.match_threshold)
    async with ctx.session() as session:
        publish_after_commit(session, user_id, "job.matched", {"count": held, "strong": 0, "rebuilt": True})
    return {"matches": held}
