"""Errors of sign-up, sign-in and tokens, each with a message a person can act on."""

from __future__ import annotations

from app.core.exceptions import AppError, Conflict, Forbidden, Unauthorized


class EmailTaken(Conflict):
    code = "email_taken"

    def __init__(self) -> None:
        super().__init__("An account with this email already exists. Sign in or reset your password.")


class RegistrationClosed(Forbidden):
    code = "registration_closed"

    def __init__(self) -> None:
        super().__init__("Registration is closed on this server. Ask the administrator for an account.")


class WeakPassword(AppError):
    status_code = 422
    code = "weak_password"


class InvalidCredentials(Unauthorized):
    def __init__(self) -> None:
        super().__init__("Wrong email or password.", code="invalid_credentials")


class InvalidRefreshToken(Unauthorized):
    def __init__(self, message: str = "Your session has ended. Please sign in again.") -> None:
        super().__init__(message, code="invalid_refresh_token")


class RefreshTokenReused(Unauthorized):
    """A rotated refresh token came back: someone may hold a copy, so its whole family is revoked."""

    def __init__(self) -> None:
        super().__init__(
            "This session was used from somewhere else, so it has been ended for your safety. Sign in again.",
            code="refresh_token_reused",
        )


class WrongPassword(AppError):
    status_code = 400
    code = "wrong_password"

    def __init__(self) -> None:
        super().__init__("The current password is not correct.")


class InvalidResetToken(AppError):
    status_code = 400
    code = "invalid_reset_token"

    def __init__(self) -> None:
        super().__init__("This reset link is invalid, already used or expired. Ask for a new one.")


class CsrfHeaderMissing(Forbidden):
    code = "csrf_header_missing"

    def __init__(self) -> None:
        super().__init__("This request must carry the header X-Requested-With.")
