"""One client for every OpenAI-compatible provider: JSON answers validated by Pydantic (with one repair retry),
streamed text, retries, the answer cache, usage rows in `llm_call` and the per-user daily budget.

Create one per request or task (`open_llm_client()`): its HTTP connections belong to the event loop that first
uses them, and it reads the provider in force (environment, else Settings → AI provider) when it is opened, so a
change in Settings reaches every process and worker with the next task.

No transaction across network I/O (docs/architecture.md): the client takes no session from its caller. It reads
the budget and writes its `llm_call` rows in short transactions of its own, before and after each request, so a
model that streams for a minute never holds SQLite's write lock or a PostgreSQL connection.

With the offline provider (the default) `complete_json` and `stream_text` raise `LLMUnavailable`, and callers use
their offline implementation; so do callers that catch `LLMError` when the provider fails."""

from __future__ import annotations

import time
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from typing import TYPE_CHECKING, Any, TypeVar

import structlog
from pydantic import BaseModel, ValidationError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.core.cache import Cache
from app.core.config import Settings
from app.core.db import read_scope
from app.llm import quirks, service
from app.llm.accounting import CallRecord, elapsed_ms
from app.llm.cache import cache_key, shared_cache
from app.llm.exceptions import LLMBadOutput, LLMBudgetExceeded, LLMError, LLMUnavailable
from app.llm.providers import ModelSpec
from app.llm.retry import RetryPolicy, translate_error
from app.llm.schemas import ConnectionCheck, LLMResult, ProviderProbe
from app.llm.structured import describe_errors, parse_answer, repair_message, response_format_for

if TYPE_CHECKING:  # the OpenAI SDK loads with the first request to a provider, not with the app
    import openai

log = structlog.get_logger(__name__)

T = TypeVar("T", bound=BaseModel)
Messages = list[dict[str, str]]
TEXT = "text"  # the "schema name" of free-text answers in cache keys


Sessions = async_sessionmaker[AsyncSession]


class _Ok(BaseModel):
    ok: bool


class LLMClient:
    def __init__(
        self,
        settings: Settings,
        *,
        sessions: Sessions | None = None,
        resolved: service.ResolvedProvider | None = None,
        cache: Cache | None = None,
        retry: RetryPolicy | None = None,
    ) -> None:
        self.settings = settings
        self._sessions = sessions  # None: nothing is recorded and no budget applies (connection tests)
        self._resolved = resolved or service.resolve(settings)
        self.provider = self._resolved.spec.name
        self.model = self._resolved.model or ""
        self.offline = self._resolved.offline
        self._cache = cache
        self._retry = retry or RetryPolicy(max_retries=settings.llm_max_retries)
        self._sdk: openai.AsyncOpenAI | None = None

    @property
    def sessions(self) -> Sessions | None:
        """Where usage is recorded (one short transaction per call); None records nothing."""
        return self._sessions

    @property
    def model_spec(self) -> ModelSpec:
        return self._resolved.spec.model(self.model)

    @property
    def label(self) -> str:
        return self._resolved.spec.label

    async def complete_json(
        self,
        schema: type[T],
        messages: Messages,
        *,
        purpose: str,
        prompt_version: str,
        user_id: int | None,
    ) -> LLMResult[T]:
        """The model's answer as an instance of `schema`: from the cache, or asked with structured output."""
        self._require_ready()
        key = cache_key(self.provider, self.model, prompt_version, schema.__name__, messages)
        call = CallRecord(self, purpose=purpose, prompt_version=prompt_version, user_id=user_id, messages=messages)
        asked = False

        async def ask() -> dict[str, Any]:
            nonlocal asked
            asked = True
            return (await self._ask_structured(schema, messages, call, user_id)).model_dump(mode="json")

        # Single flight: the same question asked twice at once (two tabs, two workers) is paid for once; the
        # second caller waits for the first one's answer and is recorded as a cache hit.
        try:
            answer = await self._get_cache().get_or_compute("llm", key, ask, self.settings.llm_cache_ttl_seconds)
        except LLMBudgetExceeded:
            if asked:
                raise
            answer = await ask()  # it was the first caller's budget that ran out, not ours
        try:
            value = schema.model_validate(answer)
        except ValidationError:  # the schema changed under the same prompt version: ask again
            value = await self._ask_structured(schema, messages, call, user_id)
            await self._get_cache().set(
                f"llm:{key}", value.model_dump(mode="json"), self.settings.llm_cache_ttl_seconds
            )
            asked = True
        if not asked:
            await call.record(cache_hit=True)
        return self._result(value, call, cache_hit=not asked)

    async def _ask_structured(self, schema: type[T], messages: Messages, call: CallRecord, user_id: int | None) -> T:
        await self._check_budget(user_id)
        request, response_format = response_format_for(schema, messages, self.model_spec.structured_output)
        try:
            content = await self._ask(request, response_format, call)
            try:
                value = parse_answer(schema, content)
            except ValidationError as first:
                repair = [*request, {"role": "assistant", "content": content}, repair_message(first)]
                content = await self._ask(repair, response_format, call)
                try:
                    value = parse_answer(schema, content)
                except ValidationError as second:
                    raise LLMBadOutput(
                        f"{self._resolved.spec.label} did not return valid JSON for {schema.__name__} after a repair "
                        f"attempt: {describe_errors(second)}"
                    ) from second
        except LLMError as exc:
            await call.record(error=exc.message)
            raise
        await call.record()
        return value

    async def stream_text(
        self,
        messages: Messages,
        *,
        purpose: str,
        prompt_version: str,
        user_id: int | None,
        on_delta: Callable[[str], Awaitable[None]] | None = None,
        should_cancel: Callable[[], Awaitable[bool]] | None = None,
    ) -> LLMResult[str]:
        """Free text, streamed: `on_delta` gets each piece in order (a cached answer arrives as one piece);
        `should_cancel` is asked after each piece and keep it cheap. A cancelled stream returns the text so far."""
        self._require_ready()
        key = cache_key(self.provider, self.model, prompt_version, TEXT, messages)
        call = CallRecord(self, purpose=purpose, prompt_version=prompt_version, user_id=user_id, messages=messages)
        cached = await self._get_cache().get(key)
        if isinstance(cached, str):
            if on_delta is not None:
                await on_delta(cached)
            await call.record(cache_hit=True)
            return self._result(cached, call, cache_hit=True)
        await self._check_budget(user_id)
        parts: list[str] = []
        cancelled = False
        reported: tuple[int, int] | None = None
        try:
            stream = await self._create(call, messages=messages, stream=True, stream_options={"include_usage": True})
            try:
                iterator = stream.__aiter__()
                while True:
                    try:
                        chunk = await iterator.__anext__()
                    except StopAsyncIteration:
                        break
                    except Exception as exc:  # the connection broke mid-answer: nothing to retry safely
                        raise self._translate(exc, call) from exc
                    # `usage`, or Groq's `x_groq.usage`; each report is the request's total, so the last one wins
                    reported = quirks.stream_usage(chunk) or reported
                    if stopped := quirks.stream_error(chunk):
                        raise LLMError(f"{self.label} stopped the answer early: {stopped}")
                    for choice in chunk.choices:
                        if choice.delta.content:
                            parts.append(choice.delta.content)
                            if on_delta is not None:
                                await on_delta(choice.delta.content)
                    if should_cancel is not None and await should_cancel():
                        cancelled = True
                        break
            finally:
                await stream.close()
            if reported is not None:
                call.add_usage(*reported)
        except LLMError as exc:
            if parts:  # the model did work before the stream broke
                call.estimate_usage(messages, "".join(parts))
            await call.record(error=exc.message)
            raise
        text = "".join(parts)
        call.estimate_usage(messages, text)
        await call.record(status="cancelled" if cancelled else "ok")
        if not cancelled:
            await self._get_cache().set(key, text, self.settings.llm_cache_ttl_seconds)
        return self._result(text, call, cache_hit=False, cancelled=cancelled)

    async def test_connection(self) -> ConnectionCheck:
        """Send one tiny request (no retries, no cache) and say what happened."""
        probe = await self.probe(list_models=False)
        return ConnectionCheck(
            ok=probe.ok,
            provider=self.provider,
            model=probe.model,
            host=probe.host,
            latency_ms=probe.latency_ms,
            message=probe.message,
        )

    async def probe(self, *, list_models: bool = True) -> ProviderProbe:
        """The models the server offers (when it lists them) and one tiny structured call in the mode this model
        is asked in: what "Test connection" shows. No retries, no cache, nothing recorded."""
        spec = self._resolved.spec
        host = self._resolved.host
        if self.offline:
            return ProviderProbe(ok=True, model=self.model, host=None, message="offline, no network used")
        needs_model = bool(self._resolved.problem) and not self.model and bool(self._resolved.base_url)
        if self._resolved.problem and not needs_model:
            return ProviderProbe(ok=False, model=self.model, host=host, message=self._resolved.problem)
        models: list[str] = []
        listing_note = ""
        if list_models or needs_model:
            try:
                page = await self._sdk_client().models.list()
                models = sorted({m.id for m in page.data if getattr(m, "id", None)})[:500]
            except Exception as exc:  # some servers have no /models; the chat call below decides
                listing_note = f" (the model list is unavailable: {self._translate_once(exc).message})"
        if needs_model:  # the server answers: say which models it has, so one can be picked
            message = (
                f"{spec.label} at {host} lists {len(models)} model{'s' if len(models) != 1 else ''}: choose one, "
                "then test again to try it."
                if models
                else f"Enter the model's name: {spec.label} at {host} lists none{listing_note}."
            )
            return ProviderProbe(ok=False, model="", host=host, models=models, message=message)
        started = time.monotonic()
        request, response_format = response_format_for(
            _Ok,
            [{"role": "user", "content": 'Reply with the JSON object {"ok": true}.'}],
            self.model_spec.structured_output,
        )
        try:
            response = await self._sdk_client().chat.completions.create(  # type: ignore[call-overload]
                model=self.model,
                messages=request,
                response_format=response_format,
                extra_body=self.model_spec.extra_body or None,
            )
        except Exception as exc:
            message = self._translate_once(exc).message
            return ProviderProbe(
                ok=False, model=self.model, host=host, latency_ms=elapsed_ms(started), models=models, message=message
            )
        content = (response.choices[0].message.content or "").strip() if response.choices else ""
        try:
            parse_answer(_Ok, content)
            structured_ok, said = True, "answered with valid JSON"
        except ValidationError:
            structured_ok, said = False, f"answered, but not with the JSON asked for: {content[:80]!r}"
        return ProviderProbe(
            ok=True,
            model=response.model or self.model,
            host=host,
            latency_ms=elapsed_ms(started),
            models=models,
            structured_output_ok=structured_ok,
            message=f"{spec.label} {said}{listing_note}.",
        )

    async def aclose(self) -> None:
        if self._sdk is not None:
            await self._sdk.close()
            self._sdk = None

    async def __aenter__(self) -> LLMClient:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.aclose()

    # -- internals -------------------------------------------------------------------------------------------

    def _translate_once(self, exc: BaseException) -> LLMError:
        return translate_error(
            exc,
            label=self._resolved.spec.label,
            host=self._resolved.host,
            model=self.model,
            timeout=self.settings.llm_timeout_seconds,
            attempts=1,
        )

    async def _check_budget(self, user_id: int | None) -> None:
        if self._sessions is None:
            return
        async with read_scope(self._sessions) as session:
            await service.check_budget(session, self._resolved.daily_token_budget, user_id)

    def _require_ready(self) -> None:
        if self.offline:
            raise LLMUnavailable("AI is offline; the offline version is used instead.")
        if self._resolved.problem:
            raise LLMUnavailable(f"AI is not configured: {self._resolved.problem}")

    def _get_cache(self) -> Cache:
        if self._cache is None:
            self._cache = shared_cache(self.settings)
        return self._cache

    def _sdk_client(self) -> openai.AsyncOpenAI:
        if self._sdk is None:
            import openai

            self._sdk = openai.AsyncOpenAI(
                base_url=self._resolved.base_url,
                # Local servers (Ollama, vLLM) need no key, but the SDK refuses to start without one.
                api_key=self._resolved.api_key or "not-needed",
                timeout=self.settings.llm_timeout_seconds,
                max_retries=0,
            )
        return self._sdk

    async def _create(self, call: CallRecord, **kwargs: Any) -> Any:
        """chat.completions.create with our retries; provider errors come out as LLMError."""
        extra = self.model_spec.extra_body
        try:
            async for attempt in self._retry.retrying():
                with attempt:
                    call.attempts += 1
                    try:
                        return await quirks.create(  # with the fallbacks some servers' 400s call for
                            self._sdk_client().chat.completions.create,
                            model=self.model,
                            extra_body=extra or None,
                            **kwargs,
                        )
                    except Exception as exc:
                        status = getattr(exc, "status_code", None)
                        log.info(
                            "llm_attempt_failed",
                            provider=self.provider,
                            attempt=call.attempts,
                            status=status,
                            error=type(exc).__name__,
                        )
                        raise
        except Exception as exc:
            raise self._translate(exc, call) from exc
        raise AssertionError("unreachable: tenacity re-raises the last error")

    async def _ask(self, messages: Messages, response_format: dict[str, Any], call: CallRecord) -> str:
        response = await self._create(call, messages=messages, response_format=response_format)
        content = (response.choices[0].message.content or "") if response.choices else ""
        if response.usage is not None:
            call.add_usage(response.usage.prompt_tokens, response.usage.completion_tokens)
        else:
            call.estimate_usage(messages, content, force=True)
        return content

    def _translate(self, exc: BaseException, call: CallRecord) -> LLMError:
        return translate_error(
            exc,
            label=self._resolved.spec.label,
            host=self._resolved.host,
            model=self.model,
            timeout=self.settings.llm_timeout_seconds,
            attempts=call.attempts,
        )

    def _result(self, value: Any, call: CallRecord, *, cache_hit: bool, cancelled: bool = False) -> LLMResult[Any]:
        return LLMResult(
            value=value,
            provider=self.provider,
            model=self.model,
            cache_hit=cache_hit,
            prompt_tokens=call.prompt_tokens,
            completion_tokens=call.completion_tokens,
            cancelled=cancelled,
        )


async def resolve_provider(settings: Settings, sessions: Sessions | None) -> service.ResolvedProvider:
    """The provider in force: the environment's fields, else what an administrator saved in Settings."""
    if sessions is None:
        return service.resolve(settings)
    from app.llm import provider_settings  # late: provider_settings builds clients for its connection test

    async with read_scope(sessions) as session:
        return await provider_settings.in_force(session, settings)


@asynccontextmanager
async def open_llm_client(
    settings: Settings, sessions: Sessions | None, *, cache: Cache | None = None
) -> AsyncIterator[LLMClient]:
    """A client for the provider in force, which records usage through `sessions` (one short transaction per
    call, never the caller's) and closes its connections on exit."""
    client = LLMClient(settings, sessions=sessions, resolved=await resolve_provider(settings, sessions), cache=cache)
    try:
        yield client
    finally:
        await client.aclose()


__all__ = ["LLMClient", "LLMResult", "open_llm_client", "resolve_provider"]
