"""Fixtures for the AI layer: the local OpenAI-compatible server, a client pointed at it, a session and a user."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import Any

import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from app.core.cache import MemoryCache
from app.core.config import Settings
from app.llm.client import LLMClient
from app.llm.retry import RetryPolicy
from app.models import User
from tests.llm.server import LLMServer, running_llm_server


@pytest.fixture(scope="module")
def llm_server_module() -> Iterator[LLMServer]:
    with running_llm_server() as server:
        yield server


@pytest.fixture
def llm_server(llm_server_module: LLMServer) -> Iterator[LLMServer]:
    llm_server_module.reset()
    yield llm_server_module
    llm_server_module.reset()


@pytest.fixture
def settings_overrides(llm_server_module: LLMServer) -> dict[str, object]:
    """The app's AI settings point at the local server, as Groq (strict JSON schema), unless a test says otherwise."""
    return {
        "llm_provider": "groq",
        "llm_base_url": llm_server_module.url,
        "llm_api_key": "test-key",
        "llm_timeout_seconds": 1.0,
        "llm_max_retries": 2,
        "llm_daily_token_budget": 1000,
    }


@pytest.fixture
async def session(app: Any) -> AsyncIterator[AsyncSession]:
    async with app.state.session_factory() as s:
        yield s


@pytest.fixture
async def user_id(session: AsyncSession) -> int:
    user = User(email="ada@example.com", full_name="Ada")
    session.add(user)
    await session.commit()
    return user.id


def make_client(settings: Settings, sessions: Any = None, **changes: Any) -> LLMClient:
    """A client on the test settings with its own cache and fast retries; with `sessions` (the app's session
    factory) it records its calls and applies the budget, as in the app."""
    return LLMClient(
        settings.model_copy(update=changes) if changes else settings,
        sessions=sessions,
        cache=MemoryCache(ttl_seconds=60),
        retry=RetryPolicy(max_retries=settings.llm_max_retries, backoff_seconds=0.01, max_backoff_seconds=0.05),
    )


@pytest.fixture
async def llm(settings: Settings, app: Any) -> AsyncIterator[LLMClient]:
    async with make_client(settings, app.state.session_factory) as c:
        yield c
