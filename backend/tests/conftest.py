"""Fixtures: every API test runs on SQLite and on PostgreSQL (TEST_DATABASE_URL or 127.0.0.1:5432)."""

from __future__ import annotations

import asyncio
import os
import socket
import uuid
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from aiosmtpd.controller import Controller
from hypothesis import settings as hypothesis_settings
from pwdlib import PasswordHash
from pwdlib.hashers.argon2 import Argon2Hasher
from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import create_async_engine

from app.core import security
from app.core.config import Settings, to_async_url
from app.core.migrations import upgrade
from app.main import create_app
from app.models import Base
from tests import transaction_guard
from tests.mailserver import Inbox, free_port

CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")
# Property tests explore new examples on a developer's machine; under CI they replay a fixed set, so a submission
# lands or not on its code, not on the draw (a rare case found locally becomes an explicit example).
hypothesis_settings.register_profile("ci", derandomize=True, database=None)
if CI:
    hypothesis_settings.load_profile("ci")

# Passwords: the same argon2id, with its cheapest parameters. The production ones cost ~150 ms of CPU per hash or
# check, and the suite signs up and signs in well over a thousand times (minutes of CI). tests/auth/
# test_password_hashing.py checks the production parameters, which this keeps as PRODUCTION_PASSWORD_HASH.
PRODUCTION_PASSWORD_HASH = security.password_hash
security.password_hash = PasswordHash((Argon2Hasher(time_cost=1, memory_cost=1024, parallelism=1),))
PG_DEFAULT = "postgresql://postgres@127.0.0.1:5432/test"
STRONG_PASSWORD = "Correct-Horse-Battery-9"


@pytest.fixture(autouse=True)
def no_transaction_across_network_io() -> Iterator[None]:
    """Every test fails when the app starts an outbound HTTP request while its task holds a database transaction
    (docs/architecture.md, "No transaction across network I/O")."""
    transaction_guard.install()
    transaction_guard.take()
    yield
    found = transaction_guard.take()
    if found:
        pytest.fail("No transaction across network I/O:\n\n" + "\n\n".join(str(v) for v in found[:3]), pytrace=False)


def _port_open(host: str, port: int) -> bool:
    try:
        with socket.create_connection((host, port), timeout=1):
            return True
    except OSError:
        return False


def postgres_base_url() -> str | None:
    url = os.environ.get("TEST_DATABASE_URL")
    if url:
        return url
    if _port_open("127.0.0.1", 5432):
        return PG_DEFAULT
    if CI:
        pytest.fail("CI=true but PostgreSQL does not answer on 127.0.0.1:5432 and TEST_DATABASE_URL is unset")
    return None


def xdist_worker_number() -> int:
    """0 in a plain run; N in pytest-xdist's worker gwN. Workers share the machine's PostgreSQL and Redis: each makes
    its own database (a fresh one per session) and uses its own Redis database, since tests flush theirs."""
    worker = os.environ.get("PYTEST_XDIST_WORKER", "gw0")
    return int(worker[2:]) if worker.startswith("gw") and worker[2:].isdigit() else 0


REDIS_SLOTS = 3  # Redis databases per xdist worker: its default one and two for tests that want a queue of their own


def redis_test_url(slot: int = 0) -> str | None:
    """A Redis database of this test run's own: 15 on 127.0.0.1 (or TEST_REDIS_URL's) in a plain run; `slot` 1 and 2
    are the two below it, for tests that flush a queue of their own. xdist worker gwN counts down from 15 - 3N."""
    assert 0 <= slot < REDIS_SLOTS
    url = os.environ.get("TEST_REDIS_URL")
    if not url and _port_open("127.0.0.1", 6379):
        url = "redis://127.0.0.1:6379/15"
    if not url:
        if CI:
            pytest.fail("CI=true but Redis does not answer on 127.0.0.1:6379 and TEST_REDIS_URL is unset")
        return None
    base, _, db = url.rpartition("/")
    number = (int(db) if db.isdigit() else 0) - REDIS_SLOTS * xdist_worker_number() - slot
    if number < 0:
        pytest.fail(f"Redis has 16 databases: too few for {xdist_worker_number() + 1} test workers from {url}")
    return f"{base}/{number}"


async def _create_pg_database(base_url: str) -> str:
    """A fresh database for this test session, so tests never touch data they did not make."""
    name = f"copilot_test_{uuid.uuid4().hex[:10]}"
    admin = create_async_engine(to_async_url(base_url), isolation_level="AUTOCOMMIT")
    async with admin.connect() as conn:
        await conn.execute(text(f'CREATE DATABASE "{name}"'))
    await admin.dispose()
    return make_url(base_url).set(database=name).render_as_string(hide_password=False)


async def _drop_pg_database(base_url: str, url: str) -> None:
    name = make_url(url).database
    admin = create_async_engine(to_async_url(base_url), isolation_level="AUTOCOMMIT")
    async with admin.connect() as conn:
        await conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    await admin.dispose()


@pytest.fixture(scope="session")
def tmp_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("copilot")


@pytest.fixture(scope="session")
async def sqlite_url(tmp_root: Path) -> str:
    url = f"sqlite:///{tmp_root / 'test.db'}"
    await asyncio.to_thread(upgrade, make_settings(url, tmp_root))
    return url


@pytest.fixture(scope="session")
async def postgres_url(tmp_root: Path) -> AsyncIterator[str]:
    base = postgres_base_url()
    if base is None:
        pytest.skip("PostgreSQL not available (set TEST_DATABASE_URL or start it on 127.0.0.1:5432)")
    url = await _create_pg_database(base)
    await asyncio.to_thread(upgrade, make_settings(url, tmp_root))
    yield url
    await _drop_pg_database(base, url)


def make_settings(database_url: str, data_dir: Path, **overrides: object) -> Settings:
    values: dict[str, object] = {
        "database_url": database_url,
        "copilot_data_dir": data_dir,
        "secret_key": "test-secret-key-" + "x" * 32,
        "environment": "test",
        "frontend_dist": data_dir / "no-frontend",
        "redis_url": None,
        "smtp_host": None,
        "login_rate_limit": "1000/minute",
        "embedded_worker": False,  # tests that need a worker start one themselves
    }
    values.update(overrides)
    return Settings(_env_file=None, **values)  # type: ignore[arg-type]


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest) -> str:
    fixture = "sqlite_url" if request.param == "sqlite" else "postgres_url"
    return str(request.getfixturevalue(fixture))


@pytest.fixture
def settings_overrides() -> dict[str, object]:
    """Override in a test module to change settings for its app."""
    return {}


@pytest.fixture
def settings(database_url: str, tmp_root: Path, settings_overrides: dict[str, object]) -> Settings:
    return make_settings(database_url, tmp_root, **settings_overrides)


async def _truncate_all(app_engine: object) -> None:
    engine = app_engine  # AsyncEngine
    async with engine.begin() as conn:  # type: ignore[attr-defined]
        for table in reversed(Base.metadata.sorted_tables):
            await conn.execute(table.delete())


@pytest.fixture
async def app(settings: Settings) -> AsyncIterator[object]:
    application = create_app(settings)
    yield application
    await _truncate_all(application.state.engine)
    await application.state.engine.dispose()


@pytest.fixture
async def client(app: object) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=app)  # type: ignore[arg-type]
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as c:
        yield c


async def register(
    client: httpx.AsyncClient,
    email: str = "ada@example.com",
    password: str = STRONG_PASSWORD,
    **extra: object,
) -> dict[str, str]:
    """Register and return the Authorization header of the new account."""
    r = await client.post(
        "/api/v1/auth/register",
        json={"email": email, "password": password, "full_name": "Ada Lovelace", **extra},
    )
    assert r.status_code == 201, r.text
    return {"Authorization": f"Bearer {r.json()['access_token']}"}


@pytest.fixture
def csrf() -> Iterator[dict[str, str]]:
    yield {"X-Requested-With": "XMLHttpRequest"}


@pytest.fixture
async def clean_db(settings: Settings) -> AsyncIterator[None]:
    """For tests whose app runs outside the `app` fixture (a live server): empty every table afterwards."""
    yield
    engine = create_async_engine(settings.async_database_url)
    await _truncate_all(engine)
    await engine.dispose()


@pytest.fixture
def server(settings: Settings, clean_db: None) -> Iterator[tuple[str, Any]]:
    """The app on a real port in a thread (lifespan included): host and app."""
    from tests.live import running

    with running(settings) as s:
        yield s


@pytest.fixture(scope="module")
def smtp() -> Iterator[tuple[Inbox, int]]:
    """A real SMTP server (aiosmtpd) on 127.0.0.1: its inbox and port."""
    inbox = Inbox()
    port = free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    yield inbox, port
    controller.stop()
