"""The user's writes while cover letters stream: the aim is a status change under 100 ms p95 while three letters
are being written by the LLM, on SQLite (the default install) and PostgreSQL.

The app runs as `copilot serve` runs it (uvicorn in a thread of this process, lifespan included, the embedded
Celery worker with one thread per letter) with LLM_PROVIDER=custom pointed at the stand-in of bench/content.py,
which streams each letter slowly: a word every 100 ms. One user, with a resume and four tracked jobs, starts
three cover letters and keeps a WebSocket open (the deltas reach it, as they reach a tab); while the three
streams are open the bench moves applications between "applied" and "interview" through the API, one PATCH
after another, and times each. The same writes with nothing generating are the baseline. Every letter must end
`ready`, written by the "custom" provider: a letter written offline (the fallback) fails the bench."""

from __future__ import annotations

import asyncio
import contextlib
import gc
import json
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import Connection, Engine, event
from websockets.asyncio.client import ClientConnection, connect

from app.core.config import Settings
from app.core.migrations import upgrade
from app.main import create_app
from copilot_bench.common import ThreadServer, percentiles
from copilot_bench.content import LETTER, StandIn
from copilot_bench.tracker import _ensure_pg_database, _postgres_url, _reset

LETTERS = 3
WORDS = 80  # a word every CHUNK_INTERVAL_S: each letter streams for about 8 s
CHUNK_INTERVAL_S = 0.1
IDLE_WRITES = 100
AIM_P95_MS = 100.0
PASSWORD = "Quiet-Harbour-Lantern-47"  # noqa: S105 - throw-away benchmark account
RESUME = """Grace Hopper
grace@example.com

SUMMARY
Backend engineer who builds data pipelines and APIs.

EXPERIENCE
Senior Engineer, Initech Corp (2019 - 2024)
- Cut nightly batch time by 40% by rewriting PostgreSQL queries.
- Moved twelve services to Kubernetes with Docker images and zero downtime.
- Built REST APIs in Python with FastAPI and PostgreSQL, serving two million calls a day.

SKILLS
Python, FastAPI, PostgreSQL, Docker, Kubernetes
"""
JOBS = [("Backend Engineer", "Acme"), ("Data Engineer", "Globex"), ("Platform Engineer", "Initrode"),
        ("Python Developer", "Hooli")]  # fmt: skip
DESCRIPTION = (
    "{company} builds invoicing software.\n\nResponsibilities\n- Design and build REST APIs in Python\n"
    "- Tune PostgreSQL queries for our reporting\n- Run services on Kubernetes\n\nRequirements\n"
    "- Python, PostgreSQL, Kubernetes, Kafka"
)


class Letters:
    """The user's open tab: counts the `content.delta` pieces of each document and notes how each ended."""

    def __init__(self, ws: ClientConnection) -> None:
        self.ws = ws
        self.deltas: dict[int, int] = {}
        self.ended: dict[int, str] = {}
        self.task = asyncio.create_task(self._listen())

    async def _listen(self) -> None:
        with contextlib.suppress(Exception):
            async for raw in self.ws:
                msg = json.loads(raw)
                if msg["type"] != "content.delta":
                    continue
                data = msg["data"]
                if data["done"]:
                    self.ended[data["document_id"]] = data.get("status", "?")
                else:
                    self.deltas[data["document_id"]] = self.deltas.get(data["document_id"], 0) + 1

    async def close(self) -> None:
        await self.ws.close()
        self.task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await self.task


async def _until(check: Callable[[], Any], seconds: float, what: str) -> Any:
    deadline = time.monotonic() + seconds
    while not (value := await check()):
        if time.monotonic() > deadline:
            raise RuntimeError(f"streaming bench: timed out waiting for {what}")
        await asyncio.sleep(0.1)
    return value


def _ok(r: httpx.Response) -> Any:
    if r.status_code >= 400:
        raise RuntimeError(
            f"streaming bench: {r.request.method} {r.request.url.path} -> {r.status_code} {r.text[:300]}"
        )
    return r.json() if r.content else None


async def _setup(c: httpx.AsyncClient) -> tuple[list[int], list[int]]:
    """Register, upload a resume, add and track four jobs; wait until the work they start has finished."""
    r = _ok(await c.post("/api/v1/auth/register", json={"email": "grace@bench.example", "password": PASSWORD,
                                                         "full_name": "Grace Hopper"}))  # fmt: skip
    c.headers["Authorization"] = f"Bearer {r['access_token']}"
    resume = _ok(await c.post("/api/v1/resumes", files={"file": ("resume.txt", RESUME.encode(), "text/plain")}))
    jobs, apps = [], []
    for title, company in JOBS:
        job = _ok(await c.post("/api/v1/jobs", json={"title": title, "company": company, "location": "Berlin",
                                                      "description": DESCRIPTION.format(company=company)}))  # fmt: skip
        jobs.append(job["id"])
        app = _ok(await c.post("/api/v1/applications", json={"job_posting_id": job["id"], "status": "applied"}))
        apps.append(app["id"])

    async def settled() -> bool:
        ready = _ok(await c.get(f"/api/v1/resumes/{resume['id']}"))["status"] == "ready"
        runs = _ok(await c.get("/api/v1/tasks", params={"size": 100}))["items"]
        return ready and all(run["state"] not in ("queued", "running", "retrying") for run in runs)

    await _until(settled, 30, "the resume and the jobs' skills")
    return jobs, apps


class Watch:
    """While the letters are written: every database transaction the worker threads run, from its BEGIN to its
    commit or rollback (one held across a stream would last as long as the stream), and the wait for SQLite's
    write lock before it (BEGIN IMMEDIATE); and the process's full garbage collections, which pause every thread,
    the web server's too."""

    def __init__(self, *skip: threading.Thread) -> None:
        self.skip = {*skip, threading.main_thread()}  # the web server's thread and the bench's own
        self.open: dict[int, float] = {}
        self.transactions: list[float] = []
        self.lock_waits: list[float] = []
        self.gc_pauses: list[float] = []
        self._gc_started = 0.0

    def __enter__(self) -> Watch:
        event.listen(Engine, "begin", self._begin)
        event.listen(Engine, "after_cursor_execute", self._executed)
        for name in ("commit", "rollback"):
            event.listen(Engine, name, self._end)
        gc.callbacks.append(self._gc)
        return self

    def __exit__(self, *_: object) -> None:
        event.remove(Engine, "begin", self._begin)
        event.remove(Engine, "after_cursor_execute", self._executed)
        for name in ("commit", "rollback"):
            event.remove(Engine, name, self._end)
        gc.callbacks.remove(self._gc)
        now = time.perf_counter()
        self.transactions += [(now - t) * 1000 for t in self.open.values()]  # still open: as long as so far

    def _begin(self, conn: Connection) -> None:
        if threading.current_thread() not in self.skip:
            self.open[id(conn)] = time.perf_counter()

    def _executed(self, conn: Connection, _cursor: Any, statement: str, *_: Any) -> None:
        started = self.open.get(id(conn))
        if started is not None and statement.startswith("BEGIN"):  # SQLite: the lock is ours from here
            now = time.perf_counter()
            self.lock_waits.append((now - started) * 1000)
            self.open[id(conn)] = now

    def _end(self, conn: Connection) -> None:
        started = self.open.pop(id(conn), None)
        if started is not None:
            self.transactions.append((time.perf_counter() - started) * 1000)

    def _gc(self, phase: str, info: dict[str, int]) -> None:
        if info["generation"] != 2:
            return
        if phase == "start":
            self._gc_started = time.perf_counter()
        else:
            self.gc_pauses.append((time.perf_counter() - self._gc_started) * 1000)

    def figures(self) -> dict[str, Any]:
        return {
            "worker_transactions": {
                "n": len(self.transactions),
                "longest_ms": round(max(self.transactions, default=0), 1),
                "longest_lock_wait_ms": round(max(self.lock_waits, default=0), 1),
            },
            "full_gc_pauses_ms": [round(p, 1) for p in self.gc_pauses],
        }


class Writer:
    """Status changes through the API, one after another: application k goes applied -> interview, then back."""

    def __init__(self, c: httpx.AsyncClient, apps: list[int]) -> None:
        self.c, self.apps, self.i = c, apps, 0

    async def write(self) -> float:
        app_id = self.apps[self.i % len(self.apps)]
        status = "interview" if (self.i // len(self.apps)) % 2 == 0 else "applied"
        self.i += 1
        start = time.perf_counter()
        r = await self.c.patch(f"/api/v1/applications/{app_id}", json={"status": status})
        elapsed = (time.perf_counter() - start) * 1000
        if r.status_code != 200:
            raise RuntimeError(f"streaming bench: status change failed: {r.status_code} {r.text[:300]}")
        return elapsed


async def _measure(settings: Settings, llm: StandIn) -> dict[str, Any]:
    await _reset(settings)
    await asyncio.to_thread(upgrade, settings)
    server = ThreadServer(create_app(settings))
    await asyncio.to_thread(server.start)
    try:
        async with httpx.AsyncClient(base_url=server.url, timeout=30) as c:
            jobs, apps = await _setup(c)
            writer = Writer(c, apps)
            for _ in range(4):  # warm-up
                await writer.write()
            idle = [await writer.write() for _ in range(IDLE_WRITES)]

            token = c.headers["Authorization"].removeprefix("Bearer ")
            ws = await connect(f"ws://127.0.0.1:{server.port}/api/v1/ws", origin=server.url)  # type: ignore[arg-type]
            await ws.send(json.dumps({"type": "auth", "token": token}))
            while json.loads(await ws.recv())["type"] != "ready":
                pass
            tab = Letters(ws)
            with Watch(server.thread) as watch:
                done_before = llm.streams_done
                llm.streams_max = 0
                started = time.perf_counter()
                docs = [
                    _ok(await c.post(f"/api/v1/jobs/{job}/documents", json={"kind": "cover_letter"}))["id"]
                    for job in jobs[:LETTERS]
                ]
                streaming: list[float] = []  # writes started while all three streams were open
                window: list[float] = []  # every write from the first POST until the last letter was stored
                deadline = started + 45
                while len(tab.ended) < LETTERS and time.perf_counter() < deadline:
                    before = llm.streams_open
                    elapsed = await writer.write()
                    window.append(elapsed)
                    if before >= LETTERS:
                        streaming.append(elapsed)
                seconds = time.perf_counter() - started
            await tab.close()
            bodies = [_ok(await c.get(f"/api/v1/documents/{d}")) for d in docs]
    finally:
        await asyncio.to_thread(server.stop)
    failed = [(b["id"], b["status"], b["provider"], b["report"].get("notice")) for b in bodies
              if b["status"] != "ready" or b["provider"] != "custom"]  # fmt: skip
    if failed or len(tab.ended) < LETTERS:
        raise RuntimeError(f"streaming bench: letters not written by the stand-in LLM: {failed}, ended {tab.ended}")
    if llm.streams_done - done_before < LETTERS or not streaming:
        raise RuntimeError(
            f"streaming bench: {llm.streams_done - done_before} streams finished, at most {llm.streams_max} "
            f"open at once, {len(streaming)} writes while all {LETTERS} were open"
        )
    return {
        "writes_idle": percentiles(idle),
        "writes_while_streaming": percentiles(streaming),
        "writes_during_generation": percentiles(window),
        "letters": {
            "ready": len(bodies),
            "provider": "custom",
            "seconds": round(seconds, 2),
            "streams_open_max": llm.streams_max,
            "deltas_received": sorted(tab.deltas.get(d, 0) for d in docs),
            "words_each": WORDS,
            "chunk_interval_ms": round(CHUNK_INTERVAL_S * 1000),
        },
        **watch.figures(),
        "aim_met": percentiles(streaming)["p95_ms"] < AIM_P95_MS,
    }


def settings_for(workdir: Path) -> dict[str, Any]:
    """What `copilot serve` runs with by default (embedded worker, no Redis), LLM_PROVIDER=custom, no answer cache;
    add the database URL and the stand-in's base URL."""
    return {
        "secret_key": "bench-secret-" + "x" * 32,
        "copilot_data_dir": workdir,
        "frontend_dist": workdir / "none",
        "redis_url": None,
        "embedded_worker": True,
        "worker_concurrency": LETTERS,  # one worker thread per letter, so all three stream at once (default 2)
        "register_rate_limit": "1000/minute",
        "llm_provider": "custom",
        "llm_model": "bench-model",
        "llm_daily_token_budget": 0,
        "llm_cache_ttl_seconds": 0,  # every letter is asked for, none comes from the answer cache
        "log_level": "WARNING",
    }


async def bench_streaming(workdir: Path) -> dict[str, Any]:
    common = settings_for(workdir)
    results: dict[str, Any] = {"aim": f"status change p95 < {AIM_P95_MS:.0f} ms while {LETTERS} letters stream"}
    with StandIn(LETTER.split(" ")[:WORDS], interval_s=CHUNK_INTERVAL_S) as llm:
        common["llm_base_url"] = llm.url
        sqlite = Settings(_env_file=None, database_url=f"sqlite:///{workdir / 'streaming.db'}", **common)
        results["sqlite"] = await _measure(sqlite, llm)
        pg_base = _postgres_url()
        if pg_base is None:
            results["postgresql"] = {"skipped": "PostgreSQL not reachable (set BENCH_DATABASE_URL)"}
        else:
            url = await _ensure_pg_database(pg_base, "copilot_bench_streaming")
            results["postgresql"] = await _measure(Settings(_env_file=None, database_url=url, **common), llm)
    return results
