"""Retention of the catalogue: public postings that no board has listed for `JOB_POSTING_RETENTION_DAYS`, and
that no user tracks, are archived (`archived_at` set): they leave search, Discover and counts, and their
`job_match` rows go. `job_posting` is not partitioned (foreign keys point at it), so age is handled here.

"Tracked" means anything of a user's points at the posting: an application, a generated document or an interview
session. Hand-added postings (`owner_id` set) belong to their user and are never archived. A board listing the
posting again brings it back (ingest clears `archived_at`)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import structlog
from sqlalchemy import delete, exists, select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.core.db import session_scope
from app.models.application import Application
from app.models.content import GeneratedDocument
from app.models.interview import InterviewSession
from app.models.job import JobPosting
from app.models.sources import JobMatch, JobSource

log = structlog.get_logger(__name__)

BATCH = 2000  # rows per transaction: short write locks on SQLite, small WAL on PostgreSQL


def stale_statement(cutoff: datetime, limit: int) -> object:
    seen_recently = exists().where(JobSource.job_posting_id == JobPosting.id, JobSource.last_seen_at >= cutoff)
    tracked = (
        exists().where(Application.job_posting_id == JobPosting.id)
        | exists().where(GeneratedDocument.job_posting_id == JobPosting.id)
        | exists().where(InterviewSession.job_posting_id == JobPosting.id)
    )
    return (
        select(JobPosting.id)
        .where(
            JobPosting.owner_id.is_(None),
            JobPosting.archived_at.is_(None),
            JobPosting.ingested_at < cutoff,
            ~seen_recently,
            ~tracked,
        )
        .order_by(JobPosting.id)
        .limit(limit)
    )


async def archive_stale(
    factory: async_sessionmaker[AsyncSession], retention_days: int, now: datetime | None = None
) -> int:
    """Archive every stale, untracked public posting, in batches; returns how many were archived."""
    if retention_days <= 0:
        return 0
    now = now or datetime.now(UTC)
    cutoff = now - timedelta(days=retention_days)
    archived = 0
    while True:
        async with session_scope(factory) as session:
            ids = list((await session.scalars(stale_statement(cutoff, BATCH))).all())  # type: ignore[call-overload]
            if not ids:
                break
            await session.execute(
                update(JobPosting)
                .where(JobPosting.id.in_(ids), JobPosting.archived_at.is_(None))
                .values(archived_at=now)
                .execution_options(synchronize_session=False)
            )
            await session.execute(
                delete(JobMatch).where(JobMatch.job_posting_id.in_(ids)).execution_options(synchronize_session=False)
            )
        archived += len(ids)
        if len(ids) < BATCH:
            break
    if archived:
        log.info("postings_archived", count=archived, cutoff=cutoff.isoformat())
    return archived
