"""`/metrics` after real work: request latency by route template, tasks run by the embedded worker, job board
fetches against a local board, AI tokens against a local OpenAI-compatible server, and who may scrape.

Counters are per process and every test shares this one, so each test compares a scrape before and after."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from prometheus_client.parser import text_string_to_metric_families
from pydantic import BaseModel, ValidationError

from app.core.config import Settings
from app.core.db import make_engine, make_session_factory, session_scope
from app.core.metrics import serve_worker_metrics
from app.jobs.scraper_service import JobScraperService
from app.jobs.sources.base import SourceQuery
from app.tasks.registry import TaskContext, copilot_task, enqueue, flush_tasks
from tests.auth.providers import free_port
from tests.conftest import make_settings, register
from tests.factories import add_job
from tests.live import account, open_socket
from tests.llm.conftest import make_client
from tests.llm.server import LLMServer, ok, running_llm_server
from tests.sources.boards import Board, running_board

SQLITE_ONLY = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)  # metrics do not touch the DB
LATENCY = "copilot_http_request_duration_seconds"


@copilot_task("tests.metrics_ok")
async def metrics_ok(ctx: TaskContext) -> None:
    """Succeeds at once."""


@copilot_task("tests.metrics_boom")
async def metrics_boom(ctx: TaskContext) -> None:
    """Fails at once."""
    raise RuntimeError("boom")


class Scrape:
    """One parsed exposition: sample values by name and labels."""

    def __init__(self, text: str) -> None:
        self.families = {f.name: f for f in text_string_to_metric_families(text)}
        self.samples = [s for f in self.families.values() for s in f.samples]

    def value(self, name: str, **labels: str) -> float:
        return sum(s.value for s in self.samples if s.name == name and labels.items() <= s.labels.items())

    def labels(self, name: str, label: str) -> set[str]:
        return {s.labels[label] for s in self.samples if s.name == name}


async def scrape(client: httpx.AsyncClient) -> Scrape:
    r = await client.get("/metrics")
    assert r.status_code == 200, r.text
    assert r.headers["content-type"].startswith("text/plain")
    return Scrape(r.text)


@SQLITE_ONLY
class TestRequestLatency:
    async def test_counted_by_route_template_never_by_raw_path(self, client: httpx.AsyncClient) -> None:
        h = await register(client)
        job = await add_job(client, h)
        before = await scrape(client)
        for _ in range(2):
            assert (await client.get(f"/api/v1/jobs/{job['id']}", headers=h)).status_code == 200
        assert (await client.get("/api/v1/jobs/987654", headers=h)).status_code == 404
        too_big = await client.post("/api/v1/jobs", headers=h, content=b"x" * (1024 * 1024 + 1))
        assert too_big.status_code == 413  # refused before routing: nothing matched it

        after = await scrape(client)
        template = {"method": "GET", "route": "/api/v1/jobs/{job_id}"}
        count = f"{LATENCY}_count"
        assert after.value(count, **template, status="2xx") - before.value(count, **template, status="2xx") == 2
        assert after.value(count, **template, status="4xx") - before.value(count, **template, status="4xx") == 1
        unmatched = {"method": "POST", "route": "unmatched", "status": "4xx"}
        assert after.value(count, **unmatched) - before.value(count, **unmatched) == 1
        routes = after.labels(count, "route")
        assert f"/api/v1/jobs/{job['id']}" not in routes and "/api/v1/jobs/987654" not in routes
        assert "/metrics" not in routes  # the scrape is not timed
        buckets = [s for s in after.samples if s.name == f"{LATENCY}_bucket" and s.labels.items() >= template.items()]
        assert buckets and all(s.labels["status"] in {"2xx", "4xx"} for s in buckets)

    async def test_every_family_is_exported(self, client: httpx.AsyncClient) -> None:
        names = set((await scrape(client)).families)
        expected = {
            LATENCY,
            "copilot_websockets_open",
            "copilot_tasks",
            "copilot_task_duration_seconds",
            "copilot_cache_requests",  # recorded by the cache; exported here even before the first lookup
            "copilot_source_fetches",
            "copilot_source_postings",
            "copilot_llm_calls",
            "copilot_llm_tokens",
        }
        assert expected <= names


@SQLITE_ONLY
class TestTasksAndSockets:
    @pytest.fixture
    def settings_overrides(self) -> dict[str, object]:
        return {"embedded_worker": True}

    async def test_embedded_worker_counts_tasks_and_open_sockets(
        self, server: tuple[str, Any], settings: Settings
    ) -> None:
        host, _ = server
        async with httpx.AsyncClient(base_url=f"http://{host}", timeout=10) as c:
            before = await scrape(c)
            engine = make_engine(settings)  # the app's engine belongs to the server thread's loop
            async with session_scope(make_session_factory(engine)) as session:
                enqueue(session, "tests.metrics_ok")
                enqueue(session, "tests.metrics_boom")
            await flush_tasks(session)
            await engine.dispose()

            def grown(now: Scrape, task: str, state: str) -> float:
                name = "copilot_tasks_total"
                return now.value(name, task=task, state=state) - before.value(name, task=task, state=state)

            deadline = time.monotonic() + 15
            while True:
                now = await scrape(c)
                if grown(now, "tests.metrics_ok", "succeeded") and grown(now, "tests.metrics_boom", "failed"):
                    break
                assert time.monotonic() < deadline, "tasks never counted"
                await asyncio.sleep(0.1)
            assert grown(now, "tests.metrics_ok", "succeeded") == 1 and grown(now, "tests.metrics_boom", "failed") == 1
            assert grown(now, "tests.metrics_ok", "failed") == 0
            duration = "copilot_task_duration_seconds_count"
            assert now.value(duration, task="tests.metrics_ok") - before.value(duration, task="tests.metrics_ok") == 1

            token, _ = await account(host, "ada@example.com")
            open_before = now.value("copilot_websockets_open")
            ws = await open_socket(host, token)
            assert (await scrape(c)).value("copilot_websockets_open") == open_before + 1
            await ws.close()
            deadline = time.monotonic() + 5
            while (await scrape(c)).value("copilot_websockets_open") != open_before:
                assert time.monotonic() < deadline, "closed socket still counted"
                await asyncio.sleep(0.05)


REMOTIVE = {
    "job-count": 2,
    "jobs": [
        {"id": 5101, "url": "https://remotive.com/remote-jobs/software-dev/5101", "title": "Python Engineer",
         "company_name": "Globex", "job_type": "full_time", "publication_date": "2026-01-05T10:00:00",
         "candidate_required_location": "Worldwide", "salary": "", "description": "<p>Python.</p>"},
        {"id": 5102, "url": "https://remotive.com/remote-jobs/software-dev/5102", "title": "Data Engineer",
         "company_name": "Initech", "job_type": "contract", "publication_date": "2026-01-04T10:00:00",
         "candidate_required_location": "Europe", "salary": "", "description": "<p>SQL.</p>"},
    ],
}  # fmt: skip


@pytest.fixture(scope="module")
def board() -> Iterator[tuple[Board, str]]:
    with running_board() as b:
        yield b


@SQLITE_ONLY
class TestSourceFetches:
    @pytest.fixture
    def settings_overrides(self, board: tuple[Board, str]) -> dict[str, object]:
        local, url = board
        local.route("GET", "/api/remote-jobs", REMOTIVE)
        local.script("GET", "/api/job-board-api", [500])
        return {
            "source_base_urls": {"remotive": url, "arbeitnow": url},
            "source_timeout_seconds": 1.0,
            "source_retries": 0,
        }

    async def test_ok_and_error_per_source_and_postings(self, client: httpx.AsyncClient, settings: Settings) -> None:
        before = await scrape(client)
        results = await JobScraperService(settings).search_all_apis(
            SourceQuery(keywords="python"), only=["remotive", "arbeitnow"]
        )
        assert results["remotive"].ok and not results["arbeitnow"].ok
        after = await scrape(client)

        def grown(name: str, **labels: str) -> float:
            return after.value(name, **labels) - before.value(name, **labels)

        assert grown("copilot_source_fetches_total", source="remotive", result="ok") == 1
        assert grown("copilot_source_fetches_total", source="arbeitnow", result="error") == 1
        assert grown("copilot_source_fetches_total", source="remotive", result="error") == 0
        assert grown("copilot_source_postings_total", source="remotive") == 2
        assert grown("copilot_source_postings_total", source="arbeitnow") == 0


class Role(BaseModel):
    title: str
    years: int


@pytest.fixture(scope="module")
def llm_server_module() -> Iterator[LLMServer]:
    with running_llm_server() as s:
        yield s


@SQLITE_ONLY
class TestLLMUsage:
    @pytest.fixture
    def settings_overrides(self, llm_server_module: LLMServer) -> dict[str, object]:
        return {
            "llm_provider": "groq",
            "llm_base_url": llm_server_module.url,
            "llm_api_key": "test-key",
            "llm_timeout_seconds": 2.0,
            "llm_max_retries": 0,
        }

    async def test_tokens_and_calls_by_provider(
        self, client: httpx.AsyncClient, app: Any, settings: Settings, llm_server_module: LLMServer
    ) -> None:
        llm_server_module.reset()
        llm_server_module.queue(ok({"title": "Engineer", "years": 3}, prompt_tokens=40, completion_tokens=9))
        messages = [{"role": "user", "content": "metrics test: engineer, 3 years"}]
        before = await scrape(client)
        async with make_client(settings, app.state.session_factory) as llm:
            for _ in range(2):  # the second answer comes from the cache: a call, but no tokens
                result = await llm.complete_json(
                    Role, messages, purpose="test.metrics", prompt_version="v1", user_id=None
                )
                assert result.value == Role(title="Engineer", years=3)
        after = await scrape(client)

        def grown(name: str, **labels: str) -> float:
            return after.value(name, **labels) - before.value(name, **labels)

        assert grown("copilot_llm_tokens_total", provider="groq", kind="prompt") == 40
        assert grown("copilot_llm_tokens_total", provider="groq", kind="completion") == 9
        assert grown("copilot_llm_calls_total", provider="groq", status="ok", cache="miss") == 1
        assert grown("copilot_llm_calls_total", provider="groq", status="ok", cache="hit") == 1


def client_from(app: Any, address: str, **headers: str) -> httpx.AsyncClient:
    transport = httpx.ASGITransport(app=app, client=(address, 40000))
    return httpx.AsyncClient(transport=transport, base_url="http://testserver", headers=headers)


@SQLITE_ONLY
class TestAccess:
    @pytest.fixture
    def settings_overrides(self) -> dict[str, object]:
        return {"metrics_token": "scrape-secret-123"}

    async def test_direct_from_loopback_or_private_network(self, app: Any) -> None:
        for address in ["127.0.0.1", "10.1.2.3", "172.20.0.5", "192.168.7.8", "::1"]:
            async with client_from(app, address) as c:
                assert (await c.get("/metrics")).status_code == 200, address

    async def test_remote_address_refused_unless_it_presents_the_token(self, app: Any) -> None:
        async with client_from(app, "203.0.113.9") as c:
            r = await c.get("/metrics")
            assert r.status_code == 403
            assert r.json()["code"] == "metrics_forbidden" and "METRICS_TOKEN" in r.json()["detail"]
            assert (await c.get("/metrics", headers={"Authorization": "Bearer wrong"})).status_code == 403
            r = await c.get("/metrics", headers={"Authorization": "Bearer scrape-secret-123"})
            assert r.status_code == 200 and "copilot_http_request_duration_seconds" in r.text

    async def test_proxied_requests_need_the_token(self, app: Any) -> None:
        """Through a proxy the address proves nothing (FORWARDED_ALLOW_IPS="*" takes the client's own word)."""
        async with client_from(app, "127.0.0.1", **{"X-Forwarded-For": "127.0.0.1"}) as c:
            assert (await c.get("/metrics")).status_code == 403
            assert (await c.get("/metrics", headers={"Authorization": "Bearer scrape-secret-123"})).status_code == 200


class TestAllowList:
    async def test_no_token_configured_means_no_token_accepted(self, tmp_root: Any, sqlite_url: str) -> None:
        from app.main import create_app

        app = create_app(make_settings(sqlite_url, tmp_root, metrics_allow_ips=""))
        try:
            async with client_from(app, "127.0.0.1", Authorization="Bearer ") as c:
                assert (await c.get("/metrics")).status_code == 403  # nobody by address, no token set
        finally:
            await app.state.engine.dispose()

    def test_bad_allow_list_fails_at_start(self, tmp_root: Any, sqlite_url: str) -> None:
        with pytest.raises(ValidationError, match="not an IP address or network"):
            make_settings(sqlite_url, tmp_root, metrics_allow_ips="127.0.0.1, intranet")


def test_worker_process_serves_its_metrics_on_its_own_port() -> None:
    port = free_port()
    server = serve_worker_metrics(port)
    try:
        r = httpx.get(f"http://127.0.0.1:{port}/metrics", timeout=5)
        assert r.status_code == 200
        assert {"copilot_tasks", "copilot_task_duration_seconds"} <= set(Scrape(r.text).families)
    finally:
        server.shutdown()
        server.server_close()
