"""Shared helpers of the benchmarks."""

from __future__ import annotations

import socket
import statistics
import threading
import time
from collections.abc import Awaitable, Callable
from typing import Any

import httpx
import uvicorn


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def percentiles(samples_ms: list[float]) -> dict[str, float]:
    ordered = sorted(samples_ms)
    q = statistics.quantiles(ordered, n=100, method="inclusive")
    return {"p50_ms": round(q[49], 2), "p95_ms": round(q[94], 2), "max_ms": round(ordered[-1], 2), "n": len(ordered)}


async def timed(n: int, call: Callable[[int], Awaitable[httpx.Response]], warmup: int = 3) -> dict[str, float]:
    """Call `n` times (after a few warm-up calls) and return latency percentiles; any error aborts."""
    for i in range(warmup):
        await call(i)
    samples = []
    for i in range(n):
        start = time.perf_counter()
        resp = await call(i)
        samples.append((time.perf_counter() - start) * 1000)
        if resp.status_code >= 400:
            raise RuntimeError(f"benchmark request failed: {resp.status_code} {resp.text[:200]}")
    return percentiles(samples)


class ThreadServer:
    """An ASGI app served by uvicorn on 127.0.0.1 (a free port) in a thread with its own event loop, lifespan
    included: how `copilot serve` runs the app, and how the benches run their local stand-ins."""

    def __init__(self, app: Any, *, log_level: str = "warning") -> None:
        self.server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=0, log_level=log_level))
        self.thread = threading.Thread(target=self.server.run, daemon=True)
        self.port = 0

    def start(self, timeout: float = 30) -> ThreadServer:
        self.thread.start()
        deadline = time.monotonic() + timeout
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("the benchmark's server did not start")
            time.sleep(0.02)
        self.port = int(self.server.servers[0].sockets[0].getsockname()[1])
        return self

    def stop(self, timeout: float = 30) -> None:
        self.server.should_exit = True
        self.thread.join(timeout)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> ThreadServer:
        return self.start()

    def __exit__(self, *_: object) -> None:
        self.stop()
