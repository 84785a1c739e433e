"""The signed-in user's profile."""

from __future__ import annotations

from dataclasses import asdict

from fastapi import status

from app.api.deps import RateLimiterDep, SessionDep
from app.api.routing import Router
from app.auth.dependencies import CurrentUser
from app.core.clock import local_today
from app.gamification import service as achievements
from app.summaries.service import daily_stats
from app.summaries.tasks import DELIVER
from app.tasks.registry import enqueue
from app.tasks.schemas import TaskRunRead
from app.users import service
from app.users.schemas import ProfileRead, ProfileUpdate, SkillsReplace, TodayRead

router = Router(prefix="/users", tags=["users"])


@router.get("/me", operation_id="users-read_me")
async def read_me(user: CurrentUser, session: SessionDep) -> ProfileRead:
    """The profile: basics and skills."""
    return ProfileRead.model_validate(await service.get_profile(session, user.id))


@router.patch("/me", operation_id="users-update_me")
async def update_me(data: ProfileUpdate, user: CurrentUser, session: SessionDep) -> ProfileRead:
    """Update name, timezone, daily application goal or evening summary (hour, on/off)."""
    return ProfileRead.model_validate(await service.update_profile(session, user.id, data))


@router.put("/me/skills", operation_id="users-replace_skills")
async def replace_skills(data: SkillsReplace, user: CurrentUser, session: SessionDep) -> ProfileRead:
    """Make the profile's skills exactly this list."""
    profile = await service.replace_skills(session, user.id, data.skills)
    await achievements.evaluate(session, user, local_today(user))
    return ProfileRead.model_validate(profile)


@router.get("/me/today", operation_id="users-read_today")
async def read_today(user: CurrentUser, session: SessionDep) -> TodayRead:
    """Today in your timezone: applications sent against your goal, streak, new jobs, status changes."""
    stats = await daily_stats(session, user, local_today(user))
    return TodayRead.model_validate(asdict(stats))


@router.post("/me/evening-summary", status_code=status.HTTP_202_ACCEPTED, operation_id="users-send_summary_now")
async def send_summary_now(user: CurrentUser, session: SessionDep, limiter: RateLimiterDep) -> TaskRunRead:
    """Send today's evening summary now (to try the settings); it does not count as the day's scheduled one."""
    await limiter.hit(
        "3/10minutes", "summary-now", str(user.id), message="You can send a summary 3 times in 10 minutes."
    )
    row = enqueue(session, DELIVER, user.id, None, user_id=user.id)
    await session.flush()
    return TaskRunRead.model_validate(row)
