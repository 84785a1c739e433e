"""The background half of interview practice, run by the tasks (tasks.py) and callable directly in tests:
prepare a session's questions, and score an answer while streaming its feedback.

`open_session` is a unit of work that commits and then publishes the events it queued (`TaskContext.session`);
`publish(user_id, data)` sends an `interview.feedback` delta at once, outside any transaction."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from contextlib import AbstractAsyncContextManager

import structlog
from sqlalchemy.ext.asyncio import AsyncSession

from app.interviews import repository
from app.interviews.feedback import produce_feedback
from app.interviews.questions import JobFacts, generate_questions, session_seed
from app.interviews.schemas import InterviewFeedback, InterviewFeedbackData
from app.llm.client import LLMClient
from app.models.base import utcnow
from app.models.interview import InterviewAnswer, InterviewSession
from app.models.job import JobPosting
from app.realtime.envelope import publish_after_commit

log = structlog.get_logger(__name__)

OpenSession = Callable[[], AbstractAsyncContextManager[AsyncSession]]
Publish = Callable[[int, InterviewFeedback], Awaitable[None]]


async def _job_facts(session: AsyncSession, interview: InterviewSession) -> JobFacts:
    job = await session.get(JobPosting, interview.job_posting_id) if interview.job_posting_id else None
    return JobFacts.of(job, interview.title)


async def prepare_questions(open_session: OpenSession, client: LLMClient, session_id: int, count: int) -> str:
    """Write the session's questions (positions 1..count) and make it active; a failure marks it failed.
    Read, close, ask the model, then write: no transaction is open while the model answers."""
    try:
        async with open_session() as session:
            interview = await session.get(InterviewSession, session_id)
            if interview is None:
                return "session gone"
            if interview.status != "preparing":
                return "already prepared"
            job = await _job_facts(session, interview)
            user_id = interview.user_id
        made = await generate_questions(client, job, count, session_seed(job.job_id, session_id), user_id=user_id)
        async with open_session() as session:
            interview = await session.get(InterviewSession, session_id)
            if interview is None:
                return "session gone"
            if interview.status != "preparing":  # prepared by another run meanwhile (a redelivered task)
                return "already prepared"
            for position, question in enumerate(made.questions, start=1):
                session.add(
                    InterviewAnswer(
                        session_id=session_id,
                        user_id=interview.user_id,
                        position=position,
                        category=question.category,
                        skill=question.skill,
                        question=question.question,
                        feedback={},
                        created_at=utcnow(),
                    )
                )
            interview.status = "active"
            interview.provider, interview.model, interview.prompt_version = (
                made.provider,
                made.model,
                made.prompt_version,
            )
            return f"{len(made.questions)} questions ({made.provider})"
    except Exception:
        log.exception("interview_prepare_failed", session_id=session_id)
        async with open_session() as session:
            interview = await session.get(InterviewSession, session_id)
            if interview is not None and interview.status == "preparing":
                interview.status = "failed"
        raise


async def write_feedback(open_session: OpenSession, client: LLMClient, answer_id: int, publish: Publish) -> str:
    """Feedback for one answer: deltas as they are written, then (after commit) the score and the feedback.
    Read, close, stream the model's feedback, then write: no transaction is open while the model answers."""
    async with open_session() as session:
        row = await session.get(InterviewAnswer, answer_id)
        if row is None or row.answer is None:
            return "nothing to score"
        if row.score is not None:
            return "already scored"
        interview = await session.get(InterviewSession, row.session_id)
        if interview is None:
            return "session gone"
        job = await _job_facts(session, interview)
        ids = {"session_id": row.session_id, "answer_id": row.id}
        user_id, question, category, skill, answer = row.user_id, row.question, row.category, row.skill, row.answer

    async def on_delta(piece: str) -> None:
        await publish(user_id, InterviewFeedback(data=InterviewFeedbackData(**ids, delta=piece)))

    feedback = await produce_feedback(
        client, job, question, category, skill, answer, user_id=user_id, on_delta=on_delta
    )
    async with open_session() as session:
        row = await session.get(InterviewAnswer, answer_id)
        if row is None or row.answer != answer:
            return "answer changed or gone while it was scored"
        if row.score is not None:
            return "already scored"
        row.feedback, row.score = feedback.as_json(), feedback.score
        await session.flush()
        # Lock the session row so two answers scored at once both count in its mean (PostgreSQL).
        locked = await repository.get_owned(session, user_id, row.session_id, lock=True)
        if locked is not None:
            locked.score = await repository.mean_score(session, row.session_id)
        done = InterviewFeedbackData(**ids, done=True, score=row.score, feedback=row.feedback)
        publish_after_commit(session, user_id, InterviewFeedback(data=done))
        return f"scored {row.score} ({feedback.provider})"
