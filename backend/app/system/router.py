"""The admin System page: database pool, partitions and retention, catalogue size, cache hit ratios."""

from __future__ import annotations

from fastapi import Request

from app.api.deps import SessionDep, SettingsDep
from app.api.routing import Router
from app.auth.dependencies import AdminUser
from app.system.schemas import SystemStatus
from app.system.service import system_status

router = Router(tags=["system"])


@router.get("/admin/system", operation_id="admin-system_status")
async def read_system_status(
    _: AdminUser, request: Request, session: SessionDep, settings: SettingsDep
) -> SystemStatus:
    """How the deployment is doing: pool, time-series partitions and retention, catalogue, cache (administrators)."""
    return await system_status(session, request.app.state.engine, settings)
