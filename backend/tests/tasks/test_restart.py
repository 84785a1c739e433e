"""Work survives a restart (decision 005, "Restarts"): real `copilot serve` processes on SQLite with the embedded
worker, stopped with SIGTERM or killed with SIGKILL while one task is at the LLM (its call held open by the test)
and others wait in the queue, then started again on the same data; and a `copilot worker` on PostgreSQL + Redis
killed mid-task and started again. Two kinds of work: resumes being read; and cover letters being written with a
data export queued behind them. Everything ends done, every task run ends, none ran twice, nothing is duplicated
(one letter per request, one archive per export)."""

from __future__ import annotations

import asyncio
import os
import signal
import threading
from collections.abc import Awaitable, Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import redis
from fastapi import Request
from fastapi.responses import Response
from sqlalchemy import select

from app.core.config import Settings
from app.core.db import make_engine, make_session_factory
from app.core.migrations import upgrade
from app.models.task import TaskRun
from tests.auth.providers import serve
from tests.conftest import make_settings, redis_test_url
from tests.content.conftest import JOB, RESUME
from tests.live import account
from tests.llm.features import FeatureModel
from tests.llm.server import LLMServer
from tests.tasks.test_background import eventually as wait_for
from tests.tasks.test_scaled import Processes

RESUMES = 3


class HeldLLM(LLMServer):
    """Every chat request waits until the test opens `gate`: the resume being read stays in `extracting`."""

    def __init__(self) -> None:
        super().__init__()
        self.gate = threading.Event()
        self.arrived = 0

    async def _chat(self, request: Request) -> Response:
        self.arrived += 1
        await asyncio.to_thread(self.gate.wait, 120)
        return await super()._chat(request)


@pytest.fixture
def llm() -> Iterator[HeldLLM]:
    server = HeldLLM()
    with serve(server.app) as base:
        server.url = f"{base}/v1"
        try:
            yield server
        finally:
            server.gate.set()


def environment(tmp_path: Path, llm: HeldLLM, **extra: str) -> dict[str, str]:
    return {
        **os.environ,
        "COPILOT_DATA_DIR": str(tmp_path),
        "SECRET_KEY": "test-secret-key-" + "x" * 32,
        "REDIS_URL": "",
        "SMTP_HOST": "",
        "LOGIN_RATE_LIMIT": "1000/minute",
        "WORKER_CONCURRENCY": "1",  # one resume at a time: the others wait in the queue
        "LLM_PROVIDER": "custom",
        "LLM_BASE_URL": llm.url,
        "LLM_MODEL": "test-model",
        "LLM_TIMEOUT_SECONDS": "120",
        "LLM_MAX_RETRIES": "0",
        **extra,
    }


async def eventually(
    check: Callable[[], Awaitable[Any]], what: str, logs: Callable[[], str], timeout: float = 60
) -> Any:
    """The shared wait, with the processes' logs when it times out."""
    try:
        return await wait_for(check, timeout=timeout, what=what)
    except AssertionError as exc:
        raise AssertionError(f"{exc}\n{logs()}") from None


async def upload(host: str, token: str) -> list[int]:
    ids = []
    async with httpx.AsyncClient(base_url=f"http://{host}", headers={"Authorization": f"Bearer {token}"}) as c:
        for i in range(RESUMES):
            text = f"Resume {i}\nExperience\nBackend engineer, Python and PostgreSQL, {i + 2} years.\n"
            r = await c.post("/api/v1/resumes", files={"file": (f"cv-{i}.txt", text.encode(), "text/plain")})
            assert r.status_code == 202, r.text
            ids.append(r.json()["id"])
    return ids


async def runs(settings: Settings, *names: str) -> list[TaskRun]:
    engine = make_engine(settings)
    try:
        async with make_session_factory(engine)() as session:
            query = select(TaskRun).where(TaskRun.name.in_(names or ("resumes.process",))).order_by(TaskRun.id)
            return list((await session.scalars(query)).all())
    finally:
        await engine.dispose()


async def interrupt_and_restart(
    procs: Processes, settings: Settings, llm: HeldLLM, stop: signal.Signals, start: Callable[[], str], host: str
) -> None:
    """Upload while one resume is held at the LLM, stop the process doing the work, start it again, check the end."""
    token, _ = await account(host, "ada@example.com")
    ids = await upload(host, token)

    async def held() -> bool:
        states = [r.state for r in await runs(settings)]
        return llm.arrived >= 1 and sorted(states) == ["queued"] * (RESUMES - 1) + ["running"]

    await eventually(held, "one resume at the LLM, the others queued", procs.logs)
    worker = procs.procs[-1][0]
    worker.send_signal(stop)
    worker.wait(timeout=60)
    before = {r.task_id: r for r in await runs(settings)}
    stuck = [r for r in before.values() if r.state == "running"]
    assert len(stuck) == 1 and stuck[0].attempts == 1, [(r.state, r.attempts) for r in before.values()]

    llm.gate.set()
    host = start()
    async with httpx.AsyncClient(base_url=f"http://{host}", headers={"Authorization": f"Bearer {token}"}) as c:

        async def all_ready() -> list[str] | None:
            statuses = [(await c.get(f"/api/v1/resumes/{i}")).json()["status"] for i in ids]
            return statuses if statuses == ["ready"] * RESUMES else None

        await eventually(all_ready, "every resume ready", procs.logs)

    async def all_ended() -> list[TaskRun] | None:
        rows = await runs(settings)
        return rows if all(r.state == "succeeded" for r in rows) else None

    after = {r.task_id: r for r in await eventually(all_ended, "every task run succeeded", procs.logs)}
    assert after.keys() == before.keys()  # sent again under the same id: no second run row, no second resume
    for task_id, row in after.items():
        expected = 2 if task_id == stuck[0].task_id else 1  # the interrupted one ran again; queued ones ran once
        assert row.attempts == expected, (row.args, row.attempts, row.error)


LETTER_TASKS = ("content.generate", "data.export_user")
Scenario = Callable[[Processes, Settings, HeldLLM, signal.Signals, Callable[[], str], str], Awaitable[None]]


async def interrupt_letters_and_restart(
    procs: Processes, settings: Settings, llm: HeldLLM, stop: signal.Signals, start: Callable[[], str], host: str
) -> None:
    """Two cover letters and an export: the first letter held at the LLM, the second and the export queued behind
    it; stop the process doing the work, start it again, check the end."""
    llm.responder = FeatureModel()
    llm.gate.set()  # the resume and the posting's skills first, unheld
    token, _ = await account(host, "grace@example.com")
    async with httpx.AsyncClient(base_url=f"http://{host}", headers={"Authorization": f"Bearer {token}"}) as c:
        files = {"file": ("grace.txt", RESUME.encode(), "text/plain")}
        resume = (await c.post("/api/v1/resumes", files=files)).json()
        job = (await c.post("/api/v1/jobs", json=JOB)).json()

        async def idle() -> bool:
            done = (await c.get(f"/api/v1/resumes/{resume['id']}")).json()["status"] == "ready"
            runs_ = (await c.get("/api/v1/tasks")).json()["items"]
            return done and all(r["state"] == "succeeded" for r in runs_)

        await eventually(idle, "the resume read and the posting's skills found", procs.logs)
        llm.gate.clear()
        arrived = llm.arrived
        letters = []
        for _ in range(2):
            r = await c.post(f"/api/v1/jobs/{job['id']}/documents", json={"kind": "cover_letter"})
            assert r.status_code == 202, r.text
            letters.append(r.json()["id"])
        r = await c.post("/api/v1/users/me/exports")
        assert r.status_code == 202, r.text
        export_id = r.json()["id"]

    async def held() -> bool:
        states = sorted(r.state for r in await runs(settings, *LETTER_TASKS))
        return llm.arrived > arrived and states == ["queued", "queued", "running"]

    await eventually(held, "one letter at the LLM, the other and the export queued", procs.logs)
    worker = procs.procs[-1][0]
    worker.send_signal(stop)
    worker.wait(timeout=60)
    before = {r.task_id: r for r in await runs(settings, *LETTER_TASKS)}
    stuck = [r for r in before.values() if r.state == "running"]
    assert len(stuck) == 1 and stuck[0].name == "content.generate", [(r.name, r.state) for r in before.values()]

    llm.gate.set()
    host = start()
    async with httpx.AsyncClient(base_url=f"http://{host}", headers={"Authorization": f"Bearer {token}"}) as c:

        async def all_done() -> tuple[list[dict[str, Any]], dict[str, Any]] | None:
            docs = [(await c.get(f"/api/v1/documents/{i}")).json() for i in letters]
            export = (await c.get(f"/api/v1/users/me/exports/{export_id}")).json()
            ended = all(d["status"] == "ready" for d in docs) and export["status"] == "ready"
            return (docs, export) if ended else None

        docs, _export = await eventually(all_done, "both letters and the export ready", procs.logs)
        for doc in docs:
            assert "Initech" in doc["content"], doc  # the model's letter, written once, whole
            versions = (await c.get(f"/api/v1/documents/{doc['id']}/versions")).json()
            assert versions["total"] == 1, versions
        listed = (await c.get("/api/v1/documents", params={"job_id": job["id"]})).json()["items"]
        assert sorted(d["id"] for d in listed) == sorted(letters)  # a retried letter is not a second letter
        exports = (await c.get("/api/v1/users/me/exports")).json()
        assert [e["id"] for e in exports] == [export_id]
        archive = await c.get(exports[0]["download_url"])
        assert archive.status_code == 200 and archive.content[:2] == b"PK", archive.status_code

    async def all_ended() -> list[TaskRun] | None:
        rows = await runs(settings, *LETTER_TASKS)
        return rows if all(r.state == "succeeded" for r in rows) else None

    after = {r.task_id: r for r in await eventually(all_ended, "every task run succeeded", procs.logs)}
    assert after.keys() == before.keys()
    for task_id, row in after.items():
        expected = 2 if task_id == stuck[0].task_id else 1
        assert row.attempts == expected, (row.name, row.attempts, row.error)


@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGKILL], ids=["sigterm", "sigkill"])
@pytest.mark.parametrize("scenario", [interrupt_and_restart, interrupt_letters_and_restart], ids=["resumes", "letters"])
async def test_embedded_worker_picks_up_after_a_restart(
    stop: signal.Signals, scenario: Scenario, tmp_path: Path, llm: HeldLLM
) -> None:
    url = f"sqlite:///{tmp_path / 'copilot.db'}"
    settings = make_settings(url, tmp_path)
    await asyncio.to_thread(upgrade, settings)
    procs = Processes(tmp_path, environment(tmp_path, llm, DATABASE_URL=url, EMBEDDED_WORKER="true"))
    try:
        host = procs.serve("web-1")
        await scenario(procs, settings, llm, stop, lambda: procs.serve("web-2"), host)
    finally:
        procs.stop()


@pytest.mark.parametrize("database_url", ["postgresql"], indirect=True)
@pytest.mark.parametrize("scenario", [interrupt_and_restart, interrupt_letters_and_restart], ids=["resumes", "letters"])
async def test_a_killed_worker_on_redis_picks_up_after_a_restart(
    settings: Settings, clean_db: None, tmp_path: Path, llm: HeldLLM, scenario: Scenario
) -> None:
    redis_url = redis_test_url(2)  # its own database: a clean queue for this test
    if redis_url is None:
        pytest.skip("Redis not available")
    redis.Redis.from_url(redis_url).flushdb()
    env = environment(tmp_path, llm, DATABASE_URL=settings.database_url or "", REDIS_URL=redis_url)
    procs = Processes(tmp_path, {**env, "EMBEDDED_WORKER": "false"})
    try:
        host = procs.serve("web")
        procs.start("worker-1", "worker", "--concurrency", "1")

        def restart_worker() -> str:
            procs.start("worker-2", "worker", "--concurrency", "1")
            return host

        await scenario(procs, settings, llm, signal.SIGKILL, restart_worker, host)
    finally:
        procs.stop()
        redis.Redis.from_url(redis_url).flushdb()
