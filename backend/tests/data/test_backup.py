"""Backup and restore on SQLite and PostgreSQL: a backup taken while writes run restores to a consistent
database; damaged, foreign-dialect or newer-schema files are refused without touching the current data."""

from __future__ import annotations

import asyncio
import json
import uuid
import zipfile
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import func, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import create_async_engine

from app.core.config import Settings, to_async_url
from app.core.migrations import heads
from app.data.backup import RestoreRefused, create_backup, restore_backup
from app.models import Application, ApplicationEvent, JobPosting
from tests.conftest import make_settings, postgres_base_url, register


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
