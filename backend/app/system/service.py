"""Figures for the admin System page. Cheap on purpose: partition sizes come from the catalog, and cache figures
from this process's Prometheus counters, so the page can refresh while the deployment is under load."""

from __future__ import annotations

from collections import defaultdict

from prometheus_client import REGISTRY
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from app.core.config import Settings
from app.core.db import dialect_of
from app.core.partitions import PARTITIONED, existing_partitions, is_partitioned, retention_months
from app.system import repository
from app.system.schemas import (
    CacheFamilyStatus,
    CatalogueStatus,
    PartitionStatus,
    PoolStatus,
    SystemStatus,
    TimeSeriesTable,
)


def pool_status(engine: AsyncEngine, settings: Settings) -> PoolStatus:
    pool = engine.sync_engine.pool
    sqlite = engine.dialect.name == "sqlite"
    checked_out = getattr(pool, "checkedout", None)
    return PoolStatus(
        size=None if sqlite else settings.db_pool_size,
        max_overflow=None if sqlite else settings.db_max_overflow,
        checked_out=checked_out() if callable(checked_out) and not sqlite else None,
        timeout_seconds=settings.db_pool_timeout_seconds,
        recycle_seconds=settings.db_pool_recycle_seconds,
    )


def cache_status() -> list[CacheFamilyStatus]:
    """Per key family, from the `copilot_cache_requests_total` counter of this process."""
    counts: dict[str, dict[str, int]] = defaultdict(lambda: {"hit": 0, "miss": 0, "error": 0})
    for metric in REGISTRY.collect():
        if metric.name != "copilot_cache_requests":
            continue
        for sample in metric.samples:
            family, result = sample.labels.get("family"), sample.labels.get("result")
            if sample.name.endswith("_total") and family and result in ("hit", "miss", "error"):
                counts[family][result] += int(sample.value)
    out = []
    for family, c in sorted(counts.items()):
        looked_up = c["hit"] + c["miss"]
        ratio = round(c["hit"] / looked_up, 4) if looked_up else None
        out.append(
            CacheFamilyStatus(family=family, hits=c["hit"], misses=c["miss"], errors=c["error"], hit_ratio=ratio)
        )
    return out


async def _time_series(session: AsyncSession, settings: Settings) -> list[TimeSeriesTable]:
    keep = retention_months(settings)
    tables = []
    conn = await session.connection()
    for table, column in PARTITIONED.items():
        partitions: list[PartitionStatus] = []
        if dialect_of(session) == "postgresql" and await is_partitioned(conn, table):
            found = await existing_partitions(conn, table)
            sizes = await repository.relation_sizes(session, found)
            for name, month in sorted(found.items(), key=lambda item: (item[1] is None, item[1])):
                rows, size = sizes.get(name, (0, 0))
                partitions.append(PartitionStatus(name=name, month=month, rows=rows, bytes=size))
            total = sum(p.rows for p in partitions)
            tables.append(TimeSeriesTable(table=table, time_column=column, partitioned=True,
                                          retention_months=keep[table], rows=total, partitions=partitions))  # fmt: skip
            continue
        rows = await repository.count_rows(session, table)
        tables.append(TimeSeriesTable(table=table, time_column=column, partitioned=False,
                                      retention_months=keep[table], rows=rows, partitions=[]))  # fmt: skip
    return tables


async def system_status(session: AsyncSession, engine: AsyncEngine, settings: Settings) -> SystemStatus:
    active, archived = await repository.count_public_postings(session)
    return SystemStatus(
        database="postgresql" if dialect_of(session) == "postgresql" else "sqlite",
        cache_backend="redis" if settings.redis_url else "memory",
        pool=pool_status(engine, settings),
        partition_months_ahead=settings.partition_months_ahead,
        time_series=await _time_series(session, settings),
        catalogue=CatalogueStatus(active=active, archived=archived, retention_days=settings.job_posting_retention_days),
        cache=cache_status(),
    )
