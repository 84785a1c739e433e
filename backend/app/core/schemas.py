"""Shared Pydantic bases."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class Schema(BaseModel):
    model_config = ConfigDict(from_attributes=True, str_strip_whitespace=True)


class Message(Schema):
    detail: str


class ErrorRead(Schema):
    detail: str
    code: str
