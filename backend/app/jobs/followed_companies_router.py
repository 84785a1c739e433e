"""/api/v1/followed-companies: the company boards a user follows (ingest fetches them with the saved searches)."""

from __future__ import annotations

from fastapi import status

from app.api.deps import SessionDep, SettingsDep
from app.api.routing import Router
from app.auth.dependencies import CurrentUser
from app.core.exceptions import NotFound
from app.core.schemas import Id
from app.jobs import sources_service as service
from app.jobs.sources_schemas import FollowIn, FollowRead

router = Router(tags=["sources"])


@router.get("/followed-companies", operation_id="follows-list")
async def list_follows(user: CurrentUser, session: SessionDep) -> list[FollowRead]:
    """Company boards you follow."""
    return [FollowRead.model_validate(r) for r in await service.follows_of(session, user.id)]


@router.post("/followed-companies", status_code=status.HTTP_201_CREATED, operation_id="follows-create")
async def follow(data: FollowIn, user: CurrentUser, session: SessionDep, settings: SettingsDep) -> FollowRead:
    """Follow a company's board (Greenhouse, Lever, Ashby, SmartRecruiters or Workable token)."""
    return FollowRead.model_validate(await service.follow(session, user.id, data.source, data.token, settings))


@router.delete("/followed-companies/{follow_id}", status_code=status.HTTP_204_NO_CONTENT, operation_id="follows-delete")
async def unfollow(follow_id: Id, user: CurrentUser, session: SessionDep) -> None:
    """Stop following a company board."""
    if not await service.unfollow(session, user.id, follow_id):
        raise NotFound("You do not follow this company board.", code="follow_not_found")
