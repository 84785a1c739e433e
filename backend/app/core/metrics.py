"""Prometheus metrics: defined once here, recorded where things happen, served at `/metrics`.

Each process (web, worker, beat) has its own counters; Prometheus scrapes each process and sums them. Label
values are bounded sets (route templates, task names, cache families, sources, providers), never ids or raw
paths, so the number of series stays small."""

from __future__ import annotations

from prometheus_client import Counter, Histogram

# Latency buckets for requests and cache-backed reads: fine below 100 ms, where the aims are.
LATENCY_BUCKETS = (0.002, 0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)
TASK_BUCKETS = (0.01, 0.05, 0.1, 0.5, 1.0, 5.0, 15.0, 60.0, 300.0, 1800.0)

HTTP_REQUEST_DURATION = Histogram(
    "copilot_http_request_duration_seconds",
    "Time to answer an HTTP request, by route template and status class.",
    ["method", "route", "status"],
    buckets=LATENCY_BUCKETS,
)
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
SOURCE_POSTINGS = Counter(
    "copilot_source_postings_total", "Postings received from job boards, by source.", ["source"]
)
LLM_CALLS = Counter(
    "copilot_llm_calls_total", "AI calls by provider, status and whether the cache answered.", ["provider", "status", "cache"]
)
LLM_TOKENS = Counter(
    "copilot_llm_tokens_total", "AI tokens by provider and kind (prompt, completion).", ["provider", "kind"]
)
