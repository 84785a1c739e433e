"""Discover at scale: 100 users (resumes of eight different roles and seniorities, profile skills, saved searches)
against a pool of 10,000 postings of about 2.4 KB, on SQLite and PostgreSQL.

Figures: reading and storing the postings' facts once (cold, seconds); rebuilding all 100 users' Discover in one pass
over the pool (seconds, and scorings per second); one user's rebuild, as after they change their resume (p50/p95
of 10); rows kept at the threshold. The dataset is made afresh each run (a few seconds)."""

from __future__ import annotations

import asyncio
import hashlib
import random
import statistics
import time
from datetime import timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import func, insert, select

from app.core.config import Settings, get_settings
from app.core.db import make_engine, make_session_factory, session_scope
from app.core.migrations import upgrade
from app.jobs.text import derived_fields
from app.match import discover
from app.match.postings import posting_facts
from app.models import JobPosting, User, UserSkill
from app.models.base import utcnow
from app.models.job import JobRequirements, RemoteType
from app.models.resume import Resume, ResumeStatus
from app.models.sources import JobMatch, SavedSearch
from copilot_bench.match import RESUME, posting
from copilot_bench.tracker import _ensure_pg_database, _postgres_url, _reset

USERS = 100
POSTINGS = 10_000
THRESHOLD = 0.5
# (headline, the current role's title, the earlier one): the bench resume with these titles.
PEOPLE = [
    ("Backend Engineer", "Senior Backend Engineer", "Software Developer"),
    ("Data Engineer", "Data Engineer", "Business Intelligence Analyst"),
    ("Platform Engineer", "Staff Platform Engineer", "Site Reliability Engineer"),
    ("Python Developer", "Junior Python Developer", "Intern"),
    ("Account Executive", "Account Executive", "Sales Development Representative"),
    ("Product Manager", "Senior Product Manager", "Business Analyst"),
    ("QA Engineer", "QA Engineer", "Test Analyst"),
    ("Office Manager", "Office Manager", "Receptionist"),
]
SEARCHES = ["python", "data engineer", "platform", "backend", "sales", "product manager", "qa", "office"]


def _resume_text(person: tuple[str, str, str]) -> str:
    headline, current, earlier = person
    return (
        RESUME.replace("Backend Engineer\ngrace", f"{headline}\ngrace")
        .replace("Senior Backend Engineer, Initech", f"{current}, Initech")
        .replace("Software Developer, Globex", f"{earlier}, Globex")
    )


async def _generate(settings: Settings) -> list[int]:
    from app.resumes.parsing import parse_resume
    from app.resumes.structure import parse_structure
    from app.skills import extract

    await _reset(settings)
    await asyncio.to_thread(upgrade, settings)
    rng = random.Random(20)  # noqa: S311 - the same data every run, nothing secret
    engine = make_engine(settings)
    now = utcnow()
    resumes = []
    for person in PEOPLE:
        text = _resume_text(person)
        parsed = parse_resume(text.encode())
        structure = parse_structure(parsed.text, parsed.sections)
        resumes.append((text, structure.model_dump(mode="json"), extract(parsed.text, "resume").skills))
    async with engine.begin() as conn:
        rows: list[dict[str, Any]] = []
        for i in range(POSTINGS):
            text = posting(rng)
            title, _, body = text.partition("\n")
            company = f"Company {i % 700}"
            rows.append({"owner_id": None, "title": title, "company": company, "location": "Berlin, Germany",
                         "remote_type": rng.choice(list(RemoteType)), "description_html": "",
                         "description_text": body, **derived_fields(title, company, f"Berlin {i}", [], body),
                         "posted_at": now - timedelta(days=30 * rng.random()),
                         "tech_stack": [], "responsibilities": [], "created_at": now, "updated_at": now,
                         "ingested_at": now})  # fmt: skip
        for start in range(0, len(rows), 1000):
            await conn.execute(insert(JobPosting), rows[start : start + 1000])
        users = [{"email": f"bench-discover-{i}@example.com", "hashed_password": None, "full_name": f"User {i}",
                  "needs_sponsorship": i % 4 == 0, "remote_only": i % 5 == 0,
                  "work_location": ["Germany", "United States", "EU", ""][i % 4], "created_at": now,
                  "updated_at": now} for i in range(USERS)]  # fmt: skip
        await conn.execute(insert(User), users)
        ids = list((await conn.scalars(select(User.id).order_by(User.id))).all())
        resume_rows, skills, searches = [], [], []
        for n, user_id in enumerate(ids):
            text, structure_json, found = resumes[n % len(resumes)]
            resume_rows.append({"user_id": user_id, "filename": "resume.txt", "content_type": "text/plain",
                                "size_bytes": len(text), "sha256": hashlib.sha256(text.encode()).hexdigest(),
                                "storage_name": f"{user_id}.txt", "status": ResumeStatus.ready, "text": text,
                                "sections": {}, "skills": found, "structure": structure_json,
                                "structure_origin": "parsed", "structure_version": "bench",
                                "created_at": now})  # fmt: skip
            skills += [{"user_id": user_id, "name": s, "created_at": now, "updated_at": now}
                       for s in ("Terraform", "Kafka")[: n % 3]]  # fmt: skip
            searches.append({"user_id": user_id, "keywords": SEARCHES[n % len(SEARCHES)], "location": "",
                             "remote_only": False, "created_at": now})  # fmt: skip
        await conn.execute(insert(Resume), resume_rows)
        if skills:
            await conn.execute(insert(UserSkill), skills)
        await conn.execute(insert(SavedSearch), searches)
    await engine.dispose()
    return ids


def _ms(samples: list[float]) -> dict[str, float]:
    ordered = sorted(samples)
    return {"p50": round(statistics.median(ordered), 1), "p95": round(ordered[int(0.95 * (len(ordered) - 1))], 1)}


async def _measure(settings: Settings) -> dict[str, Any]:
    ids = await _generate(settings)
    engine = make_engine(settings)
    factory = make_session_factory(engine)
    try:
        async with factory() as session:
            started = time.perf_counter()
            await posting_facts(session, await discover.pool(session))
            await session.commit()
            facts_s = time.perf_counter() - started
            stored = await session.scalar(select(func.count()).select_from(JobRequirements))

        def units() -> Any:
            return session_scope(factory)

        started = time.perf_counter()
        held = await discover.rebuild_many(units, ids, THRESHOLD)
        all_s = time.perf_counter() - started
        started = time.perf_counter()
        again = await discover.rebuild_many(units, ids, THRESHOLD)
        again_s = time.perf_counter() - started
        one: list[float] = []
        for user_id in ids[:10]:
            started = time.perf_counter()
            await discover.rebuild(units, user_id, THRESHOLD)
            one.append((time.perf_counter() - started) * 1000)
        async with factory() as session:
            rows = await session.scalar(select(func.count()).select_from(JobMatch))
            blocked = await session.scalar(select(func.count()).select_from(JobMatch).where(JobMatch.blocked))
    finally:
        await engine.dispose()
    scorings = USERS * POSTINGS
    return {
        "postings": POSTINGS,
        "users": USERS,
        "facts_cold_s": round(facts_s, 1),
        "facts_stored": stored,
        "rebuild_all_users_s": round(all_s, 1),
        "rebuild_all_users_again_s": round(again_s, 1),
        "scorings_per_s": round(scorings / all_s),
        "rebuild_one_user_ms": _ms(one),
        "rows_kept": rows,
        "rows_blocked": blocked,
        "rows_written_first_pass": held,
        "rows_written_second_pass": again,
    }


async def bench_discover(_: Path) -> dict[str, Any]:
    base = get_settings()
    bench_dir = base.copilot_data_dir / "bench"
    bench_dir.mkdir(parents=True, exist_ok=True)
    common: dict[str, Any] = {"secret_key": "bench-secret-" + "x" * 32, "redis_url": None,
                              "copilot_data_dir": bench_dir, "frontend_dist": bench_dir / "none"}  # fmt: skip
    results: dict[str, Any] = {"threshold": THRESHOLD}
    results["sqlite"] = await _measure(
        Settings(_env_file=None, database_url=f"sqlite:///{bench_dir / 'discover'}.db", **common)
    )
    pg_base = _postgres_url()
    if pg_base is None:
        results["postgresql"] = {"skipped": "PostgreSQL not reachable (set BENCH_DATABASE_URL)"}
    else:
        url = await _ensure_pg_database(pg_base, "copilot_bench_discover")
        results["postgresql"] = await _measure(Settings(_env_file=None, database_url=url, **common))
    return results
