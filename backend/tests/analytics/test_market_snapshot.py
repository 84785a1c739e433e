"""The market's skill trends are pre-computed by a scheduled task and read by requests; stale or missing
snapshots fall back to computing them."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import update

from app.analytics.snapshots import market_name, refresh_market
from app.models.analytics import AnalyticsSnapshot
from app.models.job import JobPostingSkill
from app.tasks.celery_app import SCHEDULE
from tests.conftest import register
from tests.factories import catalogue_job


async def _posting_with(app: Any, skill: str) -> None:
    job_id = await catalogue_job(app, title=f"{skill} Engineer", posted_at=datetime.now(UTC) - timedelta(days=2))
    async with app.state.session_factory() as s:
        s.add(JobPostingSkill(job_posting_id=job_id, skill=skill))
        await s.commit()


def _postings(body: dict[str, Any]) -> int:
    return int(body["windows"][-1]["postings"])


async def test_requests_read_the_snapshot_and_fall_back_when_it_is_stale(app: Any, client: Any) -> None:
    assert SCHEDULE["market-trends"][0] == "analytics.refresh_market_trends"
    headers = await register(client, "market@example.com")
    await _posting_with(app, "Elixir")
    async with app.state.session_factory() as s:
        result = await refresh_market(s)
        await s.commit()
    assert result["name"] == market_name(30, 6) and result["skills"] == 1

    await _posting_with(app, "Haskell")  # arrives after the snapshot
    stored = (await client.get("/api/v1/analytics/skill-trends", headers=headers)).json()
    assert _postings(stored) == 1 and [s["skill"] for s in stored["skills"]] == ["Elixir"]

    async with app.state.session_factory() as s:  # the beat stopped: the snapshot is three hours old
        await s.execute(update(AnalyticsSnapshot).values(computed_at=datetime.now(UTC) - timedelta(hours=3)))
        await s.commit()
    live = (await client.get("/api/v1/analytics/skill-trends", headers=headers)).json()
    assert _postings(live) == 2 and {s["skill"] for s in live["skills"]} == {"Elixir", "Haskell"}

    async with app.state.session_factory() as s:  # a refresh replaces the stored answer
        await refresh_market(s)
        await s.commit()
    again = (await client.get("/api/v1/analytics/skill-trends", headers=headers, params={"windows": 6})).json()
    assert _postings(again) == 2
