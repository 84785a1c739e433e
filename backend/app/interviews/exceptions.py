"""Errors of interview practice."""

from __future__ import annotations

from app.core.exceptions import Conflict, NotFound


class InterviewNotFound(NotFound):
    code = "interview_not_found"

    def __init__(self) -> None:
        super().__init__("This interview session does not exist.")


class QuestionNotFound(NotFound):
    code = "question_not_found"

    def __init__(self) -> None:
        super().__init__("This question is not part of the interview session.")


class AlreadyAnswered(Conflict):
    code = "already_answered"

    def __init__(self) -> None:
        super().__init__("This question has already been answered. Retry it to answer it again.")


class InterviewFinished(Conflict):
    code = "interview_finished"

    def __init__(self) -> None:
        super().__init__("This interview session is finished. Retry a question to practise it again.")


class InterviewNotReady(Conflict):
    code = "interview_not_ready"

    def __init__(self, status: str) -> None:
        if status == "failed":
            super().__init__("The questions of this session could not be prepared. Start a new session.")
        else:
            super().__init__("The questions of this session are still being prepared.")


class NotAnsweredYet(Conflict):
    code = "not_answered_yet"

    def __init__(self) -> None:
        super().__init__("Answer this question before retrying it.")
