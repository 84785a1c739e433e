"""The rule "no transaction across network I/O", enforced in every test.

SQLAlchemy's connection events note which asyncio task opened each database transaction and when it ends; the
HTTP transports (httpx's, used by the job-source client, link import and OAuth, and httpx2's, used by the OpenAI
SDK in the LLM client) check, as each outbound request starts, whether the task making it holds one. Such a
request is recorded, and the test fails at teardown naming the request and where the transaction began.
Recording (not raising) keeps the product's own error handling from hiding it (an LLM error falls back to the
offline composer)."""

from __future__ import annotations

import asyncio
import threading
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import httpx
from sqlalchemy import event
from sqlalchemy.engine import Engine

# Requests to these hosts are the test's own (the ASGI app under test, a live server's API): not outbound I/O.
_OWN_HOSTS = {"testserver"}


@dataclass
class Violation:
    request: str
    began_at: str

    def __str__(self) -> str:
        return f"{self.request} started while this task held a database transaction that began at:\n{self.began_at}"


_lock = threading.Lock()
_open: dict[int, tuple[asyncio.Task[Any], str]] = {}
violations: list[Violation] = []
_installed = False
# Requests the test itself makes to a live server are on its own loop and hold no app transaction; the app's
# outbound calls are what we watch. A test may mark its own helper traffic with this header.
OWN_TRAFFIC_HEADER = "x-test-own-traffic"


def _task() -> asyncio.Task[Any] | None:
    try:
        return asyncio.current_task()
    except RuntimeError:  # no running loop in this thread
        return None


def _where() -> str:
    frames = [
        f for f in traceback.extract_stack(limit=40) if "/app/" in f.filename and "/site-packages/" not in f.filename
    ]
    return "".join(traceback.format_list(frames[-6:])) or "(outside app code)"


def _on_begin(conn: Any) -> None:
    task = _task()
    if task is not None:
        with _lock:
            _open[id(conn)] = (task, _where())


def _on_end(conn: Any) -> None:
    with _lock:
        _open.pop(id(conn), None)


def held_by_current_task() -> str | None:
    """Where the current task's open transaction began, or None."""
    task = _task()
    if task is None:
        return None
    with _lock:
        for owner, where in _open.values():
            if owner is task:
                return where
    return None


def _check(request: Any) -> None:
    if request.url.host in _OWN_HOSTS or OWN_TRAFFIC_HEADER in request.headers:
        return
    where = held_by_current_task()
    if where is not None:
        violations.append(Violation(f"{request.method} {request.url}", where))


def _guard(original: Callable[..., Any]) -> Callable[..., Any]:
    async def handle_async_request(self: Any, request: Any) -> Any:
        _check(request)
        return await original(self, request)

    return handle_async_request


def install() -> None:
    """Once per test process: listen to every engine and wrap httpx's async transport."""
    global _installed
    if _installed:
        return
    _installed = True
    event.listen(Engine, "begin", _on_begin)
    event.listen(Engine, "commit", _on_end)
    event.listen(Engine, "rollback", _on_end)
    for module in _http_modules():
        transport: Any = module.AsyncHTTPTransport
        transport.handle_async_request = _guard(transport.handle_async_request)


def _http_modules() -> list[Any]:
    """httpx, and httpx2 where installed (the OpenAI SDK's HTTP client in this lock)."""
    modules: list[Any] = [httpx]
    try:
        import httpx2  # type: ignore[import-not-found]

        modules.append(httpx2)
    except ImportError:
        pass
    return modules


def take() -> list[Violation]:
    found = list(violations)
    violations.clear()
    return found
