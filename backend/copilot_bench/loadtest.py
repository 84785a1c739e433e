"""`copilot loadtest` (`make loadtest`): the scaled deployment under 200 simulated users, on loopback.

Two `copilot serve` processes and one `copilot worker` run on PostgreSQL (a `copilot_loadtest` database holding
1,000,000 postings, generated once and cached) and Redis (a database of its own). First one client measures the
search and analytics figures at that size; then the users arrive over the ramp-up, half on each web process,
and act for the steady-state period. One JSON report goes to stdout (and to <data>/loadtest/last-report.json)."""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import random
import re
import socket
import subprocess
import sys
import time
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy.engine import make_url

from app.core.config import Settings, get_settings, to_async_url
from copilot_bench import cpu, scale_data
from copilot_bench.common import free_port
from copilot_bench.load_single import measure_single_client
from copilot_bench.load_users import KIND, Recorder, VirtualUser
from copilot_bench.scale_data import say

DEFAULT_POSTINGS = 1_000_000
SECRET_KEY = "loadtest-secret-" + "x" * 32
READ_AIM_MS = 100.0
READY_TIMEOUT_S = 180.0  # importing the app takes 10-30 s on a busy 2-CPU machine
ROLES: dict[int, str] = {}  # pid -> "web" / "worker" of the processes this run started (for the CPU figures)


class Unavailable(Exception):
    """PostgreSQL or Redis cannot be reached: the load test cannot run."""


def _reachable(url: str, default_port: int) -> bool:
    parsed = make_url(url) if "://" in url else None
    host = (parsed.host if parsed else None) or "127.0.0.1"
    port = (parsed.port if parsed else None) or default_port
    try:
        with socket.create_connection((host, port), timeout=2):
            return True
    except OSError:
        return False


async def _database(base_url: str, postings: int) -> str:
    from sqlalchemy import text
    from sqlalchemy.ext.asyncio import create_async_engine

    name = "copilot_loadtest" if postings == DEFAULT_POSTINGS else f"copilot_loadtest_{postings}"
    admin = create_async_engine(to_async_url(base_url), isolation_level="AUTOCOMMIT")
    try:
        async with admin.connect() as conn:
            if not await conn.scalar(text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": name}):
                await conn.execute(text(f'CREATE DATABASE "{name}"'))
    finally:
        await admin.dispose()
    return make_url(base_url).set(database=name).render_as_string(hide_password=False)


# --- the processes under test -----------------------------------------------------------------------------------


def _copilot() -> list[str]:
    beside = Path(sys.executable).parent / "copilot"
    return [str(beside)] if beside.exists() else [sys.executable, "-c", "from app.cli import cli; cli()"]


@contextlib.asynccontextmanager
async def _deployment(database_url: str, redis_url: str, workdir: Path) -> AsyncIterator[list[str]]:
    """Two web processes and a worker, as deploy/docker-compose.yml runs them; always stopped on the way out."""
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "REDIS_URL": redis_url,
        "EMBEDDED_WORKER": "false",
        "SECRET_KEY": SECRET_KEY,
        "COPILOT_DATA_DIR": str(workdir),
        "LOG_LEVEL": "WARNING",
        "AUTO_BACKUP": "false",
        # The 200 virtual users share one address (127.0.0.1); real users arrive from their own, so the
        # per-address sign-in limit (30 a minute) would turn most of the ramp-up into 429s.
        "LOGIN_RATE_LIMIT": "100000/minute",
    }
    ports = [free_port(), free_port()]
    procs: list[tuple[str, subprocess.Popen[bytes]]] = []
    try:
        for i, port in enumerate(ports):
            log = (workdir / f"web{i + 1}.log").open("wb")
            cmd = [*_copilot(), "serve", "--host", "127.0.0.1", "--port", str(port)]
            procs.append((f"web{i + 1}", subprocess.Popen(cmd, env=env, stdout=log, stderr=subprocess.STDOUT)))  # noqa: S603, ASYNC220
        log = (workdir / "worker.log").open("wb")
        cmd = [*_copilot(), "worker", "--concurrency", "2", "--loglevel", "WARNING"]
        procs.append(("worker", subprocess.Popen(cmd, env=env, stdout=log, stderr=subprocess.STDOUT)))  # noqa: S603, ASYNC220
        hosts = [f"127.0.0.1:{p}" for p in ports]
        ROLES.clear()
        ROLES.update({proc.pid: name.rstrip("0123456789") for name, proc in procs})
        await _wait_ready(hosts, procs, workdir)
        say(f"web processes ready on {', '.join(hosts)}; worker started (logs in {workdir})")
        yield hosts
    finally:
        for _, proc in procs:
            if proc.poll() is None:
                proc.terminate()
        for name, proc in procs:
            try:
                await asyncio.to_thread(proc.wait, 15)
            except subprocess.TimeoutExpired:
                say(f"{name} did not stop in 15 s; killing it")
                proc.kill()
                await asyncio.to_thread(proc.wait)


async def _wait_ready(hosts: list[str], procs: list[tuple[str, subprocess.Popen[bytes]]], workdir: Path) -> None:
    deadline = time.monotonic() + READY_TIMEOUT_S
    async with httpx.AsyncClient(timeout=2) as client:
        for host in hosts:
            while True:
                for name, proc in procs:
                    if proc.poll() is not None:
                        raise RuntimeError(f"{name} exited with {proc.returncode}; see {workdir / name}.log")
                with contextlib.suppress(httpx.HTTPError):
                    if (await client.get(f"http://{host}/readyz")).status_code == 200:
                        break
                if time.monotonic() > deadline:
                    raise RuntimeError(f"{host} not ready after {READY_TIMEOUT_S:.0f} s; see the logs in {workdir}")
                await asyncio.sleep(0.25)


# --- cache figures from /metrics ---------------------------------------------------------------------------------

_CACHE_LINE = re.compile(r"^copilot_cache_requests_total\{([^}]*)\}\s+([0-9.eE+-]+)", re.M)


async def _cache_counters(hosts: list[str]) -> dict[tuple[str, str], float] | None:
    """Summed over the web processes; None when they serve no /metrics (or no cache counter)."""
    totals: dict[tuple[str, str], float] = {}
    found = False
    async with httpx.AsyncClient(timeout=10) as client:
        for host in hosts:
            try:
                r = await client.get(f"http://{host}/metrics")
            except httpx.HTTPError:
                return None
            if r.status_code != 200:
                return None
            found = found or "copilot_cache_requests_total" in r.text
            for labels, value in _CACHE_LINE.findall(r.text):
                pairs = dict(re.findall(r'(\w+)="([^"]*)"', labels))
                key = (pairs.get("family", "?"), pairs.get("result", "?"))
                totals[key] = totals.get(key, 0.0) + float(value)
    return totals if found else None


def _cache_report(before: dict[tuple[str, str], float] | None, after: dict[tuple[str, str], float] | None) -> Any:
    if before is None or after is None:
        return {"available": False, "note": "the web processes expose no copilot_cache_requests_total at /metrics"}
    delta = {k: after.get(k, 0.0) - before.get(k, 0.0) for k in after}
    families: dict[str, dict[str, float]] = {}
    for (family, result), value in delta.items():
        families.setdefault(family, {})[result] = value
    out: dict[str, Any] = {"available": True, "families": {}}
    hits = misses = 0.0
    for family, counts in sorted(families.items()):
        h, m = counts.get("hit", 0.0), counts.get("miss", 0.0)
        hits, misses = hits + h, misses + m
        out["families"][family] = {**{k: int(v) for k, v in counts.items()},
                                   "hit_ratio": round(h / (h + m), 3) if h + m else None}  # fmt: skip
    out["hit_ratio"] = round(hits / (hits + misses), 3) if hits + misses else None
    return out


# --- the load -----------------------------------------------------------------------------------------------------


def _stats(ms: list[float]) -> dict[str, Any]:
    if not ms:
        return {"n": 0}
    s = sorted(ms)

    def q(p: float) -> float:
        return round(s[min(len(s) - 1, int(p * len(s)))], 1)

    return {"n": len(s), "p50_ms": q(0.50), "p95_ms": q(0.95), "p99_ms": q(0.99), "max_ms": round(s[-1], 1)}


async def _load(hosts: list[str], users: int, postings: int, ramp_s: float, steady_s: float) -> dict[str, Any]:
    rec = Recorder()
    rng = random.Random(2024)  # noqa: S311 - load generation, not security
    start = time.monotonic()
    steady_from, until = start + ramp_s, start + ramp_s + steady_s
    vusers = [VirtualUser(i, hosts[i % len(hosts)], postings, rec, random.Random(rng.random())) for i in range(users)]  # noqa: S311

    async def life(i: int, vu: VirtualUser) -> None:
        await asyncio.sleep(ramp_s * i / users)  # arrivals spread over the ramp-up
        if await vu.start():
            await vu.run(until)

    say(f"{users} users arriving over {ramp_s:.0f} s, then {steady_s:.0f} s of steady state")
    tasks = [asyncio.create_task(life(i, vu)) for i, vu in enumerate(vusers)]
    progress = asyncio.create_task(_progress(rec, start, until))
    cpu_window = asyncio.create_task(_cpu_window(steady_from, until))
    try:
        await asyncio.gather(*tasks)
    finally:
        progress.cancel()
        held_at_end = rec.sockets_opened - rec.sockets_dropped
        await asyncio.gather(*(vu.stop() for vu in vusers))
    steady = [s for s in rec.samples if steady_from <= s.started < until]
    total_s = time.monotonic() - start
    cpu_before, cpu_after = await cpu_window
    errors = [s for s in rec.samples if s.error]

    def group(samples: list[Any]) -> dict[str, Any]:
        return _stats([s.ms for s in samples])

    by_action = {a: group([s for s in steady if s.action == a]) for a in sorted({s.action for s in steady})}
    return {
        "users": users,
        "web_processes": len(hosts),
        "ramp_up_s": ramp_s,
        "steady_state_s": steady_s,
        "requests": len(rec.samples),
        "requests_steady_state": len(steady),
        "request_rate_per_s": round(len(steady) / steady_s, 1) if steady_s else None,
        "request_rate_overall_per_s": round(len(rec.samples) / total_s, 1),
        "latency_steady_state": {
            "all": group(steady),
            "reads": group([s for s in steady if KIND.get(s.action) == "read"]),
            "writes": group([s for s in steady if KIND.get(s.action) == "write"]),
            "by_action": by_action,
        },
        "cpu_steady_state": cpu.report(cpu_before, cpu_after, len(steady), until - steady_from),
        "errors": len(errors),
        "error_rate": round(len(errors) / len(rec.samples), 5) if rec.samples else None,
        "error_kinds": dict(sorted(rec.errors.items(), key=lambda kv: -kv[1])[:15]),
        "expected_409_already_tracked": sum(1 for s in rec.samples if s.action == "track" and s.status == 409),
        "websockets": {
            "opened": rec.sockets_opened,
            "failed": rec.sockets_failed,
            "dropped_before_end": rec.sockets_dropped,
            "held_at_end": held_at_end,
            "messages_received": rec.socket_messages,
        },
    }


async def _cpu_window(steady_from: float, until: float) -> tuple[cpu.Snapshot, cpu.Snapshot]:
    """CPU seconds per role at the start and the end of the steady state."""
    await asyncio.sleep(max(0.0, steady_from - time.monotonic()))
    before = cpu.snapshot(ROLES)
    await asyncio.sleep(max(0.0, until - time.monotonic()))
    return before, cpu.snapshot(ROLES)


async def _progress(rec: Recorder, start: float, until: float) -> None:
    seen = 0
    while True:
        await asyncio.sleep(15)
        now = len(rec.samples)
        left = max(0.0, until - time.monotonic())
        say(f"  {time.monotonic() - start:.0f} s: {now:,} requests ({(now - seen) / 15:.1f}/s), "
            f"{len(rec.errors)} error kinds, {left:.0f} s to go")  # fmt: skip
        seen = now


# --- the whole run -----------------------------------------------------------------------------------------------


async def run_loadtest(users: int, postings: int, steady_s: float, ramp_s: float) -> dict[str, Any]:
    base = get_settings()
    pg = os.environ.get("LOADTEST_DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/postgres")
    redis_url = os.environ.get("LOADTEST_REDIS_URL", "redis://127.0.0.1:6379/5")
    missing = [name for name, url, port in (("PostgreSQL", pg, 5432), ("Redis", redis_url, 6379))
               if not _reachable(url, port)]  # fmt: skip
    if missing:
        raise Unavailable(
            f"{' and '.join(missing)} not reachable (set LOADTEST_DATABASE_URL / LOADTEST_REDIS_URL, or start them)"
        )
    database_url = await _database(pg, postings)
    settings = Settings(_env_file=None, database_url=database_url, secret_key=SECRET_KEY, redis_url=None)
    dataset = await scale_data.ensure(settings, postings, users)
    workdir = base.copilot_data_dir / "loadtest"
    workdir.mkdir(parents=True, exist_ok=True)
    await _flush_redis(redis_url)  # a clean cache and queue: the hit ratio is this run's
    report: dict[str, Any] = {
        "started_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": _machine(),
        "dataset": {"postings": postings, "users": users, **dataset},
        "aim": f"reads p95 < {READ_AIM_MS:.0f} ms, zero errors",
    }
    async with _deployment(database_url, redis_url, workdir) as hosts:
        say("single-client figures at this size (before the load)")
        report["single_client"] = await measure_single_client(hosts[0], settings, postings)
        before = await _cache_counters(hosts)
        report["load"] = await _load(hosts, users, postings, ramp_s, steady_s)
        report["cache"] = _cache_report(before, await _cache_counters(hosts))
    reads = report["load"]["latency_steady_state"]["reads"]
    report["aim_met"] = {
        "reads_p95": bool(reads.get("p95_ms") is not None and reads["p95_ms"] < READ_AIM_MS),
        "zero_errors": report["load"]["errors"] == 0,
    }
    (workdir / "last-report.json").write_text(json.dumps(report, indent=2))
    return report


async def _flush_redis(url: str) -> None:
    import redis.asyncio as redis

    client = redis.from_url(url)
    try:
        await client.flushdb()
    finally:
        await client.aclose()


def _machine() -> dict[str, Any]:
    import platform

    mem_gb = None
    with contextlib.suppress(OSError, ValueError):
        mem_gb = round(int(Path("/proc/meminfo").read_text().split()[1]) / 1024 / 1024, 1)
    return {"cpus": os.cpu_count(), "memory_gb": mem_gb, "python": platform.python_version(),
            "load_average_at_start": [round(x, 2) for x in os.getloadavg()]}  # fmt: skip
