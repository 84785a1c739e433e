"""The signed-in user's profile."""

from __future__ import annotations

from fastapi import APIRouter

from app.api.deps import CurrentUser, SessionDep
from app.api.routing import CommittingRoute
from app.users import service
from app.users.schemas import ProfileRead, ProfileUpdate, SkillsReplace

router = APIRouter(prefix="/users", tags=["users"], route_class=CommittingRoute)


@router.get("/me", operation_id="users-read_me")
async def read_me(user: CurrentUser, session: SessionDep) -> ProfileRead:
    """The profile: basics and skills."""
    return ProfileRead.model_validate(await service.get_profile(session, user.id))


@router.patch("/me", operation_id="users-update_me")
async def update_me(data: ProfileUpdate, user: CurrentUser, session: SessionDep) -> ProfileRead:
    """Update name, timezone or daily application goal."""
    return ProfileRead.model_validate(await service.update_profile(session, user.id, data))


@router.put("/me/skills", operation_id="users-replace_skills")
async def replace_skills(data: SkillsReplace, user: CurrentUser, session: SessionDep) -> ProfileRead:
    """Make the profile's skills exactly this list."""
    return ProfileRead.model_validate(await service.replace_skills(session, user.id, data.skills))
