"""/api/v1/achievements: what a user has earned, and how far they are from the rest."""

from __future__ import annotations

from app.api.deps import SessionDep
from app.api.routing import Router
from app.auth.dependencies import CurrentUser
from app.core.clock import local_today
from app.gamification import service
from app.gamification.schemas import AchievementRead
from app.gamification.service import BY_CODE, CATALOGUE, figures

router = Router(tags=["analytics"])


@router.get("/achievements", operation_id="achievements-list")
async def achievements(user: CurrentUser, session: SessionDep) -> list[AchievementRead]:
    """Every achievement: earned ones with the date, locked ones with progress."""
    earned = await service.earned(session, user.id)
    f = await figures(session, user, local_today(user))
    return [
        AchievementRead(
            code=r.code,
            title=r.title,
            description=r.description,
            earned=r.code in earned,
            awarded_at=earned.get(r.code),
            progress=r.target if r.code in earned else min(r.value(f), r.target),
            target=r.target,
            available=r.available,
        )
        for r in CATALOGUE
    ] + [
        AchievementRead(
            code=code, title=code, description="", earned=True, awarded_at=at, progress=1, target=1, available=True
        )
        for code, at in earned.items()
        if code not in BY_CODE
    ]
