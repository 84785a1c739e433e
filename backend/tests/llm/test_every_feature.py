"""Every AI feature works on the default install (SQLite, embedded worker) and on PostgreSQL + Redis with a
separate worker process, against a slow streaming provider turned on in Settings (tests/llm/features.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.live import account
from tests.llm.features import exercise_every_feature
from tests.llm.server import LLMServer
from tests.tasks.test_scaled import Processes, processes  # noqa: F401 - the fixture


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
class TestDefaultInstall:
    @pytest.fixture
    def settings_overrides(self) -> dict[str, object]:
        return {"embedded_worker": True, "llm_max_retries": 3}

    async def test_every_feature_with_the_embedded_worker(self, server: tuple[str, Any], llm_server: LLMServer) -> None:
        host, _ = server
        token, _ = await account(host, "grace@example.com")  # the first account: the administrator
        headers = {"Authorization": f"Bearer {token}"}
        async with httpx.AsyncClient(base_url=f"http://{host}", headers=headers, timeout=15) as c:
            await exercise_every_feature(c, llm_server)


@pytest.mark.parametrize("database_url", ["postgresql"], indirect=True)
async def test_every_feature_on_postgresql_redis_and_a_worker_process(
    processes: Processes,  # noqa: F811
    llm_server: LLMServer,
    tmp_path: Path,
) -> None:
    web = processes.serve("web")
    processes.start("worker", "worker", "--concurrency", "2")
    token, _ = await account(web, "grace@example.com")
    headers = {"Authorization": f"Bearer {token}"}
    async with httpx.AsyncClient(base_url=f"http://{web}", headers=headers, timeout=15) as c:
        try:
            await exercise_every_feature(c, llm_server, timeout=90)
        except AssertionError as exc:
            raise AssertionError(f"{exc}\n{processes.logs()}") from exc
        runs = (await c.get("/api/v1/admin/tasks", params={"size": 100})).json()["items"]
    workers = {r["worker"].split("@")[0] for r in runs if r.get("worker") and r["name"].startswith("content.")}
    assert workers == {"worker"}, runs  # the letters were written by the worker process, not the web process
