"""Upgrades keep data: a database filled the way the first wave of users filled it, every table on SQLite and on
PostgreSQL, upgrades to head with every row and every value intact.

The test walks Alembic's revisions from base to head one at a time (asked of the script directory, so a new
migration is covered the day it lands). After each step it fills every table that step created with three rows
made from the reflected columns (a full row, one with non-ASCII text and empty JSON, a minimal one with NULL in
every nullable column), records them as read back, and checks that every row recorded before is still there with
the same values. A table whose column it cannot fill fails the test by name: a migration that adds one must teach
`_value` its type or add an entry to OVERRIDES. At head the data is read through the app's models as a last proof
that it is usable."""

from __future__ import annotations

import asyncio
import functools
import hashlib
import uuid
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any, TypeVar

import pytest
from alembic import command
from alembic.script import ScriptDirectory
from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Date,
    DateTime,
    Enum,
    Float,
    Integer,
    Interval,
    LargeBinary,
    MetaData,
    Numeric,
    String,
    Table,
    Uuid,
    and_,
    func,
    insert,
    inspect,
    null,
    select,
    text,
)
from sqlalchemy.engine import Connection
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from app.core.config import Settings
from app.core.db import make_engine
from app.core.migrations import alembic_config
from app.core.partitions import is_partition_name
from app.models import (
    Application,
    ApplicationStatus,
    Base,
    GeneratedDocument,
    JobPosting,
    Notification,
    Resume,
    TaskRun,
    User,
)
from tests.conftest import _create_pg_database, _drop_pg_database, make_settings, postgres_base_url

T = TypeVar("T")
ROWS = 3  # row 0: everything filled; row 1: the edge values; row 2: NULL wherever NULL is allowed
NULL_ROW = 2
OMIT = object()  # leave the column to the database (its autoincrement, generated value or server default)

# A column a migration rewrites on purpose: (table, column) -> why and which revision. Compared nowhere.
CHANGED_BY_MIGRATION: dict[tuple[str, str], str] = {}
# A table a migration drops on purpose, rows and all: table -> why and which revision.
DROPPED_BY_MIGRATION: dict[str, str] = {}


def not_seeded(table: str) -> str | None:
    """Why a table gets no rows of its own (None: it must be seeded)."""
    if table == "alembic_version":
        return "Alembic's own bookkeeping"
    if table.startswith("job_posting_fts"):
        return "SQLite's FTS5 index of job_posting (and its shadow tables), written by triggers; checked by a search"
    if is_partition_name(table):
        return "a monthly partition (0012, PostgreSQL): its rows arrive through the partitioned parent"
    return None


# (table, column) -> (values of rows 0, 1, 2; why the generic value does not do)
OVERRIDES: dict[tuple[str, str], tuple[tuple[Any, Any, Any], str]] = {
    ("application_event", "at"): (
        (
            datetime(2026, 3, 2, 9, 15, tzinfo=UTC),
            datetime(2019, 5, 14, 8, 0, tzinfo=UTC),
            datetime(2026, 11, 30, 23, 59, 59, tzinfo=UTC),
        ),
        "imported history from 2019: older than 0012's 24 months, on PostgreSQL it must land in DEFAULT and stay",
    ),
    ("task_run", "state"): (("succeeded", "failed", "queued"), "the states app/tasks writes"),
    ("task_run", "name"): (("resumes.read", "jobs.extract_skills", "data.export"), "a registered task's name"),
    ("oauth_flow", "intent"): (("login", "link", "login"), 'String(10): "login" or "link"'),
    ("oauth_account", "subject"): (("108234567890123456789", "zoë|ødegård-42", "1"), "the provider's account id"),
    ("data_export", "status"): (("ready", "failed", "pending"), "pending | running | ready | failed | expired"),
    ("summary_delivery", "status"): (("sent", "failed", "pending"), "pending | sent | outbox | failed"),
    ("llm_call", "status"): (("ok", "error", "ok"), "ok | error"),
    ("interview_session", "status"): (("finished", "active", "preparing"), "preparing | active | finished | failed"),
    ("interview_answer", "category"): (("technical", "behavioural", "role"), "technical | behavioural | role"),
    ("document_version", "origin"): (("original", "edited", "original"), "original | edited"),
    ("worker_seen", "mode"): (("embedded", "redis", "embedded"), "embedded | redis"),
    ("user_skill", "name"): (("SQL", "Tableau", "Python"), "a skill, not a person's name"),
    ("analytics_snapshot", "name"): (("funnel", "time_in_stage", "skills_gap"), "a snapshot key"),
    ("ai_provider_setting", "provider"): (("openai", "ollama", "offline"), "a provider the AI settings know"),
}

TEXTS: dict[str, tuple[str, str, str]] = {
    "email": ("priya.raman@example.com", "zoe.odegard@example.org", "sam.okafor@example.net"),
    "to": ("priya.raman@example.com", "zoe.odegard@example.org", "sam.okafor@example.net"),
    "full_name": ("Priya Raman", "Zoë Ødegård — Müller", "Sam Okafor"),
    "hashed_password": ("$argon2id$v=19$m=65536,t=3,p=4$c2FsdA$aGFzaA", "$argon2id$v=19$m=65536,t=3,p=4$eA$eQ", ""),
    "timezone": ("Europe/London", "Europe/Oslo", "UTC"),
    "onboarding_step": ("profile", "skills", "welcome"),
    "title": ("Senior Data Analyst", "Ingénieure logiciel — Backend (Python) 🚀", "Support Engineer"),
    "company": ("Harbor Health", "Nordlys Ågård AS", "Acme Logistics"),
    "location": ("London, UK", "Tromsø, Norge", ""),
    "employment_type": ("full_time", "contract", "part_time"),
    "seniority": ("senior", "mid", "junior"),
    "salary_currency": ("GBP", "NOK", "USD"),
    "description_html": (
        "<p>Build weekly dashboards in <b>Tableau</b> for twelve clinics.</p><ul><li>SQL</li></ul>",
        "<p>Vi søker en ingeniør — «Python» &amp; Go. Ünïcødé ✓</p>",
        "",
    ),
    "description_text": (
        "Build weekly dashboards in Tableau for twelve clinics.\n- SQL\n- Python",
        "Vi søker en ingeniør — «Python» & Go. Ünïcødé ✓",
        "",
    ),
    "search_text": (
        "senior data analyst harbor health london tableau sql python",
        "ingénieure logiciel nordlys ågård tromsø python go",
        "support engineer acme logistics",
    ),
    "url": (
        "https://careers.harborhealth.example/jobs/4821",
        "https://jobs.nordlys.example/stilling/ingeniør?ref=zoë&utm=x",
        "https://example.com/",
    ),
    "base_url": ("https://api.openai.example/v1", "http://127.0.0.1:11434/v1", "http://localhost"),
    "return_to": ("/jobs?q=data%20analyst", "/profile/zoë", "/"),
    "filename": ("priya-raman-cv.pdf", "Zoë_Ødegård_CV (2026).docx", "cv.txt"),
    "content_type": (
        "application/pdf",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "text/plain",
    ),
    "provider": ("offline", "openai", "google"),
    "model": ("gpt-4o-mini", "llama3.1:8b-instruct-q4_K_M", "offline-rules"),
    "prompt_version": ("cover_letter/v3", "interview_feedback/v2", "skills/v1"),
    "purpose": ("resume.extract", "cover_letter", "interview.feedback"),
    "skill": ("SQL", "C++", "Tableau"),
    "code": ("first_application", "first_interview", "first_job"),
    "type": ("job.matched", "application.updated", "summary"),
    "action": ("ai.provider.updated", "user.deactivated", "data.export"),
    "source": ("greenhouse", "lever", "remotive"),
    "source_id": ("4821337", "nordlys-ingeniør-42", "1"),
    "token": ("harborhealth", "nordlys-ågård", "acme"),
    "hostname": ("web-1.internal", "worker-2.internal", "localhost"),
    "worker": ("web-1.internal:embedded", "worker-2.internal:redis", "localhost"),
    "user_agent": (
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6) Gecko/20100101 Firefox/133.0",
        "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) Mobile/15E148 Safari/604.1",
        "curl/8.5.0",
    ),
    "keywords": ("data analyst", "ingeniør python", ""),
    "subject": ("Your evening summary: 3 applications today", "Påminnelse — intervju i morgen ✓", "Welcome"),
    "question": (
        "Walk me through a dashboard you built end to end.",
        "Fortell om en gang du var uenig med teamet — hva skjedde?",
        "Why this role?",
    ),
}
# Any other string column: prose, the edge row in Norwegian and German with an emoji, a short one.
PROSE = (
    "Built weekly dashboards in Tableau for twelve clinics; cut reporting time by 40%.",
    "Zoë Ødegård — Müller: «Søknad sendt» ✓ 🚀\nZweite Zeile: Größe & Maß.",
    "n/a",
)
HEXES = ("sha256", "fingerprint", "token_hash", "input_hash", "skills_hash", "nonce", "code_verifier", "state")
UUIDS = ("family", "task_id", "storage_name")
JSONS: dict[str, tuple[Any, Any, Any]] = {
    "tech_stack": (["Python", "SQL", "Tableau"], [], ["C++", "Go"]),
    "responsibilities": (["Build dashboards", "Mentor two analysts"], [], ["Answer tickets"]),
    "skills": (["SQL", "Tableau", "Python"], [], ["Excel"]),
    "matched_skills": (["SQL", "Python"], [], ["Excel"]),
    "missing_skills": (["dbt"], [], ["Kubernetes", "Go"]),
    "args": ([7, "priya-raman-cv.pdf"], [], [None, {"force": True}]),
    "sections": (
        {"contact": "Priya Raman\npriya.raman@example.com", "skills": "SQL, Tableau, Python"},
        {},
        {"experience": "Støttetekniker, Acme (2021 — 2024)"},
    ),
    "reasons": ({"skills": 0.6, "title": 0.22}, {}, {"location": 0.0}),
}
DEFAULT_JSON: tuple[Any, Any, Any] = (
    {"note": "first wave", "count": 3, "ratio": 0.25, "items": ["a", "b"], "nested": {"ok": True, "none": None}},
    {"note": "Zoë Ødegård — Müller ✓", "items": []},
    {},
)


def _moment(column: str, row: int) -> datetime:
    """2026, spread over the year; row 1 has microseconds, row 2 is the last second of a month (a partition edge)."""
    base = (
        datetime(2026, 3, 2, 9, 15, tzinfo=UTC),
        datetime(2026, 6, 15, 17, 40, 5, 123456, tzinfo=UTC),
        datetime(2026, 11, 30, 23, 59, 59, tzinfo=UTC),
    )[row]
    if column.startswith("expires") or column in ("next_attempt_at", "rate_limited_until"):
        return base + timedelta(days=30)
    return base


def _integer(column: str, row: int) -> int:
    for fragment, values in (
        ("hour", (18, 7, 23)),
        ("_ms", (1840, 96, 0)),
        ("bytes", (48213, 1048576, 0)),
        ("tokens", (1264, 388, 0)),
        ("min_salary", (60000, 600000, 30000)),
        ("salary_min", (55000, 650000, 30000)),
        ("salary_max", (70000, 800000, 40000)),
        ("budget", (200000, 50000, 0)),
        ("goal", (5, 12, 1)),
        ("score", (78, 100, 0)),
        ("progress", (100, 45, 0)),
        ("attempts", (1, 3, 0)),
        ("fetched", (25, 1200, 0)),
    ):
        if fragment in column:
            return values[row]
    return (3, 1, 0)[row]


def _string(table: str, column: str, row: int) -> str:
    if column in TEXTS:
        return TEXTS[column][row]
    if column in HEXES or column.endswith("_hash"):
        return hashlib.sha256(f"{table}.{column}.{row}".encode()).hexdigest()
    if column in UUIDS:
        return str(uuid.uuid5(uuid.NAMESPACE_URL, f"{table}.{column}.{row}"))
    return PROSE[row]


def _value(table: Table, column: Column[Any], row: int, earlier: list[Row], seeded: Seeded) -> Any:
    """Row `row`'s value for `column`, OMIT to leave it to the database, or a test failure naming the column."""
    name, kind = column.name, column.type
    if column.computed is not None or (column is table.autoincrement_column):
        return OMIT
    if (table.name, name) in OVERRIDES:
        return OVERRIDES[table.name, name][0][row]
    if column.foreign_keys:
        fk = next(iter(column.foreign_keys))
        parent, key = fk.column.table.name, fk.column.name
        if row == NULL_ROW and column.nullable:
            return None
        if parent == table.name:  # a chain (a retry of an earlier run): the first row starts it
            if not earlier:
                if not column.nullable:
                    pytest.fail(f"{table.name}.{name}: a NOT NULL self-reference needs an override", pytrace=False)
                return None
            return earlier[-1].values[key]
        parents = seeded.by_table.get(parent)
        if not parents:
            pytest.fail(
                f"{table.name}.{name}: refers to {parent}, which has no seeded rows; add an override", pytrace=False
            )
        return parents[row % len(parents)].values[key]
    if row == NULL_ROW and column.nullable:
        return None
    if row == NULL_ROW and column.server_default is not None:
        return OMIT
    model = Base.metadata.tables.get(table.name)
    model_type = model.c[name].type if model is not None and name in model.c else None
    if isinstance(model_type, Enum):  # the models keep enums as VARCHAR: only they know the allowed values
        return model_type.enums[row % len(model_type.enums)]
    if isinstance(kind, Enum):
        return kind.enums[row % len(kind.enums)]
    if isinstance(kind, Boolean):
        return (True, False, False)[row]
    if isinstance(kind, Integer):
        return _integer(name, row)
    if isinstance(kind, Float):
        return (1024.5, 0.375, 0.0)[row]
    if isinstance(kind, Numeric):
        return (Decimal("12.50"), Decimal("0.01"), Decimal("0"))[row]
    if isinstance(kind, DateTime):
        moment = _moment(name, row)
        return moment if kind.timezone else moment.replace(tzinfo=None)
    if isinstance(kind, Date):
        return _moment(name, row).date()
    if isinstance(kind, Interval):
        return (timedelta(hours=2), timedelta(seconds=1, microseconds=5), timedelta(0))[row]
    if isinstance(kind, JSON):
        return JSONS.get(name, DEFAULT_JSON)[row]
    if isinstance(kind, LargeBinary):
        return (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", b"", b"\x00\xff\x00")[row]
    if isinstance(kind, Uuid):
        made = uuid.uuid5(uuid.NAMESPACE_URL, f"{table.name}.{name}.{row}")
        return made if kind.as_uuid else str(made)
    if isinstance(kind, String):
        value = _string(table.name, name, row)
        return value[: kind.length] if kind.length else value
    pytest.fail(
        f"{table.name}.{name}: no value for type {kind!r}; teach _value this type or add it to OVERRIDES", pytrace=False
    )


@dataclass
class Row:
    table: str
    revision: str
    key: dict[str, Any]
    values: dict[str, Any]

    def where(self, table: Table) -> Any:
        return and_(*(table.c[name] == value for name, value in self.key.items()))

    def label(self) -> str:
        return f"{self.table} {self.key} (seeded at {self.revision})"


@dataclass
class Seeded:
    by_table: dict[str, list[Row]] = field(default_factory=dict)
    tables_seen: set[str] = field(default_factory=set)
    skipped: dict[str, str] = field(default_factory=dict)


def seed_new_tables(conn: Connection, revision: str, seeded: Seeded) -> None:
    """Fill every table that appeared at `revision`, parents first, and record each row as read back."""
    present = set(inspect(conn).get_table_names())
    new = present - seeded.tables_seen
    seeded.tables_seen |= present
    to_seed: set[str] = set()
    for name in new:
        reason = not_seeded(name)
        if reason is None:
            to_seed.add(name)
        else:
            seeded.skipped[name] = reason
    if not to_seed:
        return
    metadata = MetaData()
    metadata.reflect(conn, only=sorted(to_seed))  # pulls in the tables they refer to as well
    for table in metadata.sorted_tables:  # foreign-key order
        if table.name not in to_seed:
            continue
        earlier: list[Row] = []
        for index in range(ROWS):
            values = {c.name: _value(table, c, index, earlier, seeded) for c in table.columns}
            values = {k: null() if v is None else v for k, v in values.items() if v is not OMIT}
            try:
                result = conn.execute(insert(table).values(values))
            except DBAPIError as exc:
                pytest.fail(
                    f"cannot seed {table.name} row {index} at {revision} (add an override): {exc.orig}", pytrace=False
                )
            key = dict(zip((c.name for c in table.primary_key.columns), result.inserted_primary_key or (), strict=True))
            row = Row(table.name, revision, key, {})
            row.values = dict(conn.execute(select(table).where(row.where(table))).mappings().one())
            earlier.append(row)
        seeded.by_table[table.name] = earlier


def check_kept(conn: Connection, revision: str, seeded: Seeded) -> None:
    """Every recorded row is still there with the same values; columns added since are NOT NULL where they must be."""
    present = set(inspect(conn).get_table_names())
    problems: list[str] = []
    for name in sorted(seeded.by_table):
        if name not in present and name not in DROPPED_BY_MIGRATION:
            problems.append(f"table {name} is gone with its {len(seeded.by_table[name])} rows")
    tables = sorted(name for name in seeded.by_table if name in present)
    metadata = MetaData()
    metadata.reflect(conn, only=tables)
    for name in tables:
        table = metadata.tables[name]
        count = conn.scalar(select(func.count()).select_from(table)) or 0
        if count < len(seeded.by_table[name]):
            problems.append(f"{name}: {count} rows, {len(seeded.by_table[name])} were seeded")
        for row in seeded.by_table[name]:
            if any(k not in table.c for k in row.key):
                problems.append(f"{row.label()}: its key column is gone")
                continue
            found = conn.execute(select(table).where(row.where(table))).mappings().one_or_none()
            if found is None:
                problems.append(f"{row.label()}: missing")
                continue
            for column in table.columns:
                was = row.values.get(column.name, OMIT)
                now = found[column.name]
                if was is OMIT:
                    if now is None and not column.nullable:
                        problems.append(f"{row.label()}: {column.name} (added later, NOT NULL) is NULL")
                elif (name, column.name) not in CHANGED_BY_MIGRATION and now != was:
                    problems.append(f"{row.label()}: {column.name} was {was!r}, now {now!r}")
    if problems:
        more = f"\n… and {len(problems) - 30} more" if len(problems) > 30 else ""
        pytest.fail(f"after upgrading to {revision}:\n" + "\n".join(problems[:30]) + more, pytrace=False)


async def _in_database(settings: Settings, work: Callable[[Connection], T]) -> T:
    """Run `work` in one transaction on a fresh engine (a migration step may have rebuilt any table)."""
    engine = make_engine(settings)
    try:
        async with engine.begin() as conn:
            return await conn.run_sync(work)
    finally:
        await engine.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
async def empty_database(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[str]:
    """A database with no tables at all: a file for SQLite, a database of its own on PostgreSQL."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'first_wave.db'}"
        return
    base = postgres_base_url()
    if base is None:
        pytest.skip("PostgreSQL not available (set TEST_DATABASE_URL or start it on 127.0.0.1:5432)")
    url = await _create_pg_database(base)
    yield url
    await _drop_pg_database(base, url)


async def test_upgrades_keep_every_row_of_every_table(empty_database: str, tmp_path: Path) -> None:
    settings = make_settings(empty_database, tmp_path)
    cfg = alembic_config(settings)
    # base -> head in upgrade order; walk_revisions answers head first.
    revisions = [script.revision for script in reversed(list(ScriptDirectory.from_config(cfg).walk_revisions()))]
    seeded = Seeded()
    for revision in revisions:
        try:
            await asyncio.to_thread(command.upgrade, cfg, revision)
        except Exception as exc:  # the message is the point: which step broke on a filled database
            pytest.fail(f"upgrade to {revision} failed on a filled database: {exc}", pytrace=False)
        # Check first (what this step did to the rows before it), then fill what it created.
        await _in_database(settings, functools.partial(check_kept, revision=revision, seeded=seeded))
        await _in_database(settings, functools.partial(seed_new_tables, revision=revision, seeded=seeded))

    # Every table of the models was filled, by some step: none slipped through as "not seeded".
    assert set(Base.metadata.tables) <= set(seeded.by_table), set(Base.metadata.tables) - set(seeded.by_table)
    await _usable_through_the_models(settings, seeded)


async def _usable_through_the_models(settings: Settings, seeded: Seeded) -> None:
    """The upgraded rows load through the app's models (enums, JSON, UTC datetimes), the search index still finds
    the seeded postings, and a new row goes in beside them (sequences and, on PostgreSQL, partitions intact)."""
    engine = make_engine(settings)
    try:
        async with AsyncSession(engine, expire_on_commit=False) as session:
            user_ids = [row.key["id"] for row in seeded.by_table["user"]]
            users = (await session.scalars(select(User).where(User.id.in_(user_ids)).order_by(User.id))).all()
            assert [u.email for u in users] == list(TEXTS["email"])
            assert users[1].full_name == "Zoë Ødegård — Müller" and users[2].hashed_password is None
            assert all(u.created_at.tzinfo is not None for u in users)
            for model in (Resume, GeneratedDocument, JobPosting, TaskRun):
                loaded = (await session.scalars(select(model))).all()
                assert len(loaded) >= ROWS, model.__tablename__
            applications = (await session.scalars(select(Application).options(selectinload(Application.job)))).all()
            assert {a.user_id for a in applications} == set(user_ids)
            assert all(isinstance(a.status, ApplicationStatus) and a.job.title for a in applications)
            resume = (await session.scalars(select(Resume).order_by(Resume.id))).first()
            assert resume is not None and resume.skills == ["SQL", "Tableau", "Python"]
            for user in users:
                session.add(Notification(user_id=user.id, type="summary", title="After the upgrade", body="", data={}))
            await session.commit()
        async with engine.connect() as conn:
            if conn.dialect.name == "sqlite":
                found = await conn.scalars(
                    text("SELECT rowid FROM job_posting_fts WHERE job_posting_fts MATCH 'tableau'")
                )
            else:
                found = await conn.scalars(
                    text("SELECT id FROM job_posting WHERE search_vector @@ plainto_tsquery('simple', 'tableau')")
                )
            first_posting = seeded.by_table["job_posting"][0].key["id"]
            assert list(found) == [first_posting]
    finally:
        await engine.dispose()
