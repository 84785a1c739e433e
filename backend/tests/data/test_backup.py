"""Backup and restore on SQLite and PostgreSQL: a backup taken while writes run restores to a consistent
database; damaged, foreign-dialect, newer-schema and hostile files (members that inflate past what their headers
declare or past the restore's cap, unsafe member names) are refused without touching the current data."""

from __future__ import annotations

import asyncio
import json
import re
import tracemalloc
import uuid
import zipfile
import zlib
from functools import partial
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import func, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import create_async_engine

from app.core.config import Settings, to_async_url
from app.core.migrations import heads
from app.data.backup import PG_MEMBER, SQLITE_MEMBER, RestoreRefused, create_backup, restore_backup
from app.models import Application, ApplicationEvent, JobPosting
from tests.conftest import make_settings, postgres_base_url, register
from tests.resumes import hostile as h
from tests.test_cli import run as run_cli


async def _counts(settings: Settings) -> dict[str, Any]:
    engine = create_async_engine(settings.async_database_url)
    try:
        async with engine.connect() as conn:
            jobs = await conn.scalar(select(func.count()).select_from(JobPosting))
            apps = await conn.scalar(select(func.count()).select_from(Application))
            orphans = await conn.scalar(
                select(func.count())
                .select_from(Application)
                .where(~select(ApplicationEvent.id).where(ApplicationEvent.application_id == Application.id).exists())
            )
            revision = await conn.scalar(text("SELECT version_num FROM alembic_version"))
    finally:
        await engine.dispose()
    return {"jobs": jobs, "applications": apps, "apps_without_history": orphans, "revision": revision}


async def _target(settings: Settings, tmp_path: Path) -> tuple[Settings, str | None]:
    """An empty database of the same kind to restore into (and, for PostgreSQL, its name to drop)."""
    if settings.is_sqlite:
        return make_settings(f"sqlite:///{tmp_path / 'restored.db'}", tmp_path / "restored"), None
    base = postgres_base_url()
    assert base
    name = f"copilot_restore_{uuid.uuid4().hex[:8]}"
    admin = create_async_engine(to_async_url(base), isolation_level="AUTOCOMMIT")
    async with admin.connect() as conn:
        await conn.execute(text(f'CREATE DATABASE "{name}"'))
    await admin.dispose()
    url = make_url(base).set(database=name).render_as_string(hide_password=False)
    return make_settings(url, tmp_path / "restored"), name


async def _drop(name: str | None) -> None:
    if name is None:
        return
    base = postgres_base_url()
    assert base
    admin = create_async_engine(to_async_url(base), isolation_level="AUTOCOMMIT")
    async with admin.connect() as conn:
        await conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    await admin.dispose()


async def test_backup_during_writes_restores_consistently(
    client: httpx.AsyncClient, settings: Settings, tmp_path: Path
) -> None:
    h = await register(client)
    stop = asyncio.Event()
    written = 0

    async def writer() -> None:
        nonlocal written
        while not stop.is_set():
            job = await client.post("/api/v1/jobs", headers=h, json={"title": f"Job {written}", "company": "Acme"})
            assert job.status_code == 201, job.text
            r = await client.post("/api/v1/applications", headers=h, json={"job_posting_id": job.json()["id"]})
            assert r.status_code == 201, r.text
            written += 1

    (settings.uploads_dir / "1").mkdir(parents=True, exist_ok=True)
    (settings.uploads_dir / "1" / "cv.txt").write_text("a resume")
    writers = [asyncio.create_task(writer()) for _ in range(2)]
    await asyncio.sleep(0.3)
    info = await asyncio.to_thread(create_backup, settings, tmp_path / "backup.zip")
    await asyncio.sleep(0.2)
    stop.set()
    await asyncio.gather(*writers)
    assert written > 0 and info.size_bytes > 0 and info.revision == heads(settings)[0]

    target, name = await _target(settings, tmp_path)
    try:
        await asyncio.to_thread(restore_backup, target, info.path)
        restored = await _counts(target)
        assert restored["revision"] == heads(settings)[0]
        assert restored["apps_without_history"] == 0  # no application without its first event: a consistent cut
        assert 0 < restored["jobs"] <= written + 1 and restored["applications"] <= restored["jobs"]
        assert (target.uploads_dir / "1" / "cv.txt").read_text() == "a resume"
        if target.is_sqlite:  # search index and table agree (FTS is maintained by triggers inside the snapshot)
            engine = create_async_engine(target.async_database_url)
            async with engine.connect() as conn:
                fts = await conn.scalar(text("SELECT count(*) FROM job_posting_fts"))
            await engine.dispose()
            assert fts == restored["jobs"]
    finally:
        await _drop(name)


def _rewrite_manifest(src: Path, dest: Path, **changes: Any) -> Path:
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dest, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item)
            if item.filename == "manifest.json":
                data = json.dumps({**json.loads(data), **changes}).encode()
            zout.writestr(item, data)
    return dest


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        ("truncated", "damaged"),
        ("not_zip", "not a backup ZIP"),
        ("newer_schema", "newer than this Career Copilot knows"),
        ("other_dialect", "restore it into the same kind of database"),
        ("foreign", "not a Career Copilot backup"),
    ],
)
async def test_bad_files_are_refused_and_nothing_changes(
    client: httpx.AsyncClient, settings: Settings, tmp_path: Path, damage: str, message: str
) -> None:
    h = await register(client)
    await client.post("/api/v1/jobs", headers=h, json={"title": "Keep me", "company": "Acme"})
    good = await asyncio.to_thread(create_backup, settings, tmp_path / "good.zip")
    await client.post("/api/v1/jobs", headers=h, json={"title": "Newer than the backup", "company": "Acme"})
    before = await _counts(settings)
    bad = tmp_path / "bad.zip"
    if damage == "truncated":
        bad.write_bytes(good.path.read_bytes()[: good.size_bytes // 2])
    elif damage == "not_zip":
        bad.write_bytes(b"this is not a zip file at all")
    elif damage == "newer_schema":
        _rewrite_manifest(good.path, bad, schema_revision="9999_from_the_future")
    elif damage == "other_dialect":
        _rewrite_manifest(good.path, bad, dialect="postgresql" if settings.is_sqlite else "sqlite")
    else:
        _rewrite_manifest(good.path, bad, format="someone-elses-backup")
    with pytest.raises(RestoreRefused, match=message):
        await asyncio.to_thread(restore_backup, settings, bad)
    assert await _counts(settings) == before


# --- hostile backups: read with a cap on the bytes produced, names checked, before anything changes ---------------

RESUME = b"a resume"


def _rebuilt(
    src: Path, dest: Path, replace: dict[str, h.Member] | None = None, extra: list[h.Member] | None = None
) -> Path:
    """The backup written again by hand (tests/resumes/hostile.py): every member as it was, some replaced or added."""
    with zipfile.ZipFile(src) as z:
        members = [(replace or {}).get(i.filename) or h.member(i.filename, z.read(i)) for i in z.infolist()]
    dest.write_bytes(h.zip_file(members + (extra or [])))
    return dest


def _lying(name: str, body: bytes) -> h.Member:
    """Headers that describe `body` exactly (size and CRC) over a stream that goes on for a gigabyte of zeros."""
    return h.Member(name.encode(), h.deflated(body, h.GIB), len(body), zlib.crc32(body))


def _database_member(settings: Settings) -> str:
    return SQLITE_MEMBER if settings.is_sqlite else PG_MEMBER


HOSTILE = {
    "lying-upload": (
        lambda settings, z: {"replace": {"uploads/1/cv.txt": _lying("uploads/1/cv.txt", RESUME)}},
        "uploads/1/cv.txt unpacks to more than the 8 bytes its header declares",
    ),
    "lying-database": (
        lambda settings, z: {
            "replace": {
                _database_member(settings): _lying(_database_member(settings), z.read(_database_member(settings)))
            }
        },
        "unpacks to more than the",
    ),
    "traversal": (lambda settings, z: {"extra": [h.member("uploads/../../evil.txt", b"escaped")]}, "unsafe name"),
    "absolute": (lambda settings, z: {"extra": [h.member("/tmp/evil.txt", b"escaped")]}, "unsafe name"),
    "nul": (lambda settings, z: {"extra": [h.member(b"uploads/1/cv.txt\x00/../../../evil.txt", b"x")]}, "unsafe name"),
}


class TestHostileBackups:
    @pytest.mark.parametrize("case", HOSTILE.values(), ids=HOSTILE.keys())
    async def test_refused_and_nothing_changes(
        self, client: httpx.AsyncClient, settings: Settings, tmp_path: Path, case: tuple[Any, str]
    ) -> None:
        build, message = case
        auth = await register(client)
        await client.post("/api/v1/jobs", headers=auth, json={"title": "Keep me", "company": "Acme"})
        (settings.uploads_dir / "1").mkdir(parents=True, exist_ok=True)
        (settings.uploads_dir / "1" / "cv.txt").write_bytes(RESUME)
        good = await asyncio.to_thread(create_backup, settings, tmp_path / "good.zip")
        await client.post("/api/v1/jobs", headers=auth, json={"title": "Newer than the backup", "company": "Acme"})
        (settings.uploads_dir / "1" / "cv.txt").write_bytes(b"newer")
        before = await _counts(settings)
        with zipfile.ZipFile(good.path) as z:
            changes = build(settings, z)
        bad = _rebuilt(good.path, tmp_path / "bad.zip", **changes)
        assert bad.stat().st_size < 5 * 1024 * 1024 + good.size_bytes
        tracemalloc.start()
        try:
            with pytest.raises(RestoreRefused, match=re.escape(message)):
                await asyncio.to_thread(restore_backup, settings, bad)
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
        assert peak < 20 * 1024 * 1024, f"{peak / 1024 / 1024:.0f} MB"
        assert await _counts(settings) == before
        assert (settings.uploads_dir / "1" / "cv.txt").read_bytes() == b"newer"
        assert not [p for root in (tmp_path, settings.copilot_data_dir) for p in root.rglob("evil*")]

    async def test_a_backup_larger_than_the_cap(
        self, client: httpx.AsyncClient, settings: Settings, tmp_path: Path
    ) -> None:
        await register(client)
        good = await asyncio.to_thread(create_backup, settings, tmp_path / "good.zip")
        before = await _counts(settings)
        with pytest.raises(RestoreRefused, match="more than the 10000 a restore may write"):
            await asyncio.to_thread(partial(restore_backup, settings, good.path, max_bytes=10_000))
        assert await _counts(settings) == before


def test_the_cli_refuses_a_lying_backup_in_one_line(tmp_path: Path) -> None:
    env = {"COPILOT_DATA_DIR": str(tmp_path), "DATABASE_URL": f"sqlite:///{tmp_path}/cli.db", "SECRET_KEY": ""}
    assert run_cli(["migrate"], env).returncode == 0
    assert run_cli(["backup", str(tmp_path / "good.zip")], env).returncode == 0
    with zipfile.ZipFile(tmp_path / "good.zip") as z:
        lie = _lying(SQLITE_MEMBER, z.read(SQLITE_MEMBER))
    bad = _rebuilt(tmp_path / "good.zip", tmp_path / "bad.zip", replace={SQLITE_MEMBER: lie})
    database = (tmp_path / "cli.db").read_bytes()
    out = run_cli(["restore", str(bad)], env)
    assert out.returncode == 2, out.stderr
    line = out.stderr.strip()
    assert line.startswith("error: restore refused: bad.zip cannot be restored safely: database.sqlite unpacks to")
    assert "\n" not in line
    assert (tmp_path / "cli.db").read_bytes() == database
    assert not list((tmp_path / "backups").glob("pre-restore-*.zip"))  # refused before the safety copy
