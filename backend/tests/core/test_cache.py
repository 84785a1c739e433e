"""The cache: hits, misses, TTLs, generation invalidation and single flight on both back ends (in-process and a
real Redis); requests that keep working when Redis goes away; and each key family invalidated by the writes
that change what it caches, through the API."""

from __future__ import annotations

import asyncio
import shutil
import socket
import subprocess
import time
import uuid
from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime
from typing import Any

import httpx
import pytest
from sqlalchemy import update

from app.core.cache import Cache, MemoryCache, RedisCache, process_cache
from app.models.job import JobPosting
from tests.conftest import CI, redis_test_url, register
from tests.factories import add_job, catalogue_job, track
from tests.mailserver import free_port


def _redis_url() -> str:
    url = redis_test_url()
    if url is None:
        pytest.skip("Redis not available on 127.0.0.1:6379 (set TEST_REDIS_URL)")
    return url


def _namespaced(url: str | None = None, ns: str | None = None, **options: Any) -> RedisCache:
    return RedisCache(url or _redis_url(), namespace=ns or f"test:{uuid.uuid4().hex}:", **options)


@pytest.fixture(params=["memory", "redis"])
async def cache(request: pytest.FixtureRequest) -> AsyncIterator[Cache]:
    if request.param == "memory":
        yield MemoryCache()
        return
    backend = _namespaced()
    yield backend
    await backend.aclose()


class Counter:
    def __init__(self, delay: float = 0.0) -> None:
        self.calls = 0
        self.delay = delay

    async def __call__(self) -> dict[str, int]:
        self.calls += 1
        await asyncio.sleep(self.delay)
        return {"n": self.calls}


class TestGetOrCompute:
    async def test_miss_then_hit(self, cache: Cache) -> None:
        compute = Counter()
        assert await cache.get_or_compute("fam", "k", compute, 60) == {"n": 1}
        assert await cache.get_or_compute("fam", "k", compute, 60) == {"n": 1}
        assert compute.calls == 1
        assert cache.stats()["fam"] == {"hits": 1, "misses": 1, "errors": 0}

    async def test_entries_expire_after_their_ttl(self, cache: Cache) -> None:
        compute = Counter()
        await cache.get_or_compute("fam", "k", compute, 0.2)
        await asyncio.sleep(0.35)
        assert await cache.get_or_compute("fam", "k", compute, 0.2) == {"n": 2}

    async def test_bumping_a_tag_invalidates_only_keys_carrying_it(self, cache: Cache) -> None:
        compute = Counter()
        await cache.get_or_compute("analytics", "a", compute, 60, tags=["user:1"])
        await cache.get_or_compute("analytics", "b", compute, 60, tags=["user:2"])
        await cache.bump("user:1")
        assert await cache.get_or_compute("analytics", "a", compute, 60, tags=["user:1"]) == {"n": 3}
        assert await cache.get_or_compute("analytics", "b", compute, 60, tags=["user:2"]) == {"n": 2}
        assert await cache.generation("user:1") == 1

    async def test_errors_reach_every_waiter_and_are_not_cached(self, cache: Cache) -> None:
        async def boom() -> Any:
            await asyncio.sleep(0.02)
            raise ValueError("no")

        results = await asyncio.gather(
            *(cache.get_or_compute("fam", "e", boom, 60) for _ in range(5)), return_exceptions=True
        )
        assert all(isinstance(r, ValueError) for r in results)
        assert await cache.get_or_compute("fam", "e", Counter(), 60) == {"n": 1}

    async def test_single_flight_computes_a_cold_key_once(self, cache: Cache) -> None:
        compute = Counter(delay=0.1)
        results = await asyncio.gather(*(cache.get_or_compute("fam", "cold", compute, 60) for _ in range(50)))
        assert compute.calls == 1 and all(r == {"n": 1} for r in results)
        assert cache.stats()["fam"]["misses"] == 1 and cache.stats()["fam"]["hits"] == 49

    async def test_get_and_set_keep_working(self, cache: Cache) -> None:
        assert await cache.get("old:key") is None
        await cache.set("old:key", {"a": [1, 2]}, 60)
        assert await cache.get("old:key") == {"a": [1, 2]}
        assert cache.stats()["old"] == {"hits": 1, "misses": 1, "errors": 0}


class TestAcrossProcesses:
    async def test_two_clients_compute_a_cold_key_once(self) -> None:
        ns = f"test:{uuid.uuid4().hex}:"
        first, second = _namespaced(ns=ns), _namespaced(ns=ns)  # two processes sharing one Redis
        compute = Counter(delay=0.2)
        calls = [c.get_or_compute("fam", "cold", compute, 60) for c in (first, second) for _ in range(25)]
        results = await asyncio.gather(*calls)
        assert compute.calls == 1 and all(r == {"n": 1} for r in results)
        await first.bump("t")
        assert await second.generation("t") == 1  # generations are shared too

    async def test_a_dead_lock_holder_delays_a_request_only_briefly(self) -> None:
        backend = _namespaced()
        client = backend._client()
        await client.set(f"{backend._ns}lock:fam:k", "someone-who-died", px=60_000)
        started = time.monotonic()
        assert await backend.get_or_compute("fam", "k", Counter(), 60, wait_seconds=0.2) == {"n": 1}
        assert time.monotonic() - started < 1.0


@pytest.fixture
def redis_server() -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    """A private redis-server on a free port, which the test may stop."""
    binary = shutil.which("redis-server")
    if binary is None:
        if CI:
            pytest.fail("CI=true but redis-server is not installed: the Redis-goes-away tests need it")
        pytest.skip("redis-server is not installed")
    port = free_port()
    proc = subprocess.Popen(
        [binary, "--port", str(port), "--save", "", "--appendonly", "no"], stdout=subprocess.DEVNULL
    )
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            time.sleep(0.02)
    yield f"redis://127.0.0.1:{port}/0", proc
    if proc.poll() is None:
        proc.terminate()
        proc.wait(5)


class TestRedisGoesAway:
    async def test_requests_still_succeed_uncached_and_fast(self, redis_server: tuple[str, Any]) -> None:
        url, proc = redis_server
        backend = RedisCache(url, breaker_seconds=0.3)
        compute = Counter()
        assert await backend.get_or_compute("fam", "k", compute, 60, tags=["user:1"]) == {"n": 1}
        assert await backend.get_or_compute("fam", "k", compute, 60, tags=["user:1"]) == {"n": 1}
        proc.terminate()
        proc.wait(5)
        started = time.monotonic()
        for i in range(20):
            assert await backend.get_or_compute("fam", "k", compute, 60, tags=["user:1"]) == {"n": 2 + i}
        await backend.bump("user:1")  # lost while Redis is away, replayed when it answers again
        assert time.monotonic() - started < 1.0  # a dead Redis costs milliseconds, not socket timeouts
        assert backend.stats()["fam"]["errors"] == 20
        many = Counter(delay=0.05)
        results = await asyncio.gather(*(backend.get_or_compute("fam", "z", many, 60) for _ in range(10)))
        assert many.calls == 1 and len(results) == 10  # still one computation per key inside the process

        restarted = subprocess.Popen(
            [
                shutil.which("redis-server") or "redis-server",
                "--port",
                url.rsplit(":", 1)[1].split("/")[0],
                "--save",
                "",
            ],
            stdout=subprocess.DEVNULL,
        )
        try:
            await asyncio.sleep(0.5)  # the breaker closes and the server listens
            assert await backend.get_or_compute("fam", "k", compute, 60, tags=["user:1"]) == {"n": 22}
            assert await backend.get_or_compute("fam", "k", compute, 60, tags=["user:1"]) == {"n": 22}
            assert await backend.generation("user:1") == 1  # the bump made during the outage
        finally:
            restarted.terminate()
            restarted.wait(5)
            await backend.aclose()

    @pytest.fixture
    def database_url(self, sqlite_url: str) -> str:
        return sqlite_url

    async def test_an_app_whose_redis_is_dead_still_answers(self, client: httpx.AsyncClient, app: Any) -> None:
        app.state.cache = RedisCache(f"redis://127.0.0.1:{free_port()}/0")
        h = await register(client)
        await add_job(client, h)
        r = await client.get("/api/v1/jobs", headers=h)
        assert r.status_code == 200 and r.json()["total"] == 1
        assert (await client.get("/api/v1/analytics/summary", headers=h)).status_code == 200
        assert app.state.cache.stats()["job_count"]["errors"] >= 1


@pytest.fixture(params=["memory", "redis"])
def app_cache(request: pytest.FixtureRequest, app: Any) -> Cache:
    """The app's cache on either back end (a private Redis namespace, so old runs' entries never answer)."""
    if request.param == "redis":
        app.state.cache = _namespaced()
    cache: Cache = app.state.cache
    return cache


class TestFamiliesThroughTheApi:
    async def test_analytics_follow_a_status_change(self, client: httpx.AsyncClient, app_cache: Cache) -> None:
        h = await register(client)
        job = await add_job(client, h)
        application = await track(client, h, job["id"])
        first = (await client.get("/api/v1/analytics/summary", headers=h)).json()
        assert (await client.get("/api/v1/analytics/summary", headers=h)).json() == first
        assert app_cache.stats()["analytics"]["hits"] == 1
        await client.patch(f"/api/v1/applications/{application['id']}", headers=h, json={"status": "applied"})
        after = (await client.get("/api/v1/analytics/summary", headers=h)).json()
        assert first["success"]["funnel"]["applied"] == 0 and after["success"]["funnel"]["applied"] == 1

    async def test_another_users_write_keeps_my_analytics_cached(
        self, client: httpx.AsyncClient, app_cache: Cache
    ) -> None:
        me = await register(client)
        other = await register(client, "bob@example.com")
        await client.get("/api/v1/analytics/summary", headers=me)
        await track(client, other, (await add_job(client, other))["id"])
        await client.get("/api/v1/analytics/summary", headers=me)
        assert app_cache.stats()["analytics"] == {"hits": 1, "misses": 1, "errors": 0}

    async def test_job_counts_follow_ingest_hand_added_jobs_and_archiving(
        self, client: httpx.AsyncClient, app: Any, app_cache: Cache
    ) -> None:
        me, other = await register(client), await register(client, "bob@example.com")

        async def totals(**params: Any) -> tuple[int, int]:
            mine = (await client.get("/api/v1/jobs", headers=me, params=params)).json()["total"]
            theirs = (await client.get("/api/v1/jobs", headers=other, params=params)).json()["total"]
            return mine, theirs

        await catalogue_job(app)
        assert await totals() == (1, 1)
        assert await totals() == (1, 1)
        assert app_cache.stats()["job_count"]["hits"] >= 2  # the catalogue's count is shared by both users
        await catalogue_job(app, title="Kubernetes Operator")  # what an ingest writes
        assert await totals() == (2, 2)
        assert await totals(q="kubernetes") == (2, 2)
        await add_job(client, me, description="Kubernetes at home")  # private to me
        assert await totals() == (3, 2)
        assert await totals(q="kubernetes") == (3, 2)
        job = (await client.get("/api/v1/jobs", headers=me, params={"mine": "false"})).json()["items"][0]
        await track(client, me, job["id"])
        assert await totals(tracked="true") == (1, 0)
        async with app.state.session_factory() as session:  # a bulk UPDATE, as retention archives postings
            await session.execute(
                update(JobPosting).where(JobPosting.owner_id.is_(None)).values(archived_at=datetime.now(UTC))
            )
            await session.commit()
        assert await totals() == (1, 0)
        assert await totals(q="kubernetes") == (1, 0)


class TestResumeParseCache:
    @pytest.fixture
    def database_url(self, sqlite_url: str) -> str:
        return sqlite_url

    @pytest.fixture
    def settings_overrides(self) -> dict[str, object]:
        return {"embedded_worker": True}

    async def test_uploading_the_same_file_again_skips_parsing(self, server: tuple[str, Any]) -> None:
        from tests.live import account
        from tests.tasks.test_background import api, eventually

        host, _ = server
        token, _ = await account(host, "parse@example.com")
        data = f"Ada Example {uuid.uuid4().hex}\n\nSKILLS\nPython, PostgreSQL\n".encode()
        stats = process_cache(None).stats

        async def upload() -> dict[str, Any]:
            async with api(host, token) as c:
                r = await c.post("/api/v1/resumes", files={"file": ("cv.txt", data, "text/plain")})
                assert r.status_code == 202, r.text

                async def ready() -> dict[str, Any] | None:
                    body: dict[str, Any] = (await c.get(f"/api/v1/resumes/{r.json()['id']}")).json()
                    return body if body["status"] == "ready" else None

                result: dict[str, Any] = await eventually(ready, timeout=20, what="resume processed")
                return result

        before = stats().get("resume_parse", {"hits": 0, "misses": 0, "errors": 0})
        first, second = await upload(), await upload()
        after = stats()["resume_parse"]
        assert after["misses"] == before["misses"] + 1 and after["hits"] == before["hits"] + 1
        assert first["text"] == second["text"] and first["sections"] == second["sections"]


def test_importing_the_app_installs_no_session_hooks_and_the_first_session_factory_does() -> None:
    """No side effects at import (issue "One house"): the cache's commit hooks are installed by the process's first
    session factory, which every path that writes (web, worker, CLI) goes through."""
    import subprocess
    import sys

    probe = (
        "import app.main, app.core.cache\n"
        "from sqlalchemy import event\n"
        "from sqlalchemy.orm import Session\n"
        "from app.core import cache_invalidation as ci\n"
        "before = event.contains(Session, 'after_commit', ci._after_commit)\n"
        "from app.core.db import make_session_factory\n"
        "from sqlalchemy.ext.asyncio import create_async_engine\n"
        "make_session_factory(create_async_engine('sqlite+aiosqlite://'))\n"
        "print(before, event.contains(Session, 'after_commit', ci._after_commit))\n"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "True"]
