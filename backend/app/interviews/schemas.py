"""Interview sessions and questions as the API shows them, and the practice statistics."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import Field

from app.core.schemas import Id, Schema
from app.realtime.envelope import Event, EventData

SessionStatus = Literal["preparing", "active", "finished", "failed"]
QuestionCategory = Literal["technical", "behavioural", "role"]


class InterviewCreate(Schema):
    job_posting_id: Id
    question_count: int = Field(6, ge=5, le=8, description="How many questions (5-8)")


class AnswerSubmit(Schema):
    answer: str = Field(min_length=1, max_length=5000, description="Your answer, 1-5,000 characters")


class RetryRequest(Schema):
    session_id: Id | None = Field(None, description="Another of your sessions to add the question to (default: this)")


class QuestionRead(Schema):
    id: int
    position: int
    category: QuestionCategory
    skill: str | None
    question: str
    answer: str | None
    score: int | None = Field(description="0-100 once the feedback is ready; null while it is being written")
    feedback: dict[str, Any] = Field(
        description="criteria (0-100 each), strengths, improvements, hint, notes (Markdown), provider"
    )
    answered_at: datetime | None
    retry_of_id: int | None


class SessionSummary(Schema):
    id: int
    job_posting_id: int | None
    title: str
    job_title: str
    company: str | None
    status: SessionStatus
    provider: str | None
    score: float | None = Field(description="Mean score of the answered questions")
    answered: int
    total: int
    created_at: datetime
    finished_at: datetime | None


class SessionRead(SessionSummary):
    model: str | None
    prompt_version: str | None
    task_id: str | None
    questions: list[QuestionRead]


class SessionScore(Schema):
    id: int
    created_at: datetime
    score: float
    job_title: str


class CategoryScore(Schema):
    category: QuestionCategory
    answered: int
    mean_score: float


class WeakAnswer(Schema):
    answer_id: int
    session_id: int
    question: str
    score: int
    category: QuestionCategory


class InterviewStats(Schema):
    sessions: list[SessionScore] = Field(description="Mean score per session, oldest first")
    by_category: list[CategoryScore]
    weakest: list[WeakAnswer] = Field(description="Your lowest-scoring answered questions")


class InterviewFeedbackData(EventData):
    session_id: int
    answer_id: int
    delta: str = Field(default="", description="The next piece of the feedback's text while `done` is false")
    done: bool = False
    score: int | None = None
    feedback: dict[str, Any] | None = Field(default=None, description="As `QuestionRead.feedback`, once `done`")


class InterviewFeedback(Event):
    """Feedback on an answer being written: text as it arrives, then the score and the criteria."""

    type: Literal["interview.feedback"] = "interview.feedback"
    data: InterviewFeedbackData
