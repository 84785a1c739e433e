"""Prometheus metrics: defined once here, recorded where things happen, served at `/metrics`.

Each process (web, worker, beat) has its own counters; Prometheus scrapes each process and sums them. Label
values are bounded sets (route templates, task names, cache families, sources, providers), never ids or raw
paths, so the number of series stays small. The web process serves them at `/metrics` (`app/api/metrics.py`); a
`copilot worker` process serves them on WORKER_METRICS_PORT (`serve_worker_metrics`)."""

from __future__ import annotations

import ipaddress
import threading
import time
from collections.abc import Iterable
from functools import lru_cache
from typing import Any, Protocol

from prometheus_client import REGISTRY, Counter, Gauge, Histogram, start_http_server
from prometheus_client.exposition import choose_encoder

# Latency buckets for requests and cache-backed reads: fine below 100 ms, where the aims are.
LATENCY_BUCKETS = (0.002, 0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)
TASK_BUCKETS = (0.01, 0.05, 0.1, 0.5, 1.0, 5.0, 15.0, 60.0, 300.0, 1800.0)

HTTP_REQUEST_DURATION = Histogram(
    "copilot_http_request_duration_seconds",
    "Time to answer an HTTP request, by route template and status class.",
    ["method", "route", "status"],
    buckets=LATENCY_BUCKETS,
)
WEBSOCKETS_OPEN = Gauge("copilot_websockets_open", "WebSocket connections this web process holds open now.")
TASKS = Counter("copilot_tasks_total", "Background tasks finished, by name and final state.", ["task", "state"])
TASK_DURATION = Histogram(
    "copilot_task_duration_seconds", "Time a background task ran, by name.", ["task"], buckets=TASK_BUCKETS
)
CACHE_REQUESTS = Counter(
    "copilot_cache_requests_total", "Cache lookups by key family and result (hit, miss, error).", ["family", "result"]
)
SOURCE_FETCHES = Counter(
    "copilot_source_fetches_total", "Job board fetches by source and result (ok, error).", ["source", "result"]
)
SOURCE_POSTINGS = Counter("copilot_source_postings_total", "Postings received from job boards, by source.", ["source"])
LLM_CALLS = Counter(
    "copilot_llm_calls_total",
    "AI calls by provider, status and whether the cache answered.",
    ["provider", "status", "cache"],
)
LLM_TOKENS = Counter(
    "copilot_llm_tokens_total", "AI tokens by provider and kind (prompt, completion).", ["provider", "kind"]
)

UNMATCHED = "unmatched"  # the route label of a request no route or mount answered
METHODS = frozenset({"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"})


def status_class(status: int) -> str:
    return f"{status // 100}xx"


def method_label(method: str) -> str:
    """Clients may send any method name; only the standard ones become label values."""
    return method if method in METHODS else "other"


def observe_request(method: str, route: str, status: int, seconds: float) -> None:
    HTTP_REQUEST_DURATION.labels(method_label(method), route, status_class(status)).observe(seconds)


# --- tasks (recorded by the Celery signals in app/tasks/registry.py) -------------------------------------------

_task_started: dict[str, float] = {}
_task_lock = threading.Lock()


def task_started(task_id: str) -> None:
    with _task_lock:
        _task_started[task_id] = time.monotonic()


def task_finished(task_id: str, task: str, state: str) -> None:
    """Count the run under its state (succeeded, failed, cancelled, retrying) and observe how long it ran."""
    with _task_lock:
        started = _task_started.pop(task_id, None)
    TASKS.labels(task, state).inc()
    if started is not None:
        TASK_DURATION.labels(task).observe(time.monotonic() - started)


# --- job boards and AI ----------------------------------------------------------------------------------------


class FetchOutcome(Protocol):
    source: str
    skipped: str | None

    @property
    def ok(self) -> bool: ...

    @property
    def jobs(self) -> list[Any]: ...


def record_source_results(results: Iterable[FetchOutcome]) -> None:
    """One fetch per board asked; a board skipped (rate limited, its terms) was not asked and is not counted."""
    for result in results:
        if result.skipped:
            continue
        SOURCE_FETCHES.labels(result.source, "ok" if result.ok else "error").inc()
        if result.jobs:
            SOURCE_POSTINGS.labels(result.source).inc(len(result.jobs))


def record_llm_call(provider: str, status: str, cache_hit: bool, prompt_tokens: int, completion_tokens: int) -> None:
    LLM_CALLS.labels(provider, status, "hit" if cache_hit else "miss").inc()
    if prompt_tokens:
        LLM_TOKENS.labels(provider, "prompt").inc(prompt_tokens)
    if completion_tokens:
        LLM_TOKENS.labels(provider, "completion").inc(completion_tokens)


# --- access and exposition ---

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


@lru_cache(maxsize=8)
def parse_networks(value: str) -> tuple[Network, ...]:
    """METRICS_ALLOW_IPS: comma-separated addresses or networks ("127.0.0.1, 10.0.0.0/8"); a bad entry raises."""
    networks = []
    for part in value.split(","):
        if part.strip():
            try:
                networks.append(ipaddress.ip_network(part.strip(), strict=False))
            except ValueError as exc:
                raise ValueError(f"{part.strip()!r} is not an IP address or network") from exc
    return tuple(networks)


def address_allowed(host: str | None, allow: str) -> bool:
    if not host:
        return False
    try:
        ip = ipaddress.ip_address(host)
    except ValueError:  # a unix socket or a test client's name: not an address we can vouch for
        return False
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return any(ip in network for network in parse_networks(allow))


# --- exposition -----------------------------------------------------------------------------------------------


def exposition(accept: str | None) -> tuple[bytes, str]:
    """This process's metrics in the format the scraper asked for (Prometheus text, or OpenMetrics)."""
    encode, content_type = choose_encoder(accept or "")
    return encode(REGISTRY), content_type


def serve_worker_metrics(port: int, host: str = "127.0.0.1") -> Any:
    """A worker process has no web server: serve its metrics on their own port, in a daemon thread."""
    server, _thread = start_http_server(port, addr=host)
    return server
