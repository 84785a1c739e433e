"""API shapes of generated documents."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from app.models.content import DocumentKind, GenerationStatus
from app.realtime.envelope import Event, EventData

MAX_CONTENT_CHARS = 50_000
Tone = Literal["professional", "friendly", "enthusiastic", "concise"]
Length = Literal["short", "medium", "long"]
Template = Literal["classic", "compact", "modern"]


class DocumentCreate(BaseModel):
    kind: DocumentKind
    tone: Tone = "professional"
    length: Length = "medium"
    why_company: str = Field(
        default="",
        max_length=400,
        description="Cover letters: why this company, in your words (one or two sentences the letter uses as written)",
    )


class DocumentUpdate(BaseModel):
    content: str = Field(min_length=1, max_length=MAX_CONTENT_CHARS, description="The edited Markdown")


class DiffLine(BaseModel):
    op: Literal["equal", "insert", "delete"]
    text: str


class DocumentRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    job_posting_id: int
    job_title: str
    company: str
    kind: DocumentKind
    title: str
    options: dict[str, Any]
    status: GenerationStatus
    error: str | None
    content: str
    report: dict[str, Any] = Field(description="removed: [{kind, text, reason}], missing_skills, matching_skills, …")
    provider: str | None
    model: str | None
    prompt_version: str | None
    task_id: str | None
    created_at: datetime
    updated_at: datetime
    edited_at: datetime | None
    version_count: int
    diff: list[DiffLine] | None = Field(
        default=None, description="Tailored resumes: line operations from your resume as written to this version"
    )


class VersionRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    number: int
    origin: Literal["original", "edited"]
    created_at: datetime
    content: str


class ContentDeltaData(EventData):
    document_id: int
    delta: str = Field(default="", description="The next piece of text while `done` is false")
    done: bool
    status: GenerationStatus | None = Field(default=None, description="How the writing ended, once `done`")


class ContentDelta(Event):
    """A cover letter or tailored resume being written: the text as it arrives, then how it ended."""

    type: Literal["content.delta"] = "content.delta"
    data: ContentDeltaData
