"""The tracker: applications, the board, and each application's history."""

from __future__ import annotations

from typing import Annotated

from fastapi import Query, status

from app.api.deps import SessionDep
from app.api.routing import Router
from app.applications import service
from app.applications.schemas import (
    ApplicationCreate,
    ApplicationEventRead,
    ApplicationRead,
    ApplicationUpdate,
    BoardRead,
)
from app.auth.dependencies import CurrentUser
from app.core.clock import local_today
from app.core.pagination import Page, PageDep
from app.core.schemas import Id
from app.gamification import service as achievements
from app.models.application import ApplicationStatus

router = Router(prefix="/applications", tags=["applications"])


@router.post("", status_code=status.HTTP_201_CREATED, operation_id="applications-create")
async def track_job(data: ApplicationCreate, user: CurrentUser, session: SessionDep) -> ApplicationRead:
    """Start tracking a job (409 `already_tracked` when you already do)."""
    created = await service.track(session, user.id, data)
    await achievements.evaluate(session, user, local_today(user))
    return created


@router.get("", operation_id="applications-list")
async def list_applications(
    user: CurrentUser,
    session: SessionDep,
    paging: PageDep,
    status_filter: Annotated[ApplicationStatus | None, Query(alias="status")] = None,
) -> Page[ApplicationRead]:
    """Your applications, optionally in one status, in board order."""
    items, total = await service.list_page(session, user.id, status_filter, paging.offset, paging.size)
    return Page(items=items, total=total, page=paging.page, size=paging.size)


@router.get("/board", operation_id="applications-board")
async def board(
    user: CurrentUser,
    session: SessionDep,
    per_column: Annotated[int, Query(ge=1, le=100, description="Cards per column")] = 25,
) -> BoardRead:
    """Every status column with its total and first cards."""
    return await service.board(session, user.id, per_column)


@router.get("/{application_id}", operation_id="applications-read")
async def read_application(application_id: Id, user: CurrentUser, session: SessionDep) -> ApplicationRead:
    """One application."""
    return await service.read(session, user.id, application_id)


@router.patch("/{application_id}", operation_id="applications-update")
async def update_application(
    application_id: Id, data: ApplicationUpdate, user: CurrentUser, session: SessionDep
) -> ApplicationRead:
    """Move it (409 `illegal_transition` with the reason when the move is not allowed), reorder it, edit notes."""
    updated, can_earn = await service.update(session, user.id, application_id, data)
    if can_earn:  # only a move forward can earn something; reordering and moves back stay cheap
        await achievements.evaluate(session, user, local_today(user))
    return updated


@router.delete("/{application_id}", status_code=status.HTTP_204_NO_CONTENT, operation_id="applications-delete")
async def delete_application(application_id: Id, user: CurrentUser, session: SessionDep) -> None:
    """Stop tracking (the job stays; its history goes)."""
    await service.delete(session, user.id, application_id)


@router.get("/{application_id}/events", operation_id="applications-events")
async def application_events(
    application_id: Id, user: CurrentUser, session: SessionDep, paging: PageDep
) -> Page[ApplicationEventRead]:
    """The status history, oldest first."""
    items, total = await service.events(session, user.id, application_id, paging.offset, paging.size)
    return Page(items=items, total=total, page=paging.page, size=paging.size)
