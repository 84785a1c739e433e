"""Analytics at scale: the summary for a user with 10,000 applications and 100,000 status events, and skill
trends over 200,000 postings, on SQLite and PostgreSQL (p50/p95). Aim: summary p95 under 100 ms.

The dataset is generated once per database (a marker user names its version) and reused by later runs."""

from __future__ import annotations

import asyncio
import random
import statistics
import time
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import func, insert, select, text

from app.analytics import service
from app.applications import rollups
from app.auth.service import issue_tokens
from app.core.config import Settings, get_settings
from app.core.db import make_engine, make_session_factory
from app.core.migrations import heads, upgrade
from app.gamification.service import user_streak
from app.main import create_app
from app.models import Application, ApplicationEvent, JobPosting, JobPostingSkill, User
from app.models.application import ApplicationStatus as S
from copilot_bench.tracker import _ensure_pg_database, _postgres_url, _reset

VERSION = "analytics-v2"
APPLICATIONS = 10_000
EVENTS_PER_APPLICATION = 10
POSTINGS = 200_000
SKILLS = [
    "Python", "SQL", "Go", "Rust", "Java", "Kotlin", "TypeScript", "React", "Kubernetes", "Docker", "AWS", "GCP",
    "Terraform", "PostgreSQL", "Redis", "Kafka", "Spark", "Airflow", "dbt", "Django", "FastAPI", "Node.js",
    "GraphQL", "C++", "Scala", "Elixir", "Swift", "Linux", "Ansible", "Snowflake",
]  # fmt: skip
# A walk through the pipeline with the undo and the endings real histories have.
PATH = [S.interested, S.applied, S.interview, S.applied, S.interview, S.offer, S.interview, S.offer, S.accepted]
ENDINGS = [S.rejected, S.ghosted, S.withdrawn]


def _percentiles(samples: list[float]) -> dict[str, float]:
    q = statistics.quantiles(sorted(samples), n=100, method="inclusive")
    return {"p50_ms": round(q[49], 2), "p95_ms": round(q[94], 2), "n": len(samples)}


async def _ready(settings: Settings) -> bool:
    engine = make_engine(settings)
    try:
        async with engine.connect() as conn:
            if await conn.scalar(text("SELECT version_num FROM alembic_version")) not in heads(settings):
                return False
            marker = await conn.scalar(select(User.id).where(User.full_name == VERSION))
            return marker is not None and await conn.scalar(select(func.count()).select_from(JobPosting)) == POSTINGS
    except Exception:
        return False
    finally:
        await engine.dispose()


async def _generate(settings: Settings) -> float:
    started = time.perf_counter()
    await _reset(settings)
    await asyncio.to_thread(upgrade, settings)
    rng = random.Random(7)  # noqa: S311 - a reproducible dataset, not security
    now = datetime.now(UTC)
    engine = make_engine(settings)
    async with make_session_factory(engine)() as s:
        await s.execute(
            insert(User),
            [{"email": "analytics@bench.example", "full_name": VERSION, "timezone": "Europe/Berlin",
              "daily_application_goal": 3}],
        )  # fmt: skip
        user_id = 1
        batch = 20_000
        for start in range(0, POSTINGS, batch):
            rows: list[dict[str, Any]] = []
            for i in range(start, min(start + batch, POSTINGS)):
                rows.append(
                    {
                        "owner_id": None,
                        "fingerprint": f"bench-{i}",
                        "title": f"Engineer {i}",
                        "company": f"Company {i % 3000}",
                        "location": "Remote",
                        "search_text": "",
                        "posted_at": now - timedelta(days=rng.random() * 180),
                        "tech_stack": [],
                        "responsibilities": [],
                    }
                )
            await s.execute(insert(JobPosting), rows)
            skill_rows = []
            for i in range(start, min(start + batch, POSTINGS)):
                # skills drift over time: lower-index skills gain share as postings get newer
                for skill in rng.sample(SKILLS[: 10 + (i % 20)], 3):
                    skill_rows.append({"job_posting_id": i + 1, "skill": skill})
            await s.execute(insert(JobPostingSkill), skill_rows)
        apps, events = [], []
        for a in range(APPLICATIONS):
            first = now - timedelta(days=rng.random() * 365)
            steps = PATH[: rng.randint(1, len(PATH))]
            if steps[-1] != S.accepted and rng.random() < 0.5:
                steps = [*steps, rng.choice(ENDINGS)]
            while len(steps) < EVENTS_PER_APPLICATION:  # back and forth, as undone mistakes are
                steps = [*steps, S.interested if steps[-1] != S.interested else S.applied]
            at = first
            applied_at = None
            previous = None
            for status in steps:
                events.append({"application_id": a + 1, "user_id": user_id, "from_status": previous,
                               "to_status": status, "at": at})  # fmt: skip
                if applied_at is None and status in (S.applied, S.interview, S.offer, S.accepted):
                    applied_at = at
                previous = status
                at += timedelta(hours=rng.randint(2, 240))
            apps.append({"user_id": user_id, "job_posting_id": a + 1, "status": previous, "applied_at": applied_at,
                         "created_at": first, "status_changed_at": at})  # fmt: skip
        await s.execute(insert(Application), apps)
        for start in range(0, len(events), 20_000):
            await s.execute(insert(ApplicationEvent), events[start : start + 20_000])
        await rollups.refresh(s, Application.user_id == user_id)
        await s.commit()
    await engine.dispose()
    return time.perf_counter() - started


async def _timed(n: int, call: Callable[[], Awaitable[Any]]) -> dict[str, float]:
    await call()
    samples = []
    for _ in range(n):
        start = time.perf_counter()
        await call()
        samples.append((time.perf_counter() - start) * 1000)
    return _percentiles(samples)


async def _measure(settings: Settings) -> dict[str, Any]:
    generated = None
    if not await _ready(settings):
        generated = round(await _generate(settings), 1)
    engine = make_engine(settings)
    figures: dict[str, Any] = {"dataset_generated_s": generated}
    async with make_session_factory(engine)() as s:
        user = (await s.scalars(select(User).where(User.full_name == VERSION))).one()
        events = await s.scalar(select(func.count()).select_from(ApplicationEvent))
        figures["dataset"] = {"applications": APPLICATIONS, "status_events": events, "postings": POSTINGS}
        today = datetime.now(UTC).date()

        async def summary() -> None:  # what /analytics/summary computes on a cache miss
            await service.success_rates(s, user)
            await service.time_in_stage(s, user)
            await user_streak(s, user, today)

        figures["summary_uncached"] = await _timed(20, summary)
        figures["success_rates"] = await _timed(20, lambda: service.success_rates(s, user))
        figures["time_in_stage"] = await _timed(20, lambda: service.time_in_stage(s, user))
        figures["activity_365_days"] = await _timed(
            20, lambda: service.activity(s, user, today - timedelta(days=364), today)
        )
        figures["skill_trends_market"] = await _timed(10, lambda: service.skill_demand_trends(s, user, "market"))
        figures["skill_trends_tracked"] = await _timed(10, lambda: service.skill_demand_trends(s, user, "tracked"))
        figures["skill_gap"] = await _timed(20, lambda: service.skill_gap(s, user))
        access = (await issue_tokens(s, settings, user, user_agent="bench")).access_token
        await s.commit()
    await engine.dispose()

    # Through the API, as the dashboard asks: the data version is checked, then the cache answers.
    app = create_app(settings)
    headers = {"Authorization": f"Bearer {access}"}
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://bench", headers=headers) as client:

        async def get(path: str) -> None:
            r = await client.get(path)
            r.raise_for_status()

        figures["api_summary_cached"] = await _timed(50, lambda: get("/api/v1/analytics/summary"))
        figures["api_skill_trends_market_cached"] = await _timed(
            50, lambda: get("/api/v1/analytics/skill-trends?scope=market")
        )
    await app.state.engine.dispose()
    return figures


async def bench_analytics(_: Path) -> dict[str, Any]:
    base = get_settings()
    bench_dir = base.copilot_data_dir / "bench"
    bench_dir.mkdir(parents=True, exist_ok=True)
    common: dict[str, Any] = {"secret_key": "bench-secret-" + "x" * 32, "redis_url": None,
                              "copilot_data_dir": bench_dir, "frontend_dist": bench_dir / "none"}  # fmt: skip
    results: dict[str, Any] = {"aim": "summary p95 < 100 ms"}
    sqlite = Settings(_env_file=None, database_url=f"sqlite:///{bench_dir / VERSION}.db", **common)
    results["sqlite"] = await _measure(sqlite)
    pg_base = _postgres_url()
    if pg_base is None:
        results["postgresql"] = {"skipped": "PostgreSQL not reachable (set BENCH_DATABASE_URL)"}
    else:
        url = await _ensure_pg_database(pg_base, "copilot_bench_analytics")
        results["postgresql"] = await _measure(Settings(_env_file=None, database_url=url, **common))
    return results
