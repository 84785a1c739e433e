"""GET /api/v1/ai/status and POST /api/v1/ai/test-connection, against the local server and offline."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from app.llm import service
from tests.conftest import register
from tests.llm.server import LLMServer, error


async def me(client: httpx.AsyncClient, headers: dict[str, str]) -> int:
    return int((await client.get("/api/v1/auth/me", headers=headers)).json()["id"])


class TestStatus:
    async def test_shows_the_provider_and_usage_but_never_the_key(
        self, client: httpx.AsyncClient, session: AsyncSession, llm_server: LLMServer
    ) -> None:
        headers = await register(client)
        await service.record_call(
            session,
            user_id=await me(client, headers),
            purpose="earlier",
            provider="groq",
            model="openai/gpt-oss-20b",
            prompt_version="v1",
            input_hash="0" * 64,
            prompt_tokens=300,
            completion_tokens=45,
        )
        await session.commit()
        r = await client.get("/api/v1/ai/status", headers=headers)
        assert r.status_code == 200, r.text
        body = r.json()
        assert body["provider"] == "groq" and body["provider_label"] == "Groq"
        assert body["model"] == "openai/gpt-oss-20b" and body["host"] == llm_server.url.split("/")[2]
        assert body["key_configured"] is True and body["offline"] is False and body["ready"] is True
        assert body["structured_output"] == "json_schema_strict" and body["context_window"] == 131072
        assert (body["tokens_used_today"], body["daily_token_budget"]) == (345, 1000)
        assert body["budget_resets_at"].endswith("T00:00:00+00:00")
        assert "test-key" not in r.text

    async def test_needs_sign_in(self, client: httpx.AsyncClient) -> None:
        assert (await client.get("/api/v1/ai/status")).status_code == 401
        assert (await client.post("/api/v1/ai/test-connection")).status_code == 401


class TestTestConnection:
    async def test_ok_against_the_provider(
        self, client: httpx.AsyncClient, session: AsyncSession, llm_server: LLMServer
    ) -> None:
        headers = await register(client)
        r = await client.post("/api/v1/ai/test-connection", headers=headers)
        assert r.status_code == 200, r.text
        body = r.json()
        assert body["ok"] is True and body["model"] == "openai/gpt-oss-20b" and body["latency_ms"] >= 0
        assert llm_server.chat_requests == 1 and llm_server.requests[0]["messages"][0]["role"] == "user"

    async def test_a_provider_failure_is_a_diagnostic_not_an_error(
        self, client: httpx.AsyncClient, session: AsyncSession, llm_server: LLMServer
    ) -> None:
        headers = await register(client)
        llm_server.queue(error(401))
        r = await client.post("/api/v1/ai/test-connection", headers=headers)
        assert r.status_code == 200
        assert r.json()["ok"] is False and "rejected the API key (401). Check LLM_API_KEY." in r.json()["message"]


class TestOffline:
    @pytest.fixture
    def settings_overrides(self) -> dict[str, object]:
        return {}

    async def test_offline_status_and_connection(
        self, client: httpx.AsyncClient, session: AsyncSession, llm_server: LLMServer
    ) -> None:
        headers = await register(client)
        status: dict[str, Any] = (await client.get("/api/v1/ai/status", headers=headers)).json()
        assert status["provider"] == "offline" and status["offline"] is True and status["host"] is None
        assert status["key_configured"] is False and status["structured_output"] is None
        assert status["daily_token_budget"] == 200_000 and status["tokens_used_today"] == 0
        r = await client.post("/api/v1/ai/test-connection", headers=headers)
        assert r.status_code == 200
        assert r.json() == {
            "ok": True,
            "provider": "offline",
            "model": "offline",
            "host": None,
            "latency_ms": None,
            "message": "offline, no network used",
        }
        assert llm_server.chat_requests == 0
