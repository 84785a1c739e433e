"""Retries with tenacity (the SDK's own retries are off) and the provider errors turned into messages a person can
act on, in the server's own words (app/llm/quirks.py reads every error-body shape).

Retried: 429, 5xx and connection failures, with exponential backoff and jitter, or exactly the wait the response
asks for: `retry-after-ms`, `Retry-After` (seconds or an HTTP date), else, on a 429, the `x-ratelimit-reset-*` of
the limit that ran out (OpenAI and Groq write durations such as "1s", "250ms", "2m59.56s"; OpenAI often sends no
Retry-After at all). Not retried: timeouts (a model that was too slow once will be again, and each retry would make
the user wait LLM_TIMEOUT_SECONDS more), other 4xx (the request itself is wrong), and a 429 whose wait is longer
than we are willing to hold a request open."""

from __future__ import annotations

import email.utils
import re
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING

from tenacity import AsyncRetrying, RetryCallState, retry_if_exception, wait_exponential_jitter

from app.llm import quirks
from app.llm.exceptions import LLMBadOutput, LLMError, LLMTimeout

if TYPE_CHECKING:  # the OpenAI SDK loads with the first request to a provider, not with the app
    pass


@dataclass(frozen=True)
class RetryPolicy:
    max_retries: int = 3
    backoff_seconds: float = 0.5
    max_backoff_seconds: float = 20.0
    max_retry_after_seconds: float = 30.0

    def retrying(self) -> AsyncRetrying:
        exponential = wait_exponential_jitter(
            multiplier=self.backoff_seconds, max=self.max_backoff_seconds, jitter=self.backoff_seconds
        )

        def wait(state: RetryCallState) -> float:
            exc = state.outcome.exception() if state.outcome else None
            after = retry_after_seconds(exc)
            return after if after is not None else float(exponential(state))

        def stop(state: RetryCallState) -> bool:
            if state.attempt_number > self.max_retries:
                return True
            exc = state.outcome.exception() if state.outcome else None
            after = retry_after_seconds(exc)
            return after is not None and after > self.max_retry_after_seconds

        return AsyncRetrying(retry=retry_if_exception(is_retryable), wait=wait, stop=stop, reraise=True)


def is_retryable(exc: BaseException) -> bool:
    import openai

    if isinstance(exc, openai.APITimeoutError):
        return False
    if isinstance(exc, openai.APIConnectionError):
        return True
    if isinstance(exc, openai.APIStatusError):
        return exc.status_code == 429 or exc.status_code >= 500
    return False


def retry_after_seconds(exc: BaseException | None) -> float | None:
    """The wait a response asked for: `retry-after-ms`, `Retry-After` in seconds or as an HTTP date, else (on a
    429) when the exhausted `x-ratelimit-*` limit resets."""
    import openai

    if not isinstance(exc, openai.APIStatusError):
        return None
    headers = exc.response.headers
    try:
        if "retry-after-ms" in headers:
            return max(0.0, float(headers["retry-after-ms"]) / 1000)
        value = headers.get("retry-after")
        if value is not None:
            if value.strip().replace(".", "", 1).isdigit():
                return max(0.0, float(value))
            moment = email.utils.parsedate_to_datetime(value)
            return max(0.0, moment.timestamp() - time.time())
    except (TypeError, ValueError):
        pass
    return rate_limit_reset_seconds(headers) if exc.status_code == 429 else None


def rate_limit_reset_seconds(headers: object) -> float | None:
    """When the limit that ran out resets, from `x-ratelimit-remaining-{requests,tokens}` = 0 and the matching
    `x-ratelimit-reset-*`. Which limit a 429 is about is not said otherwise, and the other reset can be far away
    (Groq's requests limit is per day): with no exhausted limit in the headers, None (back off instead)."""
    get = getattr(headers, "get", None)
    if get is None:
        return None
    waits = []
    for kind in ("requests", "tokens"):
        remaining = _number(get(f"x-ratelimit-remaining-{kind}"))
        reset = duration_seconds(get(f"x-ratelimit-reset-{kind}"))
        if remaining is not None and remaining <= 0 and reset is not None:
            waits.append(reset)
    return max(waits) if waits else None


_DURATION_PART = re.compile(r"(\d+(?:\.\d+)?)(ns|us|µs|ms|h|m|s)")
_UNIT_SECONDS = {"ns": 1e-9, "us": 1e-6, "µs": 1e-6, "ms": 1e-3, "s": 1.0, "m": 60.0, "h": 3600.0}


def duration_seconds(value: str | None) -> float | None:
    """A duration as OpenAI and Groq write it (Go's format: "1s", "12ms", "6m0s", "2m59.56s"), or plain seconds."""
    if value is None:
        return None
    text = value.strip()
    plain = _number(text)
    if plain is not None:
        return max(0.0, plain)
    parts = _DURATION_PART.findall(text)
    if not parts or "".join(n + u for n, u in parts) != text:
        return None
    return sum(float(number) * _UNIT_SECONDS[unit] for number, unit in parts)


def _number(value: object) -> float | None:
    try:
        return float(str(value)) if value is not None else None
    except ValueError:
        return None


def translate_error(
    exc: BaseException, *, label: str, host: str | None, model: str, timeout: float, attempts: int
) -> LLMError:
    """A provider failure as an LLMError whose message says what happened, in the server's own words when it gave
    any (whatever the shape of its error body), and what to check. Never the key."""
    import openai

    where = f"{label} ({host})" if host else label
    tries = f" after {attempts} attempts" if attempts > 1 else ""
    if isinstance(exc, LLMError):
        return exc
    if isinstance(exc, quirks.Refused):
        return LLMBadOutput(f"{where} declined to answer: {exc.reason}")
    if isinstance(exc, openai.APITimeoutError):
        return LLMTimeout(f"{where} did not answer within {timeout:g} s (LLM_TIMEOUT_SECONDS).")
    if isinstance(exc, openai.APIConnectionError):
        cause = exc.__cause__ or exc
        return LLMError(f"Could not connect to {where}{tries}: {type(cause).__name__}. Is LLM_BASE_URL right?")
    reason = quirks.server_reason(exc)
    said = f" {label} says: {reason.rstrip('.')}." if reason else ""
    if isinstance(exc, openai.APIStatusError):
        status = exc.status_code
        if status in (401, 403):
            return LLMError(f"{where} rejected the API key ({status}). Check LLM_API_KEY.{said}", code="ai_auth_failed")
        if status == 404:
            return LLMError(
                f"{where} does not know the model {model!r} or the URL is wrong (404). "
                f"Check LLM_MODEL and LLM_BASE_URL.{said}",
                code="ai_not_found",
            )
        if status == 429:
            after = retry_after_seconds(exc)
            wait = f" It asks to wait {after:.0f} s." if after else ""
            headers = {"Retry-After": str(max(1, int(after)))} if after else None
            return LLMError(
                f"{where} is rate limiting requests (429){tries}.{wait} Try again shortly.{said}",
                status_code=503,
                code="ai_rate_limited",
                headers=headers,
            )
        if status >= 500:
            return LLMError(f"{where} failed with an internal error ({status}){tries}. Try again later.{said}")
        return LLMError(f"{where} refused the request ({status}): {reason or 'no reason given'}")
    if isinstance(exc, openai.OpenAIError):
        return LLMError(f"{where} failed: {reason or _short(str(exc))}")
    return LLMError(f"{where} failed: {type(exc).__name__}")


def _short(text: str, limit: int = 300) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
