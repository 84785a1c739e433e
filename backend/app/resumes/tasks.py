"""`resumes.process`: read the stored file, split it into sections, find its skills; each stage is announced."""

from __future__ import annotations

import asyncio
import dataclasses
import hashlib
from typing import Any

import structlog

from app.core.cache import process_cache
from app.llm.client import open_llm_client
from app.llm.skills import extract_hybrid
from app.models.base import utcnow
from app.models.resume import Resume, ResumeStatus
from app.resumes import repository, service
from app.resumes.parsing import ParsedResume, ResumeParseError, parse_resume, require_some_text
from app.resumes.structure import STRUCTURE_VERSION, parse_structure
from app.tasks.registry import TaskContext, copilot_task

log = structlog.get_logger(__name__)

PARSER_VERSION = "p2"
BACKFILL_BATCH = 50  # bump when parse_resume's output changes: cached parses of older versions are not used
PARSE_CACHE_TTL_SECONDS = 7 * 24 * 3600


@copilot_task("resumes.process", title="Reading your resume", acks_late=True)
async def process_resume(ctx: TaskContext, resume_id: int) -> str:
    """Uploaded → reading text → finding skills → done (or failed with a reason the user can act on)."""
    async with ctx.session() as session:
        resume = await session.get(Resume, resume_id)
        if resume is None:
            return "resume gone"
        if resume.status in (ResumeStatus.ready, ResumeStatus.failed):
            return "already processed"
        resume.status = ResumeStatus.reading
        service.announce(session, resume, "Reading the text")
        path = service.file_path(ctx.settings, resume)
        imported = resume.structure_origin == "imported"  # its text is written from the user's JSON Resume
    await ctx.progress(30, "Reading the text")
    try:
        data = await asyncio.to_thread(path.read_bytes)
        parsed = await _parse(ctx, data)
        if not imported:
            require_some_text(parsed.text)
    except (ResumeParseError, OSError) as exc:
        message = exc.message if isinstance(exc, ResumeParseError) else "The stored file could not be read."
        await _fail(ctx, resume_id, message)
        return "failed"
    async with ctx.session() as session:
        resume = await session.get(Resume, resume_id)
        if resume is None:
            return "resume gone"
        resume.status, resume.text, resume.sections, resume.pages = (
            ResumeStatus.extracting,
            parsed.text,
            parsed.sections,
            parsed.pages,
        )
        if resume.structure_origin in (None, "parsed"):  # an imported structure is the user's, not re-read
            resume.structure = parse_structure(parsed.text, parsed.sections).dump()
            resume.structure_origin, resume.structure_version = "parsed", STRUCTURE_VERSION
        service.announce(session, resume, "Finding skills")
    await ctx.progress(70, "Finding skills")
    async with open_llm_client(ctx.settings, ctx.rt.session_factory) as client:  # no transaction open meanwhile
        extraction, provider = await extract_hybrid(client, parsed.text, "resume", user_id=ctx.user_id)
    async with ctx.session() as session:
        resume = await session.get(Resume, resume_id)
        if resume is None:
            return "resume gone"
        resume.status, resume.skills, resume.provider = ResumeStatus.ready, extraction.skills, provider
        resume.processed_at = utcnow()
        service.announce(session, resume, f"Found {len(extraction.skills)} skills")
    await ctx.progress(100, f"Found {len(extraction.skills)} skills")
    return f"{len(extraction.skills)} skills"


async def _parse(ctx: TaskContext, data: bytes) -> ParsedResume:
    """Parse the file, or take the result of an identical file parsed before (family `resume_parse`: by sha256
    of the bytes and PARSER_VERSION; a refusal is not cached, so the user always gets the reason)."""

    async def parse() -> dict[str, Any]:
        return dataclasses.asdict(await asyncio.to_thread(parse_resume, data))

    cache = process_cache(ctx.settings.redis_url)
    key = f"{PARSER_VERSION}:{hashlib.sha256(data).hexdigest()}"
    return ParsedResume(**await cache.get_or_compute("resume_parse", key, parse, PARSE_CACHE_TTL_SECONDS))


async def _fail(ctx: TaskContext, resume_id: int, message: str) -> None:
    async with ctx.session() as session:
        resume = await session.get(Resume, resume_id)
        if resume is None:
            return
        resume.status, resume.error, resume.processed_at = ResumeStatus.failed, message, utcnow()
        service.announce(session, resume, message)
    log.info("resume_failed", resume_id=resume_id, reason=message)


@copilot_task("resumes.backfill_structure", title="Reading resume structure")
async def backfill_structure(ctx: TaskContext, limit: int = 5000) -> dict[str, int]:
    """Structure for read resumes that have none (uploaded before it existed) or one from an older parser.

    Batches of BACKFILL_BATCH commit one by one, so a stopped run loses at most one batch and the next run (every
    30 minutes, or "Run now" on the queue page) carries on from the rows still missing. Structure the user edited
    or imported is never touched."""
    async with ctx.session() as session:
        ids = await repository.stale_structure_ids(session, limit)
    done = 0
    for start in range(0, len(ids), BACKFILL_BATCH):
        async with ctx.session() as session:
            for resume in await repository.stale_structure_batch(session, ids[start : start + BACKFILL_BATCH]):
                sections = {k: v for k, v in (resume.sections or {}).items() if isinstance(v, str)}
                resume.structure = parse_structure(resume.text or "", sections).dump()
                resume.structure_origin, resume.structure_version = "parsed", STRUCTURE_VERSION
                done += 1
        await ctx.progress(round(100 * min(start + BACKFILL_BATCH, len(ids)) / len(ids)), f"{done} of {len(ids)}")
    if ids:
        log.info("resume_structure_backfilled", count=done)
    return {"resumes": len(ids), "structured": done}
