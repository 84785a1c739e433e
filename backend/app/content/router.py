"""Cover letters and tailored resumes: generate (in the background, streamed), edit with versions, export."""

from __future__ import annotations

from typing import Annotated

from fastapi import Query, Response, status

from app.api.deps import SessionDep
from app.api.routing import Router
from app.auth.dependencies import CurrentUser
from app.content import export, service
from app.content.schemas import DocumentCreate, DocumentRead, DocumentUpdate, VersionRead
from app.core.files import content_disposition
from app.core.pagination import Page, PageDep
from app.core.schemas import Id
from app.models.content import DocumentKind

router = Router(tags=["documents"])


@router.post(
    "/jobs/{job_id}/documents",
    status_code=status.HTTP_202_ACCEPTED,
    operation_id="documents-create",
    responses={409: {"description": "No resume and no skills to write from"}},
)
async def create_document(job_id: Id, data: DocumentCreate, user: CurrentUser, session: SessionDep) -> DocumentRead:
    """Start writing a cover letter or tailored resume for this job; follow `content.delta` events until `done`."""
    return await service.create(session, user.id, job_id, data)


@router.get("/documents", operation_id="documents-list")
async def list_documents(
    user: CurrentUser,
    session: SessionDep,
    paging: PageDep,
    job_id: Annotated[Id | None, Query(description="Only documents for this job")] = None,
    kind: Annotated[DocumentKind | None, Query(description="Only this kind")] = None,
) -> Page[DocumentRead]:
    """Your generated documents, newest first."""
    items, total = await service.list_page(session, user.id, job_id, kind, paging.offset, paging.size)
    return Page(items=items, total=total, page=paging.page, size=paging.size)


@router.get("/documents/{document_id}", operation_id="documents-read")
async def read_document(document_id: Id, user: CurrentUser, session: SessionDep) -> DocumentRead:
    """One document: its current text, what the guard removed, and (tailored resumes) the diff from your resume."""
    return await service.read(session, user.id, document_id)


@router.patch("/documents/{document_id}", operation_id="documents-update")
async def update_document(
    document_id: Id, data: DocumentUpdate, user: CurrentUser, session: SessionDep
) -> DocumentRead:
    """Save your edit as the current text and as a new version."""
    return await service.save_edit(session, user.id, document_id, data.content)


@router.get("/documents/{document_id}/versions", operation_id="documents-versions")
async def list_versions(document_id: Id, user: CurrentUser, session: SessionDep, paging: PageDep) -> Page[VersionRead]:
    """Every saved version, newest first: version 1 is what was generated, later ones are your edits."""
    items, total = await service.list_versions(session, user.id, document_id, paging.offset, paging.size)
    return Page(items=items, total=total, page=paging.page, size=paging.size)


@router.get(
    "/documents/{document_id}/export",
    operation_id="documents-export",
    response_class=Response,
    responses={
        200: {"content": {mime: {} for mime in export.FORMATS.values()}},
        409: {"description": "Not ready yet, or JSON asked of a cover letter"},
    },
)
async def export_document(
    document_id: Id,
    user: CurrentUser,
    session: SessionDep,
    format: Annotated[
        service.ExportFormat, Query(description="docx, pdf, or json (JSON Resume, tailored resumes)")
    ] = "pdf",
    template: Annotated[
        export.TemplateName, Query(description="The layout of a PDF or DOCX; all are ATS-safe")
    ] = "classic",
) -> Response:
    """The current version as a Word document, a PDF, or (tailored resumes) a JSON Resume file."""
    data, name, media_type = await service.export_file(session, user.id, document_id, format, template)
    return Response(content=data, media_type=media_type, headers={"Content-Disposition": content_disposition(name)})


@router.post("/documents/{document_id}/cancel", operation_id="documents-cancel")
async def cancel_document(document_id: Id, user: CurrentUser, session: SessionDep) -> DocumentRead:
    """Stop generating: a running stream stops at its next piece and keeps the text so far."""
    return await service.cancel(session, user.id, document_id)


@router.delete("/documents/{document_id}", status_code=status.HTTP_204_NO_CONTENT, operation_id="documents-delete")
async def delete_document(document_id: Id, user: CurrentUser, session: SessionDep) -> None:
    """Delete the document and all its versions."""
    await service.delete(session, user.id, document_id)
