"""What the AI layer returns: a call's result with its provenance, and the status and diagnostics the API shows."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, TypeVar

from pydantic import BaseModel, Field

from app.llm.providers import StructuredOutput

T = TypeVar("T")


@dataclass
class LLMResult(Generic[T]):
    """A model's answer and where it came from (the UI says which provider produced a result, DESIGN §5)."""

    value: T
    provider: str
    model: str
    cache_hit: bool
    prompt_tokens: int
    completion_tokens: int
    cancelled: bool = False  # stream_text only: stopped by `should_cancel`; `value` is the text so far

    @property
    def total_tokens(self) -> int:
        return self.prompt_tokens + self.completion_tokens


class ConnectionCheck(BaseModel):
    ok: bool
    provider: str
    model: str
    host: str | None = Field(description="Host of the provider's URL (never the key)")
    latency_ms: int | None = None
    message: str = Field(description="What happened, in words: the model's reply, or why it failed")


class AIStatus(BaseModel):
    provider: str = Field(description="Configured provider (LLM_PROVIDER)")
    provider_label: str
    model: str | None
    host: str | None = Field(description="Host of the provider's URL; the key is never shown")
    key_configured: bool
    offline: bool = Field(description="True when AI features use their offline versions (no network)")
    ready: bool = Field(description="The provider has everything it needs (key, URL, model)")
    problem: str | None = Field(default=None, description="What is missing when not ready")
    structured_output: StructuredOutput | None
    context_window: int | None
    tokens_used_today: int = Field(description="Your tokens today (UTC), cache hits excluded")
    daily_token_budget: int = Field(description="Your daily budget in tokens; 0 = unlimited")
    budget_resets_at: str = Field(description="Next midnight UTC, ISO 8601")
