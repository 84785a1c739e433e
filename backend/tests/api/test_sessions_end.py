"""Sessions end when they should: an access token dies with its session, on the API and on the WebSocket.

Sign-out ends this session (its refresh tokens and its access tokens); a password change or reset ends them all.
"""

from __future__ import annotations

import asyncio
import json
import re
from datetime import timedelta
from typing import Any

import httpx
import pytest
from websockets.exceptions import ConnectionClosed

from app.core import security
from tests.conftest import STRONG_PASSWORD, register
from tests.live import account, open_socket
from tests.mailserver import Inbox

NEW_PASSWORD = "Another-Long-Phrase-42"
CSRF = {"X-Requested-With": "XMLHttpRequest"}


async def sign_in(client: httpx.AsyncClient, password: str = STRONG_PASSWORD) -> dict[str, str]:
    """A second device: its own session, its own cookie jar."""
    r = await client.post("/api/v1/auth/login", json={"email": "ada@example.com", "password": password})
    assert r.status_code == 200, r.text
    return {"Authorization": f"Bearer {r.json()['access_token']}"}


async def me(client: httpx.AsyncClient, headers: dict[str, str]) -> int:
    return (await client.get("/api/v1/auth/me", headers=headers)).status_code


@pytest.fixture
async def phone(app: object) -> Any:
    transport = httpx.ASGITransport(app=app)  # type: ignore[arg-type]
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as c:
        yield c


class TestLogout:
    async def test_ends_this_sessions_access_token_and_only_this_session(
        self, client: httpx.AsyncClient, phone: httpx.AsyncClient
    ) -> None:
        laptop = await register(client)
        on_phone = await sign_in(phone)
        assert (await client.post("/api/v1/auth/logout", headers=CSRF)).status_code == 204
        assert await me(client, laptop) == 401
        r = await client.get("/api/v1/auth/me", headers=laptop)
        assert r.json()["code"] == "invalid_token"
        # Signing out of the laptop does not sign the phone out.
        assert await me(phone, on_phone) == 200
        assert (await phone.post("/api/v1/auth/refresh", headers=CSRF)).status_code == 200

    async def test_a_token_from_before_a_rotation_lives_on_with_its_session(self, client: httpx.AsyncClient) -> None:
        before = await register(client)
        assert (await client.post("/api/v1/auth/refresh", headers=CSRF)).status_code == 200
        assert await me(client, before) == 200


class TestRefreshTokenReuse:
    async def test_a_replayed_refresh_token_also_ends_the_sessions_access_tokens(
        self, client: httpx.AsyncClient
    ) -> None:
        headers = await register(client)
        stolen = client.cookies.get("copilot_refresh")
        fresh = (await client.post("/api/v1/auth/refresh", headers=CSRF)).json()["access_token"]
        client.cookies.clear()
        client.cookies.set("copilot_refresh", stolen or "", domain="testserver.local", path="/api/v1/auth")
        assert (await client.post("/api/v1/auth/refresh", headers=CSRF)).status_code == 401
        assert await me(client, headers) == 401
        assert await me(client, {"Authorization": f"Bearer {fresh}"}) == 401


class TestPasswordChange:
    async def test_ends_every_session_and_this_one_continues_through_its_new_cookie(
        self, client: httpx.AsyncClient, phone: httpx.AsyncClient
    ) -> None:
        laptop = await register(client)
        on_phone = await sign_in(phone)
        r = await client.post(
            "/api/v1/auth/password/change",
            headers=laptop,
            json={"current_password": STRONG_PASSWORD, "new_password": NEW_PASSWORD},
        )
        assert r.status_code == 204
        assert await me(client, laptop) == 401
        assert await me(phone, on_phone) == 401
        assert (await phone.post("/api/v1/auth/refresh", headers=CSRF)).status_code == 401
        # The laptop's fresh cookie brings a token that works (the app does this on its next 401).
        renewed = await client.post("/api/v1/auth/refresh", headers=CSRF)
        assert renewed.status_code == 200
        assert await me(client, {"Authorization": f"Bearer {renewed.json()['access_token']}"}) == 200

    async def test_wrong_current_password_ends_nothing(self, client: httpx.AsyncClient) -> None:
        headers = await register(client)
        r = await client.post(
            "/api/v1/auth/password/change",
            headers=headers,
            json={"current_password": "not-my-password", "new_password": NEW_PASSWORD},
        )
        assert r.status_code == 400
        assert await me(client, headers) == 200


class TestTokensWithoutASession:
    """Every access token names its session; one signed without (by an older release, a tool holding the key)
    could not be ended before it expires, so it is refused, on the API and on the socket."""

    @pytest.mark.parametrize("sid", [None, "", 7, "x" * 65])
    async def test_is_refused(self, app: Any, client: httpx.AsyncClient, sid: object) -> None:
        headers = await register(client)
        user_id = (await client.get("/api/v1/auth/me", headers=headers)).json()["id"]
        claims = {} if sid is None else {"sid": sid}
        key = app.state.settings.signing_key
        token = security.encode_token(key, str(user_id), "access", timedelta(minutes=5), **claims)
        r = await client.get("/api/v1/auth/me", headers={"Authorization": f"Bearer {token}"})
        assert (r.status_code, r.json()["code"]) == (401, "invalid_token")
        # The same claims with the live session's id work: only the missing session is refused.
        sid_of_session = security.decode_token(key, headers["Authorization"].split()[1], "access")
        assert sid_of_session is not None
        good = security.encode_token(key, str(user_id), "access", timedelta(minutes=5), sid=sid_of_session["sid"])
        assert await me(client, {"Authorization": f"Bearer {good}"}) == 200


class TestPasswordReset:
    @pytest.fixture
    def settings_overrides(self, smtp: tuple[Inbox, int]) -> dict[str, object]:
        return {"smtp_host": "127.0.0.1", "smtp_port": smtp[1], "smtp_from": "copilot@example.com"}

    async def test_ends_every_session(
        self, client: httpx.AsyncClient, phone: httpx.AsyncClient, smtp: tuple[Inbox, int]
    ) -> None:
        inbox, _ = smtp
        inbox.messages.clear()
        laptop = await register(client)
        on_phone = await sign_in(phone)
        assert (await client.post("/api/v1/auth/password/forgot", json={"email": "ada@example.com"})).status_code == 202
        body = inbox.messages[0].get_payload(decode=True).decode()  # type: ignore[union-attr]
        match = re.search(r"reset-password\?token=(\S+)", body)
        assert match, body
        r = await client.post("/api/v1/auth/password/reset", json={"token": match[1], "new_password": NEW_PASSWORD})
        assert r.status_code == 204
        assert await me(client, laptop) == 401
        assert await me(phone, on_phone) == 401
        assert await me(phone, await sign_in(phone, NEW_PASSWORD)) == 200


class TestWebSocket:
    @pytest.fixture
    def settings_overrides(self) -> dict[str, object]:
        return {"ws_heartbeat_seconds": 1}

    async def test_a_signed_out_token_cannot_open_a_socket_and_an_open_one_closes(
        self, server: tuple[str, Any]
    ) -> None:
        host, _ = server
        async with httpx.AsyncClient(base_url=f"http://{host}") as laptop:
            r = await laptop.post(
                "/api/v1/auth/register", json={"email": "ada@example.com", "password": STRONG_PASSWORD}
            )
            token = r.json()["access_token"]
            ws = await open_socket(host, token)
            other, _ = await account(host, "ada@example.com")  # another device, still signed in afterwards
            other_ws = await open_socket(host, other)
            assert (await laptop.post("/api/v1/auth/logout", headers=CSRF)).status_code == 204
        with pytest.raises(ConnectionClosed) as closed:
            while True:
                await asyncio.wait_for(ws.recv(), 5)
        assert closed.value.rcvd is not None and closed.value.rcvd.code == 1008
        assert closed.value.rcvd.reason == "Session ended"
        with pytest.raises((ConnectionClosed, AssertionError)):
            await open_socket(host, token)
        # The other device's socket keeps its heartbeat.
        for _ in range(2):
            assert json.loads(await asyncio.wait_for(other_ws.recv(), 5))["type"] in ("ping", "ready")
        await other_ws.close()
