"""`ingest_jobs`: every night (and on demand) pull fresh postings for every saved search and followed company."""

from __future__ import annotations

from contextlib import asynccontextmanager
from typing import Any

from app.jobs.ingest import run_ingest
from app.jobs.scraper_service import JobScraperService
from app.tasks.registry import TaskContext, copilot_task


@copilot_task("jobs.ingest_jobs", acks_late=True)  # upserts: safe to run twice
async def ingest_jobs(ctx: TaskContext, user_id: int | None = None) -> dict[str, Any]:
    """For one user (on demand) or everyone (nightly)."""

    @asynccontextmanager
    async def unit() -> Any:
        async with ctx.session() as session:
            yield session

    async def progress(percent: int, message: str) -> None:
        await ctx.progress(percent, message)
        await ctx.check_cancelled()

    summary = await run_ingest(
        unit, JobScraperService(ctx.settings), ctx.settings.match_threshold, user_id=user_id, progress=progress
    )
    return {"created": summary.created, "merged": summary.merged, "matches": summary.matches}
