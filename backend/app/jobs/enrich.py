"""Skills and responsibilities for postings: filled in the background, in batches, cached by content hash.

- Ingested postings are enriched offline inside the ingest task, before matching (matching needs their skills);
  the offline extractor does hundreds of descriptions a second, and nothing is spent on a shared catalogue.
- A hand-added posting (or a user's "Find skills again") runs `jobs.extract_skills`: the configured provider
  (hybrid with the LLM when one is set, charged to that user's budget), offline otherwise.
- `skills_hash` = sha256(taxonomy version, provider kind, title, text): a posting whose text, taxonomy and provider
  are unchanged is skipped; identical text on another posting (the same job on two boards) reuses the cached result.
- Skills a user typed into the form stay (`skills_provider = "manual"` keeps the whole list as they set it).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from contextlib import AbstractAsyncContextManager
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, insert, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.core.cache import Cache
from app.jobs.text import derived_fields
from app.llm.client import LLMClient
from app.llm.skills import extract_hybrid
from app.models.base import utcnow
from app.models.job import JobPosting, JobPostingSkill
from app.skills import Extraction, extract
from app.skills.taxonomy import get_taxonomy

MANUAL = "manual"
CACHE_TTL_SECONDS = 7 * 24 * 3600


def content_hash(posting: JobPosting, mode: str) -> str:
    key = "\x1f".join([get_taxonomy().version, mode, posting.title, posting.description_text])
    return hashlib.sha256(key.encode()).hexdigest()


def _unique(names: list[str]) -> list[str]:
    seen: dict[str, str] = {}
    for name in names:
        clean = " ".join(name.split())[:80]
        if clean and clean.lower() not in seen:
            seen[clean.lower()] = clean
    return list(seen.values())


def _document(posting: JobPosting) -> str:
    return f"{posting.title}\n\n{posting.description_text}"


@dataclass(frozen=True)
class _Work:
    posting_id: int
    digest: str
    document: str


Found = tuple[Extraction, str]  # the extraction and who produced it ("offline" or "hybrid:<provider>")


async def enrich_offline(session: AsyncSession, posting_ids: Sequence[int], *, force: bool = False) -> int:
    """Extract offline for these postings (one batch, in the caller's transaction: no network). Returns how many
    were (re)written."""
    work = await _plan(session, posting_ids, "offline", force)
    found = {w.digest: (extract(w.document, "jd"), "offline") for w in work}
    return await _apply(session, work, found)


async def enrich_with_provider(
    open_session: Callable[[], AbstractAsyncContextManager[AsyncSession]],
    posting_ids: Sequence[int],
    client: LLMClient,
    *,
    user_id: int | None,
    cache: Cache | None = None,
    force: bool = False,
) -> int:
    """Extract with the configured provider (hybrid), falling back to offline when the LLM fails. Reads in one
    transaction, asks the model with none open, and writes in another (`open_session` makes each unit)."""
    mode = "offline" if client.offline else f"hybrid:{client.provider}:{client.model}"
    async with open_session() as session:
        work = await _plan(session, posting_ids, mode, force)
    found: dict[str, Found] = {}
    for item in work:
        if item.digest in found:
            continue

        async def run(document: str = item.document) -> dict[str, Any]:
            if client.offline:
                done = (extract(document, "jd"), "offline")
            else:
                done = await extract_hybrid(client, document, "jd", user_id=user_id)
            return {"skills": done[0].skills, "responsibilities": done[0].responsibilities, "provider": done[1]}

        # Family `jd_skills`: the digest already names the taxonomy version, provider, model and text.
        value = await cache.get_or_compute("jd_skills", item.digest, run, CACHE_TTL_SECONDS) if cache else await run()
        extraction = Extraction(skills=value["skills"], responsibilities=value["responsibilities"])
        found[item.digest] = (extraction, value["provider"])
    if not work:
        return 0
    async with open_session() as session:
        return await _apply(session, work, found)


async def _plan(session: AsyncSession, posting_ids: Sequence[int], mode: str, force: bool) -> list[_Work]:
    """The postings whose text, taxonomy or provider changed since their skills were found."""
    if not posting_ids:
        return []
    postings = (await session.scalars(select(JobPosting).where(JobPosting.id.in_(posting_ids)))).all()
    work = []
    for posting in postings:
        digest = content_hash(posting, mode)
        if force or posting.skills_hash != digest:
            work.append(_Work(posting.id, digest, _document(posting)))
    return work


async def _apply(session: AsyncSession, work: list[_Work], found: dict[str, Found]) -> int:
    """Write the extractions; a posting whose text changed since `_plan` (its digest differs now) is left for
    the run its change enqueued."""
    if not work:
        return 0
    by_id = {w.posting_id: w for w in work}
    postings = (await session.scalars(select(JobPosting).where(JobPosting.id.in_(list(by_id))))).all()
    changed: dict[int, list[str]] = {}
    for posting in postings:
        item = by_id[posting.id]
        mode_digest = item.digest
        if _document(posting) != item.document or mode_digest not in found:
            continue
        extraction, provider = found[mode_digest]
        posting.responsibilities = extraction.responsibilities
        if posting.skills_provider != MANUAL:
            typed = [s for s in posting.tech_stack or []] if posting.skills_extracted_at is None else []
            posting.tech_stack = _unique([*typed, *extraction.skills])
            posting.skills_provider = provider
            changed[posting.id] = posting.tech_stack
        posting.skills_hash, posting.skills_extracted_at = mode_digest, utcnow()
        posting.search_text = derived_fields(
            posting.title, posting.company, posting.location, posting.tech_stack, posting.description_text
        )["search_text"]
    if changed:
        await session.execute(delete(JobPostingSkill).where(JobPostingSkill.job_posting_id.in_(list(changed))))
        rows = [{"job_posting_id": pid, "skill": s[:80]} for pid, skills in changed.items() for s in skills]
        if rows:
            await session.execute(insert(JobPostingSkill), rows)
    await session.flush()
    return len(changed)
