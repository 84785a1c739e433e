"""SQL of interview practice. Every query is scoped to one user."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Row, Select, delete, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from app.models.interview import InterviewAnswer, InterviewSession
from app.models.job import JobPosting

WEAKEST_LIMIT = 5
STATS_SESSIONS = 100


@dataclass
class SessionFacts:
    """A session with what the lists show beside it: its job's title and company, counts and mean score."""

    row: InterviewSession
    job_title: str | None
    company: str | None
    total: int
    answered: int
    score: float | None


def _with_facts() -> Select[Any]:
    return (
        select(
            InterviewSession,
            JobPosting.title,
            JobPosting.company,
            func.count(InterviewAnswer.id),
            func.count(InterviewAnswer.answer),
            func.avg(InterviewAnswer.score),
        )
        .outerjoin(JobPosting, JobPosting.id == InterviewSession.job_posting_id)
        .outerjoin(InterviewAnswer, InterviewAnswer.session_id == InterviewSession.id)
        .group_by(InterviewSession.id, JobPosting.title, JobPosting.company)
    )


def _facts(row: Row[Any]) -> SessionFacts:
    session, title, company, total, answered, score = tuple(row)
    return SessionFacts(session, title, company, total, answered, None if score is None else round(float(score), 1))


async def get_owned(
    session: AsyncSession, user_id: int, session_id: int, *, lock: bool = False
) -> InterviewSession | None:
    query = select(InterviewSession).where(InterviewSession.id == session_id, InterviewSession.user_id == user_id)
    if lock:  # serialises writers of one session (positions, the mean score) on PostgreSQL
        query = query.with_for_update().execution_options(populate_existing=True)
    return await session.scalar(query)


async def get_facts(session: AsyncSession, user_id: int, session_id: int) -> SessionFacts | None:
    row = (
        await session.execute(
            _with_facts().where(InterviewSession.id == session_id, InterviewSession.user_id == user_id)
        )
    ).first()
    return None if row is None else _facts(row)


async def list_page(session: AsyncSession, user_id: int, offset: int, limit: int) -> tuple[list[SessionFacts], int]:
    where = InterviewSession.user_id == user_id
    total = await session.scalar(select(func.count()).select_from(InterviewSession).where(where)) or 0
    rows = await session.execute(
        _with_facts()
        .where(where)
        .order_by(InterviewSession.created_at.desc(), InterviewSession.id.desc())
        .offset(offset)
        .limit(limit)
    )
    return [_facts(r) for r in rows.all()], total


async def questions(session: AsyncSession, session_id: int) -> list[InterviewAnswer]:
    rows = await session.scalars(
        select(InterviewAnswer).where(InterviewAnswer.session_id == session_id).order_by(InterviewAnswer.position)
    )
    return list(rows.all())


async def get_question(session: AsyncSession, user_id: int, session_id: int, answer_id: int) -> InterviewAnswer | None:
    return await session.scalar(
        select(InterviewAnswer).where(
            InterviewAnswer.id == answer_id,
            InterviewAnswer.session_id == session_id,
            InterviewAnswer.user_id == user_id,
        )
    )


async def record_answer(session: AsyncSession, answer_id: int, text: str, at: datetime) -> bool:
    """Store the answer unless the question has one already (conditional, so two tabs sending at once cannot both
    win); whether it was stored."""
    result = await session.execute(
        update(InterviewAnswer)
        .where(InterviewAnswer.id == answer_id, InterviewAnswer.answer.is_(None))
        .values(answer=text, answered_at=at, score=None, feedback={})
        .execution_options(synchronize_session=False)
    )
    return bool(getattr(result, "rowcount", 0))


async def next_position(session: AsyncSession, session_id: int) -> int:
    current = await session.scalar(
        select(func.max(InterviewAnswer.position)).where(InterviewAnswer.session_id == session_id)
    )
    return (current or 0) + 1


async def mean_score(session: AsyncSession, session_id: int) -> float | None:
    value = await session.scalar(
        select(func.avg(InterviewAnswer.score)).where(
            InterviewAnswer.session_id == session_id, InterviewAnswer.score.is_not(None)
        )
    )
    return None if value is None else round(float(value), 1)


async def delete_owned(session: AsyncSession, user_id: int, session_id: int) -> bool:
    result = await session.execute(
        delete(InterviewSession).where(InterviewSession.id == session_id, InterviewSession.user_id == user_id)
    )
    return bool(getattr(result, "rowcount", 0))


async def session_scores(session: AsyncSession, user_id: int) -> list[tuple[int, Any, float, str]]:
    """(id, created_at, mean score, job title) of the user's scored sessions, the latest 100, oldest first."""
    rows = await session.execute(
        select(
            InterviewSession.id,
            InterviewSession.created_at,
            func.avg(InterviewAnswer.score),
            func.coalesce(JobPosting.title, InterviewSession.title),
        )
        .join(InterviewAnswer, InterviewAnswer.session_id == InterviewSession.id)
        .outerjoin(JobPosting, JobPosting.id == InterviewSession.job_posting_id)
        .where(InterviewSession.user_id == user_id, InterviewAnswer.score.is_not(None))
        .group_by(InterviewSession.id, InterviewSession.created_at, JobPosting.title, InterviewSession.title)
        .order_by(InterviewSession.created_at.desc(), InterviewSession.id.desc())
        .limit(STATS_SESSIONS)
    )
    return [(r[0], r[1], round(float(r[2]), 1), r[3]) for r in reversed(rows.all())]


async def category_scores(session: AsyncSession, user_id: int) -> list[tuple[str, int, float]]:
    rows = await session.execute(
        select(InterviewAnswer.category, func.count(), func.avg(InterviewAnswer.score))
        .where(InterviewAnswer.user_id == user_id, InterviewAnswer.score.is_not(None))
        .group_by(InterviewAnswer.category)
        .order_by(InterviewAnswer.category)
    )
    return [(r[0], int(r[1]), round(float(r[2]), 1)) for r in rows.all()]


async def weakest(session: AsyncSession, user_id: int, limit: int = WEAKEST_LIMIT) -> list[InterviewAnswer]:
    rows = await session.scalars(
        select(InterviewAnswer)
        .where(InterviewAnswer.user_id == user_id, InterviewAnswer.score.is_not(None))
        .order_by(InterviewAnswer.score, InterviewAnswer.answered_at.desc(), InterviewAnswer.id.desc())
        .limit(limit)
    )
    return list(rows.all())
