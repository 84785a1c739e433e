"""Shared Pydantic bases, and the bounded types every number and date from a request goes through.

An integer that reaches SQL must fit the column: PostgreSQL's `integer` stops at 2^31-1 and SQLite's driver raises
OverflowError past 2^63-1, so an unbounded int from a URL or body is a 500 waiting to happen. NaN and ±Infinity
cannot be stored in every database nor sent back as JSON. Dates far from today break date arithmetic (asyncpg even
stores 0001-01-01 00:00 as -infinity), so what a person types is kept between 1970 and 2100.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, TypeVar

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

MAX_ID = 2_147_483_647  # PostgreSQL's integer: the type of every id and count column
EARLIEST_YEAR = 1970
LATEST_YEAR = 2100

D = TypeVar("D", bound=date)

Id = Annotated[int, Field(ge=1, le=MAX_ID)]
"""An id in a path, query or body: out of range is a 422, never a database error."""


def _sane_year(value: D) -> D:
    if not EARLIEST_YEAR <= value.year <= LATEST_YEAR:
        raise ValueError(f"the year must be between {EARLIEST_YEAR} and {LATEST_YEAR}, not {value.year}")
    return value


UserDate = Annotated[date, AfterValidator(_sane_year)]
"""A calendar date a person entered or asked for."""
UserDateTime = Annotated[datetime, AfterValidator(_sane_year)]
"""A moment a person entered (when they applied, when a job was posted)."""


class Schema(BaseModel):
    # allow_inf_nan=False: a float in a body is finite (NaN and Infinity are 422s, not 500s at the database).
    model_config = ConfigDict(from_attributes=True, str_strip_whitespace=True, allow_inf_nan=False)


class Message(Schema):
    detail: str


class FieldError(Schema):
    loc: list[str | int] = Field(description='Where: ["body", "work", 0, "startDate"], ["query", "q"], …')
    msg: str = Field(description="What is wrong with it, for a person")
    type: str = Field(description="A machine-readable kind: missing, string_too_long, …")


class ErrorRead(Schema):
    """Every 4xx and 5xx body: one sentence for a person, a stable code for a program."""

    detail: str = Field(description="What went wrong, in words a person can act on")
    code: str = Field(description="A stable machine-readable code: not_found, validation_error, rate_limited, …")
    errors: list[FieldError] | None = Field(
        default=None, description="Validation errors (422) only: one entry per refused field"
    )
