"""One logical LLM call's accounting: tokens over all its attempts, latency, its `llm_call` row, metrics and log
line (used by `client.LLMClient`)."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

import structlog
from sqlalchemy.ext.asyncio import AsyncSession

from app.core import metrics
from app.core.db import session_scope
from app.llm import service
from app.llm.cache import canonical_json, input_hash

if TYPE_CHECKING:
    from app.llm.client import LLMClient

log = structlog.get_logger("app.llm.client")  # the same logger name as before the split

Messages = list[dict[str, str]]


class CallRecord:
    """One logical call's accounting: tokens over all attempts, latency, and its `llm_call` row."""

    def __init__(
        self,
        client: LLMClient,
        *,
        purpose: str,
        prompt_version: str,
        user_id: int | None,
        messages: Messages,
    ) -> None:
        self.client = client
        self.purpose, self.prompt_version, self.user_id = purpose, prompt_version, user_id
        self.input_hash = input_hash(messages)
        self.started = time.monotonic()
        self.prompt_tokens = self.completion_tokens = self.attempts = 0
        self.usage_reported = False

    def add_usage(self, prompt: int | None, completion: int | None) -> None:
        self.prompt_tokens += prompt or 0
        self.completion_tokens += completion or 0
        self.usage_reported = True

    def estimate_usage(self, messages: Messages, text: str, *, force: bool = False) -> None:
        """Servers that report no usage still count against the budget: about four characters per token."""
        if self.usage_reported and not force:
            return
        self.prompt_tokens += max(1, len(canonical_json(messages)) // 4)
        self.completion_tokens += len(text) // 4
        self.usage_reported = True

    async def record(self, *, cache_hit: bool = False, status: str = "ok", error: str | None = None) -> None:
        client = self.client
        if cache_hit:
            self.prompt_tokens = self.completion_tokens = 0
        cost = 0.0 if cache_hit else service.cost_usd(client.model_spec, self.prompt_tokens, self.completion_tokens)
        if client.sessions is not None:
            async with session_scope(client.sessions) as session:  # a short write of its own, after the call
                await self._write(session, cache_hit=cache_hit, status=status, error=error, cost=cost)
        metrics.record_llm_call(
            client.provider, "error" if error else status, cache_hit, self.prompt_tokens, self.completion_tokens
        )
        log.info(
            "llm_call",
            provider=client.provider,
            model=client.model,
            purpose=self.purpose,
            cache_hit=cache_hit,
            tokens=self.prompt_tokens + self.completion_tokens,
            latency_ms=elapsed_ms(self.started),
            status="error" if error else status,
        )

    async def _write(
        self, session: AsyncSession, *, cache_hit: bool, status: str, error: str | None, cost: float | None
    ) -> None:
        client = self.client
        await service.record_call(
            session,
            user_id=self.user_id,
            purpose=self.purpose,
            provider=client.provider,
            model=client.model,
            prompt_version=self.prompt_version,
            input_hash=self.input_hash,
            prompt_tokens=self.prompt_tokens,
            completion_tokens=self.completion_tokens,
            latency_ms=elapsed_ms(self.started),
            cache_hit=cache_hit,
            cost=cost,
            status="error" if error else status,
            error=error,
        )


def elapsed_ms(started: float) -> int:
    return int((time.monotonic() - started) * 1000)
