"""Scaled mode with real processes (docs/design.md §1): two `copilot serve` on PostgreSQL + Redis, no embedded worker,
and one `copilot worker`. An event a task publishes in the worker reaches clients of either web process."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import redis

from app.core.config import Settings
from tests.conftest import redis_test_url
from tests.live import account, next_of, open_socket
from tests.mailserver import free_port

BACKEND = Path(__file__).resolve().parents[2]
COPILOT = [sys.executable, "-m", "app.cli"]


class Processes:
    def __init__(self, root: Path, env: dict[str, str]) -> None:
        self.root, self.env = root, env
        self.procs: list[tuple[subprocess.Popen[bytes], Path]] = []

    def start(self, name: str, *args: str) -> subprocess.Popen[bytes]:
        log = self.root / f"{name}.log"
        proc = subprocess.Popen(
            [*COPILOT, *args], env=self.env, cwd=BACKEND, stdout=log.open("w"), stderr=subprocess.STDOUT
        )
        self.procs.append((proc, log))
        return proc

    def serve(self, name: str) -> str:
        port = free_port()
        proc = self.start(name, "serve", "--port", str(port))
        base = f"127.0.0.1:{port}"
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if proc.poll() is not None:
                break
            try:
                if httpx.get(f"http://{base}/readyz", timeout=1).status_code == 200:
                    return base
            except httpx.HTTPError:
                time.sleep(0.2)
        raise AssertionError(f"{name} did not start:\n{self.logs()}")

    def logs(self) -> str:
        return "\n".join(f"--- {log.name}\n{log.read_text()[-3000:]}" for _, log in self.procs)

    def stop(self) -> None:
        for proc, _ in self.procs:
            proc.terminate()
        for proc, _ in self.procs:
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                proc.kill()


@pytest.fixture
def processes(settings: Settings, clean_db: None, tmp_path: Path) -> Iterator[Processes]:
    redis_url = redis_test_url(1)  # its own database: a clean queue for this test
    if redis_url is None:
        pytest.skip("Redis not available")
    redis.Redis.from_url(redis_url).flushdb()
    env = {
        **os.environ,
        "DATABASE_URL": settings.database_url or "",
        "REDIS_URL": redis_url,
        "EMBEDDED_WORKER": "false",
        "SECRET_KEY": settings.signing_key,
        "COPILOT_DATA_DIR": str(tmp_path),
        "SMTP_HOST": "",
        "LOGIN_RATE_LIMIT": "1000/minute",
    }
    procs = Processes(tmp_path, env)
    try:
        yield procs
    finally:
        procs.stop()


@pytest.mark.parametrize("database_url", ["postgresql"], indirect=True)
async def test_a_worker_event_reaches_clients_of_both_web_processes(processes: Processes) -> None:
    web_a, web_b = processes.serve("web-a"), processes.serve("web-b")
    processes.start("worker", "worker", "--concurrency", "2")
    token, _ = await account(web_a, "ada@example.com")
    headers = {"Authorization": f"Bearer {token}"}

    async with httpx.AsyncClient(base_url=f"http://{web_b}", headers=headers, timeout=10) as b:
        deadline = time.monotonic() + 30
        while True:  # the worker announces itself when ready
            workers = (await b.get("/api/v1/admin/tasks/overview")).json()["workers"]
            if any(w["hostname"].startswith("worker@") for w in workers):
                break
            assert time.monotonic() < deadline, f"worker never became ready:\n{processes.logs()}"
            time.sleep(0.2)

    sock_a, sock_b = await open_socket(web_a, token), await open_socket(web_b, token)
    async with httpx.AsyncClient(base_url=f"http://{web_a}", headers=headers, timeout=10) as a:
        r = await a.post("/api/v1/users/me/evening-summary")
        assert r.status_code == 202, r.text
        run_id = r.json()["id"]
        for sock in (sock_a, sock_b):
            try:
                msg: dict[str, Any] = await next_of(sock, "notification.created", timeout=20)
            except TimeoutError:
                raise AssertionError(f"no notification on a socket:\n{processes.logs()}") from None
            assert msg["data"]["title"] == "Evening summary ready"  # no SMTP: kept in the outbox
        # The notification is sent when the task's work commits; the run is marked succeeded just after.
        deadline = time.monotonic() + 10
        while (run := (await a.get(f"/api/v1/tasks/{run_id}")).json())["state"] != "succeeded":
            assert time.monotonic() < deadline, run
            await asyncio.sleep(0.1)
        assert run["worker"].startswith("worker@"), run
    await sock_a.close()
    await sock_b.close()
