"""Analytics, cached per user and data generation."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import date, timedelta
from typing import Annotated, Any, Literal, TypeVar

from fastapi import Query, Request
from pydantic import BaseModel
from sqlalchemy.ext.asyncio import AsyncSession

from app.analytics import service, snapshots
from app.analytics.schemas import (
    Activity,
    SkillGap,
    SkillTrends,
    SuccessRates,
    Summary,
    TimeInStage,
)
from app.api.deps import SessionDep
from app.api.routing import Router
from app.auth.dependencies import CurrentUser
from app.core import cache_invalidation as invalidation
from app.core.cache import Cache
from app.core.clock import local_today
from app.core.exceptions import AppError
from app.core.schemas import UserDate
from app.gamification import repository as achievements
from app.gamification.service import user_streak
from app.models.user import User

router = Router(tags=["analytics"])
M = TypeVar("M", bound=BaseModel)
CACHE_TTL_SECONDS = 300
MARKET_TTL_SECONDS = 3600
MAX_RANGE_DAYS = 3 * 366


class BadRange(AppError):
    status_code = 400
    code = "bad_range"


def _range(user: User, since: date | None, until: date | None, default_days: int | None) -> tuple[date | None, date]:
    until = until or local_today(user)
    if since is None and default_days is not None:
        since = until - timedelta(days=default_days - 1)
    if since is not None:
        if since > until:
            raise BadRange("The start date is after the end date.")
        if (until - since).days > MAX_RANGE_DAYS:
            raise BadRange(f"Ask for at most {MAX_RANGE_DAYS} days at a time.")
    return since, until


async def _cached(
    request: Request,
    session: AsyncSession,
    user: User,
    name: str,
    model: type[M],
    compute: Callable[[], Awaitable[Any]],
    *,
    postings: bool = False,
) -> M:
    """Through the cache (family `analytics`), keyed by the user's data generation: any commit that changes the
    user's applications, history, skills, profile or achievements bumps it (`core/cache_invalidation.py`), and
    figures that read postings' skills also carry the catalogue's generation."""
    tags = [*invalidation.user_tags(user.id), *([invalidation.CATALOGUE] if postings else [])]
    key = f"{user.id}:{name}:{request.url.query}:{local_today(user)}"
    return await _through_cache(request, "analytics", key, model, compute, CACHE_TTL_SECONDS, tags)


async def _through_cache(
    request: Request,
    family: str,
    key: str,
    model: type[M],
    compute: Callable[[], Awaitable[Any]],
    ttl: int,
    tags: list[str],
) -> M:
    async def dumped() -> Any:
        return model.model_validate(await compute()).model_dump(mode="json")

    cache: Cache = request.app.state.cache
    return model.model_validate(await cache.get_or_compute(family, key, dumped, ttl, tags=tags))


Since = Annotated[UserDate | None, Query(description="First local day (YYYY-MM-DD)")]
Until = Annotated[UserDate | None, Query(description="Last local day (YYYY-MM-DD); default today")]


@router.get("/analytics/summary", operation_id="analytics-summary")
async def summary(
    request: Request, user: CurrentUser, session: SessionDep, since: Since = None, until: Until = None
) -> Summary:
    """Funnel and success rates, time in stage, streak and achievements, for applications tracked in the range."""
    start, end = _range(user, since, until, None)

    async def compute() -> dict[str, Any]:
        streak = await user_streak(session, user, local_today(user))
        earned = await achievements.count_earned(session, user.id)
        return {
            "success": await service.success_rates(session, user, start, end if until else None),
            "time_in_stage": await service.time_in_stage(session, user),
            "streak": {"current": streak.current, "longest": streak.longest, "today_met": streak.today_met},
            "achievements_earned": earned,
        }

    return await _cached(request, session, user, "summary", Summary, compute)


@router.get("/analytics/success-rates", operation_id="analytics-success_rates")
async def success_rates(
    request: Request, user: CurrentUser, session: SessionDep, since: Since = None, until: Until = None
) -> SuccessRates:
    """The funnel and the rate of each step, overall, by source and by month applied."""
    start, end = _range(user, since, until, None)
    return await _cached(
        request, session, user, "rates", SuccessRates,
        lambda: service.success_rates(session, user, start, end if until else None),
    )  # fmt: skip


@router.get("/analytics/time-in-stage", operation_id="analytics-time_in_stage")
async def time_in_stage(request: Request, user: CurrentUser, session: SessionDep) -> TimeInStage:
    """Median days spent in each status, and median days to a first answer."""
    return await _cached(request, session, user, "stages", TimeInStage, lambda: service.time_in_stage(session, user))


@router.get("/analytics/skill-trends", operation_id="analytics-skill_trends")
async def skill_trends(
    request: Request,
    user: CurrentUser,
    session: SessionDep,
    scope: Annotated[Literal["tracked", "market"], Query(description="Jobs you track, or all postings")] = "market",
    window_days: Annotated[int, Query(ge=7, le=180, description="Days per window")] = 30,
    windows: Annotated[int, Query(ge=2, le=12, description="How many windows back")] = 6,
) -> SkillTrends:
    """Which skills postings ask for, and which are rising or declining (see the rule in the docs)."""

    def compute() -> Awaitable[Any]:
        return service.skill_demand_trends(session, user, scope, window_days=window_days, windows=windows)

    if scope == "tracked":
        return await _cached(request, session, user, "trends", SkillTrends, compute, postings=True)
    stored = await snapshots.read_market(session, window_days, windows)  # refreshed every 30 minutes
    if stored is not None:
        return SkillTrends.model_validate(stored)
    # The market view is the same for everyone: one cache entry for all users, renewed when postings arrive.
    key = f"{window_days}:{windows}:{local_today(user)}"
    return await _through_cache(
        request, "analytics_market", key, SkillTrends, compute, MARKET_TTL_SECONDS, [invalidation.CATALOGUE]
    )


@router.get("/analytics/skill-gap", operation_id="analytics-skill_gap")
async def skill_gap(request: Request, user: CurrentUser, session: SessionDep) -> SkillGap:
    """Skills the jobs you track ask for that your profile lacks (and the ones it has)."""
    return await _cached(
        request, session, user, "gap", SkillGap, lambda: service.skill_gap(session, user), postings=True
    )


@router.get("/analytics/activity", operation_id="analytics-activity")
async def activity(
    request: Request,
    user: CurrentUser,
    session: SessionDep,
    since: Since = None,
    until: Until = None,
    granularity: Annotated[Literal["day", "week", "month"], Query()] = "day",
) -> Activity:
    """Applications sent per day (or week, month) against the daily goal: the heatmap. Default: the last year."""
    start, end = _range(user, since, until, 365)
    assert start is not None

    async def compute() -> dict[str, Any]:
        daily = await service.activity(session, user, start, end)
        return {**daily, "granularity": granularity, "points": service.bucket(daily["days"], granularity)}

    return await _cached(request, session, user, "activity", Activity, compute)
