"""Request and response bodies of /api/v1/users."""

from __future__ import annotations

from datetime import date, datetime

from pydantic import Field, field_validator

from app.auth.schemas import UserRead
from app.core.clock import validate_timezone
from app.core.schemas import Schema
from app.models.user import SkillSource


class SkillRead(Schema):
    name: str
    source: SkillSource
    level: int | None = None


class ProfileRead(UserRead):
    skills: list[SkillRead]
    pitch: str = Field(description="What you want employers to know, in your words; cover letters may quote it")
    needs_sponsorship: bool = Field(description="You need an employer to sponsor a work visa")
    remote_only: bool = Field(description="You only want remote work")
    work_location: str = Field(description="Where you live or may work, in your words (e.g. 'Berlin, Germany', 'EU')")
    min_salary: int | None = Field(description="The least yearly pay you take, in salary_currency")
    salary_currency: str | None = Field(description="ISO 4217 code of min_salary, e.g. EUR")


class ProfileUpdate(Schema):
    full_name: str | None = Field(default=None, max_length=200)
    pitch: str | None = Field(
        default=None,
        max_length=1500,
        description="What you want employers to know: strengths, what you are looking for. Letters use it as written.",
    )
    timezone: str | None = None
    daily_application_goal: int | None = Field(default=None, ge=0, le=50)
    evening_summary_hour: int | None = Field(
        default=None, ge=0, le=23, description="Local hour (0-23) after which the evening summary is sent"
    )
    evening_summary_enabled: bool | None = None
    needs_sponsorship: bool | None = Field(
        default=None, description="You need visa sponsorship: postings that say they offer none are marked"
    )
    remote_only: bool | None = Field(default=None, description="You only want remote work: on-site postings are marked")
    work_location: str | None = Field(
        default=None,
        max_length=200,
        description="Where you live or may work; postings that require another place are marked",
    )

    min_salary: int | None = Field(
        default=None,
        ge=0,
        le=10_000_000,
        description="The least yearly pay you take (0 clears it); postings that pay less, in the same currency, are "
        "marked",
    )
    salary_currency: str | None = Field(
        default=None, pattern=r"^[A-Za-z]{3}$", description="ISO 4217 code of min_salary, e.g. EUR, USD, GBP"
    )

    @field_validator("salary_currency")
    @classmethod
    def _currency(cls, value: str | None) -> str | None:
        return value.upper() if value is not None else None

    @field_validator("work_location")
    @classmethod
    def _place(cls, value: str | None) -> str | None:
        return " ".join(value.split()) if value is not None else None

    @field_validator("timezone")
    @classmethod
    def _tz(cls, value: str | None) -> str | None:
        return validate_timezone(value) if value is not None else None


class SkillIn(Schema):
    name: str = Field(min_length=1, max_length=80)
    level: int | None = Field(default=None, ge=1, le=5)


class SkillsReplace(Schema):
    skills: list[SkillIn] = Field(max_length=200)


class StatusChangeRead(Schema):
    title: str
    company: str
    from_status: str | None
    to_status: str
    at: datetime


class TodayRead(Schema):
    """The user's local day in figures: the dashboard tile and the evening summary show the same."""

    local_date: date
    timezone: str
    goal: int
    applied_today: int
    streak_days: int
    new_jobs: int
    changes: list[StatusChangeRead]
