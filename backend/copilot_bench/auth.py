"""Accounts: argon2 cost and the latency of the auth and profile endpoints on a throw-away SQLite database."""

from __future__ import annotations

import asyncio
import statistics
import time
from pathlib import Path
from typing import Any

import httpx

from app.core.config import Settings
from app.core.migrations import upgrade
from app.core.security import hash_password, verify_password
from app.main import create_app
from copilot_bench.common import timed

PASSWORD = "Bench-Password-Long-1"  # noqa: S105 - a throw-away benchmark account


def _percentiles(samples_ms: list[float]) -> dict[str, float]:
    ordered = sorted(samples_ms)
    q = statistics.quantiles(ordered, n=100, method="inclusive")
    return {
        "p50_ms": round(q[49], 2),
        "p95_ms": round(q[94], 2),
        "max_ms": round(ordered[-1], 2),
        "n": len(ordered),
    }


async def bench_password_hash(_: Path) -> dict[str, Any]:
    timings = []
    hashed = ""
    for _i in range(5):
        start = time.perf_counter()
        hashed = await asyncio.to_thread(hash_password, PASSWORD)
        timings.append((time.perf_counter() - start) * 1000)
    start = time.perf_counter()
    await asyncio.to_thread(verify_password, PASSWORD, hashed)
    return {
        "argon2_hash_ms_median": round(statistics.median(timings), 1),
        "argon2_verify_ms": round((time.perf_counter() - start) * 1000, 1),
    }


async def bench_api(workdir: Path) -> dict[str, Any]:
    """Latency of the auth and profile endpoints through the full ASGI stack (no network)."""
    settings = Settings(
        _env_file=None,
        database_url=f"sqlite:///{workdir / 'bench.db'}",
        copilot_data_dir=workdir,
        secret_key="bench-secret-" + "x" * 32,
        login_rate_limit="100000/minute",
        frontend_dist=workdir / "none",
    )
    await asyncio.to_thread(upgrade, settings)
    app = create_app(settings)
    transport = httpx.ASGITransport(app=app)
    figures: dict[str, Any] = {}
    async with httpx.AsyncClient(transport=transport, base_url="http://bench") as client:
        r = await client.post("/api/v1/auth/register", json={"email": "b@example.com", "password": PASSWORD})
        headers = {"Authorization": f"Bearer {r.json()['access_token']}"}

        figures["get_profile"] = await timed(300, lambda _: client.get("/api/v1/users/me", headers=headers))
        figures["patch_profile"] = await timed(
            200, lambda _: client.patch("/api/v1/users/me", headers=headers, json={"daily_application_goal": 7})
        )
        skills = {"skills": [{"name": f"Skill {i}", "level": 3} for i in range(30)]}
        figures["put_30_skills"] = await timed(
            100, lambda _: client.put("/api/v1/users/me/skills", headers=headers, json=skills)
        )
        figures["refresh_rotation"] = await timed(
            200, lambda _: client.post("/api/v1/auth/refresh", headers={"X-Requested-With": "XMLHttpRequest"})
        )
        figures["login_incl_argon2"] = await timed(
            20,
            lambda _: client.post("/api/v1/auth/login", json={"email": "b@example.com", "password": PASSWORD}),
        )
    await app.state.engine.dispose()
    return figures
