"""SQL for the analytics figures: aggregates (GROUP BY, CASE sums) over a user's applications, their events and the
postings' skills. The definitions behind the figures are in analytics/service.py."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import ColumnElement, Row, and_, case, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.core.db import local_date
from app.models.application import Application, ApplicationEvent, ApplicationStatus
from app.models.job import JobPosting, JobPostingSkill
from app.models.user import UserSkill

STAGES = ("applied", "interview", "offer", "accepted")


def _tracked(user_id: int, tz: str, since: date | None, until: date | None) -> list[ColumnElement[bool]]:
    """The user's applications tracked between two local dates (inclusive) of timezone `tz`."""
    from zoneinfo import ZoneInfo

    local = ZoneInfo(tz)
    where: list[ColumnElement[bool]] = [Application.user_id == user_id]
    if since is not None:
        where.append(Application.created_at >= datetime.combine(since, time.min, local).astimezone(UTC))
    if until is not None:
        where.append(
            Application.created_at < datetime.combine(until + timedelta(days=1), time.min, local).astimezone(UTC)
        )
    return where


def _funnel_columns() -> list[Any]:
    """Funnel counts over applications, from their rollups (applications.rollups): `tracked`, per stage the
    applications that reached it and `withdrawn_at_<stage>`, and the `withdrew`, `ghosted`, `rejected` outcomes."""
    a = Application
    cols: list[Any] = [func.count().label("tracked")]
    for rank, name in enumerate(STAGES, start=1):
        cols.append(func.coalesce(func.sum(case((a.reached_stage >= rank, 1), else_=0)), 0).label(name))
        # withdrawn while the furthest stage was this one: left out of the next rate's denominator
        cols.append(
            func.coalesce(func.sum(case((and_(a.withdrew, a.reached_stage == rank), 1), else_=0)), 0).label(
                f"withdrawn_at_{name}"
            )
        )
    for outcome in ("withdrew", "ghosted", "rejected"):
        cols.append(func.coalesce(func.sum(case((getattr(a, outcome), 1), else_=0)), 0).label(outcome))
    return cols


async def funnel(session: AsyncSession, user_id: int, tz: str, since: date | None, until: date | None) -> Row[Any]:
    """One row of funnel counts over the applications tracked in the range."""
    return (await session.execute(select(*_funnel_columns()).where(*_tracked(user_id, tz, since, until)))).one()


async def funnel_by_source(
    session: AsyncSession, user_id: int, tz: str, since: date | None, until: date | None
) -> Sequence[Row[Any]]:
    """Funnel rows per `source` ("added by you", "job boards"), in that order."""
    source = case((JobPosting.owner_id.is_(None), "job boards"), else_="added by you").label("source")
    rows = await session.execute(
        select(source, *_funnel_columns())
        .join(JobPosting, JobPosting.id == Application.job_posting_id)
        .where(*_tracked(user_id, tz, since, until))
        .group_by(source)
        .order_by(source)
    )
    return rows.all()


async def funnel_by_month(
    session: AsyncSession, user_id: int, tz: str, since: date | None, until: date | None
) -> Sequence[Row[Any]]:
    """Funnel rows per local `month` applied ('YYYY-MM'; None for a moment whose local day has no name), oldest
    first; applications not sent are left out."""
    month = func.substr(local_date(session, Application.applied_at, tz), 1, 7).label("month")
    rows = await session.execute(
        select(month, *_funnel_columns())
        .where(*_tracked(user_id, tz, since, until), Application.applied_at.is_not(None))
        .group_by(month)
        .order_by(month)
    )
    return rows.all()


async def _median(session: AsyncSession, column: Any, where: Sequence[ColumnElement[bool]]) -> tuple[float, int, float]:
    """(median, count, mean) of a column's non-null values, read in index order: no sort of every row."""
    n, mean = (await session.execute(select(func.count(column), func.avg(column)).where(*where))).one()
    n = int(n or 0)
    if n == 0:
        return 0.0, 0, 0.0
    middle = await session.scalars(
        select(column).where(*where, column.is_not(None)).order_by(column).offset((n - 1) // 2).limit(2 - n % 2)
    )
    values = [float(v) for v in middle.all()]
    return sum(values) / len(values), n, float(mean)


async def stage_seconds(session: AsyncSession, user_id: int, status: ApplicationStatus) -> tuple[float, int, float]:
    """(median, count, mean) seconds spent in `status` before the next change (events' durations, kept by the
    rollups; open stages have none)."""
    where = [ApplicationEvent.user_id == user_id, ApplicationEvent.to_status == status]
    return await _median(session, ApplicationEvent.duration_s, where)


async def response_seconds(session: AsyncSession, user_id: int) -> tuple[float, int, float]:
    """(median, count, mean) seconds from first reaching Applied to a first answer, over answered applications."""
    return await _median(session, Application.response_s, [Application.user_id == user_id])


def _windowed(spans: list[tuple[datetime, datetime]], tracked_by: int | None) -> tuple[Any, ColumnElement[bool]]:
    """The window index of a posting (0 = oldest) and the filter on postings in the windows and in the scope: the
    jobs `tracked_by` that user, or the shared catalogue when None."""
    bucket = case(*[(JobPosting.posted_at >= start, i) for i, (start, _) in reversed(list(enumerate(spans)))])
    in_range = and_(JobPosting.posted_at >= spans[0][0], JobPosting.posted_at < spans[-1][1])
    if tracked_by is not None:
        scoped: ColumnElement[bool] = JobPosting.id.in_(
            select(Application.job_posting_id).where(Application.user_id == tracked_by)
        )
    else:
        scoped = JobPosting.owner_id.is_(None)
    return bucket, and_(in_range, scoped)


async def postings_per_window(
    session: AsyncSession, spans: list[tuple[datetime, datetime]], tracked_by: int | None
) -> dict[int, int]:
    """{window index: postings} for the windows `spans` (oldest first, contiguous); empty windows are absent."""
    bucket, where = _windowed(spans, tracked_by)
    rows = await session.execute(select(bucket.label("b"), func.count()).where(where).group_by(bucket))
    return {int(b): int(n) for b, n in rows.all()}


async def skill_postings_per_window(
    session: AsyncSession, spans: list[tuple[datetime, datetime]], tracked_by: int | None
) -> Sequence[Row[str, int, int]]:
    """(skill, window index, postings listing it) rows for the windows `spans` (job_posting_skill)."""
    bucket, where = _windowed(spans, tracked_by)
    rows = await session.execute(
        select(JobPostingSkill.skill, bucket.label("b"), func.count())
        .join(JobPosting, JobPosting.id == JobPostingSkill.job_posting_id)
        .where(where)
        .group_by(JobPostingSkill.skill, bucket)
    )
    return rows.all()


async def tracked_job_count(session: AsyncSession, user_id: int) -> int:
    tracked = select(Application.job_posting_id).where(Application.user_id == user_id)
    return int(await session.scalar(select(func.count()).select_from(tracked.subquery())) or 0)


async def skills_asked(session: AsyncSession, user_id: int, limit: int) -> Sequence[Row[str, int, int]]:
    """(skill, jobs, have) rows over the jobs the user tracks: the jobs listing the skill and whether the user's
    profile has it (case-insensitive), most asked first."""
    mine = select(func.lower(UserSkill.name)).where(UserSkill.user_id == user_id)
    tracked = select(Application.job_posting_id).where(Application.user_id == user_id)
    have = func.lower(JobPostingSkill.skill).in_(mine)
    rows = await session.execute(
        select(JobPostingSkill.skill, func.count().label("n"), func.max(case((have, 1), else_=0)).label("have"))
        .where(JobPostingSkill.job_posting_id.in_(tracked))
        .group_by(JobPostingSkill.skill)
        .order_by(func.count().desc(), JobPostingSkill.skill)
        .limit(limit)
    )
    return rows.all()
