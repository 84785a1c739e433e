"""Exports (requested here, built by a task, downloaded with a signed link that expires) and account deletion."""

from __future__ import annotations

import asyncio
import shutil
from datetime import timedelta
from pathlib import Path

from sqlalchemy.ext.asyncio import AsyncSession

from app.core import security
from app.core.config import Settings
from app.core.exceptions import AppError, NotFound, RateLimited
from app.data import repository
from app.models.base import utcnow
from app.models.data import DataExport
from app.models.user import User
from app.tasks.registry import enqueue

DOWNLOAD_PURPOSE = "export-download"
DELETE_PHRASE = "delete my account"


class ExportNotFound(NotFound):
    code = "export_not_found"

    def __init__(self) -> None:
        super().__init__("This export does not exist or is not yours.")


class DeletionNotConfirmed(AppError):
    status_code = 403
    code = "deletion_not_confirmed"


def export_path(settings: Settings, row: DataExport) -> Path:
    return settings.exports_dir / str(row.user_id) / f"export-{row.id}.zip"


def user_files(settings: Settings, user_id: int) -> list[Path]:
    """Every folder that holds files of this user (a feature that stores files adds its folder here)."""
    return [settings.uploads_dir / str(user_id), settings.exports_dir / str(user_id)]


async def request_export(session: AsyncSession, user_id: int) -> DataExport:
    busy = await repository.busy_export_id(session, user_id)
    if busy is not None:
        raise RateLimited("An export is already being prepared; it will be ready in a moment.")
    row = DataExport(user_id=user_id, status="pending", created_at=utcnow())
    session.add(row)
    await session.flush()
    enqueue(session, "data.export_user", row.id, user_id=user_id)
    return row


async def list_exports(session: AsyncSession, user_id: int) -> list[DataExport]:
    return await repository.recent_exports(session, user_id)


async def get_export(session: AsyncSession, user_id: int, export_id: int) -> DataExport:
    row = await repository.get_export(session, user_id, export_id)
    if row is None:
        raise ExportNotFound()
    return row


def download_token(settings: Settings, row: DataExport) -> str | None:
    if row.status != "ready" or row.expires_at is None:
        return None
    ttl = row.expires_at - utcnow()
    if ttl <= timedelta(0):
        return None
    return security.encode_token(settings.signing_key, str(row.id), DOWNLOAD_PURPOSE, ttl, uid=row.user_id)


async def export_for_download(session: AsyncSession, settings: Settings, token: str) -> tuple[DataExport, Path]:
    claims = security.decode_token(settings.signing_key, token, DOWNLOAD_PURPOSE)
    if claims is None:
        raise NotFound("This download link has expired or is not valid. Ask for a new export in Settings.")
    row = await repository.get_export(session, int(claims["uid"]), int(claims["sub"]))
    if row is None or row.status != "ready":
        raise NotFound("This export is no longer available. Ask for a new one in Settings.")
    path = export_path(settings, row)
    if not path.is_file():
        raise NotFound("This export's file is gone. Ask for a new one in Settings.")
    return row, path


async def delete_account(session: AsyncSession, user: User, password: str | None, confirm: str | None) -> None:
    """Remove the user and every row of theirs (foreign keys cascade) in this transaction; their files are removed
    by a task enqueued in the same transaction, so a crash half-way is finished by the retry."""
    if user.hashed_password:
        if not password or not await asyncio.to_thread(security.verify_password, password, user.hashed_password):
            raise DeletionNotConfirmed("That password is not right. Your account was not deleted.")
    elif (confirm or "").strip().lower() != DELETE_PHRASE:
        raise DeletionNotConfirmed(f'Type "{DELETE_PHRASE}" to confirm. Your account was not deleted.')
    user_id = user.id
    session.expunge(user)
    await repository.delete_user(session, user_id)
    enqueue(session, "data.purge_user_files", user_id)  # no user: the task run outlives the account


def remove_user_files(settings: Settings, user_id: int) -> int:
    removed = 0
    for folder in user_files(settings, user_id):
        if folder.exists():
            shutil.rmtree(folder)
            removed += 1
    return removed
