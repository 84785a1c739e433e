"""Resumes: upload (processed in the background), read what was found, review its skills into the profile."""

from __future__ import annotations

from typing import Annotated

from fastapi import File, UploadFile, status
from fastapi.responses import FileResponse, Response

from app.api.deps import SessionDep, SettingsDep, end_transaction
from app.api.routing import Router
from app.auth.dependencies import CurrentUser
from app.core.files import content_disposition
from app.core.pagination import Page, PageDep
from app.core.schemas import Id
from app.resumes import ats_check_service, service
from app.resumes.jsonresume import JsonResume
from app.resumes.parsing import MAX_RESUME_BYTES
from app.resumes.schemas import ResumeCheckRead, ResumeRead, ResumeSummary, SkillReview
from app.users.schemas import ProfileRead

router = Router(prefix="/resumes", tags=["resumes"])


@router.post("", status_code=status.HTTP_202_ACCEPTED, operation_id="resumes-upload")
async def upload_resume(
    user: CurrentUser,
    session: SessionDep,
    settings: SettingsDep,
    file: Annotated[UploadFile, File(description="A PDF, DOCX or TXT resume, at most 5 MB")],
) -> ResumeSummary:
    """Store the resume and start reading it; follow `resume.progress` events (or poll) until it is ready."""
    data = await file.read(MAX_RESUME_BYTES + 1)
    resume = await service.upload(session, settings, user, file.filename, data)
    return service.summary(resume)


@router.post("/json-resume", status_code=status.HTTP_202_ACCEPTED, operation_id="resumes-import_json")
async def import_json_resume(
    user: CurrentUser,
    session: SessionDep,
    settings: SettingsDep,
    file: Annotated[UploadFile, File(description="A JSON Resume file (jsonresume.org), at most 512 KB")],
) -> ResumeSummary:
    """A new resume from a JSON Resume file: its structure is kept as written; its skills are found as for an
    upload (follow `resume.progress`)."""
    data = await file.read(service.MAX_JSON_RESUME_BYTES + 1)
    resume = await service.import_json_resume(session, settings, user, file.filename, data)
    return service.summary(resume)


@router.get("", operation_id="resumes-list")
async def list_resumes(user: CurrentUser, session: SessionDep, paging: PageDep) -> Page[ResumeSummary]:
    """Your resumes, newest first."""
    rows, total = await service.list_page(session, user.id, paging.offset, paging.size)
    return Page(items=[service.summary(r) for r in rows], total=total, page=paging.page, size=paging.size)


@router.get("/{resume_id}", operation_id="resumes-read")
async def read_resume(resume_id: Id, user: CurrentUser, session: SessionDep) -> ResumeRead:
    """One resume: its text, sections, and the skills found (with whether the profile has each already)."""
    resume = await service.get_owned(session, user.id, resume_id)
    return service.present(resume, await service.profile_skill_names(session, user.id))


@router.get("/{resume_id}/file", operation_id="resumes-download", response_class=FileResponse)
async def download_resume(resume_id: Id, user: CurrentUser, session: SessionDep, settings: SettingsDep) -> FileResponse:
    """The file as it was uploaded."""
    resume = await service.get_owned(session, user.id, resume_id)
    path = service.file_path(settings, resume)
    if not path.is_file():
        raise service.ResumeNotFound("The file of this resume is no longer stored.")
    return FileResponse(path, media_type=resume.content_type, filename=resume.filename)


@router.get("/{resume_id}/check", operation_id="resumes-check")
async def check_resume(resume_id: Id, user: CurrentUser, session: SessionDep, settings: SettingsDep) -> ResumeCheckRead:
    """The uploaded file as an applicant tracking system (ATS) reads it: findings with fixes, a score, and the text
    and fields it takes from the file. 409 while the resume is still being read."""
    prepared = await ats_check_service.prepare(session, settings, user.id, resume_id)
    await end_transaction(session)  # reading a large PDF takes seconds: hold no transaction meanwhile
    return ResumeCheckRead.model_validate(await ats_check_service.run(prepared))


@router.put("/{resume_id}/structure", operation_id="resumes-save_structure")
async def save_structure(resume_id: Id, structure: JsonResume, user: CurrentUser, session: SessionDep) -> ResumeRead:
    """Save your corrections to the resume's structure; later letters and tailored resumes use them."""
    resume = await service.save_structure(session, user.id, resume_id, structure)
    return service.present(resume, await service.profile_skill_names(session, user.id))


@router.get(
    "/{resume_id}/json-resume",
    operation_id="resumes-export_json",
    response_class=Response,
    responses={200: {"content": {"application/json": {}}, "description": "A JSON Resume file"}},
)
async def export_json_resume(resume_id: Id, user: CurrentUser, session: SessionDep) -> Response:
    """The resume's structure as a JSON Resume file, for any tool that reads the format."""
    resume = await service.get_owned(session, user.id, resume_id)
    body, name = service.json_resume_file(resume)
    return Response(body, media_type="application/json", headers={"Content-Disposition": content_disposition(name)})


@router.post("/{resume_id}/skills", operation_id="resumes-apply_skills")
async def apply_skills(resume_id: Id, review: SkillReview, user: CurrentUser, session: SessionDep) -> ProfileRead:
    """Add the skills you kept (found in the resume or added by you) to your profile; manual skills stay."""
    profile = await service.apply_review(session, user.id, resume_id, review.accept)
    return ProfileRead.model_validate(profile)


@router.delete("/{resume_id}", status_code=status.HTTP_204_NO_CONTENT, operation_id="resumes-delete")
async def delete_resume(resume_id: Id, user: CurrentUser, session: SessionDep, settings: SettingsDep) -> None:
    """Delete the resume and its file; skills already in your profile stay."""
    await service.delete_resume(session, settings, user.id, resume_id)
