"""The answer cache: an identical call costs no request and no tokens; any change of key part asks again."""

from __future__ import annotations

import asyncio
from typing import Any

from pydantic import BaseModel
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.core.cache import MemoryCache
from app.core.config import Settings
from app.llm.cache import cache_key, input_hash
from app.llm.client import LLMClient
from app.models.llm import LLMCall
from tests.llm.conftest import make_client
from tests.llm.server import LLMServer, ok, slow


class Answer(BaseModel):
    answer: str


class OtherAnswer(BaseModel):
    answer: str


MESSAGES = [{"role": "user", "content": "What is 6 x 7?"}]


async def ask(
    llm: LLMClient,
    session: AsyncSession,
    *,
    messages: list[dict[str, str]] = MESSAGES,
    prompt_version: str = "v1",
    schema: type[BaseModel] = Answer,
    user_id: int | None = None,
) -> bool:
    result = await llm.complete_json(
        schema, messages, purpose="test.cache", prompt_version=prompt_version, user_id=user_id
    )
    return result.cache_hit


class TestCacheHits:
    async def test_second_identical_call_makes_no_request_and_charges_nothing(
        self, llm: LLMClient, session: AsyncSession, llm_server: LLMServer, user_id: int
    ) -> None:
        llm_server.queue(ok({"answer": "42"}), ok({"answer": "something else"}))
        assert await ask(llm, session, user_id=user_id) is False
        result = await llm.complete_json(Answer, MESSAGES, purpose="test.cache", prompt_version="v1", user_id=user_id)
        assert result.cache_hit and result.value == Answer(answer="42")
        assert (result.prompt_tokens, result.completion_tokens) == (0, 0)
        assert llm_server.chat_requests == 1
        first, second = (await session.execute(select(LLMCall).order_by(LLMCall.id))).scalars()
        assert (first.cache_hit, first.total_tokens) == (False, 17)
        assert (second.cache_hit, second.total_tokens, second.cost_usd) == (True, 0, 0.0)
        assert second.input_hash == first.input_hash == input_hash(MESSAGES)
        assert second.user_id == user_id and second.status == "ok"

    async def test_streamed_text_is_cached_too(
        self, llm: LLMClient, session: AsyncSession, llm_server: LLMServer
    ) -> None:
        llm_server.queue(ok("Forty two, of course."))
        pieces: list[str] = []

        async def collect(delta: str) -> None:
            pieces.append(delta)

        for _ in range(2):
            result = await llm.stream_text(
                MESSAGES, purpose="test.cache", prompt_version="v1", user_id=None, on_delta=collect
            )
            assert result.value == "Forty two, of course."
        assert result.cache_hit and llm_server.chat_requests == 1
        assert pieces[-1] == "Forty two, of course."  # a cached answer arrives as one piece

    async def test_the_same_question_asked_at_once_is_paid_for_once(
        self, app: Any, llm: LLMClient, llm_server: LLMServer, user_id: int
    ) -> None:
        """Single flight: two tabs asking together make one request; the second waits and is a cache hit."""
        llm_server.queue(slow(0.3, '{"answer": "42"}'), ok({"answer": "asked twice"}))

        async def one_tab() -> bool:
            async with app.state.session_factory() as s:
                hit = await ask(llm, s, user_id=user_id)
                await s.commit()
                return hit

        hits = await asyncio.gather(one_tab(), one_tab())
        assert sorted(hits) == [False, True]
        assert llm_server.chat_requests == 1
        async with app.state.session_factory() as s:
            rows = (await s.execute(select(LLMCall.cache_hit, LLMCall.total_tokens))).all()
        assert sorted(rows) == [(False, 17), (True, 0)]


class TestInvalidation:
    async def test_a_change_of_model_prompt_version_schema_or_input_asks_again(
        self, settings: Settings, session: AsyncSession, llm_server: LLMServer
    ) -> None:
        cache = MemoryCache(ttl_seconds=60)
        llm_server.queue(*[ok({"answer": str(i)}) for i in range(6)])
        first = make_client(settings)
        first._cache = cache
        other_model = make_client(settings, llm_model="openai/gpt-oss-120b")
        other_model._cache = cache
        assert await ask(first, session) is False
        assert await ask(first, session) is True
        assert await ask(other_model, session) is False  # model
        assert await ask(first, session, prompt_version="v2") is False  # prompt version
        assert await ask(first, session, schema=OtherAnswer) is False  # schema
        assert await ask(first, session, messages=[{"role": "user", "content": "What is 6 x 9?"}]) is False  # input
        assert await ask(first, session, prompt_version="v2") is True
        assert llm_server.chat_requests == 5
        await first.aclose()
        await other_model.aclose()

    def test_key_parts(self) -> None:
        base = cache_key("groq", "m", "v1", "Answer", MESSAGES)
        assert base == cache_key("groq", "m", "v1", "Answer", [dict(reversed(list(MESSAGES[0].items())))])
        assert base != cache_key("nim", "m", "v1", "Answer", MESSAGES)
        assert base != cache_key("groq", "m", "v1", "Answer", [*MESSAGES, {"role": "user", "content": "more"}])
