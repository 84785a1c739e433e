"""The configured provider as settings describe it, usage accounting in `llm_call`, and the per-user daily budget."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Literal
from urllib.parse import urlsplit

from sqlalchemy.ext.asyncio import AsyncSession

from app.core.config import Settings
from app.llm import repository
from app.llm.exceptions import LLMBudgetExceeded
from app.llm.providers import ModelSpec, ProviderSpec, get_provider
from app.llm.schemas import FormField, KeyStatus
from app.models.llm import LLMCall

# Form fields and the environment variables that, when set, win over what an administrator saved in Settings.
ENV_FIELDS: dict[FormField, str] = {
    "provider": "llm_provider",
    "model": "llm_model",
    "base_url": "llm_base_url",
    "api_key": "llm_api_key",
    "daily_token_budget": "llm_daily_token_budget",
}


@dataclass(frozen=True)
class StoredProvider:
    """What an administrator saved in Settings → AI provider, with the key opened (or why it cannot be)."""

    provider: str
    model: str | None
    base_url: str | None
    api_key: str | None
    key_status: KeyStatus
    daily_token_budget: int | None


@dataclass(frozen=True)
class ResolvedProvider:
    """Settings applied to the registry: what the client will talk to, or why it cannot."""

    spec: ProviderSpec
    model: str | None
    base_url: str | None
    api_key: str | None
    problem: str | None
    source: Literal["environment", "settings", "default"] = "default"
    daily_token_budget: int = 0

    @property
    def offline(self) -> bool:
        return self.spec.name == "offline"

    @property
    def model_spec(self) -> ModelSpec | None:
        return self.spec.model(self.model) if self.model else None

    @property
    def host(self) -> str | None:
        return url_host(self.base_url)


def env_overrides(settings: Settings) -> list[FormField]:
    """The form fields set in the environment (or by whoever built `settings`): those win over Settings."""
    return [field for field, attr in ENV_FIELDS.items() if attr in settings.model_fields_set]


def resolve(settings: Settings, stored: StoredProvider | None = None) -> ResolvedProvider:
    """The provider in force: each field from the environment when set there, else from what was saved in
    Settings (only while the saved provider is the one in force), else the provider's default."""
    env = set(env_overrides(settings))
    name = settings.llm_provider if "provider" in env or stored is None else stored.provider
    spec = get_provider(name)
    saved = stored if stored is not None and stored.provider == spec.name else None

    def pick(field: str, env_value: Any) -> Any:
        return env_value if field in env or saved is None else getattr(saved, field)

    env_key = settings.llm_api_key.get_secret_value().strip() if settings.llm_api_key else ""
    key = pick("api_key", env_key) or ""
    model = pick("model", settings.llm_model) or spec.default_model
    base_url = pick("base_url", settings.llm_base_url) or spec.base_url
    budget = pick("daily_token_budget", settings.llm_daily_token_budget)
    budget = settings.llm_daily_token_budget if budget is None else budget
    source: Literal["environment", "settings", "default"] = (
        "environment" if "provider" in env else "settings" if saved is not None else "default"
    )
    problem = None
    if spec.name != "offline":

        def where(env_var: str) -> str:
            return "in Settings → AI provider" if source == "settings" else f"({env_var})"

        if not base_url:
            problem = f"{spec.label} needs the server's /v1 URL {where('LLM_BASE_URL')}."
        elif not model:
            problem = f"{spec.label} needs a model name {where('LLM_MODEL')}."
        elif spec.needs_key and not key:
            if saved is not None and saved.key_status == "unreadable" and "api_key" not in env:
                problem = (
                    f"The saved {spec.label} API key cannot be read on this server (it was saved under another "
                    "server secret, e.g. before a restore): an administrator must enter it again in Settings."
                )
            else:
                problem = f"{spec.label} needs an API key {where('LLM_API_KEY')}."
    return ResolvedProvider(
        spec=spec,
        model=model,
        base_url=base_url,
        api_key=key or None,
        problem=problem,
        source=source,
        daily_token_budget=int(budget),
    )


def url_host(url: str | None) -> str | None:
    """Host (and port) of a URL, without credentials, path or query: safe to show."""
    if not url:
        return None
    parts = urlsplit(url)
    if not parts.hostname:
        return None
    return f"{parts.hostname}:{parts.port}" if parts.port else parts.hostname


def cost_usd(model: ModelSpec, prompt_tokens: int, completion_tokens: int) -> float | None:
    """Estimated from the registry's published (unmeasured) prices; None where no price is known."""
    if model.input_usd_per_million is None or model.output_usd_per_million is None:
        return None
    return (prompt_tokens * model.input_usd_per_million + completion_tokens * model.output_usd_per_million) / 1e6


def start_of_day_utc(now: datetime | None = None) -> datetime:
    now = (now or datetime.now(UTC)).astimezone(UTC)
    return datetime(now.year, now.month, now.day, tzinfo=UTC)


async def tokens_used_today(session: AsyncSession, user_id: int, now: datetime | None = None) -> int:
    """The user's tokens since midnight UTC (cache hits are recorded with zero tokens)."""
    return await repository.tokens_since(session, user_id, start_of_day_utc(now))


async def check_budget(session: AsyncSession, budget: int, user_id: int | None) -> None:
    """Raise LLMBudgetExceeded when the user has no tokens left today. Work not done for a user (user_id None)
    has no budget. Concurrent calls may overshoot by what they use: the check is before the call."""
    if user_id is None or budget <= 0:
        return
    if await tokens_used_today(session, user_id) >= budget:
        raise LLMBudgetExceeded(budget)


async def record_call(
    session: AsyncSession,
    *,
    user_id: int | None,
    purpose: str,
    provider: str,
    model: str,
    prompt_version: str,
    input_hash: str,
    prompt_tokens: int = 0,
    completion_tokens: int = 0,
    latency_ms: int = 0,
    cache_hit: bool = False,
    cost: float | None = None,
    status: str = "ok",
    error: str | None = None,
) -> LLMCall:
    """One accounting row, flushed into the caller's transaction (never committed here)."""
    row = LLMCall(
        user_id=user_id,
        purpose=purpose[:80],
        provider=provider,
        model=model[:200],
        prompt_version=prompt_version[:80],
        input_hash=input_hash,
        prompt_tokens=prompt_tokens,
        completion_tokens=completion_tokens,
        total_tokens=prompt_tokens + completion_tokens,
        latency_ms=latency_ms,
        cache_hit=cache_hit,
        cost_usd=cost,
        status=status,
        error=error[:2000] if error else None,
    )
    session.add(row)
    await session.flush()
    return row
