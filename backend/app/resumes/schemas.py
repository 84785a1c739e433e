"""Resumes as the API shows them: the upload's state, what was read, the skills found and how they compare."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from pydantic import Field

from app.core.schemas import Schema
from app.models.resume import ResumeStatus
from app.resumes.jsonresume import JsonResume

StructureOrigin = Literal["parsed", "edited", "imported"]


class ResumeSummary(Schema):
    id: int
    filename: str
    content_type: str
    size_bytes: int
    status: ResumeStatus
    error: str | None
    pages: int | None
    provider: str | None
    task_id: str | None
    skills_count: int
    created_at: datetime
    processed_at: datetime | None
    reviewed_at: datetime | None


class FoundSkill(Schema):
    name: str
    category: str | None
    in_profile: bool  # the profile already has it (any source)


class ResumeRead(ResumeSummary):
    text: str
    sections: dict[str, str]
    skills: list[FoundSkill]
    structure: JsonResume = Field(
        description="The resume as structure (JSON Resume): roles, education, skills; letters and tailored resumes "
        "are written from it, so fixing a misread entry here fixes every later draft"
    )
    structure_origin: StructureOrigin | None = Field(
        description="parsed (read from the file), edited (you corrected it), imported (from a JSON Resume file); "
        "null: not stored yet (an older upload; shown as read now)"
    )


class SkillReview(Schema):
    """The user's decision on a resume's skills: keep these (found or added by hand); the rest are left out."""

    accept: list[Annotated[str, Field(min_length=1, max_length=80)]] = Field(max_length=300)
