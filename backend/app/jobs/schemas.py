"""Request and response bodies of /api/v1/jobs."""

from __future__ import annotations

import enum
from datetime import datetime
from typing import Annotated, Self

from pydantic import AnyHttpUrl, Field, field_validator, model_validator

from app.core.schemas import Schema, UserDate, UserDateTime
from app.models.application import ApplicationStatus
from app.models.job import RemoteType, SalaryPeriod

Salary = Annotated[int, Field(ge=0, le=100_000_000)]


class JobBase(Schema):
    location: str = Field(default="", max_length=200)
    remote_type: RemoteType = RemoteType.unknown
    employment_type: str | None = Field(default=None, max_length=40)
    salary_min: Salary | None = None
    salary_max: Salary | None = None
    salary_currency: str | None = Field(default=None, pattern=r"^[A-Za-z]{3}$", description="ISO 4217, e.g. EUR")
    salary_period: SalaryPeriod | None = None
    posted_at: UserDateTime | None = None
    tech_stack: list[Annotated[str, Field(min_length=1, max_length=80)]] = Field(default_factory=list, max_length=100)

    @field_validator("salary_currency")
    @classmethod
    def _upper(cls, value: str | None) -> str | None:
        return value.upper() if value else value

    @model_validator(mode="after")
    def _salary_range(self) -> Self:
        if self.salary_min is not None and self.salary_max is not None and self.salary_min > self.salary_max:
            raise ValueError("salary_min must not be greater than salary_max")
        return self


class JobCreate(JobBase):
    title: str = Field(min_length=1, max_length=300)
    company: str = Field(min_length=1, max_length=200)
    url: AnyHttpUrl | None = Field(default=None, description="Where the posting lives (http or https)")
    description: str = Field(default="", max_length=200_000, description="Plain text or HTML (sanitised on save)")


class JobUpdate(Schema):
    title: str | None = Field(default=None, min_length=1, max_length=300)
    company: str | None = Field(default=None, min_length=1, max_length=200)
    url: AnyHttpUrl | None = None
    description: str | None = Field(default=None, max_length=200_000)
    location: str | None = Field(default=None, max_length=200)
    remote_type: RemoteType | None = None
    employment_type: str | None = Field(default=None, max_length=40)
    salary_min: Salary | None = None
    salary_max: Salary | None = None
    salary_currency: str | None = Field(default=None, pattern=r"^[A-Za-z]{3}$")
    salary_period: SalaryPeriod | None = None
    posted_at: UserDateTime | None = None
    tech_stack: list[Annotated[str, Field(min_length=1, max_length=80)]] | None = Field(default=None, max_length=100)


class TrackingRead(Schema):
    """The current user's application for a job, when they track it."""

    id: int
    status: ApplicationStatus


class JobSummary(Schema):
    id: int
    title: str
    company: str
    location: str
    remote_type: RemoteType
    employment_type: str | None
    salary_min: int | None
    salary_max: int | None
    salary_currency: str | None
    salary_period: SalaryPeriod | None
    url: str | None
    posted_at: datetime
    tech_stack: list[str]
    is_own: bool = Field(description="Added by hand by the current user (editable), not from a job board")


class JobListItem(JobSummary):
    snippet: str
    tracking: TrackingRead | None = None


class JobRead(JobSummary):
    description_html: str
    description_text: str
    responsibilities: list[str]
    skills_provider: str | None = Field(description='What found the skills: "offline", "hybrid:<provider>", "manual"')
    skills_extracted_at: datetime | None
    seniority: str | None
    ingested_at: datetime
    created_at: datetime
    updated_at: datetime
    tracking: TrackingRead | None = None


class JobSort(enum.StrEnum):
    relevance = "relevance"
    newest = "-posted_at"
    oldest = "posted_at"
    salary_high = "-salary"
    salary_low = "salary"
    by_company = "company"
    by_title = "title"


class JobFilters(Schema):
    q: str | None = Field(default=None, max_length=200)
    company: str | None = Field(default=None, max_length=200)
    location: str | None = Field(default=None, max_length=200)
    remote: list[RemoteType] | None = None
    salary_min: Salary | None = None
    posted_since: UserDate | None = None
    tracked: bool | None = None
    mine: bool | None = None
    sort: JobSort | None = None
