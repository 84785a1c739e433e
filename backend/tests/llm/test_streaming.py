"""Streaming over Server-Sent Events: deltas in order, usage from the final chunk, retries before the first byte,
cancellation."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.llm.client import LLMClient
from app.llm.exceptions import LLMError
from app.models.llm import LLMCall
from tests.llm.server import LLMServer, Reply, error, ok

MESSAGES = [{"role": "user", "content": "Write a short cover letter opening."}]
TEXT = "Dear hiring team, I build reliable Python services and would love to join you."


async def rows(session: AsyncSession) -> list[LLMCall]:
    found = list((await session.execute(select(LLMCall).order_by(LLMCall.id))).scalars())
    await session.commit()  # end the read: the client writes its rows in transactions of its own
    return found


class TestStreamText:
    async def test_deltas_arrive_in_order_and_the_full_text_is_returned(
        self, llm: LLMClient, session: AsyncSession, llm_server: LLMServer, user_id: int
    ) -> None:
        llm_server.queue(ok(TEXT, prompt_tokens=30, completion_tokens=16))
        pieces: list[str] = []

        async def on_delta(delta: str) -> None:
            pieces.append(delta)

        result = await llm.stream_text(
            MESSAGES, purpose="content.letter", prompt_version="letter-v1", user_id=user_id, on_delta=on_delta
        )
        assert result.value == TEXT and "".join(pieces) == TEXT
        assert len(pieces) == len(TEXT.split(" ")) and pieces[0] == "Dear "
        assert (result.prompt_tokens, result.completion_tokens, result.cancelled) == (30, 16, False)
        sent = llm_server.requests[0]
        assert sent["stream"] is True and sent["stream_options"] == {"include_usage": True}
        assert "response_format" not in sent
        [row] = await rows(session)
        assert (row.purpose, row.prompt_version, row.total_tokens, row.status) == (
            "content.letter",
            "letter-v1",
            46,
            "ok",
        )

    async def test_a_429_before_the_stream_starts_is_retried(
        self, llm: LLMClient, session: AsyncSession, llm_server: LLMServer
    ) -> None:
        llm_server.queue(error(429, retry_after=0), error(502), ok(TEXT))
        result = await llm.stream_text(MESSAGES, purpose="t", prompt_version="v1", user_id=None)
        assert result.value == TEXT and llm_server.chat_requests == 3

    async def test_a_refused_stream_is_an_llm_error_and_a_row(
        self, llm: LLMClient, session: AsyncSession, llm_server: LLMServer
    ) -> None:
        llm_server.queue(error(401))
        with pytest.raises(LLMError, match="rejected the API key"):
            await llm.stream_text(MESSAGES, purpose="t", prompt_version="v1", user_id=None)
        [row] = await rows(session)
        assert row.status == "error" and row.total_tokens == 0 and "LLM_API_KEY" in (row.error or "")

    async def test_cancel_stops_the_stream_and_keeps_the_text_so_far(
        self, llm: LLMClient, session: AsyncSession, llm_server: LLMServer
    ) -> None:
        llm_server.queue(Reply(content=TEXT, pieces=["Dear ", "hiring ", "team, ", "I ", "build"]))
        seen: list[str] = []

        async def on_delta(delta: str) -> None:
            seen.append(delta)

        async def should_cancel() -> bool:
            return len(seen) >= 2

        result = await llm.stream_text(
            MESSAGES,
            purpose="t",
            prompt_version="v1",
            user_id=None,
            on_delta=on_delta,
            should_cancel=should_cancel,
        )
        assert result.cancelled and result.value == "Dear hiring "
        [row] = await rows(session)
        assert row.status == "cancelled" and row.total_tokens > 0  # estimated: the stream ended before its usage
        llm_server.queue(ok(TEXT))
        again = await llm.stream_text(MESSAGES, purpose="t", prompt_version="v1", user_id=None)
        assert not again.cache_hit and again.value == TEXT  # a cancelled answer is never cached

    async def test_a_server_without_usage_is_charged_an_estimate(
        self, llm: LLMClient, session: AsyncSession, llm_server: LLMServer
    ) -> None:
        llm_server.queue(Reply(content=TEXT, usage=False))
        result = await llm.stream_text(MESSAGES, purpose="t", prompt_version="v1", user_id=None)
        assert result.prompt_tokens > 0 and result.completion_tokens == len(TEXT) // 4
