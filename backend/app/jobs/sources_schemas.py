"""Bodies of /api/v1/sources, /discover, /followed-companies, /saved-searches and /jobs/import-url."""

from __future__ import annotations

from datetime import datetime

from pydantic import AnyHttpUrl, Field

from app.core.schemas import Schema


class SourceHealth(Schema):
    name: str
    label: str
    kind: str = Field(description="search: keyword search; company: a company's own board")
    enabled: bool
    needs_key: bool
    key_configured: bool
    keys: str | None = Field(description="Environment variables the board needs")
    follow_hint: str | None = Field(
        default=None, description="A company board: where a company's token shows in its address"
    )
    attribution: str
    last_run_at: datetime | None
    last_success_at: datetime | None
    last_error_at: datetime | None
    last_error: str | None
    last_fetched: int
    total_fetched: int
    rate_limited_until: datetime | None


class FollowIn(Schema):
    source: str = Field(min_length=1, max_length=40, description="greenhouse, lever, ashby, smartrecruiters, workable")
    token: str = Field(min_length=1, max_length=200, description="The company's board token, e.g. 'stripe'")


class FollowRead(FollowIn):
    id: int
    created_at: datetime


class UrlImportIn(Schema):
    url: AnyHttpUrl


class IngestResult(Schema):
    sources: dict[str, dict[str, object]]
    created: int
    merged: int
    updated: int
    matches: int


class SavedSearchIn(Schema):
    keywords: str = Field(min_length=1, max_length=200)
    location: str = Field(default="", max_length=200)
    remote_only: bool = False
    min_salary: int | None = Field(default=None, ge=0, le=10_000_000, description="Yearly salary floor")


class SavedSearchRead(SavedSearchIn):
    id: int
    created_at: datetime
