"""The LLM client against a local OpenAI-compatible server: structured output, repair, retries, timeouts, errors."""

from __future__ import annotations

import json
import time

import pytest
from pydantic import BaseModel, SecretStr
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.core.config import Settings
from app.llm.client import LLMClient
from app.llm.exceptions import LLMBadOutput, LLMError, LLMTimeout, LLMUnavailable
from app.models.llm import LLMCall
from tests.auth.providers import free_port
from tests.llm.conftest import make_client
from tests.llm.server import LLMServer, error, ok, slow


class Role(BaseModel):
    title: str
    years: int
    tags: list[str] = []


MESSAGES = [{"role": "user", "content": "Senior Python engineer, 5 years, tags: backend"}]
GOOD = {"title": "Python engineer", "years": 5, "tags": ["backend"]}


async def ask(llm: LLMClient, session: AsyncSession, messages: list[dict[str, str]] = MESSAGES) -> Role:
    result = await llm.complete_json(Role, messages, purpose="test.role", prompt_version="v1", user_id=None)
    return result.value


async def calls(session: AsyncSession) -> list[LLMCall]:
    return list((await session.execute(select(LLMCall).order_by(LLMCall.id))).scalars())


class TestStructuredOutput:
    async def test_answer_is_validated_into_the_schema(
        self, llm: LLMClient, session: AsyncSession, llm_server: LLMServer
    ) -> None:
        llm_server.queue(ok(GOOD))
        result = await llm.complete_json(Role, MESSAGES, purpose="test.role", prompt_version="v1", user_id=None)
        assert result.value == Role(**GOOD)
        assert (result.provider, result.model, result.cache_hit) == ("groq", "openai/gpt-oss-20b", False)
        assert (result.prompt_tokens, result.completion_tokens) == (12, 5)
        sent = llm_server.requests[0]
        assert sent["model"] == "openai/gpt-oss-20b" and sent["messages"] == MESSAGES
        assert sent["reasoning_effort"] == "low"  # the registry's per-model extra for gpt-oss
        fmt = sent["response_format"]
        assert fmt["type"] == "json_schema" and fmt["json_schema"]["strict"] is True
        schema = fmt["json_schema"]["schema"]
        assert schema["additionalProperties"] is False and set(schema["required"]) == {"title", "years", "tags"}
        assert llm_server.headers[0]["authorization"] == "Bearer test-key"

    async def test_json_mode_sends_the_schema_in_a_system_message(
        self, settings: Settings, session: AsyncSession, llm_server: LLMServer
    ) -> None:
        llm_server.queue(ok("```json\n" + json.dumps(GOOD) + "\n```"))  # a fenced answer is accepted too
        async with make_client(settings, llm_provider="custom", llm_model="local-model", llm_api_key=None) as llm:
            assert await ask(llm, session) == Role(**GOOD)
        sent = llm_server.requests[0]
        assert sent["response_format"] == {"type": "json_object"}
        assert sent["messages"][0]["role"] == "system" and '"years"' in sent["messages"][0]["content"]
        assert "authorization" not in llm_server.headers[0] or llm_server.headers[0]["authorization"].endswith(
            "not-needed"
        )

    async def test_malformed_json_is_repaired_with_one_more_request(
        self, llm: LLMClient, session: AsyncSession, llm_server: LLMServer
    ) -> None:
        llm_server.queue(ok('{"title": "Python engineer", "years": '), ok(GOOD))
        assert await ask(llm, session) == Role(**GOOD)
        assert llm_server.chat_requests == 2
        repair = llm_server.requests[1]["messages"]
        assert repair[-2] == {"role": "assistant", "content": '{"title": "Python engineer", "years": '}
        assert repair[-1]["role"] == "user" and "not valid" in repair[-1]["content"]
        [row] = await calls(session)
        assert row.status == "ok" and (row.prompt_tokens, row.completion_tokens) == (24, 10)

    async def test_two_bad_answers_give_a_clear_error(
        self, llm: LLMClient, session: AsyncSession, llm_server: LLMServer
    ) -> None:
        llm_server.queue(ok("I think the title is engineer"), ok({"title": "Engineer", "years": "many"}))
        with pytest.raises(LLMBadOutput) as caught:
            await ask(llm, session)
        assert "Role" in caught.value.message and "years" in caught.value.message
        assert caught.value.code == "ai_bad_output" and llm_server.chat_requests == 2
        [row] = await calls(session)
        assert row.status == "error" and row.total_tokens == 34 and "repair" in (row.error or "")


class TestRetries:
    async def test_429_is_retried_after_the_wait_it_asks_for(
        self, llm: LLMClient, session: AsyncSession, llm_server: LLMServer
    ) -> None:
        llm_server.queue(error(429, retry_after=0.3), ok(GOOD))
        started = time.monotonic()
        assert await ask(llm, session) == Role(**GOOD)
        assert time.monotonic() - started >= 0.3
        assert llm_server.chat_requests == 2

    async def test_5xx_is_retried_with_backoff_then_succeeds(
        self, llm: LLMClient, session: AsyncSession, llm_server: LLMServer
    ) -> None:
        llm_server.queue(error(500), error(503), ok(GOOD))
        assert await ask(llm, session) == Role(**GOOD)
        assert llm_server.chat_requests == 3

    async def test_gives_up_after_the_configured_retries(
        self, llm: LLMClient, session: AsyncSession, llm_server: LLMServer
    ) -> None:
        llm_server.queue(error(500), error(500), error(500), ok(GOOD))
        with pytest.raises(LLMError) as caught:
            await ask(llm, session)
        assert llm_server.chat_requests == 3  # LLM_MAX_RETRIES=2: one try and two retries
        assert "internal error (500) after 3 attempts" in caught.value.message
        [row] = await calls(session)
        assert row.status == "error" and row.total_tokens == 0

    async def test_a_long_retry_after_is_not_waited_for(
        self, llm: LLMClient, session: AsyncSession, llm_server: LLMServer
    ) -> None:
        llm_server.queue(error(429, retry_after=3600), ok(GOOD))
        with pytest.raises(LLMError) as caught:
            await ask(llm, session)
        assert llm_server.chat_requests == 1
        assert caught.value.code == "ai_rate_limited" and caught.value.headers == {"Retry-After": "3600"}

    @pytest.mark.parametrize(
        ("status", "words"), [(400, "refused the request (400)"), (401, "rejected the API key"), (404, "LLM_MODEL")]
    )
    async def test_client_errors_are_not_retried(
        self, llm: LLMClient, session: AsyncSession, llm_server: LLMServer, status: int, words: str
    ) -> None:
        llm_server.queue(error(status), ok(GOOD))
        with pytest.raises(LLMError) as caught:
            await ask(llm, session)
        assert words in caught.value.message and "test-key" not in caught.value.message
        assert llm_server.chat_requests == 1

    async def test_timeout_raises_a_clear_error_without_retrying(
        self, llm: LLMClient, session: AsyncSession, llm_server: LLMServer
    ) -> None:
        llm_server.queue(slow(3.0, json.dumps(GOOD)))
        started = time.monotonic()
        with pytest.raises(LLMTimeout) as caught:
            await ask(llm, session)
        assert time.monotonic() - started < 2.5
        assert "did not answer within 1 s (LLM_TIMEOUT_SECONDS)" in caught.value.message
        assert caught.value.status_code == 504 and llm_server.chat_requests == 1

    async def test_connection_refused_is_retried_then_explained(
        self, settings: Settings, session: AsyncSession
    ) -> None:
        async with make_client(settings, llm_base_url=f"http://127.0.0.1:{free_port()}/v1") as llm:
            with pytest.raises(LLMError) as caught:
                await ask(llm, session)
        assert caught.value.message.startswith("Could not connect to Groq (127.0.0.1:")
        assert "after 3 attempts" in caught.value.message


class TestUnavailable:
    async def test_offline_provider_raises_without_network(
        self, settings: Settings, session: AsyncSession, llm_server: LLMServer
    ) -> None:
        async with make_client(settings, llm_provider="offline") as llm:
            assert llm.offline
            with pytest.raises(LLMUnavailable, match="offline"):
                await ask(llm, session)
            with pytest.raises(LLMUnavailable):
                await llm.stream_text(MESSAGES, purpose="t", prompt_version="v1", user_id=None)
        assert llm_server.chat_requests == 0

    async def test_missing_key_is_named(self, settings: Settings, session: AsyncSession, llm_server: LLMServer) -> None:
        async with make_client(settings, llm_api_key=None) as llm:
            with pytest.raises(LLMUnavailable, match="needs an API key"):
                await ask(llm, session)
        async with make_client(settings, llm_api_key=SecretStr("  ")) as llm:
            check = await llm.test_connection()
        assert not check.ok and "LLM_API_KEY" in check.message
        assert llm_server.chat_requests == 0


class TestConnectionCheck:
    async def test_ok_against_the_server(self, llm: LLMClient, llm_server: LLMServer) -> None:
        check = await llm.test_connection()
        assert check.ok and check.latency_ms is not None and "'OK'" in check.message
        assert check.host == llm_server.url.split("/")[2] and check.model == "openai/gpt-oss-20b"

    async def test_failure_is_reported_not_raised(self, llm: LLMClient, llm_server: LLMServer) -> None:
        llm_server.queue(error(503))
        check = await llm.test_connection()
        assert not check.ok and "(503)" in check.message and llm_server.chat_requests == 1

    async def test_offline_uses_no_network(self, settings: Settings, llm_server: LLMServer) -> None:
        async with make_client(settings, llm_provider="offline") as llm:
            check = await llm.test_connection()
        assert check.ok and check.message == "offline, no network used" and llm_server.chat_requests == 0
