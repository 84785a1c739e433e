"""Real time at load: 1,000 WebSocket clients on one web process, 100 events/s published to their channels.

The web process (uvicorn + the app, lifespan included) runs in a thread of this process; the clients run in a
separate process so their work does not share a GIL with the server. Events are published the way a Celery task
publishes them: embedded mode through the web process's bus from another thread and loop; Redis mode through
the Redis bus from a separate client. Each event carries its send time; clients report the delivery latency."""

from __future__ import annotations

import asyncio
import json
import multiprocessing as mp
import random
import socket
import threading
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import uvicorn
from sqlalchemy import insert, select

from app.auth.service import issue_tokens
from app.core.config import Settings
from app.core.events import RedisBus, user_channel
from app.core.migrations import upgrade
from app.main import create_app
from app.models.user import User
from app.realtime.envelope import TaskProgress, TaskProgressData, envelope
from copilot_bench.common import free_port, percentiles

CLIENTS = 1000
TABS_PER_USER = 2  # 500 users with two tabs each: an event to a user reaches both
EVENTS_PER_SECOND = 100
SECONDS = 10

PROBE = "bench.probe"


def _redis_url() -> str | None:
    import os

    url = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/13")
    host, port = "127.0.0.1", 6379
    try:
        with socket.create_connection((host, port), timeout=1):
            return url
    except OSError:
        return None


# --- the client process --------------------------------------------------------------------------------------


def _client_main(url: str, tokens: list[str], origin: str, ready: Any, go: Any, results: Any, seconds: float) -> None:
    asyncio.run(_clients(url, tokens, origin, ready, go, results, seconds))


async def _clients(url: str, tokens: list[str], origin: str, ready: Any, go: Any, results: Any, seconds: float) -> None:
    from websockets.asyncio.client import connect

    latencies: list[float] = []
    received = 0
    sockets = []
    started = time.perf_counter()

    async def open_one(token: str) -> Any:
        ws = await connect(url, origin=origin, open_timeout=30, max_queue=None)  # type: ignore[arg-type]
        await ws.send(json.dumps({"type": "auth", "token": token}))
        while json.loads(await ws.recv())["type"] != "ready":
            pass
        return ws

    for i in range(0, len(tokens), 100):  # connect in waves, as users arrive
        sockets += await asyncio.gather(*(open_one(t) for t in tokens[i : i + 100]))
    connect_s = time.perf_counter() - started

    async def listen(ws: Any) -> None:
        nonlocal received
        async for raw in ws:
            msg = json.loads(raw)
            if msg["type"] == "task.progress" and msg["data"]["name"] == PROBE:
                latencies.append((time.time() - float(msg["data"]["message"])) * 1000)
                received += 1

    listeners = [asyncio.create_task(listen(ws)) for ws in sockets]
    ready.set()
    await asyncio.to_thread(go.wait)
    await asyncio.sleep(seconds + 2)  # the run plus time for the last events to land
    for task in listeners:
        task.cancel()
    for ws in sockets:
        await ws.close()
    results.put({"latencies": latencies, "received": received, "connect_s": connect_s})


# --- the server and the producer -------------------------------------------------------------------------------


async def _users(settings: Settings, n: int) -> list[str]:
    from app.core.db import make_engine, make_session_factory

    engine = make_engine(settings)
    async with make_session_factory(engine)() as session:
        now = datetime.now(UTC)
        await session.execute(
            insert(User),
            [{"email": f"rt{i}@bench.example", "full_name": f"User {i}", "created_at": now} for i in range(n)],
        )
        users = (await session.scalars(select(User).order_by(User.id))).all()
        # Every access token belongs to a session (a sign-in) that can end it.
        tokens = [(await issue_tokens(session, settings, u, user_agent="bench")).access_token for u in users]
        await session.commit()
    await engine.dispose()
    return tokens


async def _measure(settings: Settings, mode: str) -> dict[str, Any]:
    users = CLIENTS // TABS_PER_USER
    tokens = await _users(settings, users)
    user_ids = list(range(1, users + 1))
    app = create_app(settings)
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="error", ws_ping_interval=None))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    await asyncio.to_thread(_wait_started, server)

    ctx = mp.get_context("spawn")
    ready, go, results = ctx.Event(), ctx.Event(), ctx.Queue()
    origin = f"http://127.0.0.1:{port}"
    proc = ctx.Process(
        target=_client_main,
        args=(f"ws://127.0.0.1:{port}/api/v1/ws", tokens * TABS_PER_USER, origin, ready, go, results, SECONDS),
    )
    proc.start()
    try:
        await asyncio.to_thread(ready.wait, 120)
        publisher = RedisBus(settings.redis_url) if settings.redis_url and mode == "redis" else None
        go.set()
        sent = 0
        start = time.perf_counter()
        while (elapsed := time.perf_counter() - start) < SECONDS:
            due = int(elapsed * EVENTS_PER_SECOND) + 1
            while sent < due:
                uid = random.choice(user_ids)  # noqa: S311 - load generation, not security
                # A real event type (the socket sends only `ServerEvent`s); its message is the send time.
                probe = TaskProgressData(task_id=f"probe-{sent}", name=PROBE, title="Probe", progress=0,
                                         message=repr(time.time()))  # fmt: skip
                message = envelope(TaskProgress(data=probe))
                if publisher is not None:
                    await publisher.publish(user_channel(uid), message)
                else:  # a worker thread's path into the web process's bus (another loop)
                    await app.state.bus.publish(user_channel(uid), message)
                sent += 1
            await asyncio.sleep(1 / EVENTS_PER_SECOND / 2)
        report = await asyncio.to_thread(results.get, True, 60)
    finally:
        proc.join(30)
        server.should_exit = True
        thread.join(15)
    latencies = report["latencies"]
    expected = sent * TABS_PER_USER
    return {
        "clients": CLIENTS,
        "events_published": sent,
        "events_per_s": round(sent / SECONDS, 1),
        "messages_expected": expected,
        "messages_delivered": report["received"],
        "delivered_per_s": round(report["received"] / SECONDS, 1),
        "connect_all_s": round(report["connect_s"], 2),
        "latency": {**percentiles(latencies), "p99_ms": round(_p99(latencies), 2)} if latencies else {},
    }


def _wait_started(server: uvicorn.Server, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)


def _p99(samples: list[float]) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]


async def bench_realtime(workdir: Path) -> dict[str, Any]:
    common: dict[str, Any] = {
        "secret_key": "bench-secret-" + "x" * 32,
        "copilot_data_dir": workdir,
        "frontend_dist": workdir / "none",
        "embedded_worker": False,  # only the socket path is measured
        "log_level": "WARNING",
    }
    results: dict[str, Any] = {"aim": "p99 < 100 ms"}
    embedded = Settings(_env_file=None, database_url=f"sqlite:///{workdir / 'rt-embedded.db'}", **common)
    await asyncio.to_thread(upgrade, embedded)
    results["embedded"] = await _measure(embedded, "embedded")
    redis_url = _redis_url()
    if redis_url is None:
        results["redis"] = {"skipped": "Redis not reachable on 127.0.0.1:6379"}
    else:
        scaled = Settings(
            _env_file=None, database_url=f"sqlite:///{workdir / 'rt-redis.db'}", redis_url=redis_url, **common
        )
        await asyncio.to_thread(upgrade, scaled)
        results["redis"] = await _measure(scaled, "redis")
    return results
