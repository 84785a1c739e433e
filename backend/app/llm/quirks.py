"""What differs between the OpenAI-compatible servers we talk to, handled in one place so the client stays generic.
Each quirk is reproduced by a stand-in server in tests/llm/quirks.py, which cites the provider's documentation.

- Error bodies come in several shapes, and the SDK's message only reads one of them (`{"error": {"message"}}`):
  OpenAI, Groq and Ollama's /v1 use that one; a self-hosted NIM (vLLM) answers `{"object": "error", "message"}`;
  NVIDIA's hosted API answers RFC 7807 `{"status", "title", "detail"}` (often with no "message" at all); FastAPI
  servers answer `{"detail": "..."}` or a list of validation errors; Ollama's native API `{"error": "..."}`.
  `server_reason` finds the server's own words in any of them, with anything that looks like an API key removed.
- Streamed usage: OpenAI-style servers send it in a last chunk with no choices when asked
  (`stream_options.include_usage`); Groq also sends it in `x_groq.usage` on the final chunk (and older Groq only
  there); some servers send none. `stream_usage` reads either; each report is the whole request's total, so the last
  one wins (adding them up would count Groq's twice).
- Groq stops a stream early with `x_groq.error` (`stream_error`).
- `create` wraps `chat.completions.create` with the fallbacks a 400 calls for: Groq's JSON mode answers
  `json_validate_failed` with the model's text in `failed_generation` instead of returning it (handed back as the
  answer, so the client's repair request runs as for any malformed JSON); servers that reject `stream_options`
  (vLLM before it knew the field forbade unknown fields) are asked again without it; a model that refuses
  `response_format` json_schema is asked again in JSON mode with the schema in a system message. An OpenAI
  structured-output refusal (`message.refusal`, no content) raises `Refused`: asking again will not change it."""

from __future__ import annotations

import re
import time
from collections.abc import Awaitable, Callable, Mapping
from typing import TYPE_CHECKING, Any

import structlog

from app.llm.cache import canonical_json

if TYPE_CHECKING:  # the OpenAI SDK loads with the first request to a provider, not with the app
    from openai.types.chat import ChatCompletion

log = structlog.get_logger(__name__)

# sk-… (OpenAI), gsk_… (Groq), nvapi-… (NVIDIA), and masked forms such as "sk-proj-****abcd".
_KEY_LIKE = re.compile(r"\b(?:sk|gsk|nvapi|xai)[-_][A-Za-z0-9_\-*]{3,}|\*{3,}[A-Za-z0-9]*")
_REASON_LIMIT = 300


class Refused(Exception):
    """The model declined to answer (OpenAI structured outputs' `refusal`)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def server_reason(exc: BaseException) -> str | None:
    """The server's own explanation of an error, whatever the shape of its body; None when it gave none."""
    import openai

    body = getattr(exc, "body", None)
    reason = _reason(body)
    if reason is None and isinstance(exc, openai.APIError) and not isinstance(exc, openai.APIStatusError):
        reason = exc.message  # an error event inside a stream: the SDK already took its message
    return _clean(reason) if reason else None


def _reason(body: object, depth: int = 0) -> str | None:
    if depth > 3 or body is None:
        return None
    if isinstance(body, str):
        text = body.strip()
        return None if not text or text.startswith("<") else text  # an HTML error page says nothing useful
    if not isinstance(body, Mapping):
        return None
    error = body.get("error")
    if error is not None and error is not body:
        found = _reason(error, depth + 1)
        if found:
            return found
    message = body.get("message")
    if isinstance(message, str) and message.strip():
        return message
    detail = _detail(body.get("detail"), depth)
    title = body.get("title")
    if detail:
        return detail
    return title if isinstance(title, str) and title.strip() else None


def _detail(detail: object, depth: int) -> str | None:
    if isinstance(detail, list):  # FastAPI's validation errors
        parts = []
        for item in detail[:5]:
            if isinstance(item, Mapping):
                where = ".".join(str(p) for p in item.get("loc", ()) if p != "body")
                parts.append(f"{where}: {item.get('msg')}" if where else str(item.get("msg")))
            else:
                parts.append(str(item))
        return "; ".join(parts) or None
    return _reason(detail, depth + 1)


def _clean(text: str) -> str:
    text = _KEY_LIKE.sub("[key hidden]", " ".join(text.split()))
    return text if len(text) <= _REASON_LIMIT else text[: _REASON_LIMIT - 1] + "…"


def stream_usage(chunk: Any) -> tuple[int, int] | None:
    """(prompt, completion) tokens reported by a streamed chunk: `usage`, or Groq's `x_groq.usage`."""
    found = _tokens(getattr(chunk, "usage", None))
    if found is None:
        x_groq = _x_groq(chunk)
        found = _tokens(x_groq.get("usage")) if x_groq else None
    return found


def stream_error(chunk: Any) -> str | None:
    """Why Groq stopped a stream early (`x_groq.error`), if it did."""
    x_groq = _x_groq(chunk)
    error = x_groq.get("error") if x_groq else None
    return _clean(str(error)) if error else None


def _x_groq(chunk: Any) -> Mapping[str, Any] | None:
    extra = getattr(chunk, "model_extra", None) or {}
    value = extra.get("x_groq")
    return value if isinstance(value, Mapping) else None


def _tokens(usage: Any) -> tuple[int, int] | None:
    if usage is None:
        return None
    if isinstance(usage, Mapping):
        prompt, completion = usage.get("prompt_tokens"), usage.get("completion_tokens")
    else:
        prompt, completion = getattr(usage, "prompt_tokens", None), getattr(usage, "completion_tokens", None)
    if prompt is None and completion is None:
        return None
    return int(prompt or 0), int(completion or 0)


async def create(send: Callable[..., Awaitable[Any]], **request: Any) -> Any:
    """`send(**request)` (chat.completions.create) with the fallbacks some servers' 400s call for."""
    import openai

    try:
        response = await send(**request)
    except (openai.BadRequestError, openai.UnprocessableEntityError) as exc:
        failed = failed_generation(exc)
        if failed is not None and not request.get("stream"):
            log.info("llm_quirk", quirk="json_validate_failed")
            return _completion(failed, str(request.get("model") or ""))
        if "stream_options" in request and _mentions(exc, "stream_options"):
            log.info("llm_quirk", quirk="stream_options_rejected")
            return await send(**{k: v for k, v in request.items() if k != "stream_options"})
        fallback = _json_mode_request(exc, request)
        if fallback is None:
            raise
        log.info("llm_quirk", quirk="json_schema_rejected")
        response = await send(**fallback)
    _raise_refusal(response)
    return response


def failed_generation(exc: BaseException) -> str | None:
    """The model's text from Groq's JSON-mode 400 (`code: json_validate_failed`, `failed_generation`)."""
    body = getattr(exc, "body", None)
    if isinstance(body, Mapping) and body.get("code") == "json_validate_failed":
        failed = body.get("failed_generation")
        return failed if isinstance(failed, str) else ""
    return None


def _mentions(exc: BaseException, word: str) -> bool:
    text = f"{getattr(exc, 'message', '')} {server_reason(exc) or ''}".lower()
    return word in text


def _json_mode_request(exc: BaseException, request: dict[str, Any]) -> dict[str, Any] | None:
    """The request in JSON mode with the schema in a system message (structured.py's `json_object` mode), when the
    server refused its json_schema response_format."""
    response_format = request.get("response_format")
    if not isinstance(response_format, Mapping) or response_format.get("type") != "json_schema":
        return None
    if not any(_mentions(exc, word) for word in ("json_schema", "response_format", "response format")):
        return None
    schema = (response_format.get("json_schema") or {}).get("schema") or {}
    instruction = {
        "role": "system",
        "content": "Answer with one JSON object that matches this JSON Schema, and nothing else:\n"
        + canonical_json(schema),
    }
    return {
        **request,
        "messages": [instruction, *request.get("messages", [])],
        "response_format": {"type": "json_object"},
    }


def _completion(content: str, model: str) -> ChatCompletion:
    from openai.types.chat import ChatCompletion

    return ChatCompletion.model_validate(
        {
            "id": "failed-generation",
            "object": "chat.completion",
            "created": int(time.time()),
            "model": model,
            "choices": [{"index": 0, "finish_reason": "stop", "message": {"role": "assistant", "content": content}}],
        }
    )


def _raise_refusal(response: Any) -> None:
    choices = getattr(response, "choices", None)
    if not choices:
        return
    message = getattr(choices[0], "message", None)
    refusal = getattr(message, "refusal", None)
    if refusal and not getattr(message, "content", None):
        raise Refused(_clean(str(refusal)))
