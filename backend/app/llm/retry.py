"""Retries with tenacity (the SDK's own retries are off) and the provider errors turned into messages a person can
act on. Retried: 429, 5xx and connection failures, with exponential backoff and jitter, or exactly the wait a
`Retry-After` header asks for. Not retried: timeouts (a model that was too slow once will be again, and each
retry would make the user wait LLM_TIMEOUT_SECONDS more), other 4xx (the request itself is wrong), and a 429 whose
`Retry-After` is longer than we are willing to hold a request open."""

from __future__ import annotations

import email.utils
import time
from dataclasses import dataclass

import openai
from tenacity import AsyncRetrying, RetryCallState, retry_if_exception, wait_exponential_jitter

from app.llm.exceptions import LLMError, LLMTimeout


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
    if isinstance(exc, openai.APITimeoutError):
        return False
    if isinstance(exc, openai.APIConnectionError):
        return True
    if isinstance(exc, openai.APIStatusError):
        return exc.status_code == 429 or exc.status_code >= 500
    return False


def retry_after_seconds(exc: BaseException | None) -> float | None:
    """The wait a response asked for: `retry-after-ms`, `Retry-After` in seconds, or as an HTTP date."""
    if not isinstance(exc, openai.APIStatusError):
        return None
    headers = exc.response.headers
    try:
        if "retry-after-ms" in headers:
            return max(0.0, float(headers["retry-after-ms"]) / 1000)
        value = headers.get("retry-after")
        if value is None:
            return None
        if value.strip().replace(".", "", 1).isdigit():
            return max(0.0, float(value))
        moment = email.utils.parsedate_to_datetime(value)
        return max(0.0, moment.timestamp() - time.time())
    except (TypeError, ValueError):
        return None


def translate_error(
    exc: BaseException, *, label: str, host: str | None, model: str, timeout: float, attempts: int
) -> LLMError:
    """A provider failure as an LLMError whose message says what happened and what to check. Never the key."""
    where = f"{label} ({host})" if host else label
    tries = f" after {attempts} attempts" if attempts > 1 else ""
    if isinstance(exc, LLMError):
        return exc
    if isinstance(exc, openai.APITimeoutError):
        return LLMTimeout(f"{where} did not answer within {timeout:g} s (LLM_TIMEOUT_SECONDS).")
    if isinstance(exc, openai.APIConnectionError):
        cause = exc.__cause__ or exc
        return LLMError(f"Could not connect to {where}{tries}: {type(cause).__name__}. Is LLM_BASE_URL right?")
    if isinstance(exc, openai.APIStatusError):
        status = exc.status_code
        if status in (401, 403):
            return LLMError(f"{where} rejected the API key ({status}). Check LLM_API_KEY.", code="ai_auth_failed")
        if status == 404:
            return LLMError(
                f"{where} does not know the model {model!r} or the URL is wrong (404). "
                "Check LLM_MODEL and LLM_BASE_URL.",
                code="ai_not_found",
            )
        if status == 429:
            after = retry_after_seconds(exc)
            wait = f" It asks to wait {after:.0f} s." if after else ""
            headers = {"Retry-After": str(max(1, int(after)))} if after else None
            return LLMError(
                f"{where} is rate limiting requests (429){tries}.{wait} Try again shortly.",
                status_code=503,
                code="ai_rate_limited",
                headers=headers,
            )
        if status >= 500:
            return LLMError(f"{where} failed with an internal error ({status}){tries}. Try again later.")
        return LLMError(f"{where} refused the request ({status}): {_short(exc.message)}")
    if isinstance(exc, openai.OpenAIError):
        return LLMError(f"{where} failed: {_short(str(exc))}")
    return LLMError(f"{where} failed: {type(exc).__name__}")


def _short(text: str, limit: int = 300) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
