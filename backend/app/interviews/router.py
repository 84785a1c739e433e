"""Interview practice: sessions for a job, questions one at a time, streamed feedback, history and scores."""

from __future__ import annotations

from fastapi import status

from app.api.deps import SessionDep
from app.api.routing import Router
from app.auth.dependencies import CurrentUser
from app.core.pagination import Page, PageDep
from app.core.schemas import Id
from app.interviews import service
from app.interviews.schemas import (
    AnswerSubmit,
    InterviewCreate,
    InterviewStats,
    QuestionRead,
    RetryRequest,
    SessionRead,
    SessionSummary,
)

router = Router(prefix="/interviews", tags=["interviews"])


@router.post("", status_code=status.HTTP_202_ACCEPTED, operation_id="interviews-create")
async def create_interview(data: InterviewCreate, user: CurrentUser, session: SessionDep) -> SessionRead:
    """Start a practice session for a job; it is `preparing` until its questions exist, then `active`."""
    return await service.start_session(session, user.id, data)


@router.get("", operation_id="interviews-list")
async def list_interviews(user: CurrentUser, session: SessionDep, paging: PageDep) -> Page[SessionSummary]:
    """Your practice sessions, newest first."""
    items, total = await service.list_sessions(session, user.id, paging.offset, paging.size)
    return Page(items=items, total=total, page=paging.page, size=paging.size)


@router.get("/stats", operation_id="interviews-stats")
async def interview_stats(user: CurrentUser, session: SessionDep) -> InterviewStats:
    """Scores over time, by question category, and your weakest answers."""
    return await service.stats(session, user.id)


@router.get("/{session_id}", operation_id="interviews-read")
async def read_interview(session_id: Id, user: CurrentUser, session: SessionDep) -> SessionRead:
    """A session with its questions; the next one to answer is the first whose answer is null."""
    return await service.read_session(session, user.id, session_id)


@router.post(
    "/{session_id}/answers/{answer_id}",
    status_code=status.HTTP_202_ACCEPTED,
    operation_id="interviews-answer",
)
async def answer_question(
    session_id: Id, answer_id: Id, data: AnswerSubmit, user: CurrentUser, session: SessionDep
) -> QuestionRead:
    """Answer a question; its feedback follows as `interview.feedback` events (deltas, then done with a score)."""
    return await service.submit_answer(session, user.id, session_id, answer_id, data.answer)


@router.post(
    "/{session_id}/answers/{answer_id}/retry",
    status_code=status.HTTP_201_CREATED,
    operation_id="interviews-retry",
)
async def retry_question(
    session_id: Id,
    answer_id: Id,
    user: CurrentUser,
    session: SessionDep,
    data: RetryRequest | None = None,
) -> QuestionRead:
    """Ask an answered question again, as a new question at the end of this session (or another of yours)."""
    target = data.session_id if data else None
    return await service.retry_question(session, user.id, session_id, answer_id, target)


@router.post("/{session_id}/finish", operation_id="interviews-finish")
async def finish_interview(session_id: Id, user: CurrentUser, session: SessionDep) -> SessionRead:
    """End the session; its score is the mean of the answered questions' scores."""
    return await service.finish_session(session, user.id, session_id)


@router.delete("/{session_id}", status_code=status.HTTP_204_NO_CONTENT, operation_id="interviews-delete")
async def delete_interview(session_id: Id, user: CurrentUser, session: SessionDep) -> None:
    """Delete the session and its answers."""
    await service.delete_session(session, user.id, session_id)
