"""The one error the resume readers raise: a sentence a person understands and a short slug."""

from __future__ import annotations

from app.core.exceptions import AppError


class ResumeParseError(AppError):
    """A file that cannot be read as a resume; rendered as a 400 with `message` and `code`."""

    status_code = 400

    def __init__(self, message: str, code: str) -> None:
        super().__init__(message, code=code)


def damaged(kind: str) -> ResumeParseError:
    return ResumeParseError(f"This {kind} is damaged and could not be read.", f"{kind.lower()}_damaged")


class ResumeNotReady(AppError):
    """The resume is still being read: what depends on its text must wait."""

    status_code = 409
    code = "resume_not_ready"
