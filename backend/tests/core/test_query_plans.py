"""The EXPLAIN guard of docs/design.md §9: every list, search and analytics query can be served by an index on
PostgreSQL.

A realistic data set is written in bulk and ANALYZEd, every GET endpoint that reads the database is called through
the API (with the filter and sort variants a user can pick) while each SQL statement is captured, and each SELECT
is then EXPLAINed with its own parameters under `enable_seqscan = off`. That prices a sequential scan at 1e10, so a
plan that still shows one proves no index can serve the query. The routes are enumerated from `app.routes`: a new
GET route fails this test until it is covered below or exempted with a reason.
"""

from __future__ import annotations

import hashlib
import json
import random
import re
import time as clock
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
from sqlalchemy import event, insert, text
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine

from app.applications import rollups
from app.auth.service import issue_tokens
from app.core.config import Settings, to_async_url
from app.core.db import make_session_factory
from app.jobs.text import derived_fields
from app.models import Application, ApplicationEvent, Base, JobPosting, JobPostingSkill, User
from app.models.application import ApplicationStatus as S
from app.models.content import DocumentVersion, GeneratedDocument
from app.models.data import DataExport
from app.models.interview import InterviewAnswer, InterviewSession
from app.models.llm import LLMCall
from app.models.notification import Notification
from app.models.progress import Achievement
from app.models.resume import Resume
from app.models.sources import FollowedCompany, JobMatch, JobSource, JobSourceRecord, SavedSearch
from app.models.task import TaskRun
from app.models.user import UserSkill

# Tables that stay small whatever the use (one row per job board, per worker process): a scan of them is fine.
SMALL_TABLES = {"alembic_version", "source_state", "worker_seen"}

# GET routes not called here, and why. Everything else must appear in CASES.
EXEMPT = {
    "/openapi.json": "static schema, no SQL",
    "/docs": "Swagger UI page, no SQL",
    "/docs/oauth2-redirect": "Swagger UI page, no SQL",
    "/{path:path}": "the single-page app's files, no SQL",
    "/api/v1/auth/oauth/{provider}/login": "a redirect to the provider; writes one oauth_flow row",
    "/api/v1/auth/oauth/{provider}/callback": "one oauth_flow row by primary key, then the provider",
    "/api/v1/exports/download": "one data_export row by primary key (signed token), then a file",
    "/api/v1/resumes/{resume_id}/file": "one resume row by primary key, then a file",
    "/api/v1/resumes/{resume_id}/json-resume": "one resume row by primary key, then its stored structure",
    "/api/v1/resumes/{resume_id}/check": "one resume row by primary key, then its stored file",
    "/api/v1/documents/{document_id}/export": "one document by primary key, then PDF/DOCX rendering",
    "/api/v1/admin/backups": "lists backup files on disk, no SQL",
    "/metrics": "Prometheus counters held in memory, no SQL",
    "/api/v1/ai/settings": "one ai_provider_setting row by primary key and the last ten audit_event rows of one "
    "action (ix_audit_event_action_created_at)",
}

# Each GET route and the requests that exercise its query paths ({name} is filled from the seeded ids).
CASES: dict[str, list[str]] = {
    "/healthz": ["/healthz"],
    "/readyz": ["/readyz"],
    "/api/v1/auth/config": ["/api/v1/auth/config"],
    "/api/v1/auth/me": ["/api/v1/auth/me"],
    "/api/v1/auth/oauth/providers": ["/api/v1/auth/oauth/providers"],
    "/api/v1/users/me": ["/api/v1/users/me"],
    "/api/v1/users/me/today": ["/api/v1/users/me/today"],
    "/api/v1/users/me/connections": ["/api/v1/users/me/connections"],
    "/api/v1/jobs": [
        "/api/v1/jobs",
        "/api/v1/jobs?page=3&size=50",
        "/api/v1/jobs?q=python",
        "/api/v1/jobs?q=kubernetes%20go&sort=-posted_at",
        "/api/v1/jobs?q=c%2B%2B&page=2",
        "/api/v1/jobs?q=zzzznothing",
        "/api/v1/jobs?company={company}",
        "/api/v1/jobs?location=lisbon",
        "/api/v1/jobs?company=ltd&location=remote&sort=title",
        "/api/v1/jobs?remote=remote&remote=hybrid",
        "/api/v1/jobs?salary_min=90000&sort=-salary",
        "/api/v1/jobs?sort=salary",
        "/api/v1/jobs?posted_since={recent}",
        "/api/v1/jobs?posted_since={recent}&sort=posted_at",
        "/api/v1/jobs?mine=true",
        "/api/v1/jobs?mine=false&sort=company",
        "/api/v1/jobs?tracked=true",
        "/api/v1/jobs?tracked=false&q=python",
        "/api/v1/jobs?q=python&remote=remote&salary_min=50000&posted_since={recent}&mine=false",
    ],
    "/api/v1/jobs/{job_id}": ["/api/v1/jobs/{job_id}"],
    "/api/v1/jobs/{job_id}/match": ["/api/v1/jobs/{job_id}/match"],
    "/api/v1/applications": [
        "/api/v1/applications",
        "/api/v1/applications?page=4&size=100",
        "/api/v1/applications?status=interested",
        "/api/v1/applications?status=interview",
        "/api/v1/applications?status=accepted",
    ],
    "/api/v1/applications/board": ["/api/v1/applications/board", "/api/v1/applications/board?per_column=100"],
    "/api/v1/applications/{application_id}": ["/api/v1/applications/{application_id}"],
    "/api/v1/applications/{application_id}/events": ["/api/v1/applications/{application_id}/events"],
    "/api/v1/notifications": ["/api/v1/notifications", "/api/v1/notifications?unread_only=true&page=2"],
    "/api/v1/notifications/unread-count": ["/api/v1/notifications/unread-count"],
    "/api/v1/analytics/summary": ["/api/v1/analytics/summary"],
    "/api/v1/analytics/success-rates": [
        "/api/v1/analytics/success-rates",
        "/api/v1/analytics/success-rates?since={recent}&until={today}",
    ],
    "/api/v1/analytics/time-in-stage": ["/api/v1/analytics/time-in-stage"],
    "/api/v1/analytics/skill-trends": [
        "/api/v1/analytics/skill-trends",
        "/api/v1/analytics/skill-trends?scope=tracked&window_days=7&windows=12",
    ],
    "/api/v1/analytics/skill-gap": ["/api/v1/analytics/skill-gap"],
    "/api/v1/analytics/activity": [
        "/api/v1/analytics/activity",
        "/api/v1/analytics/activity?granularity=week",
        "/api/v1/analytics/activity?granularity=month",
    ],
    "/api/v1/achievements": ["/api/v1/achievements"],
    "/api/v1/onboarding": ["/api/v1/onboarding"],
    "/api/v1/saved-searches": ["/api/v1/saved-searches"],
    "/api/v1/sources": ["/api/v1/sources"],
    "/api/v1/followed-companies": ["/api/v1/followed-companies"],
    "/api/v1/discover": ["/api/v1/discover", "/api/v1/discover?min_score=0.5&remote_only=true&page=2"],
    "/api/v1/tasks": ["/api/v1/tasks"],
    "/api/v1/tasks/{run_id}": ["/api/v1/tasks/{run_id}"],
    "/api/v1/admin/tasks": ["/api/v1/admin/tasks", "/api/v1/admin/tasks?state=failed"],
    "/api/v1/admin/tasks/overview": ["/api/v1/admin/tasks/overview"],
    "/api/v1/admin/system": ["/api/v1/admin/system"],
    "/api/v1/users/me/exports": ["/api/v1/users/me/exports"],
    "/api/v1/users/me/exports/{export_id}": ["/api/v1/users/me/exports/{export_id}"],
    "/api/v1/resumes": ["/api/v1/resumes"],
    "/api/v1/resumes/{resume_id}": ["/api/v1/resumes/{resume_id}"],
    "/api/v1/documents": [
        "/api/v1/documents",
        "/api/v1/documents?job_id={job_id}",
        "/api/v1/documents?kind=cover_letter",
    ],
    "/api/v1/documents/{document_id}": ["/api/v1/documents/{document_id}"],
    "/api/v1/documents/{document_id}/versions": ["/api/v1/documents/{document_id}/versions"],
    "/api/v1/interviews": ["/api/v1/interviews"],
    "/api/v1/interviews/stats": ["/api/v1/interviews/stats"],
    "/api/v1/interviews/{session_id}": ["/api/v1/interviews/{session_id}"],
    "/api/v1/ai/status": ["/api/v1/ai/status"],
}

USERS = 4
PUBLIC_POSTINGS = 2500
OWN_POSTINGS = 60  # per user
TRACKED = 400  # per user
SKILLS = ["Python", "SQL", "Go", "Rust", "Java", "TypeScript", "React", "Kubernetes", "Docker", "AWS", "C++", "C"]
CITIES = ["Berlin", "Remote", "London", "Paris, France", "New York", "Lisbon", "Madrid", "Warsaw", "Vienna", "Oslo"]
CITIES += [f"Remote, {c}" for c in ("EU", "US", "UK", "Canada", "Germany")] + ["Munich", "Zurich", "Prague", "Rome"]
PATH = [S.interested, S.applied, S.interview, S.offer, S.accepted]
ENDINGS = [S.rejected, S.ghosted, S.withdrawn]


def _tables() -> str:
    return ", ".join(f'"{t.name}"' for t in Base.metadata.sorted_tables)


def _company(n: int) -> str:
    return f"{hashlib.md5(str(n).encode()).hexdigest()[:8]} Ltd"


@dataclass
class Seeded:
    user_ids: list[int]
    ids: dict[str, int] = field(default_factory=dict)


async def _bulk(conn: Any, model: Any, rows: list[dict[str, Any]]) -> None:
    for start in range(0, len(rows), 5000):
        await conn.execute(insert(model), rows[start : start + 5000])


async def _seed(engine: AsyncEngine) -> Seeded:
    """A few users sharing a catalogue of thousands of postings, each with a working tracker behind them."""
    rng = random.Random(11)
    now = datetime.now(UTC)
    users = [
        {"email": f"plan{i}@example.com", "full_name": f"Plan {i}", "is_admin": i == 0, "timezone": "Europe/Berlin"}
        for i in range(USERS)
    ]
    async with engine.begin() as conn:
        user_ids = list((await conn.execute(insert(User).returning(User.id), users)).scalars())
        seeded = Seeded(user_ids)

        postings: list[dict[str, Any]] = []
        for i in range(PUBLIC_POSTINGS + OWN_POSTINGS * USERS):
            owner = None if i < PUBLIC_POSTINGS else user_ids[(i - PUBLIC_POSTINGS) // OWN_POSTINGS]
            title, company = f"{rng.choice(['Backend', 'Data', 'Platform'])} Engineer {i}", _company(i % 300)
            location = rng.choice(CITIES)
            stack = rng.sample(SKILLS, 3)
            salary = rng.choice([None, rng.randrange(40_000, 150_000, 1000)])
            postings.append(
                {
                    "owner_id": owner,
                    "title": title,
                    "company": company,
                    "location": location,
                    "remote_type": rng.choice(["onsite", "hybrid", "remote", "unknown"]),
                    "salary_min": salary,
                    "salary_max": salary + 20_000 if salary and rng.random() < 0.5 else None,
                    "posted_at": now - timedelta(days=rng.random() * 200),
                    "archived_at": now if rng.random() < 0.05 else None,
                    "tech_stack": stack,
                    "responsibilities": [],
                    **derived_fields(title, company, location, stack, "Build services. " + " ".join(stack)),
                }
            )
        job_ids = list((await conn.execute(insert(JobPosting).returning(JobPosting.id), postings)).scalars())
        skill_rows = [
            {"job_posting_id": job_id, "skill": s}
            for job_id, p in zip(job_ids, postings, strict=True)
            for s in p["tech_stack"]
        ]
        await _bulk(conn, JobPostingSkill, skill_rows)
        public = job_ids[:PUBLIC_POSTINGS]
        await _bulk(
            conn,
            JobSource,
            [{"source": "remotive", "source_id": str(j), "job_posting_id": j, "url": None} for j in public],
        )
        await _bulk(conn, JobSourceRecord, [{"source": "remotive", "source_id": str(j), "payload": {}} for j in public])

        apps: list[dict[str, Any]] = []
        for user_id in user_ids:
            for job_id in rng.sample(public, TRACKED):
                steps = PATH[: rng.randint(1, len(PATH))]
                if steps[-1] != S.accepted and rng.random() < 0.4:
                    steps = [*steps, rng.choice(ENDINGS)]
                first = now - timedelta(days=rng.random() * 300)
                apps.append(
                    {
                        "user_id": user_id,
                        "job_posting_id": job_id,
                        "status": steps[-1],
                        "position": rng.random(),
                        "applied_at": first + timedelta(days=1) if len(steps) > 1 else None,
                        "created_at": first,
                        "status_changed_at": first + timedelta(days=len(steps)),
                        "_steps": steps,
                    }
                )
        steps_of = [a.pop("_steps") for a in apps]
        app_ids = list((await conn.execute(insert(Application).returning(Application.id), apps)).scalars())
        events = [
            {
                "application_id": app_id,
                "user_id": a["user_id"],
                "from_status": steps[n - 1] if n else None,
                "to_status": status,
                "at": a["created_at"] + timedelta(days=n, hours=rng.random() * 20),
            }
            for app_id, a, steps in zip(app_ids, apps, steps_of, strict=True)
            for n, status in enumerate(steps)
        ]
        await _bulk(conn, ApplicationEvent, events)

        per_user: dict[Any, list[dict[str, Any]]] = {}
        for user_id in user_ids:
            per_user.setdefault(Notification, []).extend(
                {
                    "user_id": user_id,
                    "type": "status",
                    "title": f"Update {n}",
                    "read_at": now if n % 3 else None,
                    "created_at": now - timedelta(hours=n),
                }
                for n in range(300)
            )
            per_user.setdefault(JobMatch, []).extend(
                {"user_id": user_id, "job_posting_id": j, "score": rng.random(), "dismissed": rng.random() < 0.1}
                for j in rng.sample(public, 200)
            )
            per_user.setdefault(TaskRun, []).extend(
                {
                    "task_id": f"{user_id}-{n}",
                    "name": rng.choice(["jobs.ingest", "summaries.send", "resumes.process"]),
                    "user_id": user_id,
                    "state": rng.choice(["queued", "running", "succeeded", "succeeded", "failed"]),
                    "queued_at": now - timedelta(minutes=n),
                    "started_at": now - timedelta(minutes=n),
                }
                for n in range(150)
            )
            per_user.setdefault(LLMCall, []).extend(
                {
                    "user_id": user_id,
                    "purpose": "cover_letter",
                    "provider": "offline",
                    "model": "m",
                    "prompt_version": "v1",
                    "input_hash": f"{user_id}-{n}",
                    "total_tokens": 100,
                    "created_at": now - timedelta(hours=n),
                }
                for n in range(150)
            )
            per_user.setdefault(UserSkill, []).extend({"user_id": user_id, "name": s} for s in rng.sample(SKILLS, 5))
            per_user.setdefault(Achievement, []).append({"user_id": user_id, "code": "first_application"})
            per_user.setdefault(SavedSearch, []).append({"user_id": user_id, "keywords": "python"})
            per_user.setdefault(FollowedCompany, []).append({"user_id": user_id, "source": "greenhouse", "token": "x"})
            per_user.setdefault(DataExport, []).append({"user_id": user_id, "status": "ready"})
            per_user.setdefault(Resume, []).extend(
                {
                    "user_id": user_id,
                    "filename": f"cv{n}.pdf",
                    "content_type": "application/pdf",
                    "size_bytes": 1000,
                    "sha256": "0" * 64,
                    "storage_name": f"{n}.pdf",
                    "status": "ready",
                }
                for n in range(20)
            )
            per_user.setdefault(GeneratedDocument, []).extend(
                {"user_id": user_id, "job_posting_id": j, "kind": rng.choice(["cover_letter", "tailored_resume"])}
                for j in rng.sample(public, 50)
            )
            per_user.setdefault(InterviewSession, []).extend(
                {"user_id": user_id, "job_posting_id": rng.choice(public), "status": "finished", "score": 60.0}
                for _ in range(40)
            )
        for model, rows in per_user.items():
            await _bulk(conn, model, rows)

        first = user_ids[0]
        doc_ids = (await conn.execute(text("SELECT id FROM generated_document"))).scalars().all()
        await _bulk(
            conn,
            DocumentVersion,
            [
                {"document_id": d, "user_id": first, "number": n, "origin": "original", "content": "x"}
                for d in doc_ids
                for n in (1, 2)
            ],
        )
        session_ids = (await conn.execute(text("SELECT id, user_id FROM interview_session"))).all()
        await _bulk(
            conn,
            InterviewAnswer,
            [
                {
                    "session_id": sid,
                    "user_id": uid,
                    "position": n,
                    "category": rng.choice(["technical", "behavioural", "role"]),
                    "question": "Why?",
                    "answer": "Because.",
                    "score": rng.randint(0, 100),
                }
                for sid, uid in session_ids
                for n in range(8)
            ],
        )

        def one(sql: str) -> Any:
            return conn.scalar(text(sql).bindparams(u=first))

        seeded.ids = {
            "job_id": job_ids[0],
            "application_id": await one("SELECT min(id) FROM application WHERE user_id = :u"),
            "document_id": await one("SELECT min(id) FROM generated_document WHERE user_id = :u"),
            "session_id": await one("SELECT min(id) FROM interview_session WHERE user_id = :u"),
            "resume_id": await one("SELECT min(id) FROM resume WHERE user_id = :u"),
            "run_id": await one("SELECT min(id) FROM task_run WHERE user_id = :u"),
            "export_id": await one("SELECT min(id) FROM data_export WHERE user_id = :u"),
        }

    async with make_session_factory(engine)() as session:
        await rollups.refresh(session, Application.user_id.in_(user_ids))
        await session.commit()
    async with engine.connect() as conn:
        await conn.execution_options(isolation_level="AUTOCOMMIT")
        await conn.exec_driver_sql("ANALYZE " + _tables())
    return seeded


@dataclass
class Captured:
    endpoint: str
    statement: str
    parameters: Any


@pytest.fixture
def captured(app: Any) -> Iterator[list[Captured]]:
    """Every statement the app's engine sends, labelled with the request that sent it."""
    statements: list[Captured] = []
    current = {"endpoint": "(setup)"}

    def record(conn: Any, cursor: Any, statement: str, parameters: Any, context: Any, executemany: bool) -> None:
        statements.append(Captured(current["endpoint"], statement, parameters))

    engine = app.state.engine.sync_engine
    event.listen(engine, "before_cursor_execute", record)
    app.state.plan_guard_current = current
    yield statements
    event.remove(engine, "before_cursor_execute", record)


@pytest.fixture
async def guard_engine(postgres_url: str) -> AsyncIterator[AsyncEngine]:
    engine = create_async_engine(to_async_url(postgres_url))
    yield engine
    # Emptied here (TRUNCATE is much faster than the app fixture's DELETEs) and analysed again, so the tests that
    # share this database see neither the rows nor their statistics.
    async with engine.connect() as conn:
        await conn.execution_options(isolation_level="AUTOCOMMIT")
        await conn.exec_driver_sql(f"TRUNCATE {_tables()} RESTART IDENTITY CASCADE")
        await conn.exec_driver_sql("ANALYZE " + _tables())
    await engine.dispose()


def _scans(plan: dict[str, Any]) -> Iterator[dict[str, Any]]:
    yield plan
    for child in plan.get("Plans", []):
        yield from _scans(child)


def _sequential_scans(plan: dict[str, Any], parents: dict[str, str]) -> list[tuple[str, dict[str, Any]]]:
    """The plan's sequential scans of tables that grow, a partition's counted as its table's."""
    found = []
    for node in _scans(plan):
        relation = node.get("Relation Name")
        if node["Node Type"] == "Seq Scan" and relation and _table_of(relation, parents) not in SMALL_TABLES:
            found.append((_table_of(relation, parents), node))
    return found


def _is_read(statement: str) -> bool:
    head = statement.lstrip().split(None, 1)[0].upper() if statement.strip() else ""
    return head in ("SELECT", "WITH") and "pg_catalog" not in statement


async def _parents(conn: Any) -> dict[str, str]:
    """Partition -> partitioned table (notification_p202612 -> notification), so a scan of one is a scan of it."""
    rows = await conn.exec_driver_sql(
        "SELECT c.relname, p.relname FROM pg_inherits i "
        "JOIN pg_class c ON c.oid = i.inhrelid JOIN pg_class p ON p.oid = i.inhparent"
    )
    return dict(rows.all())


def _table_of(relation: str, parents: dict[str, str]) -> str:
    while relation in parents:
        relation = parents[relation]
    return re.sub(r"_(p\d{6}|default)$", "", relation)


@pytest.mark.parametrize("database_url", ["postgresql"], indirect=True)
async def test_every_list_search_and_analytics_query_can_use_an_index(
    app: Any, client: httpx.AsyncClient, settings: Settings, captured: list[Captured], guard_engine: AsyncEngine
) -> None:
    started = clock.perf_counter()
    get_routes = {r.path for r in app.routes if "GET" in (getattr(r, "methods", None) or ())}
    uncovered = sorted(get_routes - CASES.keys() - EXEMPT.keys())
    assert not uncovered, f"GET routes neither called in CASES nor listed in EXEMPT with a reason: {uncovered}"
    gone = sorted((CASES.keys() | EXEMPT.keys()) - get_routes)
    assert not gone, f"CASES or EXEMPT name routes that no longer exist: {gone}"

    seeded = await _seed(app.state.engine)
    seeded_s = clock.perf_counter() - started
    async with make_session_factory(app.state.engine)() as s:
        admin = await s.get_one(User, seeded.user_ids[0])
        access = (await issue_tokens(s, settings, admin, user_agent="plans")).access_token
        await s.commit()
    headers = {"Authorization": f"Bearer {access}"}
    today = datetime.now(UTC).date()
    values = {
        **seeded.ids,
        "company": _company(17)[2:7],
        "recent": (today - timedelta(days=30)).isoformat(),
        "today": today.isoformat(),
    }
    current = app.state.plan_guard_current
    for route, urls in CASES.items():
        for template in urls:
            url = template.format(**values)
            current["endpoint"] = f"GET {url}"
            r = await client.get(url, headers=headers)
            assert r.status_code == 200, f"{url} answered {r.status_code}: {r.text[:300]}"
            if route in ("/api/v1/jobs", "/api/v1/applications") and "page=" not in url and "zzzz" not in url:
                assert r.json()["items"], f"{url} found nothing: the data set does not exercise it"
    called_s = clock.perf_counter() - started - seeded_s

    reads: dict[tuple[str, str], Captured] = {}
    for c in captured:
        if c.endpoint != "(setup)" and _is_read(c.statement):
            reads.setdefault((c.statement, repr(c.parameters)), c)
    assert len(reads) > 50, "too few statements captured: is the listener on the app's engine?"

    failures: list[str] = []
    async with guard_engine.connect() as conn:
        parents = await _parents(conn)
        await conn.exec_driver_sql("SET enable_seqscan = off")
        for c in reads.values():
            result = await conn.exec_driver_sql("EXPLAIN (FORMAT JSON) " + c.statement, c.parameters)
            raw = result.scalar_one()
            plan = (json.loads(raw) if isinstance(raw, str) else raw)[0]["Plan"]
            for table, node in _sequential_scans(plan, parents):
                detail = {k: v for k, v in node.items() if k in ("Relation Name", "Alias", "Filter", "Plan Rows")}
                failures.append(f"{c.endpoint}\n  sequential scan of {table}: {detail}\n  {c.statement}")
        await conn.rollback()
    explained_s = clock.perf_counter() - started - seeded_s - called_s
    print(
        f"seed {seeded_s:.1f}s, {sum(map(len, CASES.values()))} requests {called_s:.1f}s, "
        f"{len(reads)} statements explained {explained_s:.1f}s"
    )
    assert not failures, f"{len(failures)} queries cannot be served by an index:\n\n" + "\n\n".join(failures)


class TestSequentialScans:
    """The plan walk itself must be able to fail: nested scans and partitions are found, small tables pass."""

    def test_finds_a_nested_scan_of_a_partition_as_its_table(self) -> None:
        plan = {
            "Node Type": "Limit",
            "Plans": [
                {"Node Type": "Index Scan", "Relation Name": "job_posting"},
                {"Node Type": "Append", "Plans": [{"Node Type": "Seq Scan", "Relation Name": "notification_p202612"}]},
                {"Node Type": "Seq Scan", "Relation Name": "llm_call_default"},
            ],
        }
        tables = [table for table, _ in _sequential_scans(plan, {"notification_p202612": "notification"})]
        assert tables == ["notification", "llm_call"]

    def test_small_tables_and_index_scans_pass(self) -> None:
        plan = {
            "Node Type": "Nested Loop",
            "Plans": [
                {"Node Type": "Seq Scan", "Relation Name": "source_state"},
                {"Node Type": "Bitmap Heap Scan", "Relation Name": "application"},
            ],
        }
        assert _sequential_scans(plan, {}) == []
