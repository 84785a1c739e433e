"""Tasks of "your data": build an export, remove a deleted account's files, rolling backups, expiry."""

from __future__ import annotations

import asyncio
from datetime import timedelta

import structlog

from app.core.files import write_atomically
from app.data import backup, portable, repository, service
from app.models.base import utcnow
from app.models.data import DataExport
from app.notifications.service import notify
from app.tasks.registry import TaskContext, copilot_task

log = structlog.get_logger(__name__)


@copilot_task("data.export_user", title="Preparing your export", acks_late=True)
async def export_user(ctx: TaskContext, export_id: int) -> str:
    """Collect every section of the user's data into a ZIP under <data>/exports/<user>/."""
    async with ctx.session() as session:
        row = await session.get(DataExport, export_id)
        if row is None or row.status in ("ready", "expired"):
            return "nothing to do"
        row.status = "running"
        user_id = row.user_id
    await ctx.progress(5, "Collecting your data")
    try:
        async with ctx.session() as session:
            data = await portable.collect(session, user_id)
            revision = await repository.schema_revision(session)
        await ctx.progress(60, "Packing the archive")
        settings = ctx.settings
        path = service.export_path(settings, row)
        content = await asyncio.to_thread(portable.build_zip, data, settings.uploads_dir / str(user_id), revision)
        await asyncio.to_thread(write_atomically, path, content)
    except Exception as exc:
        async with ctx.session() as session:
            failed = await session.get(DataExport, export_id)
            if failed is not None:
                failed.status, failed.error, failed.finished_at = "failed", str(exc)[:500], utcnow()
                await notify(session, user_id, "export.failed", "Your data export failed", str(exc)[:500])
        raise
    async with ctx.session() as session:
        done = await session.get(DataExport, export_id)
        if done is None:  # the account was deleted meanwhile
            path.unlink(missing_ok=True)
            return "account gone"
        done.status, done.size_bytes, done.finished_at = "ready", len(content), utcnow()
        done.filename = f"career-copilot-export-{utcnow():%Y-%m-%d}.zip"
        done.expires_at = utcnow() + timedelta(hours=ctx.settings.export_ttl_hours)
        await notify(
            session,
            user_id,
            "export.ready",
            "Your data export is ready",
            f"Download it from Settings within {ctx.settings.export_ttl_hours} hours.",
            {"export_id": export_id},
        )
    await ctx.progress(100, "Ready to download")
    return "ready"


@copilot_task(
    "data.purge_user_files",
    title="Deleting your files",
    acks_late=True,
    autoretry_for=(OSError,),
    retry_backoff=5,
    max_retries=5,
)
async def purge_user_files(ctx: TaskContext, user_id: int) -> int:
    """Remove the files of a deleted account (idempotent: safe to run again after a crash)."""
    return await asyncio.to_thread(service.remove_user_files, ctx.settings, user_id)


@copilot_task("data.purge_expired_exports", title="Removing expired exports")
async def purge_expired_exports(ctx: TaskContext) -> int:
    """Hourly: expired export files are deleted; the row stays as history."""
    async with ctx.session() as session:
        rows = await repository.expired_ready_exports(session)
        for row in rows:
            service.export_path(ctx.settings, row).unlink(missing_ok=True)
            row.status = "expired"
    return len(rows)


@copilot_task("data.backup", title="Backup")
async def scheduled_backup(ctx: TaskContext, manual: bool = False) -> str:
    """Daily: a rolling backup into <data>/backups keeping BACKUP_KEEP (on by default for SQLite); an
    administrator can ask for one at any time."""
    if not manual and not ctx.settings.runs_auto_backup:
        return "automatic backups are off (AUTO_BACKUP)"
    info = await asyncio.to_thread(backup.rolling_backup, ctx.settings)
    log.info("backup_written", path=str(info.path), size=info.size_bytes)
    return str(info.path.name)
