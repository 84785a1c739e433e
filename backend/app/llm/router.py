"""AI: the provider in force and your usage, a connection test, and (administrators) Settings → AI provider.

No transaction across network I/O: the connection tests end the request's transaction (the sign-in lookup)
before they call the provider, which may take up to LLM_TIMEOUT_SECONDS."""

from __future__ import annotations

from app.api.deps import RateLimiterDep, SessionDep, SettingsDep, end_transaction
from app.api.routing import Router
from app.auth.dependencies import AdminUser, CurrentUser
from app.llm import provider_settings
from app.llm.client import LLMClient
from app.llm.schemas import (
    AIProviderSettingsRead,
    AIProviderSettingsUpdate,
    AIStatus,
    ConnectionCheck,
    ProviderProbe,
)

router = Router(prefix="/ai", tags=["ai"])


@router.get("/status", operation_id="ai-status")
async def ai_status(user: CurrentUser, session: SessionDep, settings: SettingsDep) -> AIStatus:
    """The AI provider, model and host in use (never the key), what is sent to it, and your tokens today."""
    return await provider_settings.status(session, settings, user)


@router.post("/test-connection", operation_id="ai-test_connection")
async def test_connection(
    user: CurrentUser, session: SessionDep, settings: SettingsDep, limiter: RateLimiterDep
) -> ConnectionCheck:
    """Send one tiny request to the provider in force and report how it went (ok=false with the reason)."""
    await limiter.hit("10/minute", "ai-test", str(user.id), message="You can test the connection 10 times a minute.")
    resolved = await provider_settings.in_force(session, settings)
    await end_transaction(session)
    async with LLMClient(settings, resolved=resolved) as client:
        return await client.test_connection()


@router.get("/settings", operation_id="ai-get_settings")
async def get_provider_settings(_: AdminUser, session: SessionDep, settings: SettingsDep) -> AIProviderSettingsRead:
    """Settings → AI provider (administrators): the saved provider, model, base URL and budget; never the key."""
    return await provider_settings.read(session, settings)


@router.put("/settings", operation_id="ai-update_settings")
async def update_provider_settings(
    body: AIProviderSettingsUpdate, admin: AdminUser, session: SessionDep, settings: SettingsDep
) -> AIProviderSettingsRead:
    """Save the AI provider (administrators). A new provider or base URL removes the saved key unless a new key
    comes with it. Every change is recorded; every process uses it from its next AI call."""
    return await provider_settings.save(session, settings, admin, body)


@router.post("/settings/test", operation_id="ai-test_settings")
async def test_provider_settings(
    body: AIProviderSettingsUpdate,
    admin: AdminUser,
    session: SessionDep,
    settings: SettingsDep,
    limiter: RateLimiterDep,
) -> ProviderProbe:
    """Test the form's unsaved values: the models the server lists and one tiny structured call."""
    await limiter.hit("10/minute", "ai-test", str(admin.id), message="You can test the connection 10 times a minute.")
    stored = await provider_settings.load_stored(session, settings)
    resolved = provider_settings.candidate(settings, stored, body)
    await end_transaction(session)
    return await provider_settings.probe(settings, resolved)
