"""Consistent backups of the whole instance and their restore (DESIGN §6: `copilot backup` / `copilot restore`).

A backup is one ZIP: `manifest.json` (format, schema revision, dialect, time), the database — SQLite through its
online backup API (copying the file of a WAL database loses what is still in the WAL), PostgreSQL through
`pg_dump -Fc` — and the uploads folder. Restore checks everything it can before it touches anything: the ZIP's
checksums, the manifest, that the schema is one this version knows (a newer one is refused), and that the
database inside is sound (SQLite `integrity_check`, `pg_restore --list`). Only then does it swap the SQLite
file atomically or run `pg_restore --single-transaction`, and migrate an older schema up to head."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import tempfile
import zipfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from alembic.script import ScriptDirectory
from sqlalchemy.engine import make_url

from app.core.config import Settings
from app.core.migrations import alembic_config, upgrade

FORMAT = "career-copilot-backup"
FORMAT_VERSION = 1
SQLITE_MEMBER = "database.sqlite"
PG_MEMBER = "database.dump"


class BackupError(Exception):
    """A backup could not be made (exit code 1)."""


class RestoreRefused(Exception):
    """The file cannot be restored; nothing was changed. The message says why, for an operator."""


@dataclass
class BackupInfo:
    path: Path
    size_bytes: int
    revision: str | None
    dialect: str
    created_at: datetime


def _sqlite_path(settings: Settings) -> Path:
    database = make_url(settings.async_database_url).database
    if not database or database == ":memory:":
        raise BackupError("an in-memory SQLite database cannot be backed up")
    return Path(database)


def _pg_url(settings: Settings) -> str:
    """libpq form of DATABASE_URL for pg_dump / pg_restore."""
    url = make_url(settings.async_database_url).set(drivername="postgresql")
    return url.render_as_string(hide_password=False)


def known_revisions(settings: Settings) -> set[str]:
    script = ScriptDirectory.from_config(alembic_config(settings))
    return {rev.revision for rev in script.walk_revisions()}


def _pg_tool(tool: str, *args: str) -> subprocess.CompletedProcess[str]:
    """Run a PostgreSQL client program (from the postgresql-client package) with fixed arguments."""
    exe = shutil.which(tool)
    if exe is None:
        raise BackupError(f"{tool} is not installed (apt-get install postgresql-client)")
    return subprocess.run([exe, *args], capture_output=True, text=True, check=False)  # noqa: S603 - no shell


def _revision_sqlite(path: Path) -> str | None:
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
        try:
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        except sqlite3.DatabaseError:
            return None
    return str(row[0]) if row else None


def _revision_pg(settings: Settings) -> str | None:
    out = _pg_tool("psql", _pg_url(settings), "-tAc", "SELECT version_num FROM alembic_version")
    return out.stdout.strip() or None if out.returncode == 0 else None


def create_backup(settings: Settings, dest: Path) -> BackupInfo:
    """Write a backup ZIP to `dest` (atomically: a half-written file never has the final name)."""
    dest = dest.resolve()
    dest.parent.mkdir(parents=True, exist_ok=True)
    created = datetime.now(UTC)
    with tempfile.TemporaryDirectory(prefix="copilot-backup-", dir=dest.parent) as tmp:
        work = Path(tmp)
        if settings.is_sqlite:
            dialect, member = "sqlite", SQLITE_MEMBER
            copy = work / SQLITE_MEMBER
            source = sqlite3.connect(_sqlite_path(settings), timeout=30)
            target = sqlite3.connect(copy)
            try:
                source.backup(target)  # a consistent snapshot, even while others write
            finally:
                target.close()
                source.close()
            revision = _revision_sqlite(copy)
        else:
            dialect, member = "postgresql", PG_MEMBER
            copy = work / PG_MEMBER
            done = _pg_tool(
                "pg_dump", "--format=custom", "--no-owner", "--no-acl", "--file", str(copy), _pg_url(settings)
            )
            if done.returncode != 0:
                raise BackupError(f"pg_dump failed: {done.stderr.strip()}")
            revision = _revision_pg(settings)
        manifest = {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "dialect": dialect,
            "schema_revision": revision,
            "created_at": created.isoformat(),
        }
        partial = work / "backup.zip"
        with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED) as zf:
            zf.writestr("manifest.json", json.dumps(manifest, indent=2))
            zf.write(copy, member)
            uploads = settings.uploads_dir
            if uploads.is_dir():
                for file in sorted(uploads.rglob("*")):
                    if file.is_file():
                        zf.write(file, f"uploads/{file.relative_to(uploads).as_posix()}")
        os.replace(partial, dest)
    return BackupInfo(dest, dest.stat().st_size, revision, dialect, created)


def _read_manifest(zf: zipfile.ZipFile) -> dict[str, Any]:
    try:
        manifest = json.loads(zf.read("manifest.json"))
    except (KeyError, ValueError) as exc:
        raise RestoreRefused("not a Career Copilot backup (manifest.json is missing or unreadable)") from exc
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise RestoreRefused("not a Career Copilot backup (unknown format)")
    if int(manifest.get("format_version", 0)) > FORMAT_VERSION:
        raise RestoreRefused("this backup was made by a newer Career Copilot; upgrade before restoring it")
    return manifest


def inspect_backup(settings: Settings, src: Path) -> dict[str, Any]:
    """Everything checkable without touching the current data; raises RestoreRefused."""
    if not src.is_file():
        raise RestoreRefused(f"{src} does not exist")
    try:
        zf = zipfile.ZipFile(src)
    except (zipfile.BadZipFile, OSError) as exc:
        raise RestoreRefused(f"{src.name} is not a backup ZIP or is damaged ({exc})") from exc
    with zf:
        try:
            bad = zf.testzip()
        except (zipfile.BadZipFile, OSError, EOFError) as exc:
            raise RestoreRefused(f"{src.name} is damaged ({exc})") from exc
        if bad is not None:
            raise RestoreRefused(f"{src.name} is damaged: {bad} fails its checksum")
        manifest = _read_manifest(zf)
    here = "sqlite" if settings.is_sqlite else "postgresql"
    if manifest.get("dialect") != here:
        raise RestoreRefused(
            f"this backup holds a {manifest.get('dialect')} database but DATABASE_URL points at {here}; "
            "restore it into the same kind of database"
        )
    revision = manifest.get("schema_revision")
    if revision not in known_revisions(settings):
        raise RestoreRefused(
            f"this backup's schema ({revision}) is newer than this Career Copilot knows; upgrade before restoring"
        )
    return manifest


def restore_backup(settings: Settings, src: Path) -> dict[str, Any]:
    """Replace the instance's database and uploads with the backup's. Refuses (changing nothing) when the file is
    damaged, foreign, of another database kind or of a newer schema. Stop the app's processes first."""
    manifest = inspect_backup(settings, src)
    with zipfile.ZipFile(src) as zf:
        if settings.is_sqlite:
            _restore_sqlite(settings, zf)
        else:
            _restore_pg(settings, zf, manifest.get("schema_revision"))
        _restore_uploads(settings, zf)
    upgrade(settings)  # an older backup's schema is brought up to this version's head
    return manifest


def _restore_sqlite(settings: Settings, zf: zipfile.ZipFile) -> None:
    db = _sqlite_path(settings)
    db.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=".restore-", suffix=".sqlite", dir=db.parent)
    staged = Path(name)
    try:
        with os.fdopen(fd, "wb") as out, zf.open(SQLITE_MEMBER) as member:
            shutil.copyfileobj(member, out)
        try:
            with sqlite3.connect(staged) as conn:
                ok = conn.execute("PRAGMA integrity_check").fetchone()
                conn.execute("SELECT version_num FROM alembic_version").fetchone()
        except sqlite3.DatabaseError as exc:
            raise RestoreRefused(f"the database in this backup is damaged ({exc})") from exc
        if not ok or ok[0] != "ok":
            raise RestoreRefused(f"the database in this backup is damaged (integrity check: {ok})")
        for suffix in ("-wal", "-shm"):  # the old WAL belongs to the old file
            Path(f"{db}{suffix}").unlink(missing_ok=True)
        os.replace(staged, db)
    finally:
        staged.unlink(missing_ok=True)


def _restore_pg(settings: Settings, zf: zipfile.ZipFile, revision: str | None) -> None:
    current = _revision_pg(settings)
    if current is not None and current != revision:
        raise RestoreRefused(
            f"this backup's schema ({revision}) differs from the database's ({current}); restore it into an empty "
            "database (createdb, then copilot restore): it is migrated to this version afterwards"
        )
    with tempfile.TemporaryDirectory(prefix="copilot-restore-") as tmp:
        dump = Path(tmp) / PG_MEMBER
        with zf.open(PG_MEMBER) as member, dump.open("wb") as out:
            shutil.copyfileobj(member, out)
        listed = _pg_tool("pg_restore", "--list", str(dump))
        if listed.returncode != 0:
            raise RestoreRefused(f"the database dump in this backup is damaged: {listed.stderr.strip()}")
        done = _pg_tool(
            "pg_restore",
            "--clean",
            "--if-exists",
            "--no-owner",
            "--no-acl",
            "--single-transaction",  # all or nothing: a failure leaves the current data as it was
            "--exit-on-error",
            "--dbname",
            _pg_url(settings),
            str(dump),
        )
        if done.returncode != 0:
            raise RestoreRefused(f"pg_restore failed and changed nothing: {done.stderr.strip()[-500:]}")


def _restore_uploads(settings: Settings, zf: zipfile.ZipFile) -> None:
    members = [m for m in zf.infolist() if m.filename.startswith("uploads/") and not m.is_dir()]
    target = settings.uploads_dir
    target.parent.mkdir(parents=True, exist_ok=True)
    staged = Path(tempfile.mkdtemp(prefix=".uploads-restore-", dir=target.parent))
    for member in members:
        relative = Path(member.filename).relative_to("uploads")
        if ".." in relative.parts or relative.is_absolute():
            continue  # never write outside the uploads folder
        out = staged / relative
        out.parent.mkdir(parents=True, exist_ok=True)
        with zf.open(member) as src, out.open("wb") as dst:
            shutil.copyfileobj(src, dst)
    old = target.with_name(".uploads-old")
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        os.replace(target, old)
    os.replace(staged, target)
    shutil.rmtree(old, ignore_errors=True)


def rolling_backup(settings: Settings, now: datetime | None = None) -> BackupInfo:
    """The scheduled backup: a new file in <data>/backups, keeping the newest BACKUP_KEEP."""
    now = now or datetime.now(UTC)
    info = create_backup(settings, settings.backups_dir / f"copilot-{now:%Y%m%d-%H%M%S}.zip")
    for old in list_backups(settings)[settings.backup_keep :]:
        old.unlink(missing_ok=True)
    return info


def list_backups(settings: Settings) -> list[Path]:
    """Backups in <data>/backups, newest first."""
    folder = settings.backups_dir
    if not folder.is_dir():
        return []
    return sorted(folder.glob("copilot-*.zip"), key=lambda p: p.name, reverse=True)
