"""Bodies of /api/v1/achievements and /api/v1/onboarding."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from app.core.schemas import Schema


class AchievementRead(Schema):
    code: str
    title: str
    description: str
    earned: bool
    awarded_at: datetime | None
    progress: int
    target: int
    available: bool


OnboardingStep = Literal["welcome", "profile", "skills", "search", "track", "tour"]


class OnboardingRead(Schema):
    step: OnboardingStep | None
    finished: bool
    skipped: bool
    steps: list[OnboardingStep]


class OnboardingUpdate(Schema):
    step: OnboardingStep


class OnboardingFinish(Schema):
    skipped: bool = False
