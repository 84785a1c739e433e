"""The WebSocket at /api/v1/ws, over a real socket: auth, origin, isolation, replay, expiry, Redis fan-out."""

from __future__ import annotations

import asyncio
import json
import time
from typing import Any

import httpx
import pytest
from sqlalchemy.ext.asyncio import create_async_engine
from websockets.asyncio.client import connect
from websockets.exceptions import ConnectionClosed, InvalidStatus

from app.core.config import Settings
from app.core.db import make_session_factory
from app.core.events import flush_events
from app.notifications.service import notify
from tests.conftest import redis_test_url
from tests.live import account, next_of, nothing_of, open_socket, running


async def change_status(host: str, token: str) -> int:
    h = {"Authorization": f"Bearer {token}"}
    async with httpx.AsyncClient(base_url=f"http://{host}", headers=h) as c:
        job = (await c.post("/api/v1/jobs", json={"title": "Realtime Engineer", "company": "Acme"})).json()
        app = (await c.post("/api/v1/applications", json={"job_posting_id": job["id"]})).json()
        r = await c.patch(f"/api/v1/applications/{app['id']}", json={"status": "applied"})
        assert r.status_code == 200
        return int(app["id"])


class TestAuth:
    async def test_bad_token_closes_1008(self, server: tuple[str, Any]) -> None:
        host, _ = server
        async with connect(f"ws://{host}/api/v1/ws", origin=f"http://{host}") as ws:  # type: ignore[arg-type]
            await ws.send(json.dumps({"type": "auth", "token": "not-a-token"}))
            with pytest.raises(ConnectionClosed) as closed:
                await asyncio.wait_for(ws.recv(), 5)
        assert closed.value.rcvd is not None and closed.value.rcvd.code == 1008

    async def test_no_auth_frame_within_5_seconds_closes_1008(self, server: tuple[str, Any]) -> None:
        host, _ = server
        started = time.monotonic()
        async with connect(f"ws://{host}/api/v1/ws", origin=f"http://{host}") as ws:  # type: ignore[arg-type]
            with pytest.raises(ConnectionClosed) as closed:
                await asyncio.wait_for(ws.recv(), 10)
        assert closed.value.rcvd is not None and closed.value.rcvd.code == 1008
        assert 4.5 <= time.monotonic() - started < 9

    async def test_foreign_origin_is_refused(self, server: tuple[str, Any]) -> None:
        host, _ = server
        with pytest.raises(InvalidStatus) as refused:
            async with connect(f"ws://{host}/api/v1/ws", origin="https://evil.example"):  # type: ignore[arg-type]
                pass
        assert refused.value.response.status_code == 403


class TestDelivery:
    async def test_users_only_hear_their_own_events(self, server: tuple[str, Any]) -> None:
        host, _ = server
        alice, _ = await account(host, "alice@example.com")
        bob, _ = await account(host, "bob@example.com")
        ws_alice, ws_bob = await open_socket(host, alice), await open_socket(host, bob)
        app_id = await change_status(host, alice)
        update = await next_of(ws_alice, "application.updated")
        assert update["data"]["id"] == app_id and update["id"] is None
        await nothing_of(ws_bob, "application.updated")
        await ws_alice.close()
        await ws_bob.close()

    async def test_notifications_arrive_live_and_replay_after_reconnect(
        self, server: tuple[str, Any], settings: Settings
    ) -> None:
        host, app = server
        token, user_id = await account(host, "carol@example.com")
        engine = create_async_engine(settings.async_database_url)
        factory = make_session_factory(engine)

        async def push(title: str) -> int:
            # Like a worker thread would: its own loop and engine, then the app's bus after commit.
            async with factory() as s:
                row = await notify(s, user_id, "test", title)
                await s.commit()
                await flush_events(s, app.state.bus)
                return int(row.id)

        ws = await open_socket(host, token)
        first = await push("First")
        live = await next_of(ws, "notification.created")
        assert live["id"] == first and live["data"]["title"] == "First"
        await ws.close()
        second, third = await push("Second"), await push("Third")  # missed while offline
        ws = await open_socket(host, token, last_id=first)
        replayed = [await next_of(ws, "notification.created"), await next_of(ws, "notification.created")]
        assert [m["id"] for m in replayed] == [second, third]
        await ws.send(json.dumps({"type": "resume", "last_id": second}))
        assert (await next_of(ws, "notification.created"))["id"] == third
        await ws.close()
        await engine.dispose()


class TestExpiry:
    @pytest.fixture
    def settings_overrides(self) -> dict[str, object]:
        return {"access_token_ttl_seconds": 2, "ws_heartbeat_seconds": 1}

    async def test_expired_token_gets_auth_expired_then_reauth_on_the_same_socket(
        self, server: tuple[str, Any]
    ) -> None:
        host, _ = server
        token, _ = await account(host, "dave@example.com")
        ws = await open_socket(host, token)
        assert (await next_of(ws, "ping", timeout=15))["type"] == "ping"  # heartbeat (bounds for a busy machine)
        await next_of(ws, "auth.expired", timeout=20)
        fresh, _ = await account(host, "dave@example.com")
        await ws.send(json.dumps({"type": "auth", "token": fresh}))
        await next_of(ws, "auth.ok")
        await change_status(host, fresh)
        tracked, moved = await next_of(ws, "application.updated"), await next_of(ws, "application.updated")
        assert (tracked["data"]["change"], moved["data"]["status"]) == ("tracked", "applied")
        await ws.close()


class TestRedisFanOut:
    async def test_an_event_reaches_a_client_on_another_web_process(self, settings: Settings, clean_db: None) -> None:
        url = redis_test_url()
        if url is None:
            pytest.skip("Redis not available on 127.0.0.1:6379")
        scaled = settings.model_copy(update={"redis_url": url})
        with running(scaled) as (host_a, _), running(scaled) as (host_b, _):
            token, _ = await account(host_a, "erin@example.com")
            ws_b = await open_socket(host_b, token)  # connected to web process B
            app_id = await change_status(host_a, token)  # the change happens on web process A
            assert (await next_of(ws_b, "application.updated"))["data"]["id"] == app_id
            await ws_b.close()
