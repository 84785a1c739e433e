"""A live app on a real port and WebSocket helpers, shared by the real-time and background-work tests."""

from __future__ import annotations

import asyncio
import json
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import httpx
import pytest
import uvicorn
from pydantic import TypeAdapter
from websockets.asyncio.client import ClientConnection, connect

from app.core.config import Settings
from app.main import create_app
from tests.auth.providers import free_port


@contextmanager
def running(settings: Settings) -> Iterator[tuple[str, Any]]:
    """`copilot serve`'s app on a real port, in a thread with its own event loop (lifespan included)."""
    app = create_app(settings)
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.02)
    try:
        yield f"127.0.0.1:{port}", app
    finally:
        server.should_exit = True
        thread.join(timeout=10)


async def account(host: str, email: str) -> tuple[str, int]:
    from tests.conftest import STRONG_PASSWORD

    async with httpx.AsyncClient(base_url=f"http://{host}") as c:
        r = await c.post("/api/v1/auth/register", json={"email": email, "password": STRONG_PASSWORD})
        if r.status_code == 409:
            r = await c.post("/api/v1/auth/login", json={"email": email, "password": STRONG_PASSWORD})
        token = r.json()["access_token"]
        me = await c.get("/api/v1/auth/me", headers={"Authorization": f"Bearer {token}"})
        return token, int(me.json()["id"])


def as_event(raw: str | bytes) -> dict[str, Any]:
    """A message off the socket, checked against `ServerEvent` as the OpenAPI document publishes it: every
    message any test reads is one the frontend's generated types describe."""
    from app.api.v1.ws import ServerEvent

    message: dict[str, Any] = json.loads(raw)
    TypeAdapter(ServerEvent).validate_python(message)
    return message


async def open_socket(host: str, token: str, last_id: int | None = None) -> ClientConnection:
    ws = await connect(f"ws://{host}/api/v1/ws", origin=f"http://{host}")  # type: ignore[arg-type]
    await ws.send(json.dumps({"type": "auth", "token": token, **({"last_id": last_id} if last_id is not None else {})}))
    ready = as_event(await asyncio.wait_for(ws.recv(), 5))
    assert ready["type"] == "ready", ready
    return ws


async def next_of(ws: ClientConnection, type_: str, timeout: float = 5) -> dict[str, Any]:
    deadline = time.monotonic() + timeout
    while True:
        msg = as_event(await asyncio.wait_for(ws.recv(), max(0.01, deadline - time.monotonic())))
        if msg["type"] == type_:
            return msg  # type: ignore[no-any-return]


async def nothing_of(ws: ClientConnection, type_: str, wait: float = 1.0) -> None:
    with pytest.raises(TimeoutError):
        await next_of(ws, type_, timeout=wait)
