"""Errors of the tracker."""

from __future__ import annotations

from app.core.exceptions import AppError, Conflict, NotFound


class ApplicationNotFound(NotFound):
    code = "application_not_found"

    def __init__(self) -> None:
        super().__init__("This application does not exist or is not yours.")


class AlreadyTracked(Conflict):
    code = "already_tracked"

    def __init__(self, application_id: int) -> None:
        super().__init__("You already track this job.")
        self.application_id = application_id


class IllegalTransition(Conflict):
    code = "illegal_transition"


class BadEventTime(AppError):
    status_code = 422
    code = "validation_error"
