"""Tracking jobs: the board, moves under the transition rules, history, notes, ordering."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import httpx
import pytest
from sqlalchemy import select, update

from app.applications import rollups
from app.models.application import Application, ApplicationEvent
from tests.conftest import register
from tests.factories import add_job, catalogue_job, track


async def move(
    client: httpx.AsyncClient, h: dict[str, str], app_id: int, status: str, **extra: object
) -> httpx.Response:
    return await client.patch(f"/api/v1/applications/{app_id}", headers=h, json={"status": status, **extra})


class TestTrack:
    async def test_track_creates_interested_with_first_event(self, client: httpx.AsyncClient) -> None:
        h = await register(client)
        job = await add_job(client, h)
        a = await track(client, h, job["id"], notes="Referral from Sam")
        assert a["status"] == "interested" and a["notes"] == "Referral from Sam"
        assert a["job"]["title"] == "Backend Engineer"
        assert a["applied_at"] is None
        assert "applied" in a["allowed_statuses"] and "interested" not in a["allowed_statuses"]
        events = (await client.get(f"/api/v1/applications/{a['id']}/events", headers=h)).json()
        assert events["total"] == 1
        assert events["items"][0]["from_status"] is None and events["items"][0]["to_status"] == "interested"
        job_now = (await client.get(f"/api/v1/jobs/{job['id']}", headers=h)).json()
        assert job_now["tracking"] == {"id": a["id"], "status": "interested"}

    async def test_tracking_twice_is_409(self, client: httpx.AsyncClient) -> None:
        h = await register(client)
        job = await add_job(client, h)
        await track(client, h, job["id"])
        r = await client.post("/api/v1/applications", headers=h, json={"job_posting_id": job["id"]})
        assert r.status_code == 409 and r.json()["code"] == "already_tracked"

    async def test_catalogue_jobs_can_be_tracked_by_many_users(self, client: httpx.AsyncClient, app: object) -> None:
        job_id = await catalogue_job(app)
        for email in ("a@example.com", "b@example.com"):
            h = await register(client, email)
            assert (await track(client, h, job_id))["job"]["is_own"] is False

    async def test_track_as_applied_sets_applied_at(self, client: httpx.AsyncClient) -> None:
        h = await register(client)
        job = await add_job(client, h)
        a = await track(client, h, job["id"], status="applied")
        assert a["status"] == "applied" and a["applied_at"] is not None

    async def test_unknown_job_is_404(self, client: httpx.AsyncClient) -> None:
        h = await register(client)
        r = await client.post("/api/v1/applications", headers=h, json={"job_posting_id": 424242})
        assert r.status_code == 404


class TestMoves:
    async def test_pipeline_with_history(self, client: httpx.AsyncClient) -> None:
        h = await register(client)
        a = await track(client, h, (await add_job(client, h))["id"])
        for status in ("applied", "interview", "offer", "accepted"):
            r = await move(client, h, a["id"], status)
            assert r.status_code == 200, r.text
        body = r.json()
        assert body["status"] == "accepted" and body["applied_at"] is not None
        assert body["allowed_statuses"] == ["offer"]  # undo only
        history = (await client.get(f"/api/v1/applications/{a['id']}/events", headers=h)).json()["items"]
        assert [(e["from_status"], e["to_status"]) for e in history] == [
            (None, "interested"),
            ("interested", "applied"),
            ("applied", "interview"),
            ("interview", "offer"),
            ("offer", "accepted"),
        ]

    async def test_illegal_move_is_409_with_reason_and_changes_nothing(self, client: httpx.AsyncClient) -> None:
        h = await register(client)
        a = await track(client, h, (await add_job(client, h))["id"])
        await move(client, h, a["id"], "interview")
        await move(client, h, a["id"], "rejected")
        r = await move(client, h, a["id"], "offer")
        assert r.status_code == 409
        assert r.json()["code"] == "illegal_transition"
        assert "final" in r.json()["detail"]
        now = (await client.get(f"/api/v1/applications/{a['id']}", headers=h)).json()
        assert now["status"] == "rejected"
        assert (await client.get(f"/api/v1/applications/{a['id']}/events", headers=h)).json()["total"] == 3

    async def test_undo_a_mistaken_rejection(self, client: httpx.AsyncClient) -> None:
        h = await register(client)
        a = await track(client, h, (await add_job(client, h))["id"])
        await move(client, h, a["id"], "interview")
        await move(client, h, a["id"], "rejected")
        r = await move(client, h, a["id"], "interview")
        assert r.status_code == 200 and r.json()["status"] == "interview"

    async def test_ghosted_can_come_back_as_interview(self, client: httpx.AsyncClient) -> None:
        h = await register(client)
        a = await track(client, h, (await add_job(client, h))["id"], status="applied")
        await move(client, h, a["id"], "ghosted")
        assert (await move(client, h, a["id"], "offer")).status_code == 409
        assert (await move(client, h, a["id"], "interview")).status_code == 200

    async def test_backdated_move_and_bad_dates(self, client: httpx.AsyncClient) -> None:
        h = await register(client)
        a = await track(client, h, (await add_job(client, h))["id"])
        future = await move(client, h, a["id"], "applied", occurred_at="2099-01-01T00:00:00Z")
        assert future.status_code == 422 and "future" in future.json()["detail"]
        before = await move(client, h, a["id"], "applied", occurred_at="2000-01-01T00:00:00Z")
        assert before.status_code == 422 and "before the previous" in before.json()["detail"]
        ok = await move(client, h, a["id"], "applied", event_note="Sent via referral")
        assert ok.status_code == 200
        events = (await client.get(f"/api/v1/applications/{a['id']}/events", headers=h)).json()["items"]
        assert events[-1]["note"] == "Sent via referral"

    async def test_same_status_is_a_no_op(self, client: httpx.AsyncClient) -> None:
        h = await register(client)
        a = await track(client, h, (await add_job(client, h))["id"])
        r = await move(client, h, a["id"], "interested", position=5.5)
        assert r.status_code == 200 and r.json()["position"] == 5.5
        assert (await client.get(f"/api/v1/applications/{a['id']}/events", headers=h)).json()["total"] == 1


class TestBoard:
    async def test_board_columns_order_and_counts(self, client: httpx.AsyncClient) -> None:
        h = await register(client)
        first = await track(client, h, (await add_job(client, h, title="One"))["id"])
        second = await track(client, h, (await add_job(client, h, title="Two"))["id"])
        third = await track(client, h, (await add_job(client, h, title="Three"))["id"])
        await move(client, h, third["id"], "applied")
        board = (await client.get("/api/v1/applications/board", headers=h)).json()
        columns = {c["status"]: c for c in board["columns"]}
        assert [c["status"] for c in board["columns"]] == [
            "interested", "applied", "interview", "offer", "accepted", "rejected", "withdrawn", "ghosted"
        ]  # fmt: skip
        assert columns["interested"]["total"] == 2 and columns["applied"]["total"] == 1
        # Newest on top; a position between two cards reorders.
        assert [i["id"] for i in columns["interested"]["items"]] == [second["id"], first["id"]]
        await client.patch(f"/api/v1/applications/{first['id']}", headers=h, json={"position": -100})
        board = (await client.get("/api/v1/applications/board", headers=h)).json()
        assert [i["id"] for i in board["columns"][0]["items"]] == [first["id"], second["id"]]

    async def test_list_by_status_and_notes(self, client: httpx.AsyncClient) -> None:
        h = await register(client)
        a = await track(client, h, (await add_job(client, h))["id"])
        await client.patch(f"/api/v1/applications/{a['id']}", headers=h, json={"notes": "Call back Tuesday"})
        page = (await client.get("/api/v1/applications", headers=h, params={"status": "interested"})).json()
        assert page["total"] == 1 and page["items"][0]["notes"] == "Call back Tuesday"
        assert (await client.get("/api/v1/applications", headers=h, params={"status": "offer"})).json()["total"] == 0
        bad = await client.get("/api/v1/applications", headers=h, params={"status": "hired"})
        assert bad.status_code == 422

    async def test_delete_application_keeps_job(self, client: httpx.AsyncClient) -> None:
        h = await register(client)
        job = await add_job(client, h)
        a = await track(client, h, job["id"])
        assert (await client.delete(f"/api/v1/applications/{a['id']}", headers=h)).status_code == 204
        assert (await client.get(f"/api/v1/jobs/{job['id']}", headers=h)).json()["tracking"] is None


class TestRollupsAfterMoves:
    """A move updates the rollups incrementally (the previous event's duration, the application's furthest stage,
    outcome and time to answer); the result must equal a full recomputation from the events."""

    async def test_incremental_rollups_equal_a_full_refresh(self, client: httpx.AsyncClient, app: Any) -> None:
        h = await register(client)
        moves = [
            ("applied", "2026-11-02T09:00:00Z"),
            ("interview", "2026-11-05T14:30:00Z"),
            ("applied", None),  # undo: back to the status before the last move
            ("interview", None),
            ("offer", None),
            ("rejected", None),
        ]
        ids = []
        for n in range(3):
            a = await track(client, h, (await add_job(client, h, title=f"Engineer {n}"))["id"])
            ids.append(a["id"])
            async with app.state.session_factory() as s:  # tracked a month ago, so the moves can be dated
                await s.execute(
                    update(ApplicationEvent)
                    .where(ApplicationEvent.application_id == a["id"])
                    .values(at=datetime(2026, 11, 1, tzinfo=UTC))
                )
                await s.commit()
            for status, at in moves[: 2 + 2 * n]:
                extra = {"occurred_at": at} if at else {}
                assert (await move(client, h, a["id"], status, **extra)).status_code == 200
        async with app.state.session_factory() as s:
            before = await _rollup_snapshot(s, ids)
            await rollups.refresh(s, Application.id.in_(ids))
            await s.commit()
            after = await _rollup_snapshot(s, ids, approx=True)
        assert after == before
        # and the figures are what the moves imply, not merely self-consistent
        apps = {row[0]: row for row in before["apps"]}
        assert [apps[i][1] for i in ids] == [2, 2, 3]  # furthest stage: interview, interview, offer
        assert apps[ids[2]][4] is True  # rejected
        assert apps[ids[0]][5] == pytest.approx((3 * 24 + 5.5) * 3600, abs=1)  # applied -> first answer
        durations = [d for (app_id, _, d) in before["events"] if app_id == ids[0]]
        assert durations[1] == pytest.approx((3 * 24 + 5.5) * 3600, abs=1) and durations[-1] is None

    async def test_only_a_move_forward_evaluates_achievements(self, client: httpx.AsyncClient, app: Any) -> None:
        h = await register(client)
        a = await track(client, h, (await add_job(client, h))["id"])
        await move(client, h, a["id"], "applied")
        await move(client, h, a["id"], "interview")
        codes = {x["code"] for x in (await client.get("/api/v1/achievements", headers=h)).json() if x["earned"]}
        assert {"first_job", "first_application", "first_interview"} <= codes
        # A move back then forward again reaches nothing new, and earns nothing twice.
        await move(client, h, a["id"], "applied")
        await move(client, h, a["id"], "interview")
        notes = (await client.get("/api/v1/notifications", headers=h)).json()["items"]
        earned = [n["title"] for n in notes if n["type"] == "achievement.earned"]
        assert sorted(earned) == sorted(set(earned)) and "Achievement unlocked: First Interview" in earned


async def _rollup_snapshot(session: Any, ids: list[int], approx: bool = False) -> dict[str, list[tuple[Any, ...]]]:
    apps = await session.execute(
        select(
            Application.id,
            Application.reached_stage,
            Application.withdrew,
            Application.ghosted,
            Application.rejected,
            Application.response_s,
        )
        .where(Application.id.in_(ids))
        .order_by(Application.id)
    )
    events = await session.execute(
        select(ApplicationEvent.application_id, ApplicationEvent.id, ApplicationEvent.duration_s)
        .where(ApplicationEvent.application_id.in_(ids))
        .order_by(ApplicationEvent.application_id, ApplicationEvent.at, ApplicationEvent.id)
    )

    def seconds(rows: Any) -> list[tuple[Any, ...]]:
        # Durations to the second: SQLite computes them from julianday() floats (off by milliseconds), the
        # incremental path from exact datetimes.
        if not approx:
            return [tuple(row) for row in rows]
        return [tuple(pytest.approx(v, abs=0.5) if isinstance(v, float) else v for v in row) for row in rows]

    return {"apps": seconds(apps.all()), "events": seconds(events.all())}
