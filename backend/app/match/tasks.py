"""Background work that composes postings with the match score (docs/design.md §1):

- `jobs.ingest_jobs`: every night (and on demand) pull fresh postings for every saved search and followed company,
  and score them for Discover (`app.match.discover.score_new`);
- `jobs.extract_skills`: skills, responsibilities and what each posting asks, with the configured provider;
- `match.rebuild_discover`: score the pool for one user and replace their Discover (app/match/discover.py).
"""

from __future__ import annotations

from contextlib import asynccontextmanager
from typing import Any

from app.core.cache import process_cache
from app.jobs.enrich import enrich_with_provider
from app.jobs.ingest import run_ingest
from app.jobs.scraper_service import JobScraperService
from app.llm.client import open_llm_client
from app.match.discover import REBUILD_TASK, rebuild, score_new
from app.match.postings import posting_facts
from app.match.requirements_llm import read_and_store
from app.realtime.envelope import JobMatched, JobMatchedData, publish_after_commit
from app.tasks.registry import TaskContext, copilot_task

EXTRACT_BATCH = 50


@copilot_task("jobs.ingest_jobs", title="Job refresh", acks_late=True)  # upserts: safe to run twice
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
        unit,
        JobScraperService(ctx.settings),
        ctx.settings.match_threshold,
        match=score_new,
        user_id=user_id,
        progress=progress,
    )
    return {"created": summary.created, "merged": summary.merged, "matches": summary.matches}


@copilot_task(
    "jobs.extract_skills", title="Finding skills", acks_late=True
)  # idempotent: unchanged content is skipped by its hash
async def extract_skills(ctx: TaskContext, posting_ids: list[int], force: bool = False) -> dict[str, Any]:
    """Fill tech_stack, job_posting_skill rows and responsibilities for these postings with the configured provider."""
    written = 0
    async with open_llm_client(ctx.settings, ctx.rt.session_factory) as client:
        provider = client.provider
        for start in range(0, len(posting_ids), EXTRACT_BATCH):
            batch = posting_ids[start : start + EXTRACT_BATCH]
            written += await enrich_with_provider(
                ctx.session,
                batch,
                client,
                user_id=ctx.user_id,
                cache=process_cache(ctx.settings.redis_url),
                force=force,
            )
            # What each posting asks, stored for the match score: read by the model when one is configured.
            if client.offline:
                async with ctx.session() as session:
                    await posting_facts(session, batch)
            else:
                await read_and_store(ctx.session, client, batch, user_id=ctx.user_id)
            done = min(len(posting_ids), start + EXTRACT_BATCH)
            await ctx.progress(int(100 * done / len(posting_ids)), f"Skills for {done} of {len(posting_ids)} jobs")
            await ctx.check_cancelled()
    return {"postings": len(posting_ids), "written": written, "provider": provider}


@copilot_task(
    REBUILD_TASK, title="Scoring your matches", acks_late=True
)  # brings the user's rows up to date: safe to run twice
async def rebuild_discover(ctx: TaskContext, user_id: int) -> dict[str, Any]:
    held = await rebuild(ctx.session, user_id, ctx.settings.match_threshold)
    async with ctx.session() as session:
        publish_after_commit(session, user_id, JobMatched(data=JobMatchedData(count=held, strong=0, rebuilt=True)))
    return {"matches": held}
