"""A local OpenAI-compatible server on 127.0.0.1, speaking the Chat Completions protocol as the providers do:
`POST /v1/chat/completions` (JSON, or Server-Sent Events `data: {chunk}` … `data: [DONE]` when `stream` is true,
with a final usage chunk when `stream_options.include_usage` is set) and `GET /v1/models`.

Scripted per test: `server.queue(ok("..."), error(429, retry_after=0), slow(2.0), ...)` answers requests in order;
with the queue empty it answers "OK". Every request body and its headers are recorded."""

from __future__ import annotations

import asyncio
import json
import threading
import time
import uuid
from collections import deque
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, Response, StreamingResponse

from tests.auth.providers import serve


@dataclass
class Reply:
    content: str = "OK"
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    prompt_tokens: int = 12
    completion_tokens: int = 5
    usage: bool = True  # False: a server that reports no usage
    pieces: list[str] | None = None  # how a streamed answer is split (default: word by word)
    interval: float = 0.0  # seconds between streamed pieces (a slow model: 0.1 s a chunk, as real ones stream)
    gate: threading.Event | None = None  # streamed: half the pieces, then wait for the test to open the gate
    reached: threading.Event | None = None  # set when the stream is at the gate (half of it sent)


def ok(content: str | dict[str, Any], **kwargs: Any) -> Reply:
    return Reply(content=content if isinstance(content, str) else json.dumps(content), **kwargs)


def error(status: int, retry_after: float | None = None) -> Reply:
    headers = {"Retry-After": f"{retry_after:g}"} if retry_after is not None else {}
    return Reply(status=status, headers=headers)


def slow(seconds: float, content: str = "OK") -> Reply:
    return Reply(content=content, delay=seconds)


def streamed(content: str, seconds: float, **kwargs: Any) -> Reply:
    """`content` streamed word by word over about `seconds` (one chunk every 0.1 s at most)."""
    pieces = _split(content)
    return Reply(content=content, pieces=pieces, interval=max(0.0, min(0.1, seconds / max(1, len(pieces)))), **kwargs)


class LLMServer:
    def __init__(self, model: str = "test-model") -> None:
        self.model = model
        self.replies: deque[Reply] = deque()
        # Answers requests when nothing is queued (e.g. by what the request asks for); None: "OK".
        self.responder: Callable[[dict[str, Any]], Reply] | None = None
        self.requests: list[dict[str, Any]] = []
        self.headers: list[dict[str, str]] = []
        self.url = ""
        self.app = FastAPI()
        self.app.post("/v1/chat/completions")(self._chat)
        self.app.get("/v1/models")(self._models)

    def queue(self, *replies: Reply) -> None:
        self.replies.extend(replies)

    def reset(self) -> None:
        self.responder = None
        self.replies.clear()
        self.requests.clear()
        self.headers.clear()

    @property
    def chat_requests(self) -> int:
        return len(self.requests)

    async def _models(self) -> dict[str, Any]:
        return {"object": "list", "data": [{"id": self.model, "object": "model", "created": 0, "owned_by": "local"}]}

    async def _chat(self, request: Request) -> Response:
        body = await request.json()
        self.requests.append(body)
        self.headers.append(dict(request.headers))
        if self.replies:
            reply = self.replies.popleft()
        else:
            reply = self.responder(body) if self.responder is not None else Reply()
        if reply.delay:
            await asyncio.sleep(reply.delay)
        if reply.status != 200:
            payload = {"error": {"message": f"scripted {reply.status}", "type": "server_error", "code": None}}
            return JSONResponse(payload, status_code=reply.status, headers=reply.headers)
        model = body.get("model") or self.model
        if body.get("stream"):
            include_usage = bool((body.get("stream_options") or {}).get("include_usage"))
            events = _sse(reply, model, include_usage and reply.usage)
            return StreamingResponse(events, media_type="text/event-stream")
        completion: dict[str, Any] = {
            "id": f"chatcmpl-{uuid.uuid4().hex[:12]}",
            "object": "chat.completion",
            "created": int(time.time()),
            "model": model,
            "choices": [
                {
                    "index": 0,
                    "message": {"role": "assistant", "content": reply.content},
                    "finish_reason": "stop",
                    "logprobs": None,
                }
            ],
        }
        if reply.usage:
            completion["usage"] = _usage(reply)
        return JSONResponse(completion)


def _usage(reply: Reply) -> dict[str, int]:
    return {
        "prompt_tokens": reply.prompt_tokens,
        "completion_tokens": reply.completion_tokens,
        "total_tokens": reply.prompt_tokens + reply.completion_tokens,
    }


def _split(text: str) -> list[str]:
    words = text.split(" ")
    return [w + (" " if i < len(words) - 1 else "") for i, w in enumerate(words) if w or i < len(words) - 1]


async def _sse(reply: Reply, model: str, include_usage: bool) -> AsyncIterator[bytes]:
    chunk_id = f"chatcmpl-{uuid.uuid4().hex[:12]}"
    created = int(time.time())

    def event(choices: list[dict[str, Any]], usage: dict[str, int] | None = None) -> bytes:
        chunk = {
            "id": chunk_id,
            "object": "chat.completion.chunk",
            "created": created,
            "model": model,
            "choices": choices,
            "usage": usage,
        }
        return f"data: {json.dumps(chunk)}\n\n".encode()

    yield event([{"index": 0, "delta": {"role": "assistant", "content": ""}, "finish_reason": None}])
    pieces = reply.pieces if reply.pieces is not None else _split(reply.content)
    for i, piece in enumerate(pieces):
        await asyncio.sleep(reply.interval)
        if reply.gate is not None and i == len(pieces) // 2:
            if reply.reached is not None:
                reply.reached.set()
            await asyncio.to_thread(reply.gate.wait, 60)
        yield event([{"index": 0, "delta": {"content": piece}, "finish_reason": None}])
    yield event([{"index": 0, "delta": {}, "finish_reason": "stop"}])
    if include_usage:
        yield event([], _usage(reply))
    yield b"data: [DONE]\n\n"


@contextmanager
def running_llm_server(model: str = "test-model") -> Iterator[LLMServer]:
    server = LLMServer(model)
    with serve(server.app) as base:
        server.url = f"{base}/v1"
        yield server
