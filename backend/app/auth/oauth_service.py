"""Sign in with a provider: start a flow, finish it, and link, create or refuse accounts — never silently."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from app.auth import repository
from app.auth.oauth_providers import Identity, Provider, ProviderError, authorization_url, identity_from_callback
from app.core.config import Settings
from app.core.exceptions import Conflict, NotFound
from app.models.base import utcnow
from app.models.oauth import OAuthAccount, OAuthFlow
from app.models.user import User


class UnknownProvider(NotFound):
    code = "unknown_provider"

    def __init__(self) -> None:
        super().__init__("This sign-in provider is not configured on this server.")


class LastSignInMethod(Conflict):
    code = "last_sign_in_method"

    def __init__(self) -> None:
        super().__init__("This is your only way to sign in. Set a password or connect another provider first.")


class NotLinked(NotFound):
    code = "not_linked"

    def __init__(self) -> None:
        super().__init__("This provider is not connected to your account.")


@dataclass(frozen=True)
class FlowResult:
    user: User
    created: bool
    linked: bool
    return_to: str


def callback_url(settings: Settings, provider: str) -> str:
    return f"{settings.public_url.rstrip('/')}/api/v1/auth/oauth/{provider}/callback"


def safe_return_to(value: str | None) -> str:
    """Only a path inside this app: never an open redirect."""
    # Browsers drop tabs and newlines inside a URL and read a backslash as a slash, so "/<TAB>/evil.example"
    # arrives as "//evil.example": another host. Refuse any control character or backslash anywhere.
    if (
        not value
        or not value.startswith("/")
        or value.startswith("//")
        or any(c == "\\" or ord(c) < 0x20 or 0x7F <= ord(c) <= 0x9F for c in value)
    ):
        return "/"
    return value[:500]


async def start(
    session: AsyncSession,
    settings: Settings,
    provider: Provider,
    intent: str,
    user_id: int | None,
    return_to: str | None,
) -> tuple[str, str]:
    """Record a new flow; return (authorization URL, state). The provider's metadata is fetched first, before
    anything is written: call it with no transaction open."""
    state, nonce, verifier = secrets.token_urlsafe(32), secrets.token_urlsafe(32), secrets.token_urlsafe(64)
    url = await authorization_url(settings, provider, callback_url(settings, provider.name), state, nonce, verifier)
    await repository.delete_flows_started_before(
        session, utcnow() - timedelta(seconds=settings.oauth_flow_ttl_seconds * 6)
    )
    flow = OAuthFlow(
        state=state,
        provider=provider.name,
        nonce=nonce,
        code_verifier=verifier,
        intent=intent,
        user_id=user_id,
        return_to=safe_return_to(return_to),
        created_at=utcnow(),
    )
    session.add(flow)
    await session.flush()
    return url, flow.state


async def claim_flow(
    session: AsyncSession, settings: Settings, provider: Provider, state: str | None, cookie_state: str | None
) -> OAuthFlow:
    """The flow this callback belongs to, marked used. Refuses mismatched, replayed and expired flows."""
    if not state or not cookie_state or not secrets.compare_digest(state, cookie_state):
        raise ProviderError("state_mismatch", "This sign-in did not start in this browser. Please start again.")
    flow = await session.get(OAuthFlow, state, with_for_update=True)
    if flow is None or flow.provider != provider.name:
        raise ProviderError("state_mismatch", "This sign-in did not start in this browser. Please start again.")
    if flow.used_at is not None:
        raise ProviderError("replayed", "This sign-in link was already used. Please start again.")
    if flow.created_at < utcnow() - timedelta(seconds=settings.oauth_flow_ttl_seconds):
        raise ProviderError("expired_flow", "The sign-in took too long. Please start again.")
    flow.used_at = utcnow()
    await session.flush()
    return flow


async def finish(
    session: AsyncSession, settings: Settings, provider: Provider, flow: OAuthFlow, code: str
) -> FlowResult:
    identity = await identity_from_callback(
        settings, provider, callback_url(settings, provider.name), code, flow.code_verifier, flow.nonce
    )
    if flow.intent == "link":
        return await _link(session, provider, flow, identity)
    return await _sign_in(session, settings, provider, flow, identity)


async def _link(session: AsyncSession, provider: Provider, flow: OAuthFlow, identity: Identity) -> FlowResult:
    user = await repository.get_by_id(session, flow.user_id or 0)
    if user is None or not user.is_active:
        raise ProviderError("expired_flow", "Your session ended before the provider answered. Sign in again.")
    existing = await repository.get_oauth_account(session, provider.name, identity.subject)
    if existing is not None and existing.user_id != user.id:
        raise ProviderError(
            "linked_elsewhere", f"This {provider.label} account is already connected to another Career Copilot account."
        )
    mine = await repository.get_user_oauth_account(session, user.id, provider.name)
    if mine is not None and mine.subject != identity.subject:
        raise ProviderError(
            "already_linked", f"Another {provider.label} account is connected already. Disconnect it first."
        )
    if mine is None:
        session.add(
            OAuthAccount(user_id=user.id, provider=provider.name, subject=identity.subject, email=identity.email)
        )
        await session.flush()
    return FlowResult(user, created=False, linked=True, return_to=flow.return_to)


async def _sign_in(
    session: AsyncSession, settings: Settings, provider: Provider, flow: OAuthFlow, identity: Identity
) -> FlowResult:
    account = await repository.get_oauth_account(session, provider.name, identity.subject)
    if account is not None:
        user = await repository.get_by_id(session, account.user_id)
        if user is None or not user.is_active:
            raise ProviderError("account_disabled", "This account is disabled.")
        return FlowResult(user, created=False, linked=False, return_to=flow.return_to)
    if not identity.email or not identity.email_verified:
        raise ProviderError(
            "unverified_email",
            f"Your {provider.label} account has no verified email address. "
            f"Verify it with {provider.label} and try again.",
        )
    if await repository.get_by_email(session, identity.email) is not None:
        # Linking on a matching email alone would let whoever controls that provider account take over ours.
        raise ProviderError(
            "account_exists",
            f"An account with {identity.email} already exists. Sign in with your password, then connect "
            f"{provider.label} under Settings → Connected accounts.",
        )
    if not settings.allow_registration:
        raise ProviderError("registration_closed", "Registration is closed on this server.")
    user = User(
        email=identity.email,
        hashed_password=None,
        full_name=identity.name,
        is_admin=not await repository.any_user_exists(session),
        onboarding_step="welcome",
    )
    session.add(user)
    await session.flush()
    session.add(OAuthAccount(user_id=user.id, provider=provider.name, subject=identity.subject, email=identity.email))
    await session.flush()
    return FlowResult(user, created=True, linked=True, return_to="/profile")


async def connections(session: AsyncSession, user_id: int) -> list[OAuthAccount]:
    return await repository.list_oauth_accounts(session, user_id)


async def unlink(session: AsyncSession, user: User, provider: str) -> None:
    account = await repository.get_user_oauth_account(session, user.id, provider)
    if account is None:
        raise NotLinked()
    others = await repository.count_other_oauth_accounts(session, user.id, account.id)
    if not user.hashed_password and not others:
        raise LastSignInMethod()
    await session.delete(account)
    await session.flush()


def provider_or_404(providers: dict[str, Provider], name: str) -> Provider:
    provider = providers.get(name)
    if provider is None:
        raise UnknownProvider()
    return provider
