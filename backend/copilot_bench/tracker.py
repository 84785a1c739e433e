"""Tracker at scale: 50,000 postings and 5,000 applications for one user, on SQLite and PostgreSQL.

The generated dataset is cached between runs: a SQLite file under COPILOT_DATA_DIR/bench, and a
`copilot_bench` database on PostgreSQL; both are rebuilt when the schema head or the dataset version changes."""

from __future__ import annotations

import asyncio
import os
import random
import socket
import time
from datetime import timedelta
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import func, insert, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import create_async_engine

from app.core.config import Settings, get_settings, to_async_url
from app.core.db import make_engine
from app.core.migrations import heads, upgrade
from app.core.security import hash_password
from app.jobs.text import derived_fields
from app.main import create_app
from app.models import Application, ApplicationEvent, JobPosting, User
from app.models.application import ApplicationStatus
from app.models.base import utcnow
from copilot_bench.common import timed

DATASET_VERSION = "tracker-v4"
N_POSTINGS = 50_000
N_APPLICATIONS = 5_000
EMAIL = "bench-tracker@example.com"
PASSWORD = "Bench-Tracker-Password-1"  # noqa: S105 - throw-away benchmark account
WORDS = [
    "python",
    "django",
    "fastapi",
    "flask",
    "postgresql",
    "mysql",
    "redis",
    "kafka",
    "docker",
    "kubernetes",
    "terraform",
    "aws",
    "gcp",
    "azure",
    "react",
    "typescript",
    "javascript",
    "node",
    "go",
    "rust",
    "java",
    "kotlin",
    "scala",
    "spark",
    "airflow",
    "dbt",
    "snowflake",
    "pandas",
    "pytorch",
    "linux",
    "c++",
    "c#",
    ".net",
    "ruby",
    "rails",
    "php",
    "laravel",
    "swift",
    "android",
    "ios",
    "graphql",
    "grpc",
    "microservices",
    "observability",
    "security",
]
TITLES = ["Backend Engineer", "Data Engineer", "Frontend Developer", "Platform Engineer", "ML Engineer",
          "Full-Stack Developer", "SRE", "Mobile Developer", "Security Engineer", "Engineering Manager"]  # fmt: skip
CITIES = ["Berlin", "London", "Paris", "Amsterdam", "Remote", "Munich", "Madrid", "Vienna", "Oslo", "Dublin"]


def _postgres_url() -> str | None:
    url = os.environ.get("BENCH_DATABASE_URL") or os.environ.get("TEST_DATABASE_URL")
    if url:
        return url
    try:
        with socket.create_connection(("127.0.0.1", 5432), timeout=1):
            return "postgresql://postgres@127.0.0.1:5432/test"
    except OSError:
        return None


async def _ensure_pg_database(base_url: str, name: str) -> str:
    admin = create_async_engine(to_async_url(base_url), isolation_level="AUTOCOMMIT")
    async with admin.connect() as conn:
        exists = await conn.scalar(text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": name})
        if not exists:
            await conn.execute(text(f'CREATE DATABASE "{name}"'))
    await admin.dispose()
    return make_url(base_url).set(database=name).render_as_string(hide_password=False)


async def _dataset_ready(settings: Settings) -> bool:
    engine = make_engine(settings)
    try:
        async with engine.connect() as conn:
            version = await conn.scalar(text("SELECT version_num FROM alembic_version"))
            if version not in heads(settings):
                return False
            user = await conn.scalar(select(User.id).where(User.email == EMAIL, User.full_name == DATASET_VERSION))
            if user is None:
                return False
            count = await conn.scalar(select(func.count()).select_from(JobPosting))
            return count == N_POSTINGS
    except Exception:  # no tables yet, or an older schema
        return False
    finally:
        await engine.dispose()


async def _reset(settings: Settings) -> None:
    """Start the dataset from an empty database: a new SQLite file, or an empty PostgreSQL schema."""
    url = make_url(settings.async_database_url)
    if url.get_backend_name() == "sqlite":
        for suffix in ("", "-wal", "-shm"):
            await asyncio.to_thread(Path(f"{url.database}{suffix}").unlink, missing_ok=True)
        return
    engine = make_engine(settings)
    async with engine.begin() as conn:
        await conn.execute(text("DROP SCHEMA public CASCADE"))
        await conn.execute(text("CREATE SCHEMA public"))
    await engine.dispose()


async def _generate(settings: Settings) -> float:
    start = time.perf_counter()
    await _reset(settings)
    await asyncio.to_thread(upgrade, settings)
    rng = random.Random(42)  # noqa: S311 - repeatable benchmark data
    engine = make_engine(settings)
    now = utcnow()
    async with engine.begin() as conn:
        user_id = await conn.scalar(
            insert(User).returning(User.id),
            {"email": EMAIL, "hashed_password": hash_password(PASSWORD), "full_name": DATASET_VERSION,
             "timezone": "UTC", "daily_application_goal": 5, "evening_summary_hour": 18, "is_admin": False,
             "is_active": True, "updated_at": now, "created_at": now},
        )  # fmt: skip
        batch: list[dict[str, Any]] = []
        for i in range(N_POSTINGS):
            title, city = rng.choice(TITLES), rng.choice(CITIES)
            company = f"Company {i % 4000}"
            words = rng.sample(WORDS, 8)
            description = f"We are hiring a {title} in {city}. You will work with {', '.join(words)}. " * 3
            batch.append({
                "owner_id": user_id if i % 50 == 0 else None,
                **derived_fields(f"{title} {i}", company, city, words[:4], description),
                "title": f"{title} {i}", "company": company, "location": city, "remote_type": "hybrid",
                "salary_min": 40_000 + (i % 60) * 1000, "salary_max": 60_000 + (i % 60) * 1000,
                "salary_currency": "EUR", "salary_period": "year", "description_html": f"<p>{description}</p>",
                "description_text": description,
                "url": None, "posted_at": now - timedelta(minutes=i), "ingested_at": now, "tech_stack": words[:4],
                "responsibilities": [], "created_at": now, "updated_at": now,
            })  # fmt: skip
            if len(batch) == 2000:
                await conn.execute(insert(JobPosting), batch)
                batch = []
        if batch:
            await conn.execute(insert(JobPosting), batch)
        job_ids = (await conn.execute(select(JobPosting.id).order_by(JobPosting.id).limit(N_APPLICATIONS))).scalars()
        statuses = list(ApplicationStatus)
        apps = [
            {"user_id": user_id, "job_posting_id": jid, "status": statuses[k % len(statuses)], "position": float(k),
             "notes": "", "status_changed_at": now, "created_at": now, "updated_at": now}
            for k, jid in enumerate(job_ids)
        ]  # fmt: skip
        await conn.execute(insert(Application), apps)
        app_rows = (await conn.execute(select(Application.id, Application.status))).all()
        await conn.execute(
            insert(ApplicationEvent),
            [{"application_id": a, "user_id": user_id, "from_status": None, "to_status": s, "at": now, "note": ""}
             for a, s in app_rows],
        )  # fmt: skip
    # What autovacuum and FTS5's automerge do on a live instance after a bulk load, done now.
    async with engine.connect() as conn:
        if engine.dialect.name == "postgresql":
            await conn.execution_options(isolation_level="AUTOCOMMIT")
            await conn.execute(text("VACUUM ANALYZE"))
        else:
            await conn.execute(text("ANALYZE"))
            await conn.execute(text("INSERT INTO job_posting_fts(job_posting_fts) VALUES ('optimize')"))
            await conn.commit()
    await engine.dispose()
    return round(time.perf_counter() - start, 1)


async def _measure(settings: Settings) -> dict[str, Any]:
    cached = await _dataset_ready(settings)
    figures: dict[str, Any] = {"dataset_cached": cached, "postings": N_POSTINGS, "applications": N_APPLICATIONS}
    if not cached:
        figures["generate_s"] = await _generate(settings)
    app = create_app(settings)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://bench") as client:
        r = await client.post("/api/v1/auth/login", json={"email": EMAIL, "password": PASSWORD})
        h = {"Authorization": f"Bearer {r.json()['access_token']}"}
        first = (await client.get("/api/v1/jobs", headers=h, params={"q": "python", "page": 1})).json()
        figures["python_matches"] = first["total"]
        figures["search_q_python_page1"] = await timed(
            200, lambda _: client.get("/api/v1/jobs", headers=h, params={"q": "python", "page": 1})
        )
        figures["list_newest_page1"] = await timed(100, lambda _: client.get("/api/v1/jobs", headers=h))
        applied = await client.get("/api/v1/applications", headers=h, params={"status": "applied", "size": 100})
        ids = [a["id"] for a in applied.json()["items"]]
        # 100 cards applied -> interview, then each one step back: a legal move each time, with an event written,
        # on different applications as a user moves cards (one card moved 200 times would grow a history no
        # application has, and every rerun of the cached dataset would lengthen it).
        figures["status_change"] = await timed(
            2 * len(ids),
            lambda i: client.patch(
                f"/api/v1/applications/{ids[i % len(ids)]}",
                headers=h,
                json={"status": "interview" if i < len(ids) else "applied"},
            ),
            warmup=0,
        )
        figures["board"] = await timed(50, lambda _: client.get("/api/v1/applications/board", headers=h))
    await app.state.engine.dispose()
    return figures


async def bench_tracker(_: Path) -> dict[str, Any]:
    base = get_settings()
    common: dict[str, Any] = {"secret_key": "bench-secret-" + "x" * 32, "login_rate_limit": "100000/minute",
                              "redis_url": None, "frontend_dist": base.copilot_data_dir / "none"}  # fmt: skip
    bench_dir = base.copilot_data_dir / "bench"
    bench_dir.mkdir(parents=True, exist_ok=True)
    results: dict[str, Any] = {}
    sqlite = Settings(_env_file=None, database_url=f"sqlite:///{bench_dir / DATASET_VERSION}.db",
                      copilot_data_dir=bench_dir, **common)  # fmt: skip
    results["sqlite"] = await _measure(sqlite)
    pg_base = _postgres_url()
    if pg_base is None:
        results["postgresql"] = {"skipped": "PostgreSQL not reachable (set BENCH_DATABASE_URL)"}
    else:
        url = await _ensure_pg_database(pg_base, "copilot_bench")
        results["postgresql"] = await _measure(
            Settings(_env_file=None, database_url=url, copilot_data_dir=bench_dir, **common)
        )
    return results
