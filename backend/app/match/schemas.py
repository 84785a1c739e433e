"""The match report and the Discover feed as the API sends them."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, Field

from app.core.pagination import Page
from app.jobs.schemas import JobSummary

Status = Literal["met", "partly", "not_met", "unknown"]


PartKey = Literal["role", "must_have", "nice_to_have", "seniority", "experience", "education", "location", "salary"]
PART_LABELS: dict[str, str] = {
    "role": "Role",
    "must_have": "Must-have skills",
    "nice_to_have": "Nice-to-have skills",
    "seniority": "Seniority",
    "experience": "Experience",
    "education": "Education",
    "location": "Location and eligibility",
    "salary": "Salary",
}


class FitPart(BaseModel):
    key: PartKey
    label: str
    value: float | None = Field(description="0..1; null when unknown (left out of the score)")
    status: Status
    detail: str = Field(description="The part in words")


class FitSkill(BaseModel):
    name: str
    where: Literal["resume", "profile", "missing"] = Field(
        description="In your resume; in your profile but not your resume; or in neither"
    )
    required: bool = Field(description="Named in the posting's requirements (else in its nice-to-haves)")


class FitSuggestion(BaseModel):
    text: str
    gain: int = Field(description="Points the score would rise by")
    add_skills: list[str] = Field(description="Skills to say in your resume: your profile already has them")


class FitYears(BaseModel):
    years: int
    skill: str | None
    text: str
    required: bool


class FitLocationRule(BaseModel):
    kind: Literal["located_in", "citizenship", "work_authorization", "clearance"]
    place: str | None
    text: str


class FitRequirements(BaseModel):
    """What the posting asks, as read from it."""

    seniority: str | None
    min_years: int | None
    degree: str | None
    degree_required: bool
    remote: Literal["remote", "hybrid", "onsite"] | None
    sponsorship: Literal["none", "offered"] | None
    location_rules: list[FitLocationRule]
    years: list[FitYears]
    read_by: str = Field(
        default="offline",
        description='Who read them: "offline" (the built-in parser) or "hybrid:<provider>" (the AI model, held to '
        "what the text says)",
    )


class JobFitRead(BaseModel):
    score: int = Field(ge=0, le=100)
    parts: list[FitPart]
    skills: list[FitSkill]
    suggestions: list[FitSuggestion]
    blockers: list[str]
    resume_id: int | None = Field(description="The resume compared (your newest ready one); null: none yet")
    requirements: FitRequirements


class MatchPart(BaseModel):
    key: PartKey
    label: str
    value: float | None = Field(description="0..1; null when unknown (left out of the score)")
    status: Status


class MatchRead(BaseModel):
    """One posting of Discover: the match score (0..1) and its parts; the job page has them in words."""

    id: int
    score: float = Field(ge=0, le=1)
    parts: list[MatchPart]
    blockers: list[str] = Field(description="Hard requirements you set that this posting fails, in words")
    matched_skills: list[str]
    missing_skills: list[str]
    created_at: datetime
    job: JobSummary


class MatchPage(Page[MatchRead]):
    rebuilding: bool = Field(
        default=False, description="Your resume, profile or needs changed: the feed is being scored again"
    )
    hidden_blocked: int = Field(
        default=0, description="Matches hidden because they fail a hard requirement you set (with hide_blocked)"
    )


class DiscoverState(BaseModel):
    rebuilding: bool = Field(description="The feed is out of date and is being scored again")
