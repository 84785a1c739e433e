"""Your data: how long an export, a backup and a restore take for a heavy user on SQLite.

One user with 2,000 private jobs, 2,000 applications and 6,000 status changes, plus 20,000 catalogue postings of
other sources (which a backup carries and an export does not)."""

from __future__ import annotations

import asyncio
import time
from datetime import timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import insert

from app.core.config import Settings
from app.core.db import make_engine, make_session_factory
from app.core.migrations import upgrade
from app.data import portable
from app.data.backup import create_backup, restore_backup
from app.jobs.text import derived_fields
from app.models import Application, ApplicationEvent, JobPosting, User
from app.models.application import ApplicationStatus
from app.models.base import utcnow

JOBS = 2_000
CATALOGUE = 20_000


def _job(i: int, owner: int | None, now: Any) -> dict[str, Any]:
    title, company = f"Engineer {i}", f"Company {i % 500}"
    text = f"Build things with Python and SQL at {company}. " * 8
    return {
        "owner_id": owner,
        "title": title,
        "company": company,
        "location": "Remote",
        "description_html": f"<p>{text}</p>",
        "description_text": text,
        "posted_at": now - timedelta(days=i % 60),
        "ingested_at": now,
        "tech_stack": ["Python", "SQL"],
        "responsibilities": [],
        **derived_fields(title, company, f"Remote {i}", ["Python", "SQL"], text),
    }


async def _fill(settings: Settings) -> int:
    engine = make_engine(settings)
    now = utcnow()
    async with make_session_factory(engine)() as session:
        await session.execute(insert(User), [{"email": "heavy@bench.example", "full_name": "Heavy User"}])
        user_id = 1
        await session.execute(insert(JobPosting), [_job(i, user_id, now) for i in range(JOBS)])
        await session.execute(insert(JobPosting), [_job(JOBS + i, None, now) for i in range(CATALOGUE)])
        await session.execute(
            insert(Application),
            [
                {"user_id": user_id, "job_posting_id": i + 1, "status": ApplicationStatus.interview, "notes": "n" * 200}
                for i in range(JOBS)
            ],
        )
        moves = [(None, "interested"), ("interested", "applied"), ("applied", "interview")]
        await session.execute(
            insert(ApplicationEvent),
            [
                {"application_id": a + 1, "user_id": user_id, "from_status": f, "to_status": t, "at": now}
                for a in range(JOBS)
                for f, t in moves
            ],
        )
        await session.commit()
    await engine.dispose()
    return user_id


async def bench_data(workdir: Path) -> dict[str, Any]:
    settings = Settings(
        _env_file=None,
        database_url=f"sqlite:///{workdir / 'data-bench.db'}",
        copilot_data_dir=workdir / "data",
        secret_key="bench-secret-" + "x" * 32,
        frontend_dist=workdir / "none",
    )
    await asyncio.to_thread(upgrade, settings)
    user_id = await _fill(settings)
    engine = make_engine(settings)
    start = time.perf_counter()
    async with make_session_factory(engine)() as session:
        data = await portable.collect(session, user_id)
    collected = time.perf_counter() - start
    archive = await asyncio.to_thread(portable.build_zip, data, None, None)
    export_s = time.perf_counter() - start
    await engine.dispose()

    start = time.perf_counter()
    info = await asyncio.to_thread(create_backup, settings, workdir / "backup.zip")
    backup_s = time.perf_counter() - start
    target = settings.model_copy(update={"database_url": f"sqlite:///{workdir / 'restored.db'}"})
    target.__dict__.pop("async_database_url", None)
    start = time.perf_counter()
    await asyncio.to_thread(restore_backup, target, info.path)
    restore_s = time.perf_counter() - start
    return {
        "dataset": {"applications": JOBS, "status_changes": 3 * JOBS, "catalogue_postings": CATALOGUE},
        "export_s": round(export_s, 2),
        "export_collect_s": round(collected, 2),
        "export_zip_bytes": len(archive),
        "backup_s": round(backup_s, 2),
        "backup_zip_bytes": info.size_bytes,
        "restore_s": round(restore_s, 2),
    }
