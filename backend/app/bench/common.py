"""Shared helpers of the benchmarks."""

from __future__ import annotations

import statistics
import time
from collections.abc import Awaitable, Callable

import httpx


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
