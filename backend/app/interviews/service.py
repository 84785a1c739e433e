"""Interview practice as the API offers it: start a session for a job, answer questions one at a time (feedback is
written in the background and streamed as `interview.feedback` events), retry, finish, history and statistics.

The request only records what the user did and enqueues the work (`interviews.prepare`, `interviews.feedback`);
the work itself is in flow.py."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from app.interviews import repository
from app.interviews.exceptions import (
    AlreadyAnswered,
    InterviewFinished,
    InterviewNotFound,
    InterviewNotReady,
    NotAnsweredYet,
    QuestionNotFound,
)
from app.interviews.repository import SessionFacts
from app.interviews.schemas import (
    CategoryScore,
    InterviewCreate,
    InterviewStats,
    QuestionRead,
    SessionRead,
    SessionScore,
    SessionSummary,
    WeakAnswer,
)
from app.jobs import service as jobs
from app.models.base import utcnow
from app.models.interview import InterviewAnswer, InterviewSession
from app.tasks.registry import enqueue


def summary(facts: SessionFacts) -> SessionSummary:
    row = facts.row
    return SessionSummary(
        id=row.id,
        job_posting_id=row.job_posting_id,
        title=row.title,
        job_title=facts.job_title or row.title,
        company=facts.company,
        status=row.status,
        provider=row.provider,
        score=facts.score,
        answered=facts.answered,
        total=facts.total,
        created_at=row.created_at,
        finished_at=row.finished_at,
    )


async def read_session(session: AsyncSession, user_id: int, session_id: int) -> SessionRead:
    """The session with its questions in order; the next to answer is the first whose answer is null."""
    facts = await repository.get_facts(session, user_id, session_id)
    if facts is None:
        raise InterviewNotFound()
    rows = await repository.questions(session, session_id)
    return SessionRead(
        **summary(facts).model_dump(),
        model=facts.row.model,
        prompt_version=facts.row.prompt_version,
        task_id=facts.row.task_id,
        questions=[QuestionRead.model_validate(q) for q in rows],
    )


async def start_session(session: AsyncSession, user_id: int, data: InterviewCreate) -> SessionRead:
    """A new session for a job the user can see; its questions are prepared in the background."""
    job = await jobs.get_visible(session, user_id, data.job_posting_id)
    row = InterviewSession(
        user_id=user_id,
        job_posting_id=job.id,
        title=f"{job.title} at {job.company}"[:300],
        status="preparing",
        created_at=utcnow(),
    )
    session.add(row)
    await session.flush()
    run = enqueue(session, "interviews.prepare", row.id, data.question_count, user_id=user_id)
    row.task_id = run.task_id
    await session.flush()
    return await read_session(session, user_id, row.id)


async def list_sessions(
    session: AsyncSession, user_id: int, offset: int, limit: int
) -> tuple[list[SessionSummary], int]:
    rows, total = await repository.list_page(session, user_id, offset, limit)
    return [summary(r) for r in rows], total


async def _owned(session: AsyncSession, user_id: int, session_id: int, *, lock: bool = False) -> InterviewSession:
    row = await repository.get_owned(session, user_id, session_id, lock=lock)
    if row is None:
        raise InterviewNotFound()
    return row


async def submit_answer(
    session: AsyncSession, user_id: int, session_id: int, answer_id: int, text: str
) -> QuestionRead:
    """Record the answer and start writing its feedback; 409 when it was answered already or the session ended."""
    interview = await _owned(session, user_id, session_id)
    question = await repository.get_question(session, user_id, session_id, answer_id)
    if question is None:
        raise QuestionNotFound()
    if interview.status == "finished":
        raise InterviewFinished()
    if interview.status != "active":
        raise InterviewNotReady(interview.status)
    # Conditional, so two tabs sending at once cannot both win.
    if not await repository.record_answer(session, answer_id, text, utcnow()):
        raise AlreadyAnswered()
    await session.refresh(question)
    enqueue(session, "interviews.feedback", answer_id, user_id=user_id)
    return QuestionRead.model_validate(question)


async def finish_session(session: AsyncSession, user_id: int, session_id: int) -> SessionRead:
    """End the session; its score is the mean of the answered questions' scores."""
    interview = await _owned(session, user_id, session_id, lock=True)
    if interview.status in ("preparing", "failed"):
        raise InterviewNotReady(interview.status)
    if interview.status != "finished":
        interview.status, interview.finished_at = "finished", utcnow()
    interview.score = await repository.mean_score(session, session_id)
    await session.flush()
    return await read_session(session, user_id, session_id)


async def retry_question(
    session: AsyncSession, user_id: int, session_id: int, answer_id: int, target_id: int | None
) -> QuestionRead:
    """Ask an answered question again: a new row (retry_of_id) at the end of this or another of the user's
    sessions, which re-opens if it was finished."""
    await _owned(session, user_id, session_id)
    original = await repository.get_question(session, user_id, session_id, answer_id)
    if original is None:
        raise QuestionNotFound()
    if original.answer is None:
        raise NotAnsweredYet()
    target = await _owned(session, user_id, target_id or session_id, lock=True)
    if target.status in ("preparing", "failed"):
        raise InterviewNotReady(target.status)
    if target.status == "finished":
        target.status, target.finished_at = "active", None
    row = InterviewAnswer(
        session_id=target.id,
        user_id=user_id,
        position=await repository.next_position(session, target.id),
        category=original.category,
        skill=original.skill,
        question=original.question,
        feedback={},
        retry_of_id=original.id,
        created_at=utcnow(),
    )
    session.add(row)
    await session.flush()
    return QuestionRead.model_validate(row)


async def delete_session(session: AsyncSession, user_id: int, session_id: int) -> None:
    if not await repository.delete_owned(session, user_id, session_id):
        raise InterviewNotFound()


async def stats(session: AsyncSession, user_id: int) -> InterviewStats:
    """Scores over time (per session), by category, and the weakest answered questions."""
    sessions = await repository.session_scores(session, user_id)
    categories = await repository.category_scores(session, user_id)
    weakest = await repository.weakest(session, user_id)
    return InterviewStats(
        sessions=[SessionScore(id=i, created_at=at, score=s, job_title=t) for i, at, s, t in sessions],
        by_category=[CategoryScore(category=c, answered=n, mean_score=m) for c, n, m in categories],
        weakest=[
            WeakAnswer(
                answer_id=a.id,
                session_id=a.session_id,
                question=a.question,
                score=a.score or 0,
                category=a.category,
            )
            for a in weakest
        ],
    )
