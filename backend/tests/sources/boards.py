"""A local job board: a FastAPI app on 127.0.0.1 that answers like a real board, scripted per test.

`board.route("GET", "/v1/boards/acme/jobs", payload)` answers with JSON; `board.script(path, [429, 500, payload])`
answers a sequence (an int is a status, `("429", {"Retry-After": "1"})` a status with headers, "timeout" sleeps
past the client's timeout, "malformed" sends broken JSON). Requests are recorded for assertions."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import httpx
from fastapi import FastAPI, Request, Response

from app.jobs.sources.http import SourceHttp
from tests.auth.providers import serve


class Board:
    def __init__(self) -> None:
        self.scripts: dict[tuple[str, str], list[Any]] = {}
        self.requests: list[Request] = []
        self.bodies: list[Any] = []
        self.app = FastAPI()

        @self.app.api_route("/{path:path}", methods=["GET", "POST"])
        async def answer(path: str, request: Request) -> Response:
            self.requests.append(request)
            body = await request.body()
            self.bodies.append(json.loads(body) if body else None)
            key = (request.method, "/" + path)
            script = self.scripts.get(key)
            if not script:
                return Response(status_code=404, content=b'{"error": "not found"}', media_type="application/json")
            step = script.pop(0) if len(script) > 1 else script[0]
            if step == "timeout":
                await asyncio.sleep(5)
                return Response(status_code=200)
            if step == "malformed":
                return Response(content=b'{"jobs": [', media_type="application/json")
            if isinstance(step, int):
                return Response(status_code=step)
            if isinstance(step, tuple):
                status, headers = step
                return Response(status_code=int(status), headers=headers)
            return Response(content=json.dumps(step), media_type="application/json")

    def route(self, method: str, path: str, payload: Any) -> None:
        self.scripts[(method, path)] = [payload]

    def script(self, method: str, path: str, steps: list[Any]) -> None:
        self.scripts[(method, path)] = list(steps)

    def queries(self) -> list[dict[str, str]]:
        return [dict(r.query_params) for r in self.requests]


@contextmanager
def running_board() -> Iterator[tuple[Board, str]]:
    board = Board()
    with serve(board.app) as url:
        yield board, url


def http_for(client: httpx.AsyncClient, source: str, url: str, **kwargs: Any) -> SourceHttp:
    """The adapter's HTTP pointed at the local board, with fast retries for tests."""
    return SourceHttp(
        client, source, url, retries=kwargs.pop("retries", 2), backoff=0.01, timeout=kwargs.pop("timeout", 1.0)
    )
