"""Ingestion throughput: 10,000 postings served by a local board (Greenhouse's format) through fetch, normalise,
dedup and upsert (skills extraction off), on SQLite and PostgreSQL. Aim: over 1,000 postings/s on PostgreSQL."""

from __future__ import annotations

import asyncio
import html
import json
import threading
import time
from pathlib import Path
from typing import Any

import uvicorn
from starlette.applications import Starlette
from starlette.responses import Response
from starlette.routing import Route

from app.core.config import Settings
from app.core.db import make_engine, make_session_factory, session_scope
from app.core.migrations import upgrade
from app.jobs.enrich import enrich_offline
from app.jobs.ingest import upsert_postings
from app.jobs.sources.base import SourceQuery
from app.jobs.sources.greenhouse import Greenhouse
from app.jobs.sources.http import SourceHttp, new_client
from copilot_bench.tracker import _ensure_pg_database, _postgres_url, _reset

POSTINGS = 10_000
TEXT = "<p>We build data products with Python, SQL and Kubernetes. You will own services end to end.</p>" * 6


def _payload() -> bytes:
    jobs = [
        {
            "id": 5_000_000 + i,
            "title": f"Engineer {i}",
            "company_name": f"Company {i % 700}",
            "absolute_url": f"https://boards.greenhouse.io/bench/jobs/{5_000_000 + i}",
            "first_published": "2026-11-01T09:00:00-04:00",
            "location": {"name": "Remote" if i % 3 else "Berlin, Germany"},
            "content": html.escape(TEXT),
        }
        for i in range(POSTINGS)
    ]
    return json.dumps({"jobs": jobs, "meta": {"total": POSTINGS}}).encode()


def _serve(body: bytes) -> tuple[str, uvicorn.Server, threading.Thread]:
    import socket

    async def board(_: Any) -> Response:
        return Response(body, media_type="application/json")

    app = Starlette(routes=[Route("/v1/boards/bench/jobs", board)])
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="error", lifespan="off"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.02)
    return f"http://127.0.0.1:{port}", server, thread


async def _measure(settings: Settings, url: str) -> dict[str, Any]:
    await _reset(settings)
    await asyncio.to_thread(upgrade, settings)
    engine = make_engine(settings)
    factory = make_session_factory(engine)

    async def run() -> tuple[float, float, Any, float]:
        started = time.perf_counter()
        async with new_client() as client:
            jobs = await Greenhouse().fetch(
                SourceHttp(client, "greenhouse", url), SourceQuery(company="bench", limit=POSTINGS)
            )
        fetched = time.perf_counter() - started
        async with session_scope(factory) as session:
            stats = await upsert_postings(session, jobs)
            enrich_started = time.perf_counter()
            for i in range(0, len(stats.posting_ids), 500):  # as run_ingest does, in its batches
                await enrich_offline(session, stats.posting_ids[i : i + 500])
            enrich_s = time.perf_counter() - enrich_started
        return fetched, time.perf_counter() - started, stats, enrich_s

    fetch_s, first_s, first, enrich_s = await run()
    _, second_s, second, _ = await run()
    await engine.dispose()
    return {
        "postings": POSTINGS,
        "first_run_postings_per_s": round(POSTINGS / first_s),
        "first_run_s": round(first_s, 2),
        "fetch_and_normalise_s": round(fetch_s, 2),
        "skill_extraction_s": round(enrich_s, 2),  # offline skills + responsibilities, included in first_run_s
        "created": first.created,
        "second_run_postings_per_s": round(POSTINGS / second_s),
        "second_run_updated": second.updated,
    }


async def bench_ingest(workdir: Path) -> dict[str, Any]:
    url, server, thread = _serve(_payload())
    common: dict[str, Any] = {"secret_key": "bench-secret-" + "x" * 32, "copilot_data_dir": workdir,
                              "frontend_dist": workdir / "none", "redis_url": None}  # fmt: skip
    results: dict[str, Any] = {"aim": "over 1,000 postings/s on PostgreSQL"}
    try:
        results["sqlite"] = await _measure(
            Settings(_env_file=None, database_url=f"sqlite:///{workdir / 'ingest.db'}", **common), url
        )
        base = _postgres_url()
        if base is None:
            results["postgresql"] = {"skipped": "PostgreSQL not reachable (set BENCH_DATABASE_URL)"}
        else:
            pg = await _ensure_pg_database(base, "copilot_bench_ingest")
            results["postgresql"] = await _measure(Settings(_env_file=None, database_url=pg, **common), url)
    finally:
        server.should_exit = True
        thread.join(5)
    return results
