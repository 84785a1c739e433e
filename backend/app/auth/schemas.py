"""Request and response bodies of /api/v1/auth."""

from __future__ import annotations

from datetime import datetime

from pydantic import EmailStr, Field, field_validator

from app.core.clock import validate_timezone
from app.core.schemas import Schema


class RegisterRequest(Schema):
    email: EmailStr
    password: str = Field(min_length=1, max_length=256)
    full_name: str = Field(default="", max_length=200)
    timezone: str | None = Field(default=None, description="IANA timezone, e.g. Europe/Berlin")

    @field_validator("timezone")
    @classmethod
    def _tz(cls, value: str | None) -> str | None:
        return validate_timezone(value) if value else None


class LoginRequest(Schema):
    email: EmailStr
    password: str = Field(min_length=1, max_length=256)


class TokenRead(Schema):
    access_token: str
    token_type: str = "bearer"  # noqa: S105 - the OAuth 2 token type, not a secret
    expires_in: int


class PasswordChangeRequest(Schema):
    current_password: str = Field(min_length=1, max_length=256)
    new_password: str = Field(min_length=1, max_length=256)


class PasswordForgotRequest(Schema):
    email: EmailStr


class PasswordResetRequest(Schema):
    token: str = Field(min_length=10, max_length=2000)
    new_password: str = Field(min_length=1, max_length=256)


class AuthConfigRead(Schema):
    allow_registration: bool
    password_min_length: int
    email_delivery: bool


class UserRead(Schema):
    id: int
    email: str
    full_name: str
    timezone: str
    daily_application_goal: int
    evening_summary_hour: int
    evening_summary_enabled: bool
    is_admin: bool
    created_at: datetime
