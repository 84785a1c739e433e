from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, Field


class PoolStatus(BaseModel):
    size: int | None = Field(description="Connections kept per process (null on SQLite)")
    max_overflow: int | None
    checked_out: int | None = Field(description="Connections this process is using right now")
    timeout_seconds: float
    recycle_seconds: int


class PartitionStatus(BaseModel):
    name: str
    month: date | None = Field(description="First day of the month it holds; null for the DEFAULT partition")
    rows: int = Field(description="Rows (PostgreSQL: the planner's estimate, refreshed by ANALYZE)")
    bytes: int


class TimeSeriesTable(BaseModel):
    table: str
    time_column: str
    partitioned: bool
    retention_months: int = Field(description="0 = kept forever")
    rows: int
    partitions: list[PartitionStatus]


class CatalogueStatus(BaseModel):
    active: int
    archived: int
    retention_days: int = Field(description="Untracked postings no board has listed for this long are archived")


class CacheFamilyStatus(BaseModel):
    family: str
    hits: int
    misses: int
    errors: int
    hit_ratio: float | None


class SystemStatus(BaseModel):
    database: Literal["sqlite", "postgresql"]
    cache_backend: Literal["redis", "memory"]
    pool: PoolStatus
    partition_months_ahead: int
    time_series: list[TimeSeriesTable]
    catalogue: CatalogueStatus
    cache: list[CacheFamilyStatus] = Field(description="Lookups answered by this web process since it started")
