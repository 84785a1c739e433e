"""/api/v1/onboarding: the guided start, resumable."""

from __future__ import annotations

from app.api.deps import SessionDep
from app.api.routing import Router
from app.auth.dependencies import CurrentUser
from app.gamification import onboarding
from app.gamification.schemas import OnboardingFinish, OnboardingRead, OnboardingUpdate

router = Router(tags=["analytics"])


@router.get("/onboarding", operation_id="onboarding-read")
async def read_onboarding(user: CurrentUser) -> OnboardingRead:
    """Where the guided start is (resumable)."""
    return onboarding.read(user)


@router.put("/onboarding", operation_id="onboarding-update")
async def update_onboarding(data: OnboardingUpdate, user: CurrentUser, session: SessionDep) -> OnboardingRead:
    """Remember the step the user is on."""
    return await onboarding.go_to(session, user, data.step)


@router.post("/onboarding/finish", operation_id="onboarding-finish")
async def finish_onboarding(data: OnboardingFinish, user: CurrentUser, session: SessionDep) -> OnboardingRead:
    """Finish (earns "Ready for Take-off") or skip the guided start."""
    return await onboarding.finish(session, user, data.skipped)
