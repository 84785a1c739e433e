"""The resume check on a stored resume: what the request reads from the database, then the work done without it.

`prepare` reads the row (the caller's own resume, and one that has been read); the router then ends the transaction
and `run` reads the stored file and checks it in a thread, so no transaction waits on the seconds a large PDF takes.
Computed on request and not stored: the check is a function of the file and the parser, both of which can change."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import ValidationError
from sqlalchemy.ext.asyncio import AsyncSession

from app.core.config import Settings
from app.models.resume import ResumeStatus
from app.resumes import service
from app.resumes.errors import ResumeNotReady
from app.resumes.jsonresume import JsonResume
from app.resumes.structure import parse_structure

if TYPE_CHECKING:  # the PDF and DOCX readers load with the first check, not with the app (start-up time)
    from app.resumes.ats_check import AtsReport

_CHECKABLE = (ResumeStatus.ready, ResumeStatus.failed)


@dataclass(frozen=True, slots=True)
class CheckInput:
    path: Path
    filename: str
    text: str
    sections: dict[str, str]
    structure: JsonResume | None  # as parsed from the file; None: parse it again (the user's edits are not the file)
    error: str | None


async def prepare(session: AsyncSession, settings: Settings, user_id: int, resume_id: int) -> CheckInput:
    """What the check needs from the caller's resume; 409 while it is still being read."""
    resume = await service.get_owned(session, user_id, resume_id)
    if resume.status not in _CHECKABLE:
        raise ResumeNotReady("This resume is still being read. The check can run as soon as it is ready.")
    structure = None
    if resume.structure and resume.structure_origin == "parsed":
        try:
            structure = JsonResume.model_validate(resume.structure)
        except ValidationError:
            structure = None
    return CheckInput(
        path=service.file_path(settings, resume),
        filename=resume.filename,
        text=resume.text or "",
        sections={k: v for k, v in (resume.sections or {}).items() if isinstance(v, str)},
        structure=structure,
        error=resume.error,
    )


async def run(prepared: CheckInput) -> AtsReport:
    """Read the stored file and check it, off the event loop; hold no database session meanwhile."""
    try:
        data = await asyncio.to_thread(prepared.path.read_bytes)
    except OSError as exc:
        raise service.ResumeNotFound("The file of this resume is no longer stored.") from exc
    return await asyncio.to_thread(_check, data, prepared)


def _check(data: bytes, prepared: CheckInput) -> AtsReport:
    from app.resumes.ats_check import check_resume

    structure = prepared.structure or parse_structure(prepared.text, prepared.sections)
    return check_resume(data, prepared.filename, prepared.text, prepared.sections, structure, read_error=prepared.error)
