"""Background tasks: a user's own (progress), and the admin queue page (queued, running, scheduled, failed)."""

from __future__ import annotations

from typing import Annotated

from fastapi import Query, status

from app.api.deps import SessionDep, SettingsDep
from app.api.routing import Router
from app.auth.dependencies import AdminUser, CurrentUser
from app.core.pagination import Page, PageDep
from app.core.schemas import Id
from app.tasks import service
from app.tasks.schemas import QueueOverview, TaskRunRead, TaskState

router = Router(tags=["tasks"])


@router.get("/tasks", operation_id="tasks-list_mine")
async def list_my_tasks(user: CurrentUser, session: SessionDep, paging: PageDep) -> Page[TaskRunRead]:
    """Your background tasks, newest first, with progress."""
    rows, total = await service.list_page(session, user_id=user.id, state=None, offset=paging.offset, limit=paging.size)
    return Page(items=[service.present(r) for r in rows], total=total, page=paging.page, size=paging.size)


@router.get("/tasks/{run_id}", operation_id="tasks-read_mine")
async def read_my_task(run_id: Id, user: CurrentUser, session: SessionDep) -> TaskRunRead:
    """One of your tasks."""
    return service.present(await service.get(session, run_id, user_id=user.id))


@router.get("/admin/tasks", operation_id="admin-tasks_list")
async def list_tasks(
    _: AdminUser,
    session: SessionDep,
    paging: PageDep,
    state: Annotated[TaskState | None, Query(description="Only tasks in this state")] = None,
) -> Page[TaskRunRead]:
    """Every task of every user, newest first (administrators)."""
    rows, total = await service.list_page(session, user_id=None, state=state, offset=paging.offset, limit=paging.size)
    return Page(items=[service.present(r) for r in rows], total=total, page=paging.page, size=paging.size)


@router.get("/admin/tasks/overview", operation_id="admin-tasks_overview")
async def tasks_overview(_: AdminUser, session: SessionDep, settings: SettingsDep) -> QueueOverview:
    """Counts by state, the schedule with next runs, and the workers seen."""
    return await service.overview(session, settings)


@router.post("/admin/tasks/{run_id}/retry", status_code=status.HTTP_202_ACCEPTED, operation_id="admin-tasks_retry")
async def retry_task(run_id: Id, _: AdminUser, session: SessionDep) -> TaskRunRead:
    """Enqueue a failed or cancelled task again with its stored arguments (or a running one whose worker is gone)."""
    row = await service.retry(session, run_id)
    await session.flush()
    return service.present(row)


@router.post("/admin/tasks/{run_id}/cancel", operation_id="admin-tasks_cancel")
async def cancel_task(run_id: Id, _: AdminUser, session: SessionDep) -> TaskRunRead:
    """Ask a queued or running task to stop (one whose worker is gone is cancelled at once)."""
    return service.present(await service.cancel(session, run_id))


@router.post("/admin/schedule/{key}/run", status_code=status.HTTP_202_ACCEPTED, operation_id="admin-schedule_run_now")
async def run_scheduled_now(key: str, _: AdminUser, session: SessionDep) -> TaskRunRead:
    """Run a scheduled task now instead of waiting for its next turn."""
    row = service.run_scheduled_now(session, key)
    await session.flush()
    return service.present(row)
