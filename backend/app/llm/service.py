"""The configured provider as settings describe it, usage accounting in `llm_call`, and the per-user daily budget."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from urllib.parse import urlsplit

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.core.config import Settings
from app.llm.exceptions import LLMBudgetExceeded, next_midnight_utc
from app.llm.providers import ModelSpec, ProviderSpec, get_provider
from app.llm.schemas import AIStatus
from app.models.llm import LLMCall


@dataclass(frozen=True)
class ResolvedProvider:
    """Settings applied to the registry: what the client will talk to, or why it cannot."""

    spec: ProviderSpec
    model: str | None
    base_url: str | None
    api_key: str | None
    problem: str | None

    @property
    def offline(self) -> bool:
        return self.spec.name == "offline"

    @property
    def model_spec(self) -> ModelSpec | None:
        return self.spec.model(self.model) if self.model else None

    @property
    def host(self) -> str | None:
        return url_host(self.base_url)


def resolve(settings: Settings) -> ResolvedProvider:
    spec = get_provider(settings.llm_provider)
    key = settings.llm_api_key.get_secret_value().strip() if settings.llm_api_key else ""
    model = settings.llm_model or spec.default_model
    base_url = settings.llm_base_url or spec.base_url
    problem = None
    if spec.name != "offline":
        if not base_url:
            problem = f"LLM_PROVIDER={spec.name} needs LLM_BASE_URL (the server's /v1 URL)."
        elif not model:
            problem = f"LLM_PROVIDER={spec.name} needs LLM_MODEL (the model name the server knows)."
        elif spec.needs_key and not key:
            problem = f"LLM_PROVIDER={spec.name} needs LLM_API_KEY."
    return ResolvedProvider(spec=spec, model=model, base_url=base_url, api_key=key or None, problem=problem)


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
    query = select(func.coalesce(func.sum(LLMCall.total_tokens), 0)).where(
        LLMCall.user_id == user_id, LLMCall.created_at >= start_of_day_utc(now)
    )
    return int((await session.execute(query)).scalar_one())


async def check_budget(session: AsyncSession, settings: Settings, user_id: int | None) -> None:
    """Raise LLMBudgetExceeded when the user has no tokens left today. Work not done for a user (user_id None)
    has no budget. Concurrent calls may overshoot by what they use: the check is before the call."""
    budget = settings.llm_daily_token_budget
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


async def status(session: AsyncSession, settings: Settings, user_id: int) -> AIStatus:
    """What the Settings page shows: the provider (read-only, from the environment) and the user's usage today."""
    resolved = resolve(settings)
    model = resolved.model_spec
    return AIStatus(
        provider=resolved.spec.name,
        provider_label=resolved.spec.label,
        model=resolved.model,
        host=resolved.host,
        key_configured=resolved.api_key is not None,
        offline=resolved.offline,
        ready=resolved.problem is None,
        problem=resolved.problem,
        structured_output=None if resolved.offline or model is None else model.structured_output,
        context_window=None if resolved.offline or model is None else model.context_window,
        tokens_used_today=await tokens_used_today(session, user_id),
        daily_token_budget=settings.llm_daily_token_budget,
        budget_resets_at=next_midnight_utc().isoformat(),
    )
