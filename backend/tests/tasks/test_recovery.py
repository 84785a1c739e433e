"""What a stopped worker leaves behind is settled: tasks safe to repeat run again, others fail with a reason, an
administrator can retry or cancel a run stranded on a worker that is gone, and a live worker's runs are left alone."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from datetime import timedelta
from typing import Any

import httpx
import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.models.base import utcnow
from app.models.task import TaskRun, WorkerSeen
from app.tasks.recovery import MAX_INTERRUPTIONS, STALE_AFTER, reconcile
from app.tasks.registry import safe_to_repeat
from tests.conftest import register

SAFE, UNSAFE = "resumes.process", "data.backup"  # acks_late (idempotent) and not


@pytest.fixture
async def session(app: Any) -> AsyncIterator[AsyncSession]:
    async with app.state.session_factory() as s:
        yield s


def run(name: str, state: str, worker: str | None, minutes_ago: float = 1, **values: Any) -> TaskRun:
    at = utcnow() - timedelta(minutes=minutes_ago)
    attempts = values.pop("attempts", 1 if state == "running" else 0)
    return TaskRun(
        task_id=str(uuid.uuid4()),
        name=name,
        args=[7],
        state=state,
        worker=worker,
        attempts=attempts,
        queued_at=at,
        started_at=at if state == "running" else None,
        **values,
    )


async def workers(session: AsyncSession) -> None:
    now = utcnow()
    session.add_all(
        [
            WorkerSeen(hostname="restarted@a", mode="embedded", started_at=now, last_seen_at=now),
            WorkerSeen(
                hostname="silent@b",
                mode="redis",
                started_at=now - timedelta(hours=1),
                last_seen_at=now - 2 * STALE_AFTER,
            ),
            WorkerSeen(hostname="alive@c", mode="redis", started_at=now - timedelta(hours=1), last_seen_at=now),
        ]
    )


class TestReconcile:
    async def test_settles_what_gone_workers_left_and_leaves_live_ones(self, session: AsyncSession) -> None:
        assert safe_to_repeat(SAFE) and not safe_to_repeat(UNSAFE)
        await workers(session)
        rows = {
            "restarted_safe": run(SAFE, "running", "restarted@a"),
            "silent_safe": run(SAFE, "running", "silent@b", minutes_ago=2),
            "unknown_unsafe": run(UNSAFE, "running", "never-seen@d"),
            "cancel_asked": run(SAFE, "running", "restarted@a", minutes_ago=3, cancel_requested=True),
            "crash_loop": run(SAFE, "running", "restarted@a", minutes_ago=4, attempts=MAX_INTERRUPTIONS),
            "alive": run(SAFE, "running", "alive@c"),
            "queued": run(SAFE, "queued", None),
        }
        session.add_all(rows.values())
        await session.commit()

        resends = await reconcile(session, safe_to_repeat=safe_to_repeat, broker_was_lost=False, now=utcnow())
        await session.commit()

        assert sorted(r.task_id for r in resends) == sorted(
            [rows["restarted_safe"].task_id, rows["silent_safe"].task_id]
        )
        assert all(r.retries == 0 and r.args == [7] for r in resends)
        state = {key: (await session.scalar(select(TaskRun).where(TaskRun.id == row.id))) for key, row in rows.items()}
        for key in state:
            await session.refresh(state[key])
        assert state["restarted_safe"].state == "queued"
        assert "restarted@a" in (state["restarted_safe"].error or "") and "Running it again" in (
            state["restarted_safe"].error or ""
        )
        assert state["unknown_unsafe"].state == "failed"
        assert "not known to be safe" in (state["unknown_unsafe"].error or "")
        assert state["cancel_asked"].state == "cancelled"
        assert state["crash_loop"].state == "failed" and "interrupted 3 times" in (state["crash_loop"].error or "")
        assert state["alive"].state == "running" and state["alive"].error is None
        assert state["queued"].state == "queued"  # the broker still holds it (Redis, or a live embedded worker)

    async def test_a_lost_memory_broker_sends_queued_and_retrying_again(self, session: AsyncSession) -> None:
        due = utcnow() + timedelta(seconds=120)
        queued = run(SAFE, "queued", None)
        retrying = run(UNSAFE, "retrying", "restarted@a", attempts=2, next_attempt_at=due)
        session.add_all([queued, retrying])
        await session.commit()

        resends = {
            r.task_id: r
            for r in await reconcile(session, safe_to_repeat=safe_to_repeat, broker_was_lost=True, now=utcnow())
        }

        assert resends[queued.task_id].retries == 0 and resends[queued.task_id].countdown == 0
        # a retry keeps its place in its schedule: the retries it used, and the time it was due
        assert resends[retrying.task_id].retries == 2 and 100 < resends[retrying.task_id].countdown <= 120


class TestAdminOnStrandedRun:
    async def test_retry_and_cancel_a_run_whose_worker_is_gone(
        self, client: httpx.AsyncClient, session: AsyncSession
    ) -> None:
        headers = await register(client)
        await workers(session)
        stranded, other, live = (
            run(SAFE, "running", "restarted@a"),
            run(SAFE, "running", "silent@b"),
            run(SAFE, "running", "alive@c"),
        )
        session.add_all([stranded, other, live])
        await session.commit()

        r = await client.post(f"/api/v1/admin/tasks/{live.id}/retry", headers=headers)
        assert r.status_code == 409 and "still running on alive@c" in r.json()["detail"]

        r = await client.post(f"/api/v1/admin/tasks/{stranded.id}/retry", headers=headers)
        assert r.status_code == 202, r.text
        assert r.json()["retry_of_id"] == stranded.id and r.json()["state"] == "queued"
        old = (await client.get("/api/v1/admin/tasks", params={"state": "failed"}, headers=headers)).json()["items"]
        assert [t["id"] for t in old] == [stranded.id] and "Retried by an administrator" in old[0]["error"]

        r = await client.post(f"/api/v1/admin/tasks/{other.id}/cancel", headers=headers)
        assert r.status_code == 200 and r.json()["state"] == "cancelled" and "silent@b" in r.json()["error"]

        r = await client.post(f"/api/v1/admin/tasks/{live.id}/cancel", headers=headers)
        assert r.json()["state"] == "running" and r.json()["cancel_requested"] is True  # it stops at its next check
