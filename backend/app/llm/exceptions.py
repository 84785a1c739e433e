"""Errors of the AI layer. Every one is an AppError, so a route that lets it through answers {"detail", "code"};
features with an offline path catch `LLMError` (which includes `LLMUnavailable`) and use it instead."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from app.core.exceptions import AppError


class LLMError(AppError):
    """The AI service failed (after retries) or could not be reached."""

    status_code = 502
    code = "ai_provider_error"


class LLMUnavailable(LLMError):
    """No AI service is configured (the offline provider, or a provider missing its key or URL)."""

    status_code = 503
    code = "ai_unavailable"


class LLMTimeout(LLMError):
    status_code = 504
    code = "ai_timeout"


class LLMBadOutput(LLMError):
    """The model's answer was not the JSON asked for, even after one repair attempt."""

    status_code = 502
    code = "ai_bad_output"


class LLMBudgetExceeded(LLMError):
    status_code = 429
    code = "ai_budget_exceeded"

    def __init__(self, budget: int, now: datetime | None = None) -> None:
        reset = next_midnight_utc(now)
        seconds = max(1, int((reset - (now or datetime.now(UTC))).total_seconds()))
        super().__init__(
            f"You have used today's AI budget of {budget:,} tokens; it resets at midnight UTC "
            f"(in {_duration(seconds)}). Features keep working with their offline versions until then.",
            headers={"Retry-After": str(seconds)},
        )
        self.budget = budget
        self.resets_at = reset


def next_midnight_utc(now: datetime | None = None) -> datetime:
    now = (now or datetime.now(UTC)).astimezone(UTC)
    return datetime(now.year, now.month, now.day, tzinfo=UTC) + timedelta(days=1)


def _duration(seconds: int) -> str:
    hours, rest = divmod(seconds, 3600)
    minutes = rest // 60
    if hours:
        return f"{hours} h {minutes} min"
    return f"{max(minutes, 1)} min"
