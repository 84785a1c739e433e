"""The jobs domain's own background work: offline skills for postings that have none, and the archiving of
catalogue postings nobody can see any more. Ingest and provider extraction also score postings for Discover, so
they compose jobs with match and live in app/match/tasks.py (task names stay "jobs.*")."""

from __future__ import annotations

from typing import Any

from app.jobs import repository
from app.jobs.enrich import enrich_offline
from app.jobs.retention import archive_stale
from app.tasks.registry import TaskContext, copilot_task

EXTRACT_BATCH = 50


@copilot_task("jobs.extract_missing_skills", title="Finding skills")
async def extract_missing_skills(ctx: TaskContext, limit: int = 5000) -> dict[str, Any]:
    """Offline skills for postings that have none yet (older than this feature, or loaded by `copilot demo`)."""
    async with ctx.session() as session:
        ids = await repository.missing_skills_ids(session, limit)
    written = 0
    for start in range(0, len(ids), EXTRACT_BATCH * 10):
        async with ctx.session() as session:
            written += await enrich_offline(session, ids[start : start + EXTRACT_BATCH * 10])
    return {"postings": len(ids), "written": written}


@copilot_task("jobs.archive_stale", title="Archiving old postings")
async def archive_stale_postings(ctx: TaskContext) -> int:
    """Archive public postings no board lists any more and no user tracks."""
    return await archive_stale(ctx.rt.session_factory, ctx.settings.job_posting_retention_days)
