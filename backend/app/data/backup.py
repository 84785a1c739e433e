"""Consistent backups of the whole instance and their restore (docs/design.md §6: `copilot backup` / `copilot restore`).

A backup is one ZIP: `manifest.json` (format, schema revision, dialect, time), the database — SQLite through its
online backup API (copying the file of a WAL database loses what is still in the WAL), PostgreSQL through
`pg_dump -Fc` — and the uploads folder. Restore checks everything it can before it touches anything: the ZIP's
checksums, the manifest, that the schema is one this version knows (a newer one is refused), and that the
database inside is sound (SQLite `integrity_check`, `pg_restore --list`). Only then does it swap the SQLite
file atomically or run `pg_restore --single-transaction`, and migrate an older schema up to head.

A backup file is read like any other archive from outside (`core/archives.py`): every member is streamed in chunks
with a hard cap on the bytes actually produced (MAX_RESTORE_BYTES per restore, and never more than the member's own
header declares), and a member whose name is absolute, climbs out with `..` or holds a NUL makes the whole file
refused: the checks run over every member before anything is changed."""

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
from io import BytesIO
from pathlib import Path
from types import TracebackType
from typing import Any, BinaryIO

from sqlalchemy.engine import make_url

from app.core.archives import ArchiveDamaged, ArchiveError, ArchiveTooLarge, check_name, copy_member
from app.core.config import Settings
from app.core.migrations import alembic_config, upgrade

FORMAT = "career-copilot-backup"
FORMAT_VERSION = 1
SQLITE_MEMBER = "database.sqlite"
PG_MEMBER = "database.dump"
MAX_RESTORE_BYTES = 20 * 1024**3  # all members together, as unpacked: a large instance's dump and uploads fit
MAX_MANIFEST_BYTES = 1024 * 1024


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
    from alembic.script import ScriptDirectory

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


class _Backup:
    """An open backup: its directory, and its members streamed out under one budget for the whole restore."""

    def __init__(self, src: Path, max_bytes: int) -> None:
        self.src, self.left = src, max_bytes
        try:
            self.zip = zipfile.ZipFile(src)
        except (zipfile.BadZipFile, OSError) as exc:
            raise RestoreRefused(f"{src.name} is not a backup ZIP or is damaged ({exc})") from exc
        self.raw = src.open("rb")

    def __enter__(self) -> _Backup:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self.raw.close()
        self.zip.close()

    def member(self, name: str) -> zipfile.ZipInfo:
        try:
            return self.zip.getinfo(name)
        except KeyError as exc:
            raise RestoreRefused(f"{self.src.name} has no {name}") from exc

    def copy(self, info: zipfile.ZipInfo, out: BinaryIO) -> None:
        """Stream one member to `out`, charged to the restore's budget."""
        self.left -= self._copy(info, out, self.left)

    def _copy(self, info: zipfile.ZipInfo, out: BinaryIO, cap: int) -> int:
        try:
            return copy_member(self.raw, info, out, cap)
        except ArchiveTooLarge as exc:
            raise RestoreRefused(f"{self.src.name} cannot be restored safely: {exc}") from exc
        except ArchiveDamaged as exc:
            raise RestoreRefused(f"{self.src.name} is damaged: {exc}") from exc

    def check_all(self) -> None:
        """Every name, then every member inflated once to nowhere: sizes, checksums and the budget, before anything
        is touched."""
        infos = self.zip.infolist()
        try:
            for info in infos:
                check_name(info)
        except ArchiveError as exc:
            raise RestoreRefused(f"{self.src.name} is damaged: {exc}; nothing was restored") from exc
        declared = sum(i.file_size for i in infos)
        if declared > self.left:
            raise RestoreRefused(
                f"{self.src.name} unpacks to {declared} bytes, more than the {self.left} a restore may write"
            )
        with open(os.devnull, "wb") as nowhere:
            for info in infos:
                if not info.is_dir():
                    self.copy(info, nowhere)

    def manifest(self) -> dict[str, Any]:
        buffer = BytesIO()
        try:
            self._copy(self.member("manifest.json"), buffer, MAX_MANIFEST_BYTES)
            manifest = json.loads(buffer.getvalue())
        except (RestoreRefused, ValueError) as exc:
            raise RestoreRefused("not a Career Copilot backup (manifest.json is missing or unreadable)") from exc
        if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
            raise RestoreRefused("not a Career Copilot backup (unknown format)")
        if int(manifest.get("format_version", 0)) > FORMAT_VERSION:
            raise RestoreRefused("this backup was made by a newer Career Copilot; upgrade before restoring it")
        return manifest


def inspect_backup(settings: Settings, src: Path, *, max_bytes: int = MAX_RESTORE_BYTES) -> dict[str, Any]:
    """Everything checkable without touching the current data; raises RestoreRefused."""
    if not src.is_file():
        raise RestoreRefused(f"{src} does not exist")
    with _Backup(src, max_bytes) as backup:
        backup.check_all()
        manifest = backup.manifest()
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


def restore_backup(settings: Settings, src: Path, *, max_bytes: int = MAX_RESTORE_BYTES) -> dict[str, Any]:
    """Replace the instance's database and uploads with the backup's. Refuses (changing nothing) when the file is
    damaged, foreign, of another database kind or of a newer schema, holds an unsafe name, or unpacks to more than
    `max_bytes`. Stop the app's processes first."""
    manifest = inspect_backup(settings, src, max_bytes=max_bytes)
    with _Backup(src, max_bytes) as backup:
        if settings.is_sqlite:
            _restore_sqlite(settings, backup)
        else:
            _restore_pg(settings, backup, manifest.get("schema_revision"))
        _restore_uploads(settings, backup)
    upgrade(settings)  # an older backup's schema is brought up to this version's head
    return manifest


def _restore_sqlite(settings: Settings, backup: _Backup) -> None:
    db = _sqlite_path(settings)
    db.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=".restore-", suffix=".sqlite", dir=db.parent)
    staged = Path(name)
    try:
        with os.fdopen(fd, "wb") as out:
            backup.copy(backup.member(SQLITE_MEMBER), out)
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


def _restore_pg(settings: Settings, backup: _Backup, revision: str | None) -> None:
    current = _revision_pg(settings)
    if current is not None and current != revision:
        raise RestoreRefused(
            f"this backup's schema ({revision}) differs from the database's ({current}); restore it into an empty "
            "database (createdb, then copilot restore): it is migrated to this version afterwards"
        )
    with tempfile.TemporaryDirectory(prefix="copilot-restore-") as tmp:
        dump = Path(tmp) / PG_MEMBER
        with dump.open("wb") as out:
            backup.copy(backup.member(PG_MEMBER), out)
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


def _restore_uploads(settings: Settings, backup: _Backup) -> None:
    members = [m for m in backup.zip.infolist() if m.filename.startswith("uploads/") and not m.is_dir()]
    target = settings.uploads_dir
    target.parent.mkdir(parents=True, exist_ok=True)
    staged = Path(tempfile.mkdtemp(prefix=".uploads-restore-", dir=target.parent))
    try:
        for member in members:
            out = staged / Path(member.filename).relative_to("uploads")  # names were checked: none climbs out
            out.parent.mkdir(parents=True, exist_ok=True)
            with out.open("wb") as dst:
                backup.copy(member, dst)
    except BaseException:
        shutil.rmtree(staged, ignore_errors=True)
        raise
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
