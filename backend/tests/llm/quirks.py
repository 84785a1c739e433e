"""Stand-ins for Groq, NVIDIA NIM, OpenAI and Ollama's OpenAI-compatible endpoint: the local server of
tests/llm/server.py (same `queue(ok(...), error(...), streamed(...))` API), answering the way each provider documents
where they differ. Sources were read for this; each class says what it reproduces and where it comes from.

What the four have in common (and server.py already speaks): POST /v1/chat/completions, `data: {chunk}` Server-Sent
Events ending in `data: [DONE]`, GET /v1/models. What differs, reproduced here:

- structured output the registry asks for: Groq json_schema strict (gpt-oss) or json_object (llama); NIM and
  Ollama json_schema; OpenAI json_schema strict.
- error bodies: Groq and OpenAI {"error": {message, type, (param,) code}}; Ollama the same with param and code
  null; NIM hosted {status, title, detail} with no message, NIM self-hosted (vLLM) {object: "error", message, …}.
- rate limits: Groq 429 + retry-after (seconds) + x-ratelimit-*; OpenAI 429 + x-ratelimit-* ("250ms", "6m0s")
  and no retry-after; NIM 429 {status, title} with no headers; Ollama has none, a busy server answers 503.
- usage in streams: Groq x_groq.usage on the final chunk (plus the usage chunk when asked); NIM, OpenAI and
  current Ollama a usage chunk when asked (OpenAI `usage: null` on every chunk before it); older Ollama none.

Error replies: `server.rate_limited()`, `server.failure(status, reason)` build the provider's own body and headers."""

from __future__ import annotations

import asyncio
import json
import time
import uuid
from collections.abc import AsyncIterator, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, TypeVar

from fastapi import Request
from fastapi.responses import JSONResponse, Response, StreamingResponse

from tests.auth.providers import serve
from tests.llm.server import LLMServer, Reply, _split


@dataclass
class Scripted(Reply):
    """A reply with what server.py's Reply cannot say: the exact error body, how the answer ended, a refusal."""

    body: Any = None  # an error's JSON body (dict), or text
    finish_reason: str = "stop"
    refusal: str | None = None


class ProviderServer(LLMServer):
    """The common behaviour; subclasses override the hooks where their provider differs."""

    provider = "custom"
    label = "OpenAI-compatible server"

    def __init__(self, model: str, **options: Any) -> None:
        super().__init__(model)
        self.options = options
        self.responses: list[dict[str, str]] = []  # the headers of each answer sent

    # -- hooks -------------------------------------------------------------------------------------------------

    def error_body(self, status: int, reason: str, kind: str = "") -> Any:
        return {"error": {"message": reason, "type": kind or "invalid_request_error", "param": None, "code": None}}

    def rate_limited(self) -> Scripted:
        return Scripted(status=429, body=self.error_body(429, "Too many requests"))

    def refuse(self, body: dict[str, Any]) -> Response | None:
        """A 400 for a request this provider does not accept, before any scripted reply is used."""
        return None

    def check_answer(self, body: dict[str, Any], reply: Reply) -> Response | None:
        """A provider that validates the model's answer itself (Groq's JSON mode) answers an error instead."""
        return None

    def headers_for(self, status: int) -> dict[str, str]:
        return {}

    def stream_events(self, body: dict[str, Any], reply: Reply, chunk: _Chunks) -> Iterator[dict[str, Any]]:
        """The chunks of a streamed answer, OpenAI's way: role, pieces, finish, then usage when asked."""
        include_usage = bool((body.get("stream_options") or {}).get("include_usage")) and reply.usage
        yield chunk([{"index": 0, "delta": {"role": "assistant", "content": ""}, "finish_reason": None}])
        for piece in _pieces(reply):
            yield chunk([{"index": 0, "delta": {"content": piece}, "finish_reason": None}])
        yield chunk([{"index": 0, "delta": {}, "finish_reason": _finish(reply)}])
        if include_usage:
            yield chunk([], usage=_usage(reply))

    # -- helpers for tests --------------------------------------------------------------------------------------

    def reset(self) -> None:
        super().reset()
        self.responses.clear()
        self.options.clear()

    def failure(self, status: int, reason: str, kind: str = "", **headers: str) -> Scripted:
        return Scripted(status=status, body=self.error_body(status, reason, kind), headers=headers)

    # -- the endpoint -------------------------------------------------------------------------------------------

    async def _chat(self, request: Request) -> Response:
        body = await request.json()
        self.requests.append(body)
        self.headers.append(dict(request.headers))
        refused = self.refuse(body)
        if refused is not None:
            return refused
        reply = self.replies.popleft() if self.replies else Reply()
        if reply.delay:
            await asyncio.sleep(reply.delay)
        headers = {**self.headers_for(reply.status), **reply.headers}
        self.responses.append(headers)
        if reply.status != 200:
            payload = getattr(reply, "body", None)
            if payload is None:
                payload = self.error_body(reply.status, f"scripted {reply.status}")
            if isinstance(payload, str):
                return Response(payload, status_code=reply.status, headers=headers, media_type="text/plain")
            return JSONResponse(payload, status_code=reply.status, headers=headers)
        invalid = self.check_answer(body, reply)
        if invalid is not None:
            return invalid
        model = body.get("model") or self.model
        if body.get("stream"):
            return StreamingResponse(
                self._sse(body, reply, _Chunks(model, self)), media_type="text/event-stream", headers=headers
            )
        return JSONResponse(self.completion(model, reply), headers=headers)

    def completion(self, model: str, reply: Reply) -> dict[str, Any]:
        refusal = getattr(reply, "refusal", None)
        message: dict[str, Any] = {"role": "assistant", "content": None if refusal else reply.content}
        if refusal:
            message["refusal"] = refusal
        completion: dict[str, Any] = {
            "id": f"chatcmpl-{uuid.uuid4().hex[:12]}",
            "object": "chat.completion",
            "created": int(time.time()),
            "model": model,
            "choices": [{"index": 0, "message": message, "finish_reason": _finish(reply), "logprobs": None}],
        }
        if reply.usage:
            completion["usage"] = _usage(reply)
        return completion

    async def _sse(self, body: dict[str, Any], reply: Reply, chunk: _Chunks) -> AsyncIterator[bytes]:
        for number, event in enumerate(self.stream_events(body, reply, chunk)):
            if number > 1:  # after the role chunk and the first piece, at the reply's pace
                await asyncio.sleep(reply.interval)
            yield f"data: {json.dumps(event)}\n\n".encode()
        yield b"data: [DONE]\n\n"


class _Chunks:
    """Builds `chat.completion.chunk` objects of one stream (same id, created, model)."""

    def __init__(self, model: str, server: ProviderServer) -> None:
        self.id = f"chatcmpl-{uuid.uuid4().hex[:12]}"
        self.created = int(time.time())
        self.model = model
        self.server = server

    def __call__(self, choices: list[dict[str, Any]], **fields: Any) -> dict[str, Any]:
        return {
            "id": self.id,
            "object": "chat.completion.chunk",
            "created": self.created,
            "model": self.model,
            "choices": choices,
            **fields,
        }


def _pieces(reply: Reply) -> list[str]:
    return reply.pieces if reply.pieces is not None else _split(reply.content)


def _finish(reply: Reply) -> str:
    return str(getattr(reply, "finish_reason", "stop"))


def _usage(reply: Reply) -> dict[str, int]:
    return {
        "prompt_tokens": reply.prompt_tokens,
        "completion_tokens": reply.completion_tokens,
        "total_tokens": reply.prompt_tokens + reply.completion_tokens,
    }


def _is_json(text: str) -> bool:
    try:
        json.loads(text)
    except ValueError:
        return False
    return True


class GroqServer(ProviderServer):
    """Groq's OpenAI-compatible API (https://api.groq.com/openai/v1).

    - Errors: `{"error": {"message", "type", "code"}}` (console.groq.com/docs/errors); a rate limit says which limit
      in `type` ("tokens"/"requests") and `code: rate_limit_exceeded`.
    - Rate limits (console.groq.com/docs/rate-limits): every answer carries `x-ratelimit-limit-requests` (requests
      per *day*), `-limit-tokens` (tokens per minute), `-remaining-*`, `-reset-requests` ("2m59.56s"),
      `-reset-tokens` ("7.66s"); a 429 adds `retry-after` in whole seconds ("only set if you hit the rate limit").
    - Unsupported fields answer 400 (console.groq.com/docs/openai): logprobs, logit_bias, top_logprobs,
      messages[].name, n other than 1.
    - Structured outputs (console.groq.com/docs/structured-outputs): `json_schema` with `strict: true` only on
      supported models (the gpt-oss ones); other models answer 400 "This model does not support response format
      `json_schema`" (as reported by users). JSON mode validates the model's output on Groq's side: invalid JSON is
      not returned but answered 400 `code: json_validate_failed` with the text in `failed_generation` (issue reports
      quoting the body, e.g. thepersonalaicompany/amurex-backend#38; a Groq engineer in build-with-groq/g1#23: "The
      JSON validation step happens before the data from Groq is returned").
    - Streams (groq-python src/groq/types/chat/chat_completion_chunk.py, `XGroq`): `x_groq.id` on the first and final
      chunk, `x_groq.usage` "Only sent in the final chunk", `x_groq.error` "indicating why a stream was stopped
      early"; with `stream_options.include_usage` also the standard usage chunk (choices empty). `legacy=True`:
      a Groq that ignores `stream_options` and reports usage only in `x_groq` (Portkey-AI/gateway's Groq stream
      transform reads only `x_groq.usage`)."""

    provider = "groq"
    label = "Groq"
    JSON_SCHEMA_MODELS = ("openai/gpt-oss-20b", "openai/gpt-oss-120b")
    UNSUPPORTED = ("logprobs", "logit_bias", "top_logprobs")

    def error_body(self, status: int, reason: str, kind: str = "") -> Any:
        return {"error": {"message": reason, "type": kind or "invalid_request_error", "code": _groq_code(status)}}

    def headers_for(self, status: int) -> dict[str, str]:
        return {
            "x-ratelimit-limit-requests": "14400",
            "x-ratelimit-limit-tokens": "18000",
            "x-ratelimit-remaining-requests": "14370",
            "x-ratelimit-remaining-tokens": "0" if status == 429 else "17997",
            "x-ratelimit-reset-requests": "2m59.56s",
            "x-ratelimit-reset-tokens": "7.66s",
            "x-request-id": f"req_{uuid.uuid4().hex[:26]}",
        }

    def rate_limited(self, retry_after: int = 1) -> Scripted:
        reason = (
            f"Rate limit reached for model `{self.model}` in organization `org_01test` service tier `on_demand` on "
            "tokens per minute (TPM): Limit 18000, Used 17950, Requested 120. Please try again in 1s."
        )
        return Scripted(
            status=429,
            body={"error": {"message": reason, "type": "tokens", "code": "rate_limit_exceeded"}},
            headers={"retry-after": str(retry_after)},
        )

    def refuse(self, body: dict[str, Any]) -> Response | None:
        for name in self.UNSUPPORTED:
            if name in body:
                return self._bad_request(f"'{name}' : property '{name}' is unsupported")
        if body.get("n", 1) != 1 or any("name" in m for m in body.get("messages", [])):
            return self._bad_request("'n' must be 1 and 'messages.name' is unsupported")
        fmt = body.get("response_format") or {}
        if fmt.get("type") == "json_schema" and body.get("model") not in self.JSON_SCHEMA_MODELS:
            return self._bad_request(
                "This model does not support response format `json_schema`. See supported models at "
                "https://console.groq.com/docs/structured-outputs#supported-models"
            )
        return None

    def check_answer(self, body: dict[str, Any], reply: Reply) -> Response | None:
        fmt = (body.get("response_format") or {}).get("type")
        if fmt in ("json_object", "json_schema") and not body.get("stream") and not _is_json(reply.content):
            error = {
                "message": "Failed to generate JSON. Please adjust your prompt. See 'failed_generation' for more "
                "details.",
                "type": "invalid_request_error",
                "code": "json_validate_failed",
                "failed_generation": reply.content,
            }
            return JSONResponse({"error": error}, status_code=400, headers=self.headers_for(400))
        return None

    def stream_events(self, body: dict[str, Any], reply: Reply, chunk: _Chunks) -> Iterator[dict[str, Any]]:
        request_id = f"req_{uuid.uuid4().hex[:26]}"
        include_usage = bool((body.get("stream_options") or {}).get("include_usage")) and not self.options.get("legacy")
        stop_early: str | None = self.options.get("stop_early")
        yield chunk(
            [{"index": 0, "delta": {"role": "assistant", "content": ""}, "finish_reason": None}],
            x_groq={"id": request_id},
        )
        pieces = _pieces(reply)
        for piece in pieces[:2] if stop_early else pieces:
            yield chunk([{"index": 0, "delta": {"content": piece}, "finish_reason": None}])
        if stop_early:
            yield chunk([], x_groq={"id": request_id, "error": stop_early})
            return
        usage = {
            "queue_time": 0.02,
            "prompt_tokens": reply.prompt_tokens,
            "prompt_time": 0.004,
            "completion_tokens": reply.completion_tokens,
            "completion_time": 0.03,
            "total_tokens": reply.prompt_tokens + reply.completion_tokens,
            "total_time": 0.034,
        }
        yield chunk(
            [{"index": 0, "delta": {}, "finish_reason": _finish(reply)}], x_groq={"id": request_id, "usage": usage}
        )
        if include_usage:
            yield chunk([], usage=_usage(reply), x_groq={"id": request_id})

    def _bad_request(self, reason: str) -> JSONResponse:
        return JSONResponse(self.error_body(400, reason), status_code=400, headers=self.headers_for(400))


def _groq_code(status: int) -> str | None:
    return {401: "invalid_api_key", 404: "model_not_found", 429: "rate_limit_exceeded"}.get(status)


class NimServer(ProviderServer):
    """NVIDIA NIM for LLMs: the hosted API catalog (https://integrate.api.nvidia.com/v1) or a self-hosted container.

    - The inference API is vLLM's OpenAI-compatible server (docs.nvidia.com/nim/large-language-models/latest/
      api-reference.html: "backed by vLLM").
    - Structured generation (…/structured-generation.html): a JSON schema is enforced through `response_format`
      `{"type": "json_schema"}` (NVIDIA recommends it over `json_object`, which "enables the model to generate any
      valid JSON, including empty JSON"); `strict` is not required.
    - Errors of the hosted API are RFC 7807 bodies with no "message": `{"status": 404, "title": "Not Found",
      "detail": "Function '…': Not found for account '…'"}` for a model the account cannot use, `{"status": 429,
      "title": "Too Many Requests"}` when rate limited, with no Retry-After and no x-ratelimit headers (limits are
      unpublished, about 40 requests a minute) — quoted in NVIDIA-AI-Blueprints/rag#44,
      Alishahryar1/free-claude-code#30 and #956, gethouston/houston#1243 ("The OpenAI SDK flattens NVIDIA's
      {status,title,detail} bodies (no `error` key) to `<status> status code`").
    - A self-hosted NIM answers vLLM's `ErrorResponse`: `{"object": "error", "message", "type": "BadRequestError",
      "param", "code": 400}` (`self_hosted=True`). `old_vllm=True`: a vLLM from before `stream_options`, whose
      request model forbids unknown fields (`extra="forbid"`), answers 400 to a request that sends it.
    - Streams: vLLM's usage chunk (choices empty) when `stream_options.include_usage` is set."""

    provider = "nim"
    label = "NVIDIA NIM"
    TITLES = {400: "Bad Request", 401: "Unauthorized", 403: "Forbidden", 404: "Not Found", 429: "Too Many Requests"}

    def error_body(self, status: int, reason: str, kind: str = "") -> Any:
        if self.options.get("self_hosted") or self.options.get("old_vllm"):
            return {
                "object": "error",
                "message": reason,
                "type": kind or "BadRequestError",
                "param": None,
                "code": status,
            }
        return {"type": "about:blank", "status": status, "title": self.TITLES.get(status, "Error"), "detail": reason}

    def rate_limited(self) -> Scripted:
        return Scripted(status=429, body={"status": 429, "title": "Too Many Requests"})

    def not_found(self) -> Scripted:
        reason = "Function '2befd4f2-fe18-4a45-bc49-556bd74646b9': Not found for account 'xvrF-test-account'"
        return Scripted(status=404, body={"status": 404, "title": "Not Found", "detail": reason})

    def refuse(self, body: dict[str, Any]) -> Response | None:
        if self.options.get("old_vllm") and "stream_options" in body:
            reason = (
                "[{'type': 'extra_forbidden', 'loc': ('body', 'stream_options'), 'msg': 'Extra inputs are not "
                "permitted', 'input': {'include_usage': True}}]"
            )
            return JSONResponse(self.error_body(400, reason), status_code=400)
        fmt = body.get("response_format") or {}
        if fmt and fmt.get("type") not in ("json_schema", "json_object", "text"):
            return JSONResponse(self.error_body(400, f"unknown response_format {fmt.get('type')!r}"), status_code=400)
        return None


class OpenAIServer(ProviderServer):
    """OpenAI's API (https://api.openai.com/v1).

    - Errors (platform.openai.com/docs/guides/error-codes): `{"error": {"message", "type", "param", "code"}}`; a 401
      names a masked key ("Incorrect API key provided: sk-proj-****…").
    - Rate limits (platform.openai.com/docs/guides/rate-limits): every answer carries `x-ratelimit-limit-requests`,
      `-limit-tokens`, `-remaining-requests`, `-remaining-tokens`, `-reset-requests` ("1s"), `-reset-tokens`
      ("6m0s"), durations in Go's format ("12ms" in practice, community.openai.com/t/1268905); a 429 body says
      which limit ("on requests per min (RPM)", `code: rate_limit_exceeded`) and no Retry-After is promised.
    - Streaming (platform.openai.com/docs/api-reference/chat/streaming): with `stream_options: {"include_usage":
      true}` every chunk has `"usage": null` and an extra last chunk has empty `choices` and the usage.
    - Structured outputs (platform.openai.com/docs/guides/structured-outputs): `json_schema` with `strict: true`
      requires every object to set `additionalProperties: false` and list every property in `required`, else
      400 "Invalid schema for response_format …"; models without structured outputs (gpt-3.5-turbo, listed with
      `no_json_schema=(...)`) answer 400 "'response_format' of type 'json_schema' is not supported with this
      model"; a refusal comes back as `message.refusal` with null content;
      an answer cut at max_tokens ends with `finish_reason: "length"` and truncated JSON."""

    provider = "openai"
    label = "OpenAI"

    def headers_for(self, status: int) -> dict[str, str]:
        limited = status == 429
        return {
            "x-ratelimit-limit-requests": "500",
            "x-ratelimit-limit-tokens": "200000",
            "x-ratelimit-remaining-requests": "0" if limited else "499",
            "x-ratelimit-remaining-tokens": "199970",
            "x-ratelimit-reset-requests": "250ms" if limited else "120ms",
            "x-ratelimit-reset-tokens": "6m0s" if limited else "9ms",
            "x-request-id": f"req_{uuid.uuid4().hex}",
            "openai-processing-ms": "212",
        }

    def rate_limited(self) -> Scripted:
        reason = (
            f"Rate limit reached for {self.model} in organization org-test on requests per min (RPM): Limit 500, "
            "Used 500, Requested 1. Please try again in 250ms. Visit https://platform.openai.com/account/rate-limits "
            "to learn more."
        )
        body = {"error": {"message": reason, "type": "requests", "param": None, "code": "rate_limit_exceeded"}}
        return Scripted(status=429, body=body)

    def bad_key(self) -> Scripted:
        reason = (
            "Incorrect API key provided: sk-proj-****6789. You can find your API key at "
            "https://platform.openai.com/account/api-keys."
        )
        body = {"error": {"message": reason, "type": "invalid_request_error", "param": None, "code": "invalid_api_key"}}
        return Scripted(status=401, body=body)

    def refuse(self, body: dict[str, Any]) -> Response | None:
        fmt = body.get("response_format") or {}
        if fmt.get("type") == "json_schema" and body.get("model") in self.options.get("no_json_schema", ()):
            reason = "Invalid parameter: 'response_format' of type 'json_schema' is not supported with this model."
            payload = {
                "error": {"message": reason, "type": "invalid_request_error", "param": "response_format", "code": None}
            }
            return JSONResponse(payload, status_code=400, headers=self.headers_for(400))
        if fmt.get("type") == "json_schema" and (fmt.get("json_schema") or {}).get("strict"):
            problem = _strict_problem((fmt["json_schema"]).get("schema") or {})
            if problem:
                name = fmt["json_schema"].get("name")
                reason = f"Invalid schema for response_format '{name}': In context=(), {problem}."
                payload = {
                    "error": {
                        "message": reason,
                        "type": "invalid_request_error",
                        "param": "response_format",
                        "code": None,
                    }
                }
                return JSONResponse(payload, status_code=400, headers=self.headers_for(400))
        return None

    def stream_events(self, body: dict[str, Any], reply: Reply, chunk: _Chunks) -> Iterator[dict[str, Any]]:
        include_usage = bool((body.get("stream_options") or {}).get("include_usage"))
        extra: dict[str, Any] = {"usage": None} if include_usage else {}
        yield chunk(
            [{"index": 0, "delta": {"role": "assistant", "content": "", "refusal": None}, "finish_reason": None}],
            **extra,
        )
        for piece in _pieces(reply):
            yield chunk([{"index": 0, "delta": {"content": piece}, "finish_reason": None}], **extra)
        yield chunk([{"index": 0, "delta": {}, "finish_reason": _finish(reply)}], **extra)
        if include_usage:
            yield chunk([], usage=_usage(reply))


def _strict_problem(schema: dict[str, Any]) -> str | None:
    """What OpenAI's strict mode rejects in a schema (only the two rules the docs lead with)."""
    nodes: list[Any] = [schema]
    while nodes:
        node = nodes.pop()
        if isinstance(node, list):
            nodes.extend(node)
        elif isinstance(node, dict):
            if node.get("type") == "object" or "properties" in node:
                if node.get("additionalProperties") is not False:
                    return "'additionalProperties' is required to be supplied and to be false"
                if set(node.get("required", [])) != set(node.get("properties", {})):
                    return "'required' is required to be supplied and to be an array including every key in properties"
            nodes.extend(v for v in node.values() if isinstance(v, dict | list))
    return None


class OllamaServer(ProviderServer):
    """Ollama's OpenAI compatibility (http://127.0.0.1:11434/v1), from github.com/ollama/ollama.

    - docs/openai.md: the API key is "required but ignored"; supported request fields include `response_format` and
      `stream_options.include_usage` (older versions of the page list no `stream_options`: it was ignored and a
      stream carried no usage at all, `legacy=True`); "usage.prompt_tokens will be 0 for completions where prompt
      evaluation is cached".
    - openai/openai.go: `response_format` `json_object` becomes `format: "json"`, `json_schema` becomes
      `format: <schema>` (only `json_schema.schema` is read; `name` and `strict` are ignored); errors are
      `NewError`: `{"error": {"message", "type": "invalid_request_error" | "not_found_error" | "api_error",
      "param": null, "code": null}}`. Ollama's native API (/api/…) answers `{"error": "…"}` instead, which the /v1
      middleware (middleware/openai.go `writeError`) rewraps.
    - middleware/openai.go: in a stream, the usage chunk (empty choices) is written only when
      `stream_options.include_usage` is set; chunks carry `"system_fingerprint": "fp_ollama"`.
    - No rate limits and no rate-limit headers; a busy server answers 503 "server busy, please try again.  maximum
      pending requests exceeded" (server/sched.go `ErrMaxQueue`, OLLAMA_MAX_QUEUE); a model not pulled answers
      404 `model "…" not found, try pulling it first`."""

    provider = "ollama"
    label = "Ollama (local)"
    TYPES = {400: "invalid_request_error", 404: "not_found_error"}

    def error_body(self, status: int, reason: str, kind: str = "") -> Any:
        return {
            "error": {
                "message": reason,
                "type": kind or self.TYPES.get(status, "api_error"),
                "param": None,
                "code": None,
            }
        }

    def rate_limited(self) -> Scripted:
        return self.busy()

    def busy(self) -> Scripted:
        return self.failure(503, "server busy, please try again.  maximum pending requests exceeded")

    def not_pulled(self) -> Scripted:
        return self.failure(404, f'model "{self.model}" not found, try pulling it first')

    def refuse(self, body: dict[str, Any]) -> Response | None:
        effort = body.get("reasoning_effort")
        if effort is not None and effort not in ("high", "medium", "low", "none"):
            reason = f'invalid reasoning value: \'{effort}\' (must be "high", "medium", "low", or "none")'
            return JSONResponse(self.error_body(400, reason), status_code=400)
        return None

    def stream_events(self, body: dict[str, Any], reply: Reply, chunk: _Chunks) -> Iterator[dict[str, Any]]:
        include_usage = bool((body.get("stream_options") or {}).get("include_usage")) and not self.options.get("legacy")
        fingerprint = {"system_fingerprint": "fp_ollama"}
        for piece in _pieces(reply):
            delta = {"role": "assistant", "content": piece}
            yield chunk([{"index": 0, "delta": delta, "finish_reason": None}], **fingerprint)
        last = chunk(
            [{"index": 0, "delta": {"role": "assistant", "content": ""}, "finish_reason": _finish(reply)}],
            **fingerprint,
        )
        yield last
        if include_usage:
            yield {**last, "choices": [], "usage": _usage(reply)}

    def completion(self, model: str, reply: Reply) -> dict[str, Any]:
        completion = super().completion(model, reply)
        completion["system_fingerprint"] = "fp_ollama"
        return completion


S = TypeVar("S", bound=ProviderServer)


@contextmanager
def running(server: S) -> Iterator[S]:
    with serve(server.app) as base:
        server.url = f"{base}/v1"
        yield server
