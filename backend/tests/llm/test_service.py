"""Usage accounting (tokens, cost, latency) and the per-user daily budget."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from pydantic import BaseModel
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.core.config import Settings
from app.llm import service
from app.llm.cache import input_hash
from app.llm.client import LLMClient
from app.llm.exceptions import LLMBudgetExceeded, next_midnight_utc
from app.models.llm import LLMCall
from tests.llm.conftest import make_client
from tests.llm.server import LLMServer, Reply, ok


class Answer(BaseModel):
    answer: str


MESSAGES = [{"role": "user", "content": "Summarise: Python, SQL."}]


async def ask(llm: LLMClient, session: AsyncSession, user_id: int | None, content: str = "Summarise") -> Answer:
    messages = [{"role": "user", "content": content}]
    result = await llm.complete_json(Answer, messages, purpose="test.budget", prompt_version="v1", user_id=user_id)
    return result.value


async def spent(session: AsyncSession, user_id: int, tokens: int, at: datetime | None = None) -> None:
    await service.record_call(
        session,
        user_id=user_id,
        purpose="earlier",
        provider="groq",
        model="m",
        prompt_version="v1",
        input_hash="0" * 64,
        prompt_tokens=tokens,
    )
    if at is not None:
        row = (await session.execute(select(LLMCall).order_by(LLMCall.id.desc()).limit(1))).scalar_one()
        row.created_at = at
    await session.commit()  # the client reads the budget in a transaction of its own


class TestAccounting:
    async def test_each_call_is_a_row_with_tokens_cost_and_latency(
        self, llm: LLMClient, session: AsyncSession, llm_server: LLMServer, user_id: int
    ) -> None:
        llm_server.queue(ok({"answer": "a"}, prompt_tokens=1000, completion_tokens=200))
        result = await llm.complete_json(
            Answer, MESSAGES, purpose="skills.extract_jd", prompt_version="skills-v1", user_id=user_id
        )
        assert result.value.answer == "a"
        row = (await session.execute(select(LLMCall))).scalar_one()
        assert (row.user_id, row.purpose, row.provider, row.model, row.prompt_version) == (
            user_id,
            "skills.extract_jd",
            "groq",
            "openai/gpt-oss-20b",
            "skills-v1",
        )
        assert (row.prompt_tokens, row.completion_tokens, row.total_tokens) == (1000, 200, 1200)
        # Groq's published price for gpt-oss-20b: $0.075 in, $0.30 out per million tokens (unmeasured).
        assert row.cost_usd == pytest.approx((1000 * 0.075 + 200 * 0.30) / 1e6)
        assert row.input_hash == input_hash(MESSAGES) and row.latency_ms >= 0
        assert row.status == "ok" and row.error is None and row.cache_hit is False
        assert row.created_at.tzinfo is not None

    async def test_unknown_price_is_recorded_as_none(
        self, settings: Settings, session: AsyncSession, llm_server: LLMServer, app: Any
    ) -> None:
        llm_server.queue(ok({"answer": "b"}))
        async with make_client(settings, app.state.session_factory, llm_provider="custom", llm_model="my-model") as llm:
            await ask(llm, session, None)
        row = (await session.execute(select(LLMCall))).scalar_one()
        assert row.cost_usd is None and row.total_tokens == 17 and row.user_id is None

    async def test_server_without_usage_is_estimated(
        self, llm: LLMClient, session: AsyncSession, llm_server: LLMServer
    ) -> None:
        llm_server.queue(Reply(content='{"answer": "c"}', usage=False))
        await ask(llm, session, None)
        row = (await session.execute(select(LLMCall))).scalar_one()
        assert row.prompt_tokens > 0 and row.completion_tokens == len('{"answer": "c"}') // 4


class TestBudget:
    async def test_reaching_the_budget_stops_calls_before_any_request(
        self, llm: LLMClient, session: AsyncSession, llm_server: LLMServer, user_id: int
    ) -> None:
        llm_server.queue(ok({"answer": "first"}, prompt_tokens=900, completion_tokens=100))
        assert (await ask(llm, session, user_id)).answer == "first"
        assert await service.tokens_used_today(session, user_id) == 1000
        with pytest.raises(LLMBudgetExceeded) as caught:
            await ask(llm, session, user_id, content="Another question")
        exc = caught.value
        assert (exc.status_code, exc.code) == (429, "ai_budget_exceeded")
        assert exc.message.startswith("You have used today's AI budget of 1,000 tokens; it resets at midnight UTC")
        assert exc.resets_at == next_midnight_utc()
        assert exc.headers is not None and 0 < int(exc.headers["Retry-After"]) <= 86400
        assert llm_server.chat_requests == 1
        with pytest.raises(LLMBudgetExceeded):
            await llm.stream_text([{"role": "user", "content": "x"}], purpose="t", prompt_version="v1", user_id=user_id)
        assert llm_server.chat_requests == 1

    async def test_a_cached_answer_is_still_served_over_budget(
        self, llm: LLMClient, session: AsyncSession, llm_server: LLMServer, user_id: int
    ) -> None:
        llm_server.queue(ok({"answer": "kept"}, prompt_tokens=1000, completion_tokens=0))
        await ask(llm, session, user_id)
        assert (await ask(llm, session, user_id)).answer == "kept"
        assert llm_server.chat_requests == 1

    async def test_yesterday_does_not_count(
        self, llm: LLMClient, session: AsyncSession, llm_server: LLMServer, user_id: int
    ) -> None:
        await spent(session, user_id, 5000, at=datetime.now(UTC) - timedelta(days=1))
        assert await service.tokens_used_today(session, user_id) == 0
        await session.commit()
        llm_server.queue(ok({"answer": "fine"}))
        assert (await ask(llm, session, user_id)).answer == "fine"

    async def test_work_done_for_no_user_has_no_budget(
        self, llm: LLMClient, session: AsyncSession, llm_server: LLMServer, user_id: int
    ) -> None:
        await spent(session, user_id, 5000)
        llm_server.queue(ok({"answer": "system"}))
        assert (await ask(llm, session, None)).answer == "system"

    async def test_zero_budget_means_unlimited(
        self, settings: Settings, session: AsyncSession, llm_server: LLMServer, user_id: int, app: Any
    ) -> None:
        await spent(session, user_id, 10**9)
        llm_server.queue(ok({"answer": "unlimited"}))
        async with make_client(settings, app.state.session_factory, llm_daily_token_budget=0) as llm:
            assert (await ask(llm, session, user_id)).answer == "unlimited"


class TestResolve:
    def test_custom_needs_a_url_and_a_model(self, settings: Settings) -> None:
        missing_url = service.resolve(settings.model_copy(update={"llm_provider": "custom", "llm_base_url": None}))
        assert missing_url.problem is not None and "LLM_BASE_URL" in missing_url.problem
        no_model = settings.model_copy(update={"llm_provider": "custom", "llm_model": None})
        assert "LLM_MODEL" in (service.resolve(no_model).problem or "")

    def test_host_never_shows_credentials_or_path(self) -> None:
        assert service.url_host("https://user:secret@api.groq.com/openai/v1?key=x") == "api.groq.com"
        assert service.url_host("http://127.0.0.1:11434/v1") == "127.0.0.1:11434"
        assert service.url_host(None) is None
