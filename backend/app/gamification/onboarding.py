"""Guided start: welcome → profile basics → resume or skills → first saved search → first tracked job → board
tour. Resumable (the step is stored), skippable, and finishing it (not skipping) earns an achievement."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from app.core.clock import local_today
from app.gamification import service as achievements
from app.gamification.schemas import OnboardingRead
from app.models.base import utcnow
from app.models.user import User

STEPS = ["welcome", "profile", "skills", "search", "track", "tour"]
SKIPPED = "skipped"
DONE = "done"


def read(user: User) -> OnboardingRead:
    step = user.onboarding_step
    finished = user.onboarding_finished_at is not None or step == SKIPPED
    return OnboardingRead(
        step=step if step in STEPS else (None if finished else "welcome"),
        finished=finished,
        skipped=step == SKIPPED,
        steps=STEPS,
    )


async def go_to(session: AsyncSession, user: User, step: str) -> OnboardingRead:
    user.onboarding_step = step
    await session.flush()
    return read(user)


async def finish(session: AsyncSession, user: User, skipped: bool) -> OnboardingRead:
    if skipped:
        user.onboarding_step = SKIPPED
    else:
        user.onboarding_step = DONE
        user.onboarding_finished_at = user.onboarding_finished_at or utcnow()
    await session.flush()
    if not skipped:
        await achievements.evaluate(session, user, local_today(user))
    return read(user)
