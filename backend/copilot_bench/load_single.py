"""Single-client figures at load-test scale, taken before the load: the tracker bench's search and list queries and
the analytics bench's summary and trends, through a web process (so caches answer where they would), plus the
analytics services called directly (the uncached cost). Each figure is p50/p95/p99 over a bounded time."""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from typing import Any

import httpx
from sqlalchemy import select

from app.analytics import service as analytics
from app.core.config import Settings
from app.core.db import make_engine, make_session_factory
from app.gamification.service import user_streak
from app.models import User
from copilot_bench.scale_data import PASSWORD, email

BUDGET_S = 12.0  # per figure: a slow query gives fewer samples instead of a long run
COLD_WORDS = ["python", "react", "c++", "kubernetes", "data", "rust", "java", "swift", "sql", "terraform", "go",
              "typescript", "django", "spark", "azure", "unity", "php", "ruby", "leadership", "security"]  # fmt: skip


def _stats(ms: list[float]) -> dict[str, Any]:
    s = sorted(ms)

    def q(p: float) -> float:
        return round(s[min(len(s) - 1, int(p * len(s)))], 1)

    return {"n": len(s), "p50_ms": q(0.5), "p95_ms": q(0.95), "p99_ms": q(0.99), "max_ms": round(s[-1], 1)}


async def _timed(call: Callable[[int], Awaitable[Any]], n: int, warmup: int = 2) -> dict[str, Any]:
    for i in range(warmup):
        await call(i)
    samples: list[float] = []
    deadline = time.monotonic() + BUDGET_S
    for i in range(n):
        start = time.perf_counter()
        await call(warmup + i)
        samples.append((time.perf_counter() - start) * 1000)
        if time.monotonic() > deadline and len(samples) >= 5:
            break
    return _stats(samples)


async def measure_single_client(host: str, settings: Settings, postings: int) -> dict[str, Any]:
    out: dict[str, Any] = {}
    async with httpx.AsyncClient(base_url=f"http://{host}", timeout=120) as c:
        r = await c.post("/api/v1/auth/login", json={"email": email(0), "password": PASSWORD})
        r.raise_for_status()
        c.headers["Authorization"] = f"Bearer {r.json()['access_token']}"

        async def get(path: str, **params: Any) -> Any:
            resp = await c.get(path, params=params)
            if resp.status_code != 200:
                raise RuntimeError(f"GET {path} {params}: {resp.status_code} {resp.text[:200]}")
            return resp.json()

        out["python_matches"] = (await get("/api/v1/jobs", q="python"))["total"]
        # Each cold query is asked once (a distinct word and page), so no cache can answer it.
        out["search_cold_distinct_queries"] = await _timed(
            lambda i: get("/api/v1/jobs", q=COLD_WORDS[i % len(COLD_WORDS)], page=1 + i // len(COLD_WORDS)),
            n=38,
            warmup=0,
        )
        out["search_q_python_page1"] = await _timed(lambda _: get("/api/v1/jobs", q="python"), n=100)
        out["search_q_cplusplus_page1"] = await _timed(lambda _: get("/api/v1/jobs", q="c++"), n=50)
        out["search_two_words"] = await _timed(lambda _: get("/api/v1/jobs", q="senior backend"), n=50)
        out["search_with_filters"] = await _timed(
            lambda _: get("/api/v1/jobs", q="python", location="Berlin", salary_min=80_000, remote="hybrid"), n=50
        )
        out["filter_company"] = await _timed(lambda _: get("/api/v1/jobs", company="Zentex Labs"), n=50)
        out["list_newest_page1"] = await _timed(lambda _: get("/api/v1/jobs"), n=100)
        out["list_newest_page2_to_40"] = await _timed(lambda i: get("/api/v1/jobs", page=2 + i % 39), n=50)
        out["list_deep_page_2500"] = await _timed(lambda _: get("/api/v1/jobs", page=2500), n=20)
        out["job_detail"] = await _timed(lambda i: get(f"/api/v1/jobs/{1 + (i * 7919) % postings}"), n=100)
        out["applications_page1"] = await _timed(lambda _: get("/api/v1/applications"), n=50)
        out["board"] = await _timed(lambda _: get("/api/v1/applications/board"), n=50)
        out["api_analytics_summary"] = await _timed(lambda _: get("/api/v1/analytics/summary"), n=50)
        out["api_skill_trends_market"] = await _timed(
            lambda _: get("/api/v1/analytics/skill-trends", scope="market"), n=20
        )
    out["uncached"] = await _uncached(settings)
    return out


async def _uncached(settings: Settings) -> dict[str, Any]:
    """What the analytics endpoints compute on a cache miss, called directly (as `copilot bench` does)."""
    engine = make_engine(settings)
    figures: dict[str, Any] = {}
    try:
        async with make_session_factory(engine)() as s:
            user = (await s.scalars(select(User).where(User.email == email(0)))).one()
            today = datetime.now(UTC).date()

            async def summary(_: int) -> None:
                await analytics.success_rates(s, user)
                await analytics.time_in_stage(s, user)
                await user_streak(s, user, today)

            figures["analytics_summary"] = await _timed(summary, n=30, warmup=1)
            figures["skill_trends_market"] = await _timed(
                lambda _: analytics.skill_demand_trends(s, user, "market"), n=10, warmup=1
            )
            figures["skill_trends_tracked"] = await _timed(
                lambda _: analytics.skill_demand_trends(s, user, "tracked"), n=10, warmup=1
            )
            figures["skill_gap"] = await _timed(lambda _: analytics.skill_gap(s, user), n=10, warmup=1)
    finally:
        await engine.dispose()
    return figures
