"""SQL for generated documents and their versions; every query is scoped to the owner."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.models.content import DocumentKind, DocumentVersion, GeneratedDocument
from app.models.job import JobPosting
from app.models.task import TaskRun

_versions = (
    select(func.count())
    .where(DocumentVersion.document_id == GeneratedDocument.id)
    .correlate(GeneratedDocument)
    .scalar_subquery()
)
_ROW = (GeneratedDocument, JobPosting.title, JobPosting.company, _versions)
DocRow = tuple[GeneratedDocument, str, str, int]  # the document, its job's title and company, its versions


def _select_rows() -> Any:
    return select(*_ROW).join(JobPosting, JobPosting.id == GeneratedDocument.job_posting_id)


async def get_row(session: AsyncSession, user_id: int, document_id: int) -> DocRow | None:
    """The document with its job's title and company and its number of versions."""
    stmt = _select_rows().where(GeneratedDocument.id == document_id, GeneratedDocument.user_id == user_id)
    row = (await session.execute(stmt)).first()
    return None if row is None else (row[0], row[1], row[2], int(row[3] or 0))


async def get(session: AsyncSession, user_id: int, document_id: int) -> GeneratedDocument | None:
    return await session.scalar(
        select(GeneratedDocument).where(GeneratedDocument.id == document_id, GeneratedDocument.user_id == user_id)
    )


async def list_rows(
    session: AsyncSession, user_id: int, job_id: int | None, kind: DocumentKind | None, offset: int, limit: int
) -> tuple[list[DocRow], int]:
    where = [GeneratedDocument.user_id == user_id]
    if job_id is not None:
        where.append(GeneratedDocument.job_posting_id == job_id)
    if kind is not None:
        where.append(GeneratedDocument.kind == kind)
    stmt = (
        _select_rows()
        .where(*where)
        .order_by(GeneratedDocument.created_at.desc(), GeneratedDocument.id.desc())
        .offset(offset)
        .limit(limit)
    )
    rows = [(r[0], r[1], r[2], int(r[3] or 0)) for r in (await session.execute(stmt)).all()]
    total = await session.scalar(select(func.count()).select_from(GeneratedDocument).where(*where))
    return rows, int(total or 0)


async def next_version_number(session: AsyncSession, document_id: int) -> int:
    current = await session.scalar(
        select(func.max(DocumentVersion.number)).where(DocumentVersion.document_id == document_id)
    )
    return int(current or 0) + 1


async def versions(
    session: AsyncSession, user_id: int, document_id: int, offset: int, limit: int
) -> tuple[Sequence[DocumentVersion], int]:
    where = (DocumentVersion.document_id == document_id, DocumentVersion.user_id == user_id)
    rows = await session.scalars(
        select(DocumentVersion).where(*where).order_by(DocumentVersion.number.desc()).offset(offset).limit(limit)
    )
    total = await session.scalar(select(func.count()).select_from(DocumentVersion).where(*where))
    return rows.all(), int(total or 0)


async def delete_document(session: AsyncSession, document_id: int) -> None:
    await session.execute(delete(DocumentVersion).where(DocumentVersion.document_id == document_id))
    await session.execute(delete(GeneratedDocument).where(GeneratedDocument.id == document_id))


async def task_run(session: AsyncSession, user_id: int, task_id: str | None) -> TaskRun | None:
    """The run of `content.generate` behind a document (none once the queue forgot it)."""
    return await session.scalar(select(TaskRun).where(TaskRun.task_id == task_id, TaskRun.user_id == user_id))


async def cancel_requested(session: AsyncSession, task_id: str) -> bool:
    """Whether the owner asked the generation running as `task_id` to stop."""
    return bool(await session.scalar(select(TaskRun.cancel_requested).where(TaskRun.task_id == task_id)))
