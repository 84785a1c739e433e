"""Your data: export (a ZIP built in the background), import into a new account, delete the account; and the
administrator's backup list."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated

from fastapi import File, Query, Response, UploadFile, status
from fastapi.responses import FileResponse

from app.api.deps import SessionDep, SettingsDep
from app.api.routing import Router
from app.auth.dependencies import AdminUser, CurrentUser
from app.auth.router import COOKIE_PATH, REFRESH_COOKIE, SESSION_HINT_COOKIE
from app.core.config import Settings
from app.core.schemas import Id
from app.data import backup, portable, service
from app.data.schemas import AccountDelete, BackupRead, ExportRead, ImportResult
from app.models.data import DataExport
from app.tasks.registry import enqueue
from app.tasks.schemas import TaskRunRead

router = Router(tags=["data"])

ZIP_TYPES = {"application/zip", "application/x-zip-compressed", "application/octet-stream", ""}


def _present(settings: Settings, row: DataExport) -> ExportRead:
    token = service.download_token(settings, row)
    url = f"/api/v1/exports/download?token={token}" if token else None
    return ExportRead.model_validate({**portable.row_dict(row), "download_url": url})


@router.post("/users/me/exports", status_code=status.HTTP_202_ACCEPTED, operation_id="data-request_export")
async def request_export(user: CurrentUser, session: SessionDep, settings: SettingsDep) -> ExportRead:
    """Start building a ZIP of everything Career Copilot holds about you; you are notified when it is ready."""
    return _present(settings, await service.request_export(session, user.id))


@router.get("/users/me/exports", operation_id="data-list_exports")
async def list_exports(user: CurrentUser, session: SessionDep, settings: SettingsDep) -> list[ExportRead]:
    """Your recent exports, newest first."""
    return [_present(settings, r) for r in await service.list_exports(session, user.id)]


@router.get("/users/me/exports/{export_id}", operation_id="data-read_export")
async def read_export(export_id: Id, user: CurrentUser, session: SessionDep, settings: SettingsDep) -> ExportRead:
    """One export, with its download link once ready."""
    return _present(settings, await service.get_export(session, user.id, export_id))


@router.get(
    "/exports/download",
    operation_id="data-download_export",
    response_class=FileResponse,
    responses={200: {"content": {"application/zip": {}}}},
)
async def download_export(
    session: SessionDep, settings: SettingsDep, token: Annotated[str, Query(min_length=10, max_length=2000)]
) -> FileResponse:
    """The export ZIP, for whoever holds the signed link (it expires with the export)."""
    row, path = await service.export_for_download(session, settings, token)
    return FileResponse(
        path,
        media_type="application/zip",
        filename=row.filename or "career-copilot-export.zip",
        headers={"Cache-Control": "no-store"},
    )


@router.post("/users/me/import", operation_id="data-import")
async def import_export(
    user: CurrentUser,
    session: SessionDep,
    settings: SettingsDep,
    file: Annotated[UploadFile, File(description="A ZIP made by Download my data")],
) -> ImportResult:
    """Bring an export from another Career Copilot into this (new, empty) account. All or nothing."""
    if (file.content_type or "") not in ZIP_TYPES and not (file.filename or "").lower().endswith(".zip"):
        raise portable.ImportRefused("Choose the .zip file that Download my data gave you.")
    content = await file.read(settings.max_import_bytes + 1)
    if len(content) > settings.max_import_bytes:
        raise portable.ImportRefused(f"This file is larger than {settings.max_import_bytes // (1024 * 1024)} MB.")
    counts = await portable.import_into(session, user, content, settings.uploads_dir)
    return ImportResult(imported=counts)


@router.delete("/users/me", status_code=status.HTTP_204_NO_CONTENT, operation_id="data-delete_account")
async def delete_account(data: AccountDelete, response: Response, user: CurrentUser, session: SessionDep) -> None:
    """Delete your account and everything of yours: every row and file. Shared catalogue postings stay."""
    await service.delete_account(session, user, data.password, data.confirm)
    response.delete_cookie(REFRESH_COOKIE, path=COOKIE_PATH, httponly=True, samesite="lax")
    response.delete_cookie(SESSION_HINT_COOKIE, path="/", samesite="lax")


@router.get("/admin/backups", operation_id="admin-backups_list")
async def list_backups(_: AdminUser, settings: SettingsDep) -> list[BackupRead]:
    """Backups in <data>/backups, newest first (administrators)."""
    return [
        BackupRead(name=p.name, size_bytes=p.stat().st_size, created_at=datetime.fromtimestamp(p.stat().st_mtime, UTC))
        for p in backup.list_backups(settings)
    ]


@router.post("/admin/backups", status_code=status.HTTP_202_ACCEPTED, operation_id="admin-backups_create")
async def create_backup(_: AdminUser, session: SessionDep) -> TaskRunRead:
    """Make a backup now (in the background)."""
    row = enqueue(session, "data.backup", True)
    await session.flush()
    return TaskRunRead.model_validate(row)
