"""What the AI layer returns: a call's result with its provenance, and the status and diagnostics the API shows."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Generic, Literal, TypeVar

from pydantic import BaseModel, Field, field_validator

from app.llm.providers import StructuredOutput

T = TypeVar("T")


@dataclass
class LLMResult(Generic[T]):
    """A model's answer and where it came from (the UI says which provider produced a result, docs/design.md §5)."""

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


class ProviderProbe(BaseModel):
    """What "Test connection" found: the server's models and whether one tiny structured call worked."""

    ok: bool
    model: str
    host: str | None = Field(description="Host of the provider's URL (never the key)")
    latency_ms: int | None = None
    models: list[str] = Field(default_factory=list, description="Model ids the server lists (empty if it lists none)")
    structured_output_ok: bool | None = Field(
        default=None, description="The model answered the tiny request with the JSON asked for"
    )
    message: str = Field(description="What happened, in words")


class ProviderOption(BaseModel):
    name: str
    label: str
    default_model: str | None
    base_url: str | None = Field(description="Default URL; None: the server's URL must be given")
    needs_key: bool
    docs: str


class AIAuditEntry(BaseModel):
    at: datetime
    actor: str | None = Field(description="E-mail of the administrator who made the change")
    summary: str


KeyStatus = Literal["set", "missing", "unreadable"]
FormField = Literal["provider", "model", "base_url", "api_key", "daily_token_budget"]


class AIProviderSettingsRead(BaseModel):
    """Settings → AI provider as an administrator sees it; the key itself is never returned."""

    provider: str
    model: str | None
    base_url: str | None
    key_status: KeyStatus = Field(
        description="set; missing; unreadable: saved under another server secret (after a restore): enter it again"
    )
    daily_token_budget: int
    environment_overrides: list[FormField] = Field(description="Fields set by environment variables, which win")
    providers: list[ProviderOption]
    updated_at: datetime | None
    updated_by: str | None
    changes: list[AIAuditEntry]


class AIProviderSettingsUpdate(BaseModel):
    """The form. `api_key`: None keeps the saved key, "" removes it. Changing the provider or base URL removes
    the saved key unless a new one is sent with the change."""

    provider: str = Field(min_length=1, max_length=40)
    model: str | None = Field(default=None, max_length=200)
    base_url: str | None = Field(default=None, max_length=500)
    api_key: str | None = Field(default=None, max_length=1000)
    daily_token_budget: int = Field(ge=0, le=1_000_000_000)

    @field_validator("provider")
    @classmethod
    def _known_provider(cls, value: str) -> str:
        from app.llm.providers import canonical_provider_name

        return canonical_provider_name(value)

    @field_validator("model", "api_key", mode="before")
    @classmethod
    def _strip(cls, value: object) -> object:
        return value.strip() if isinstance(value, str) else value

    @field_validator("model")
    @classmethod
    def _blank_model(cls, value: str | None) -> str | None:
        if value is not None and any(ord(ch) < 32 for ch in value):
            raise ValueError("the model name has control characters")
        return value or None

    @field_validator("api_key")
    @classmethod
    def _printable_key(cls, value: str | None) -> str | None:
        if value and (any(ord(ch) < 33 or ord(ch) > 126 for ch in value)):
            raise ValueError("an API key is printable ASCII without spaces")
        return value

    @field_validator("base_url", mode="before")
    @classmethod
    def _check_url(cls, value: object) -> object:
        from urllib.parse import urlsplit

        if not isinstance(value, str) or not value.strip():
            return None
        url = value.strip().rstrip("/")
        try:
            parts = urlsplit(url)
            parts.port  # noqa: B018 - raises ValueError for a port out of range
        except ValueError as exc:
            raise ValueError("the base URL is not a valid URL") from exc
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ValueError("the base URL must start with http:// or https:// and name a host")
        if parts.username or parts.password:
            raise ValueError("put the key in the API key field, not in the URL")
        if parts.query or parts.fragment or any(ord(ch) < 33 for ch in url):
            raise ValueError("the base URL takes no query, fragment or spaces (e.g. http://127.0.0.1:11434/v1)")
        return url


class AIStatus(BaseModel):
    provider: str = Field(description="Provider in force (environment, else Settings → AI provider)")
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
    source: Literal["environment", "settings", "default"] = Field(
        description="Where the provider comes from: environment variables, Settings, or the offline default"
    )
    data_sent: list[str] = Field(description="What is sent to the provider, in plain sentences (empty offline)")
    can_configure: bool = Field(description="You are an administrator and may change the provider in Settings")
