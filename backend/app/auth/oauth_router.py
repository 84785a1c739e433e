"""Sign in with Google, GitHub or LinkedIn, and connect or disconnect them from an account."""

from __future__ import annotations

from typing import Annotated
from urllib.parse import urlencode

from fastapi import Cookie, Depends, Query, Request, Response, status
from fastapi.responses import RedirectResponse

from app.api.deps import SessionDep, SettingsDep, end_transaction
from app.api.routing import Router
from app.auth import oauth_service as service
from app.auth import service as auth_service
from app.auth.dependencies import CurrentUser
from app.auth.oauth_providers import ProviderError, configured_providers
from app.auth.router import _set_refresh_cookie, require_csrf_header
from app.core.exceptions import AppError
from app.core.schemas import Schema

STATE_COOKIE = "copilot_oauth_state"
STATE_COOKIE_PATH = "/api/v1/auth/oauth"

router = Router(tags=["oauth"])


class ProviderRead(Schema):
    name: str
    label: str


class AuthorizeRead(Schema):
    authorize_url: str


class ConnectionRead(Schema):
    provider: str
    label: str
    email: str | None


class ConnectionsRead(Schema):
    has_password: bool
    connections: list[ConnectionRead]
    available: list[ProviderRead]


def _set_state_cookie(response: Response, request: Request, state: str) -> None:
    """Binds the flow to this browser: a callback arriving without it is refused (login CSRF)."""
    response.set_cookie(
        STATE_COOKIE,
        state,
        max_age=900,
        path=STATE_COOKIE_PATH,
        httponly=True,
        samesite="lax",
        secure=request.url.scheme == "https",
    )


@router.get("/auth/oauth/providers", operation_id="oauth-providers")
async def providers(settings: SettingsDep) -> list[ProviderRead]:
    """The sign-in providers this server offers (none unless the operator configured them)."""
    return [ProviderRead(name=p.name, label=p.label) for p in configured_providers(settings).values()]


@router.get(
    "/auth/oauth/{provider}/login",
    operation_id="oauth-login",
    response_class=RedirectResponse,
    status_code=status.HTTP_302_FOUND,
)
async def login(
    provider: str,
    request: Request,
    session: SessionDep,
    settings: SettingsDep,
    return_to: Annotated[str | None, Query(max_length=500)] = None,
) -> RedirectResponse:
    """Start signing in: redirects the browser to the provider."""
    chosen = service.provider_or_404(configured_providers(settings), provider)
    try:
        url, state = await service.start(session, settings, chosen, "login", None, return_to)
    except ProviderError as exc:
        return _to_app(error=exc.code, message=exc.message)
    response = RedirectResponse(url, status_code=status.HTTP_302_FOUND)
    _set_state_cookie(response, request, state)
    return response


@router.post("/auth/oauth/{provider}/link", operation_id="oauth-link", dependencies=[Depends(require_csrf_header)])
async def link(
    provider: str,
    request: Request,
    response: Response,
    user: CurrentUser,
    session: SessionDep,
    settings: SettingsDep,
) -> AuthorizeRead:
    """Start connecting a provider to the signed-in account; the app then sends the browser to `authorize_url`."""
    chosen = service.provider_or_404(configured_providers(settings), provider)
    await end_transaction(session)  # the provider's metadata is fetched next
    try:
        url, state = await service.start(session, settings, chosen, "link", user.id, "/settings")
    except ProviderError as exc:
        raise AppError(exc.message, status.HTTP_502_BAD_GATEWAY, exc.code) from exc
    _set_state_cookie(response, request, state)
    return AuthorizeRead(authorize_url=url)


def _to_app(**params: str) -> RedirectResponse:
    """Back to the SPA's /oauth/complete page, which finishes signing in or shows the message."""
    response = RedirectResponse(f"/oauth/complete?{urlencode(params)}", status_code=status.HTTP_302_FOUND)
    response.delete_cookie(STATE_COOKIE, path=STATE_COOKIE_PATH)
    return response


@router.get(
    "/auth/oauth/{provider}/callback",
    operation_id="oauth-callback",
    response_class=RedirectResponse,
    status_code=status.HTTP_302_FOUND,
)
async def callback(
    provider: str,
    request: Request,
    session: SessionDep,
    settings: SettingsDep,
    code: Annotated[str | None, Query(max_length=2000)] = None,
    state: Annotated[str | None, Query(max_length=200)] = None,
    error: Annotated[str | None, Query(max_length=200)] = None,
    copilot_oauth_state: Annotated[str | None, Cookie(include_in_schema=False)] = None,
) -> RedirectResponse:
    """Where the provider sends the browser back; ends on an app page that says what happened."""
    chosen = service.provider_or_404(configured_providers(settings), provider)
    if error:  # the user said no at the provider (some providers omit the state here); nothing to sign in
        message = f"Signing in with {chosen.label} was cancelled."
        if error != "access_denied":
            message = f"{chosen.label} could not sign you in ({error[:60]}). Please try again."
        return _to_app(error="denied", message=message)
    try:
        flow = await service.claim_flow(session, settings, chosen, state, copilot_oauth_state)
        await session.commit()  # the state is spent whatever happens next
        if not code:
            raise ProviderError("bad_response", f"{chosen.label} did not send an authorization code.")
        result = await service.finish(session, settings, chosen, flow, code)
    except ProviderError as exc:
        await session.rollback()
        return _to_app(error=exc.code, message=exc.message)
    params = {"next": result.return_to, "provider": chosen.name}
    if result.created:
        params["created"] = "1"
    if result.linked and not result.created:
        params["linked"] = "1"
    response = _to_app(**params)
    if not result.linked or result.created:
        issued = await auth_service.issue_tokens(
            session, settings, result.user, user_agent=request.headers.get("user-agent")
        )
        _set_refresh_cookie(response, request, settings, issued.refresh_token)
    return response


@router.get("/users/me/connections", operation_id="users-connections")
async def connections(user: CurrentUser, session: SessionDep, settings: SettingsDep) -> ConnectionsRead:
    """Connected sign-in providers, and the ones that can still be connected."""
    available = configured_providers(settings)
    linked = await service.connections(session, user.id)
    labels = {name: p.label for name, p in available.items()}
    return ConnectionsRead(
        has_password=bool(user.hashed_password),
        connections=[
            ConnectionRead(provider=a.provider, label=labels.get(a.provider, a.provider.title()), email=a.email)
            for a in linked
        ],
        available=[
            ProviderRead(name=p.name, label=p.label)
            for p in available.values()
            if p.name not in {a.provider for a in linked}
        ],
    )


@router.delete(
    "/users/me/connections/{provider}", status_code=status.HTTP_204_NO_CONTENT, operation_id="users-disconnect"
)
async def disconnect(provider: str, user: CurrentUser, session: SessionDep) -> None:
    """Disconnect a provider (refused when it is the account's last way to sign in)."""
    await service.unlink(session, user, provider)
