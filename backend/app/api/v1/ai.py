"""AI: which provider answers (configured in the environment, read-only here), your usage, and a connection test."""

from __future__ import annotations

from fastapi import APIRouter

from app.api.deps import CurrentUser, RateLimiterDep, SessionDep, SettingsDep
from app.api.routing import CommittingRoute
from app.llm import service
from app.llm.client import get_llm_client
from app.llm.schemas import AIStatus, ConnectionCheck

router = APIRouter(prefix="/ai", tags=["ai"], route_class=CommittingRoute)


@router.get("/status", operation_id="ai-status")
async def ai_status(user: CurrentUser, session: SessionDep, settings: SettingsDep) -> AIStatus:
    """The AI provider, model and host in use (never the key), and your tokens today against your daily budget."""
    return await service.status(session, settings, user.id)


@router.post("/test-connection", operation_id="ai-test_connection")
async def test_connection(user: CurrentUser, settings: SettingsDep, limiter: RateLimiterDep) -> ConnectionCheck:
    """Send one tiny request to the provider and report how it went (ok=false with the reason when it fails)."""
    await limiter.hit("10/minute", "ai-test", str(user.id), message="You can test the connection 10 times a minute.")
    async with get_llm_client(settings) as client:
        return await client.test_connection()
