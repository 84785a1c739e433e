"""Resumes as the API shows them: the upload's state, what was read, the skills found and how they compare."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from pydantic import Field

from app.core.schemas import Schema
from app.models.resume import ResumeStatus
from app.realtime.envelope import Event, EventData
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


class AtsFinding(Schema):
    """One thing the resume check looked at, in words for the job seeker."""

    code: str = Field(
        description="what was checked: text, columns, tables, text_boxes, header_footer, fonts, icons, fonts_embedded, "
        "file_type, contact, contact_email, contact_phone, headings, dates, length"
    )
    severity: Literal["error", "warning", "ok"]
    title: str
    detail: str = Field(description="what an ATS does with the file, and why it matters")
    fix: str | None = Field(description="what to do about it; null when nothing needs doing")


class AtsParsedRead(Schema):
    """What an ATS takes from the resume: its plain text, and the fields it fills in from it."""

    text: str
    name: str
    email: str
    phone: str
    titles: list[str]
    employers: list[str]
    schools: list[str]
    headings: list[str] = Field(description="the sections found, in the order they appear")


class ResumeCheckRead(Schema):
    """The uploaded file as an applicant tracking system (ATS) reads it: a score, findings, and the parse."""

    score: int = Field(
        ge=0, le=100, description="100 - 25 per error - 8 per warning, at least 0; 0 when no text can be read"
    )
    label: str = Field(description="the score in words: 'ready for an ATS', 'a few things to fix', …")
    file_type: Literal["pdf", "docx", "txt", "unknown"]
    pages: int | None = Field(description="as the file records it; null when it does not (plain text)")
    words: int
    findings: list[AtsFinding] = Field(description="errors first, then warnings, then what is fine")
    parsed: AtsParsedRead


class ResumeProgressData(EventData):
    resume_id: int
    status: ResumeStatus
    percent: int
    message: str
    skills_count: int


class ResumeProgress(Event):
    """Where reading an uploaded resume stands: the profile's stepper follows it."""

    type: Literal["resume.progress"] = "resume.progress"
    data: ResumeProgressData
