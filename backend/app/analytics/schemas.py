"""Response bodies of /api/v1/analytics."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import Field

from app.core.schemas import Schema


class Funnel(Schema):
    tracked: int
    applied: int
    interview: int
    offer: int
    accepted: int
    withdrawn: int
    ghosted: int
    rejected: int


class Rates(Schema):
    applied_to_interview: float | None
    interview_to_offer: float | None
    offer_to_accepted: float | None
    overall: float | None


class SourceRates(Schema):
    source: str
    funnel: Funnel
    rates: Rates


class MonthRates(Schema):
    month: str
    funnel: Funnel
    rates: Rates


class SuccessRates(Schema):
    funnel: Funnel
    rates: Rates
    by_source: list[SourceRates]
    by_month: list[MonthRates]


class StageTime(Schema):
    stage: str
    median_days: float
    mean_days: float
    transitions: int


class FirstResponse(Schema):
    median_days: float | None
    answered: int


class TimeInStage(Schema):
    stages: list[StageTime]
    first_response: FirstResponse


class StreakRead(Schema):
    current: int
    longest: int
    today_met: bool


class Summary(Schema):
    success: SuccessRates
    time_in_stage: TimeInStage
    streak: StreakRead
    achievements_earned: int


class TrendPoint(Schema):
    count: int
    share: float


class SkillTrend(Schema):
    skill: str
    count: int
    share: float = Field(description="Percent of the window's postings that list it")
    change_pp: float = Field(description="Change of share from the previous window, in percentage points")
    trend: Literal["rising", "declining", "steady"]
    series: list[TrendPoint]


class TrendWindow(Schema):
    start: datetime
    end: datetime
    postings: int


class SkillTrends(Schema):
    scope: Literal["tracked", "market"]
    windows: list[TrendWindow]
    skills: list[SkillTrend]
    rising: list[str]
    declining: list[str]


class GapItem(Schema):
    skill: str
    jobs: int
    share: float
    have: bool


class SkillGap(Schema):
    tracked_jobs: int
    missing: list[GapItem]
    matched: list[GapItem]


class ActivityPoint(Schema):
    date: str = Field(description="First day of the bucket (YYYY-MM-DD)")
    count: int
    met: bool | None = Field(description="Daily goal met (daily granularity only)")


class Activity(Schema):
    goal: int
    granularity: Literal["day", "week", "month"]
    points: list[ActivityPoint]
    streak: StreakRead
