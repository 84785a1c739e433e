"""Sign-up, sign-in, session refresh, sign-out and passwords."""

from __future__ import annotations

from typing import Annotated

from fastapi import BackgroundTasks, Cookie, Depends, Request, Response, status

from app.api.deps import MailerDep, RateLimiterDep, SessionDep, SettingsDep, client_ip
from app.api.routing import Router
from app.auth import repository as users_repo
from app.auth import service
from app.auth.dependencies import CurrentUser
from app.auth.exceptions import CsrfHeaderMissing, InvalidCredentials, RefreshTokenReused, WrongPassword
from app.auth.login_limits import LoginAttempt
from app.auth.schemas import (
    AuthConfigRead,
    LoginRequest,
    PasswordChangeRequest,
    PasswordForgotRequest,
    PasswordResetRequest,
    RegisterRequest,
    TokenRead,
    UserRead,
)
from app.core.config import Settings
from app.core.schemas import Message

REFRESH_COOKIE = "copilot_refresh"
COOKIE_PATH = "/api/v1/auth"
# Readable by the SPA, holds nothing secret: it only says "a refresh cookie exists", so a first visit does not
# try (and fail) to refresh.
SESSION_HINT_COOKIE = "copilot_session"

router = Router(prefix="/auth", tags=["auth"])


async def require_csrf_header(request: Request) -> None:
    """Cookie-authenticated calls need a header a cross-site form cannot send."""
    if not request.headers.get("x-requested-with"):
        raise CsrfHeaderMissing()


def _set_refresh_cookie(response: Response, request: Request, settings: Settings, raw: str) -> None:
    response.set_cookie(
        REFRESH_COOKIE,
        raw,
        max_age=settings.refresh_token_ttl_days * 86400,
        path=COOKIE_PATH,
        httponly=True,
        samesite="lax",
        secure=request.url.scheme == "https",
    )
    response.set_cookie(
        SESSION_HINT_COOKIE,
        "1",
        max_age=settings.refresh_token_ttl_days * 86400,
        path="/",
        httponly=False,
        samesite="lax",
        secure=request.url.scheme == "https",
    )


def _token_response(
    response: Response, request: Request, settings: Settings, issued: service.IssuedTokens
) -> TokenRead:
    _set_refresh_cookie(response, request, settings, issued.refresh_token)
    response.headers["Cache-Control"] = "no-store"
    return TokenRead(access_token=issued.access_token, expires_in=issued.expires_in)


@router.get("/config", operation_id="auth-config")
async def auth_config(settings: SettingsDep) -> AuthConfigRead:
    """What the sign-in pages need to know about this server."""
    return AuthConfigRead(
        allow_registration=settings.allow_registration,
        password_min_length=settings.password_min_length,
        email_delivery=settings.email_delivery,
    )


@router.post("/register", status_code=status.HTTP_201_CREATED, operation_id="auth-register")
async def register(
    data: RegisterRequest,
    request: Request,
    response: Response,
    session: SessionDep,
    settings: SettingsDep,
    limiter: RateLimiterDep,
) -> TokenRead:
    """Create an account and sign it in. The first account on a server becomes its administrator."""
    await limiter.hit(
        settings.register_rate_limit, "register", client_ip(request), message="Too many sign-ups from here. Try later."
    )
    user = await service.register(session, settings, data)
    issued = await service.issue_tokens(session, settings, user, user_agent=request.headers.get("user-agent"))
    return _token_response(response, request, settings, issued)


@router.post("/login", operation_id="auth-login")
async def login(
    data: LoginRequest,
    request: Request,
    response: Response,
    session: SessionDep,
    settings: SettingsDep,
    limiter: RateLimiterDep,
) -> TokenRead:
    """Sign in with email and password; the refresh token comes back as an HttpOnly cookie."""
    attempt = LoginAttempt(limiter, settings, data.email, client_ip(request))
    await attempt.check()
    try:
        user = await service.authenticate(session, data.email, data.password)
    except InvalidCredentials:
        await attempt.failed()
        raise
    await attempt.succeeded()
    issued = await service.issue_tokens(session, settings, user, user_agent=request.headers.get("user-agent"))
    return _token_response(response, request, settings, issued)


@router.post("/refresh", operation_id="auth-refresh", dependencies=[Depends(require_csrf_header)])
async def refresh(
    request: Request,
    response: Response,
    session: SessionDep,
    settings: SettingsDep,
    copilot_refresh: Annotated[str | None, Cookie(include_in_schema=False)] = None,
) -> TokenRead:
    """Rotate the refresh cookie and return a new access token."""
    try:
        issued = await service.rotate(session, settings, copilot_refresh, request.headers.get("user-agent"))
    except RefreshTokenReused:
        await session.commit()  # the family revocation must stick although the request fails
        raise
    return _token_response(response, request, settings, issued)


@router.post(
    "/logout",
    status_code=status.HTTP_204_NO_CONTENT,
    operation_id="auth-logout",
    dependencies=[Depends(require_csrf_header)],
)
async def logout(
    response: Response,
    session: SessionDep,
    copilot_refresh: Annotated[str | None, Cookie(include_in_schema=False)] = None,
) -> None:
    """End this session everywhere its refresh token family reaches."""
    await service.logout(session, copilot_refresh)
    response.delete_cookie(REFRESH_COOKIE, path=COOKIE_PATH, httponly=True, samesite="lax")
    response.delete_cookie(SESSION_HINT_COOKIE, path="/", samesite="lax")


@router.get("/me", operation_id="auth-me")
async def me(user: CurrentUser) -> UserRead:
    """The signed-in user."""
    return UserRead.model_validate(user)


@router.post("/password/change", status_code=status.HTTP_204_NO_CONTENT, operation_id="auth-change_password")
async def change_password(
    data: PasswordChangeRequest,
    request: Request,
    response: Response,
    user: CurrentUser,
    session: SessionDep,
    settings: SettingsDep,
    limiter: RateLimiterDep,
) -> None:
    """Change the password; every other session is signed out, this one gets a fresh refresh cookie."""
    # Guessing the current password here counts like guessing it at sign-in.
    attempt = LoginAttempt(limiter, settings, user.email, client_ip(request))
    await attempt.check()
    try:
        await service.change_password(session, settings, user, data.current_password, data.new_password)
    except WrongPassword:
        await attempt.failed()
        raise
    issued = await service.issue_tokens(session, settings, user, user_agent=request.headers.get("user-agent"))
    _set_refresh_cookie(response, request, settings, issued.refresh_token)


@router.post("/password/forgot", status_code=status.HTTP_202_ACCEPTED, operation_id="auth-forgot_password")
async def forgot_password(
    data: PasswordForgotRequest,
    request: Request,
    session: SessionDep,
    settings: SettingsDep,
    mailer: MailerDep,
    limiter: RateLimiterDep,
    background: BackgroundTasks,
) -> Message:
    """Email a reset link if the account exists; the answer is the same either way."""
    await limiter.hit("5/15minute", "forgot", client_ip(request), message="Too many reset requests. Try later.")
    user = await users_repo.get_by_email(session, data.email)
    if user is not None and user.is_active:
        link = service.reset_link(settings, user)
        body = (
            f"Hello {user.full_name or user.email},\n\nSomeone (hopefully you) asked to reset the password of "
            f"your Career Copilot account. Open this link within "
            f"{settings.password_reset_ttl_seconds // 60} minutes to choose a new one:\n\n{link}\n\n"
            "If you did not ask for this, ignore this message: your password stays as it is.\n"
        )
        background.add_task(mailer.send, user.email, "Reset your Career Copilot password", body)
    if settings.email_delivery:
        return Message(detail="If an account exists for that address, a reset link is on its way.")
    return Message(
        detail="This server does not send email. Ask your administrator to run "
        "`copilot users reset-password <your email>` and send you the link."
    )


@router.post("/password/reset", status_code=status.HTTP_204_NO_CONTENT, operation_id="auth-reset_password")
async def reset_password(data: PasswordResetRequest, session: SessionDep, settings: SettingsDep) -> None:
    """Set a new password with the token from a reset link; all sessions are signed out."""
    await service.reset_password(session, settings, data.token, data.new_password)
