"""Bodies of the "your data" API."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import Field

from app.core.schemas import Schema


class ExportRead(Schema):
    id: int
    status: Literal["pending", "running", "ready", "failed", "expired"]
    filename: str | None
    size_bytes: int | None
    error: str | None
    created_at: datetime
    finished_at: datetime | None
    expires_at: datetime | None
    download_url: str | None = Field(description="A link that works without signing in, until expires_at")


class ImportResult(Schema):
    imported: dict[str, int]


class AccountDelete(Schema):
    password: str | None = Field(default=None, max_length=200, description="Required when the account has one")
    confirm: str | None = Field(
        default=None, max_length=100, description='For accounts without a password: "delete my account"'
    )


class BackupRead(Schema):
    name: str
    size_bytes: int
    created_at: datetime
