"""Pre-computed market figures. The market's skill trends aggregate every catalogue posting of the last six months
with its skills (about 1.6 million rows at a million postings: 3 s on PostgreSQL), and the answer is the same for
every user, so the scheduled task `analytics.refresh_market_trends` computes it every 30 minutes and requests
read the stored answer by name. Without a fresh snapshot (a new install, a stopped beat) the request computes it
as before, once for everyone (the `analytics_market` cache family)."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from app.analytics.service import skill_demand_trends
from app.core.db import upsert_insert
from app.models.analytics import AnalyticsSnapshot
from app.models.user import User

DEFAULT_WINDOW_DAYS, DEFAULT_WINDOWS = 30, 6
FRESH_FOR = timedelta(hours=2)  # four refreshes: a missed run or two still answers from the snapshot


def market_name(window_days: int, windows: int) -> str:
    return f"market-trends:{window_days}x{windows}"


async def read_market(session: AsyncSession, window_days: int, windows: int) -> dict[str, Any] | None:
    """The stored market trends for these windows, when a fresh one exists."""
    snapshot = await session.get(AnalyticsSnapshot, market_name(window_days, windows))
    if snapshot is None or snapshot.computed_at < datetime.now(UTC) - FRESH_FOR:
        return None
    return snapshot.payload


async def refresh_market(
    session: AsyncSession, window_days: int = DEFAULT_WINDOW_DAYS, windows: int = DEFAULT_WINDOWS
) -> dict[str, Any]:
    """Compute the market trends now and store them (insert or replace)."""
    started = time.perf_counter()
    nobody = User(id=0)  # the market scope reads no user data
    payload = await skill_demand_trends(session, nobody, "market", window_days=window_days, windows=windows)
    took = int((time.perf_counter() - started) * 1000)
    values = {"name": market_name(window_days, windows), "payload": payload, "computed_at": datetime.now(UTC),
              "duration_ms": took}  # fmt: skip
    insert = upsert_insert(session)(AnalyticsSnapshot).values(**values)
    refreshed = {"payload": insert.excluded.payload, "computed_at": insert.excluded.computed_at,
                 "duration_ms": insert.excluded.duration_ms}  # fmt: skip
    await session.execute(insert.on_conflict_do_update(index_elements=["name"], set_=refreshed))
    return {"name": values["name"], "skills": len(payload["skills"]), "duration_ms": took}
