"""Background work with a real Celery worker: the embedded worker of a live app (memory:// broker) and the
same worker on a Redis broker; the evening summary against a real SMTP server (aiosmtpd); queue monitoring."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from email.message import Message
from typing import Any

import httpx
import pytest
import redis
from sqlalchemy import select

from app.core.config import Settings
from app.core.db import make_engine, make_session_factory, session_scope
from app.models.mail import SummaryDelivery
from app.tasks.registry import TaskContext, copilot_task, enqueue, flush_tasks
from tests.conftest import redis_test_url
from tests.live import account, next_of, open_socket, running
from tests.mailserver import Inbox, free_port


@copilot_task("tests.count_steps")
async def count_steps(ctx: TaskContext, steps: int) -> int:
    """A long task in steps: reports progress and stops when cancelled, as real long tasks must."""
    for i in range(steps):
        await ctx.check_cancelled()
        await ctx.progress(int(100 * i / steps), f"step {i + 1} of {steps}")
        await asyncio.sleep(0.1)
    return steps


def api(host: str, token: str) -> httpx.AsyncClient:
    return httpx.AsyncClient(base_url=f"http://{host}", headers={"Authorization": f"Bearer {token}"}, timeout=10)


async def eventually(check: Callable[[], Awaitable[Any]], timeout: float = 20, what: str = "condition") -> Any:
    deadline = time.monotonic() + timeout
    while True:
        value = await check()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        await asyncio.sleep(0.1)


async def task_runs(c: httpx.AsyncClient, **params: Any) -> list[dict[str, Any]]:
    r = await c.get("/api/v1/admin/tasks", params={"size": 100, **params})
    assert r.status_code == 200, r.text
    return list(r.json()["items"])


async def prepare_day(c: httpx.AsyncClient) -> None:
    """Summary due now (hour 0, UTC) and one application sent today."""
    r = await c.patch("/api/v1/users/me", json={"timezone": "UTC", "evening_summary_hour": 0})
    assert r.status_code == 200, r.text
    job = (await c.post("/api/v1/jobs", json={"title": "Platform Engineer", "company": "Acme"})).json()
    app = (await c.post("/api/v1/applications", json={"job_posting_id": job["id"]})).json()
    assert (await c.patch(f"/api/v1/applications/{app['id']}", json={"status": "applied"})).status_code == 200


def parts(message: Message) -> dict[str, str]:
    return {
        p.get_content_type(): p.get_payload(decode=True).decode()  # type: ignore[union-attr]
        for p in message.walk()
        if not p.is_multipart()
    }


async def deliveries(settings: Settings) -> list[SummaryDelivery]:
    engine = make_engine(settings)
    try:
        async with make_session_factory(engine)() as session:
            return list((await session.scalars(select(SummaryDelivery))).all())
    finally:
        await engine.dispose()


class TestEveningSummary:
    @pytest.fixture
    def settings_overrides(self, smtp: tuple[Inbox, int]) -> dict[str, object]:
        return {"embedded_worker": True, "smtp_host": "127.0.0.1", "smtp_port": smtp[1], "smtp_from": "cc@example.com"}

    async def test_mailed_once_with_a_live_notification(
        self, server: tuple[str, Any], smtp: tuple[Inbox, int], settings: Settings
    ) -> None:
        host, _ = server
        inbox, _ = smtp
        inbox.messages.clear()
        token, user_id = await account(host, "ada@example.com")
        async with api(host, token) as c:
            await prepare_day(c)
            ws = await open_socket(host, token)
            r = await c.post("/api/v1/admin/schedule/evening-summaries/run")
            assert r.status_code == 202, r.text
            msg = await next_of(ws, "notification.created", timeout=20)
            assert msg["data"]["title"] == "Evening summary sent" and msg["id"] is not None
            assert len(inbox.messages) == 1
            mail = inbox.messages[0]
            assert mail["To"] == "ada@example.com" and mail["Subject"].startswith("Your job search today")
            body = parts(mail)
            assert "Applications sent today: 1 of 5 (4 to go)" in body["text/plain"]
            assert "Platform Engineer at Acme: Interested → Applied" in body["text/plain"]
            assert "<strong>1 of 5</strong>" in body["text/html"]
            [delivery] = await deliveries(settings)
            assert (delivery.user_id, delivery.status, delivery.attempts) == (user_id, "sent", 1)

            # The next beat the same day finds the delivery row and sends nothing.
            r = await c.post("/api/v1/admin/schedule/evening-summaries/run")
            second = r.json()["task_id"]

            async def second_done() -> bool:
                runs = await task_runs(c)
                return any(t["task_id"] == second and t["state"] == "succeeded" for t in runs)

            await eventually(second_done, what="second beat run")
            assert len(inbox.messages) == 1
            assert len(await deliveries(settings)) == 1
            runs = await task_runs(c)
            delivered = [t for t in runs if t["name"] == "notifications.deliver_evening_summary"]
            assert len(delivered) == 1 and delivered[0]["state"] == "succeeded"
            assert delivered[0]["title"] == "Evening summary"  # as the task registered it, for the queue page
            assert delivered[0]["worker"].startswith("embedded@") and delivered[0]["duration_ms"] is not None
            overview = (await c.get("/api/v1/admin/tasks/overview")).json()
            assert overview["mode"] == "embedded"
            assert {w["mode"] for w in overview["workers"]} == {"embedded", "beat"}  # the worker and the scheduler
            entries = {e["key"]: e for e in overview["schedule"]}
            assert {"evening-summaries", "auth-housekeeping", "daily-backup"} <= set(entries)
            ran = entries["evening-summaries"]
            assert ran["title"] == "Evening summaries" and entries["nightly-ingest"]["title"] == "Job refresh"
            assert ran["last_state"] == "succeeded" and ran["next_run_at"] > ran["last_run_at"]
            assert entries["daily-backup"]["next_run_at"] is not None  # one day after beat started
            await ws.close()

    async def test_turned_off_means_no_summary(self, server: tuple[str, Any], smtp: tuple[Inbox, int]) -> None:
        host, _ = server
        inbox, _ = smtp
        inbox.messages.clear()
        token, _ = await account(host, "ada@example.com")
        async with api(host, token) as c:
            await prepare_day(c)
            assert (await c.patch("/api/v1/users/me", json={"evening_summary_enabled": False})).status_code == 200
            run = (await c.post("/api/v1/admin/schedule/evening-summaries/run")).json()

            async def done() -> bool:
                return any(t["id"] == run["id"] and t["state"] == "succeeded" for t in await task_runs(c))

            await eventually(done, what="beat run")
            assert inbox.messages == []


class TestMailServerDown:
    @pytest.fixture
    def settings_overrides(self) -> dict[str, object]:
        return {
            "embedded_worker": True,
            "smtp_host": "127.0.0.1",
            "smtp_port": free_port(),  # nothing listens: connection refused
            "smtp_timeout_seconds": 2,
            "summary_retry_delays_seconds": [0.2, 0.4],
        }

    async def test_retries_then_tells_the_user_why(self, server: tuple[str, Any], settings: Settings) -> None:
        host, _ = server
        token, _ = await account(host, "ada@example.com")
        async with api(host, token) as c:
            await prepare_day(c)
            ws = await open_socket(host, token)
            await c.post("/api/v1/admin/schedule/evening-summaries/run")
            msg = await next_of(ws, "notification.created", timeout=30)
            assert msg["data"]["title"] == "Evening summary could not be emailed"
            assert "refused the connection" in msg["data"]["body"] and "3 times" in msg["data"]["body"]
            [delivery] = await deliveries(settings)
            assert (delivery.status, delivery.attempts) == ("failed", 3)

            async def failed_run() -> list[dict[str, Any]]:
                return [t for t in await task_runs(c, state="failed") if t["name"].endswith("deliver_evening_summary")]

            [run] = await eventually(failed_run, what="failed task_run")
            assert run["attempts"] == 3 and "refused the connection" in run["error"]
            # Nothing else was announced: no "sent" notification after the failure.
            notes = (await c.get("/api/v1/notifications")).json()["items"]
            assert [n["type"] for n in notes if n["type"].startswith("summary.")] == ["summary.failed"]
            await ws.close()


class TestQueueManagement:
    @pytest.fixture
    def settings_overrides(self) -> dict[str, object]:
        return {"embedded_worker": True}

    async def test_progress_cancel_and_retry(self, server: tuple[str, Any], settings: Settings) -> None:
        host, _ = server
        token, user_id = await account(host, "ada@example.com")
        other_token, _ = await account(host, "bob@example.com")
        engine = make_engine(settings)  # the app's engine belongs to the server thread's loop
        async with session_scope(make_session_factory(engine)) as session:
            run = enqueue(session, "tests.count_steps", 40, user_id=user_id)
        await flush_tasks(session)
        await engine.dispose()
        ws = await open_socket(host, token)
        async with api(host, token) as c, api(host, other_token) as other:
            progress = await next_of(ws, "task.progress", timeout=15)
            assert progress["data"]["task_id"] == run.task_id and progress["data"]["name"] == "tests.count_steps"
            mine = (await c.get("/api/v1/tasks")).json()["items"]
            assert [t["task_id"] for t in mine] == [run.task_id]
            assert (await other.get(f"/api/v1/tasks/{mine[0]['id']}")).status_code == 404
            assert (await other.post(f"/api/v1/admin/tasks/{mine[0]['id']}/cancel")).status_code == 403

            r = await c.post(f"/api/v1/admin/tasks/{mine[0]['id']}/cancel")
            assert r.status_code == 200 and r.json()["cancel_requested"] is True

            async def cancelled() -> bool:
                row = (await c.get(f"/api/v1/tasks/{mine[0]['id']}")).json()
                return bool(row["state"] == "cancelled")

            await eventually(cancelled, what="cancellation")
            assert (await c.post(f"/api/v1/admin/tasks/{mine[0]['id']}/cancel")).status_code == 409

            r = await c.post(f"/api/v1/admin/tasks/{mine[0]['id']}/retry")
            assert r.status_code == 202, r.text
            again = r.json()
            assert again["args"] == [40] and again["retry_of_id"] == mine[0]["id"] and again["state"] == "queued"

            async def succeeded() -> bool:
                row = (await c.get(f"/api/v1/tasks/{again['id']}")).json()
                return bool(row["state"] == "succeeded" and row["progress"] == 100)

            await eventually(succeeded, timeout=30, what="retried task")
            assert (await c.post(f"/api/v1/admin/tasks/{again['id']}/retry")).status_code == 409
        await ws.close()


@pytest.mark.parametrize("database_url", ["postgresql"], indirect=True)
class TestRedisBroker:
    @pytest.fixture
    def settings_overrides(self, smtp: tuple[Inbox, int]) -> dict[str, object]:
        url = redis_test_url()
        if url is None:
            pytest.skip("Redis not available")
        redis.Redis.from_url(url).flushdb()
        return {"redis_url": url, "embedded_worker": True, "smtp_host": "127.0.0.1", "smtp_port": smtp[1]}

    async def test_send_now_runs_on_a_redis_broker(self, server: tuple[str, Any], smtp: tuple[Inbox, int]) -> None:
        host, _ = server
        inbox, _ = smtp
        inbox.messages.clear()
        token, _ = await account(host, "ada@example.com")
        ws = await open_socket(host, token)
        async with api(host, token) as c:
            r = await c.post("/api/v1/users/me/evening-summary")
            assert r.status_code == 202, r.text
            msg = await next_of(ws, "notification.created", timeout=20)
            assert msg["data"]["title"] == "Evening summary sent"
            assert len(inbox.messages) == 1
            assert (await c.get("/api/v1/admin/tasks/overview")).json()["mode"] == "redis"
        await ws.close()


__all__ = ["running"]


class TestWorkerBesideApiWrites:
    @pytest.fixture
    def settings_overrides(self) -> dict[str, object]:
        return {"embedded_worker": True, "worker_concurrency": 4}  # no SMTP: every task writes the outbox

    async def test_no_database_is_locked(self, server: tuple[str, Any]) -> None:
        """docs/design.md §1: worker threads writing beside 20 concurrent API writes, with no "database is locked"."""
        host, _ = server
        tokens = [(await account(host, f"user{i}@example.com"))[0] for i in range(4)]
        clients = [api(host, t) for t in tokens]
        try:
            sends = [c.post("/api/v1/users/me/evening-summary") for c in clients for _ in range(3)]
            writes = [clients[i % 4].patch("/api/v1/users/me", json={"daily_application_goal": i}) for i in range(20)]
            responses = await asyncio.gather(*sends, *writes)
            assert [r.status_code for r in responses] == [202] * 12 + [200] * 20, [r.text for r in responses]

            async def all_done() -> list[dict[str, Any]]:
                runs = await task_runs(clients[0])
                ended = [t for t in runs if t["state"] in ("succeeded", "failed")]
                return runs if len(ended) == 12 else []

            runs = await eventually(all_done, timeout=60, what="12 summaries")
            assert {t["state"] for t in runs} == {"succeeded"}, [t["error"] for t in runs]
        finally:
            for c in clients:
                await c.aclose()
