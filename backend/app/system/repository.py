"""SQL for the admin System page: catalog estimates and counts, nothing that scans a large table on purpose."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import func, select, text
from sqlalchemy.ext.asyncio import AsyncSession

from app.models.job import JobPosting


async def relation_sizes(session: AsyncSession, names: Iterable[str]) -> dict[str, tuple[int, int]]:
    """PostgreSQL only: {relation: (estimated rows, bytes with indexes and TOAST)} from the catalog (`reltuples` is
    -1 for a relation never analysed: read as 0)."""
    rows = await session.execute(
        text("SELECT relname, reltuples, pg_total_relation_size(oid) FROM pg_class WHERE relname = ANY(:names)"),
        {"names": list(names)},
    )
    return {name: (max(int(tuples), 0), int(size)) for name, tuples, size in rows.all()}


async def count_rows(session: AsyncSession, table: str) -> int:
    """Exact row count of one of the time-series tables (`table` comes from PARTITIONED, never from a request)."""
    return int(await session.scalar(text(f"SELECT count(*) FROM {table}")) or 0)  # noqa: S608 - PARTITIONED


async def count_public_postings(session: AsyncSession) -> tuple[int, int]:
    """(active, archived) postings of the shared catalogue (users' own postings are not in it)."""
    public = JobPosting.owner_id.is_(None)
    archived_col = JobPosting.archived_at
    active = await session.scalar(select(func.count()).select_from(JobPosting).where(public, archived_col.is_(None)))
    archived = await session.scalar(
        select(func.count()).select_from(JobPosting).where(public, archived_col.is_not(None))
    )
    return int(active or 0), int(archived or 0)
