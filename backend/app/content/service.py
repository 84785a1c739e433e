"""Generated documents: start one (the work runs in `content.generate`), read, edit with versions, cancel, delete.

The request only records the document (status generating) and enqueues the task; the task writes version 1 and
tells the user's tabs through `content.delta` events."""

from __future__ import annotations

import asyncio
import json
from typing import Any, Literal

from sqlalchemy.ext.asyncio import AsyncSession

from app.content import export, repository
from app.content.generation import Outcome
from app.content.schemas import ContentDelta, ContentDeltaData, DiffLine, DocumentCreate, DocumentRead, VersionRead
from app.content.tailor import line_diff
from app.core.exceptions import Conflict, NotFound
from app.jobs import service as jobs
from app.models.base import utcnow
from app.models.content import DocumentKind, DocumentVersion, GeneratedDocument, GenerationStatus
from app.realtime.envelope import publish_after_commit
from app.resumes.service import latest_ready_resume
from app.tasks import service as tasks
from app.tasks.registry import enqueue
from app.users import service as users

KIND_LABELS = {DocumentKind.cover_letter: "Cover letter", DocumentKind.tailored_resume: "Tailored resume"}
SOURCE_KEY = "source_markdown"  # kept in the report, shown to users only as the diff
RESUME_KEY = "resume"  # the tailored JSON Resume, kept in the report for the JSON export (not sent with the document)
ExportFormat = Literal["docx", "pdf", "json"]


class DocumentNotFound(NotFound):
    code = "document_not_found"

    def __init__(self) -> None:
        super().__init__("No such document.")


class NothingToWriteFrom(Conflict):
    code = "profile_empty"

    def __init__(self) -> None:
        super().__init__("Add your skills or upload a resume first: a document needs something true to say.")


class DocumentBusy(Conflict):
    code = "document_generating"


class NoJsonResume(Conflict):
    code = "json_resume_unavailable"


def document_title(kind: DocumentKind, company: str, job_title: str) -> str:
    return f"{KIND_LABELS[kind]} \u2013 {company} \u2013 {job_title}"[:300]


async def create(session: AsyncSession, user_id: int, job_id: int, data: DocumentCreate) -> DocumentRead:
    """Record the document and start generating it in the background."""
    job = await jobs.get_visible(session, user_id, job_id)
    profile = await users.get_profile(session, user_id)
    resume = await latest_ready_resume(session, user_id)
    if resume is None and not profile.skills:
        raise NothingToWriteFrom()
    options: dict[str, Any] = {"tone": data.tone, "length": data.length}
    if data.why_company:
        options["why_company"] = data.why_company
    doc = GeneratedDocument(
        user_id=user_id,
        job_posting_id=job.id,
        resume_id=resume.id if resume else None,
        kind=data.kind,
        title=document_title(data.kind, job.company, job.title),
        options=options,
        status=GenerationStatus.generating,
        content="",
        report={},
    )
    session.add(doc)
    await session.flush()
    run = enqueue(session, "content.generate", doc.id, user_id=user_id)
    doc.task_id = run.task_id
    await session.flush()
    return present(doc, job.title, job.company, 0)


def present(doc: GeneratedDocument, job_title: str, company: str, version_count: int) -> DocumentRead:
    report = dict(doc.report or {})
    source = report.pop(SOURCE_KEY, None)
    report.pop(RESUME_KEY, None)
    diff = None
    if doc.kind == DocumentKind.tailored_resume and isinstance(source, str) and doc.content:
        diff = [DiffLine.model_validate(d) for d in line_diff(source, doc.content)]
    return DocumentRead(
        id=doc.id,
        job_posting_id=doc.job_posting_id,
        job_title=job_title,
        company=company,
        kind=doc.kind,
        title=doc.title,
        options=doc.options or {},
        status=doc.status,
        error=doc.error,
        content=doc.content,
        report=report,
        provider=doc.provider,
        model=doc.model,
        prompt_version=doc.prompt_version,
        task_id=doc.task_id,
        created_at=doc.created_at,
        updated_at=doc.updated_at,
        edited_at=doc.edited_at,
        version_count=version_count,
        diff=diff,
    )


async def read(session: AsyncSession, user_id: int, document_id: int) -> DocumentRead:
    row = await repository.get_row(session, user_id, document_id)
    if row is None:
        raise DocumentNotFound()
    return present(*row)


async def get_owned(session: AsyncSession, user_id: int, document_id: int) -> GeneratedDocument:
    doc = await repository.get(session, user_id, document_id)
    if doc is None:
        raise DocumentNotFound()
    return doc


async def export_file(
    session: AsyncSession, user_id: int, document_id: int, fmt: ExportFormat, template: export.TemplateName
) -> tuple[bytes, str, str]:
    """The current version as a file: its bytes, file name and media type. JSON is JSON Resume (tailored resumes)."""
    doc = await get_owned(session, user_id, document_id)
    if doc.status == GenerationStatus.generating or not doc.content.strip():
        raise DocumentBusy("This document has no text yet; export it once it is ready.")
    if fmt == "json":
        if doc.kind != DocumentKind.tailored_resume:
            raise NoJsonResume("JSON Resume export is for tailored resumes; export a cover letter as PDF or DOCX.")
        resume = (doc.report or {}).get(RESUME_KEY)
        if not isinstance(resume, dict):
            raise NoJsonResume(
                "This resume was tailored before JSON Resume export existed; tailor it again to export it."
            )
        data = json.dumps(resume, ensure_ascii=False, indent=2).encode()
    else:
        data = await asyncio.to_thread(export.export_document, fmt, doc.title, doc.content, template)
    return data, export.filename(doc.title, fmt), export.FORMATS[fmt]


async def list_page(
    session: AsyncSession, user_id: int, job_id: int | None, kind: DocumentKind | None, offset: int, limit: int
) -> tuple[list[DocumentRead], int]:
    rows, total = await repository.list_rows(session, user_id, job_id, kind, offset, limit)
    return [present(*r) for r in rows], total


async def save_edit(session: AsyncSession, user_id: int, document_id: int, content: str) -> DocumentRead:
    """Keep the edit as the current content and as a new version."""
    doc = await get_owned(session, user_id, document_id)
    if doc.status == GenerationStatus.generating:
        raise DocumentBusy("This document is still being written; edit it once it is ready.")
    number = await repository.next_version_number(session, doc.id)
    now = utcnow()
    session.add(DocumentVersion(document_id=doc.id, user_id=user_id, number=number, origin="edited", content=content))
    doc.content, doc.edited_at, doc.updated_at = content, now, now
    await session.flush()
    return await read(session, user_id, document_id)


async def list_versions(
    session: AsyncSession, user_id: int, document_id: int, offset: int, limit: int
) -> tuple[list[VersionRead], int]:
    doc = await get_owned(session, user_id, document_id)
    rows, total = await repository.versions(session, user_id, doc.id, offset, limit)
    return [VersionRead.model_validate(v) for v in rows], total


async def cancel(session: AsyncSession, user_id: int, document_id: int) -> DocumentRead:
    """Stop a generation: a queued task never starts; a running one stops at its next streamed piece."""
    doc = await get_owned(session, user_id, document_id)
    if doc.status != GenerationStatus.generating:
        raise DocumentBusy(f"This document is not being generated (it is {doc.status.value}).", code="not_cancellable")
    run = await repository.task_run(session, user_id, doc.task_id)
    if run is not None and run.state in tasks.CANCELLABLE:
        await tasks.cancel(session, run.id)
        if run.state == "cancelled":
            run.error = "cancelled by its owner"
    if run is None or run.state != "running":  # nothing will pick it up: the document stops here
        mark_cancelled(session, doc)
    await session.flush()
    return await read(session, user_id, document_id)


def mark_cancelled(session: AsyncSession, doc: GeneratedDocument) -> None:
    doc.status, doc.error = GenerationStatus.cancelled, "Cancelled."
    announce_done(session, doc)


async def delete(session: AsyncSession, user_id: int, document_id: int) -> None:
    doc = await get_owned(session, user_id, document_id)
    run = await repository.task_run(session, user_id, doc.task_id)
    if run is not None and run.state in tasks.CANCELLABLE:
        run.cancel_requested = True
    await repository.delete_document(session, doc.id)


def announce_done(session: AsyncSession, doc: GeneratedDocument) -> None:
    data = ContentDeltaData(document_id=doc.id, done=True, status=doc.status)
    publish_after_commit(session, doc.user_id, ContentDelta(data=data))


async def finish(session: AsyncSession, doc: GeneratedDocument, outcome: Outcome) -> None:
    """Store what generation produced: version 1 when complete, the text so far when cancelled."""
    report = dict(outcome.report)
    if outcome.source is not None:
        report[SOURCE_KEY] = outcome.source
    doc.content, doc.report = outcome.content, report
    doc.provider, doc.model, doc.prompt_version = outcome.provider, outcome.model, outcome.prompt_version
    if outcome.cancelled:
        doc.status, doc.error = GenerationStatus.cancelled, "Cancelled; the text written so far is kept."
    else:
        doc.status, doc.error = GenerationStatus.ready, None
        number = await repository.next_version_number(session, doc.id)
        session.add(
            DocumentVersion(
                document_id=doc.id, user_id=doc.user_id, number=number, origin="original", content=outcome.content
            )
        )
    announce_done(session, doc)


def fail(session: AsyncSession, doc: GeneratedDocument, message: str) -> None:
    doc.status, doc.error = GenerationStatus.failed, message[:2000]
    announce_done(session, doc)
