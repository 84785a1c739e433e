"""Resumes: store an upload, hand it to the worker, show what was found, merge the reviewed skills into the profile.

The request only checks size and type (by content) and stores the file; reading the text and finding skills
happen in `resumes.process` (tasks.py), which reports each stage as a `resume.progress` event."""

from __future__ import annotations

import asyncio
import hashlib
import json
import uuid
from pathlib import Path

from pydantic import ValidationError
from sqlalchemy.ext.asyncio import AsyncSession

from app.core.config import Settings
from app.core.exceptions import AppError, NotFound
from app.core.files import write_atomically
from app.models.base import utcnow
from app.models.resume import Resume, ResumeStatus
from app.models.user import SkillSource, User
from app.realtime.envelope import publish_after_commit
from app.resumes import repository
from app.resumes.jsonresume import JsonResume, render_text
from app.resumes.parsing import MAX_RESUME_BYTES, ResumeParseError, sniff_type
from app.resumes.schemas import FoundSkill, ResumeProgress, ResumeProgressData, ResumeRead, ResumeSummary
from app.resumes.structure import parse_structure
from app.skills.taxonomy import get_taxonomy
from app.tasks.registry import enqueue
from app.users import service as users

CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "txt": "text/plain",
}
STAGE_PERCENT = {
    ResumeStatus.uploaded: 5,
    ResumeStatus.reading: 30,
    ResumeStatus.extracting: 70,
    ResumeStatus.ready: 100,
    ResumeStatus.failed: 100,
}
MAX_RESUMES_PER_USER = 50
MAX_JSON_RESUME_BYTES = 512 * 1024
JSON_RESUME_SCHEMA = "https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json"


class ResumeNotFound(NotFound):
    code = "resume_not_found"


class ResumeRefused(AppError):
    code = "resume_refused"


class ResumeTooLarge(AppError):
    status_code = 413
    code = "payload_too_large"


def resume_dir(settings: Settings, user_id: int) -> Path:
    return settings.uploads_dir / str(user_id) / "resumes"


def file_path(settings: Settings, resume: Resume) -> Path:
    return resume_dir(settings, resume.user_id) / resume.storage_name


def _clean_filename(name: str | None, kind: str) -> str:
    """The name to show and to download under: no folders, no control or direction characters, at most 200
    characters, ending in the extension of what the file is (the content decided), so a download opens as what it
    is ("cv.html" holding text is shown and saved as "cv.html.txt")."""
    base = Path((name or "").replace("\\", "/")).name
    base = "".join(c for c in base if c.isprintable()).strip(" .")
    suffix = f".{kind}"
    if not base.lower().endswith(suffix):
        base = f"{base or 'resume'}{suffix}"
    return base[: 200 - len(suffix)] + suffix if len(base) > 200 else base


async def upload(session: AsyncSession, settings: Settings, user: User, filename: str | None, data: bytes) -> Resume:
    """Check the file (size; type by content), store it, and enqueue its processing."""
    if len(data) > MAX_RESUME_BYTES:
        raise ResumeTooLarge(f"This file is larger than {MAX_RESUME_BYTES // (1024 * 1024)} MB.")
    if not data.strip():
        raise ResumeRefused("This file is empty.")
    try:
        kind = sniff_type(data)
    except ResumeParseError as exc:
        raise ResumeRefused(exc.message, code=exc.code) from exc
    count = await repository.count_of_user(session, user.id)
    if count >= MAX_RESUMES_PER_USER:
        raise ResumeRefused(f"You have {count} resumes stored; delete an old one before uploading another.")
    storage_name = f"{uuid.uuid4().hex}.{kind}"
    resume = Resume(
        user_id=user.id,
        filename=_clean_filename(filename, kind),
        content_type=CONTENT_TYPES[kind],
        size_bytes=len(data),
        sha256=hashlib.sha256(data).hexdigest(),
        storage_name=storage_name,
        status=ResumeStatus.uploaded,
        sections={},
        skills=[],
    )
    session.add(resume)
    await session.flush()
    path = file_path(settings, resume)
    await asyncio.to_thread(write_atomically, path, data)
    run = enqueue(session, "resumes.process", resume.id, user_id=user.id)
    resume.task_id = run.task_id
    announce(session, resume)
    return resume


def announce(session: AsyncSession, resume: Resume, message: str = "") -> None:
    """Tell the user's tabs where processing stands (after the transaction commits)."""
    data = ResumeProgressData(
        resume_id=resume.id,
        status=resume.status,
        percent=STAGE_PERCENT[resume.status],
        message=message or resume.error or "",
        skills_count=len(resume.skills or []),
    )
    publish_after_commit(session, resume.user_id, ResumeProgress(data=data))


async def latest_ready_resume(session: AsyncSession, user_id: int) -> Resume | None:
    """The user's newest resume that has been read (the one letters, tailoring and the match score use)."""
    return await repository.latest_ready(session, user_id)


async def get_owned(session: AsyncSession, user_id: int, resume_id: int) -> Resume:
    resume = await repository.get_owned(session, user_id, resume_id)
    if resume is None:
        raise ResumeNotFound("No such resume.")
    return resume


async def list_page(session: AsyncSession, user_id: int, offset: int, limit: int) -> tuple[list[Resume], int]:
    return await repository.list_page(session, user_id, offset, limit)


async def delete_resume(session: AsyncSession, settings: Settings, user_id: int, resume_id: int) -> None:
    """Remove the resume and its file. Skills already merged into the profile stay there."""
    resume = await get_owned(session, user_id, resume_id)
    path = file_path(settings, resume)
    await repository.delete_resume(session, resume.id)
    await asyncio.to_thread(path.unlink, missing_ok=True)


async def apply_review(session: AsyncSession, user_id: int, resume_id: int, accept: list[str]) -> User:
    """Merge the accepted skills into the profile (source `resume`); skills already there keep their source."""
    resume = await get_owned(session, user_id, resume_id)
    if resume.status != ResumeStatus.ready:
        raise ResumeRefused("This resume has not been read yet; wait until its skills are found.", status_code=409)
    taxonomy = get_taxonomy()
    names = [taxonomy.canonical(n) or " ".join(n.split()) for n in accept]
    user = await users.merge_skills(session, user_id, names, SkillSource.resume)
    resume.reviewed_at = utcnow()
    await session.flush()
    return user


def summary(resume: Resume) -> ResumeSummary:
    fields = {name: getattr(resume, name) for name in ResumeSummary.model_fields if name != "skills_count"}
    return ResumeSummary(**fields, skills_count=len(resume.skills or []))


def present(resume: Resume, profile_skills: set[str]) -> ResumeRead:
    taxonomy = get_taxonomy()
    found = [
        FoundSkill(name=s, category=taxonomy.category(s), in_profile=s.lower() in profile_skills)
        for s in resume.skills or []
    ]
    base = summary(resume).model_dump()
    return ResumeRead(
        **base,
        text=resume.text,
        sections=resume.sections or {},
        skills=found,
        structure=structure_of(resume),
        structure_origin=resume.structure_origin if resume.structure else None,
    )


async def save_structure(session: AsyncSession, user_id: int, resume_id: int, structure: JsonResume) -> Resume:
    """Keep the user's corrections: every later letter and tailored resume is written from this version."""
    resume = await get_owned(session, user_id, resume_id)
    if resume.status != ResumeStatus.ready:
        raise ResumeRefused("This resume has not been read yet; wait until it is ready.", status_code=409)
    resume.structure, resume.structure_origin, resume.structure_version = structure.dump(), "edited", None
    await session.flush()
    return resume


def json_resume_file(resume: Resume) -> tuple[bytes, str]:
    """The structure as a JSON Resume file (with the schema's `$schema` line) and a download name."""
    body = {"$schema": JSON_RESUME_SCHEMA, **structure_of(resume).dump()}
    stem = Path(resume.filename).stem or "resume"
    return json.dumps(body, ensure_ascii=False, indent=2).encode(), f"{stem}.json"


async def import_json_resume(
    session: AsyncSession, settings: Settings, user: User, filename: str | None, data: bytes
) -> Resume:
    """A new resume from a JSON Resume file: its structure is kept as given, its text is written from it, and its
    skills are found the usual way (resumes.process)."""
    if len(data) > MAX_JSON_RESUME_BYTES:
        raise ResumeTooLarge(f"This file is larger than {MAX_JSON_RESUME_BYTES // 1024} KB.")
    try:
        raw = json.loads(data)
    except (UnicodeDecodeError, ValueError) as exc:
        raise ResumeRefused(
            "This is not a JSON file. Export your resume from a JSON Resume tool and try again."
        ) from exc
    if not isinstance(raw, dict):
        raise ResumeRefused("A JSON Resume file holds one object with `basics`, `work`, `education`, … at the top.")
    try:
        structure = JsonResume.model_validate(raw)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        message = str(first["msg"]).removeprefix("Value error, ")
        raise ResumeRefused(f"This JSON Resume file has a field we cannot take: {where}: {message}.") from exc
    text = render_text(structure)
    if not text.strip():
        raise ResumeRefused("This JSON Resume file has no content: no name, roles, education or skills.")
    stem = Path(_clean_filename(filename, "json")).stem
    resume = await upload(session, settings, user, f"{stem}.txt", text.encode())
    resume.structure, resume.structure_origin, resume.structure_version = structure.dump(), "imported", None
    await session.flush()
    return resume


async def profile_skill_names(session: AsyncSession, user_id: int) -> set[str]:
    user = await users.get_profile(session, user_id)
    return {s.name.lower() for s in user.skills}


def structure_of(resume: Resume) -> JsonResume:
    """The stored structure (as the user corrected it), else one read from the text now (an older upload the
    backfill has not reached; a stored one an older schema can no longer read)."""
    if resume.structure:
        try:
            return JsonResume.model_validate(resume.structure)
        except ValidationError:
            pass
    sections = {k: v for k, v in (resume.sections or {}).items() if isinstance(v, str)}
    return parse_structure(resume.text or "", sections)
