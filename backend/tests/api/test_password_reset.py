"""Forgotten passwords: a reset link by email (real SMTP server, aiosmtpd) or printed by the CLI."""

from __future__ import annotations

import re
from email.message import Message

import httpx
import pytest

from tests.conftest import STRONG_PASSWORD, register
from tests.mailserver import Inbox, free_port

NEW_PASSWORD = "Brand-New-Secret-Phrase-7"


def _link_from(message: Message) -> str:
    body = message.get_payload(decode=True).decode()  # type: ignore[union-attr]
    match = re.search(r"http://\S+/reset-password\?token=(\S+)", body)
    assert match, body
    return match.group(1)


class TestResetByEmail:
    @pytest.fixture
    def settings_overrides(self, smtp: tuple[Inbox, int]) -> dict[str, object]:
        return {"smtp_host": "127.0.0.1", "smtp_port": smtp[1], "smtp_from": "copilot@example.com"}

    async def test_email_link_resets_once(
        self, client: httpx.AsyncClient, smtp: tuple[Inbox, int], csrf: dict[str, str]
    ) -> None:
        inbox, _ = smtp
        inbox.messages.clear()
        await register(client)
        old_cookie = client.cookies.get("copilot_refresh")
        r = await client.post("/api/v1/auth/password/forgot", json={"email": "ADA@example.com"})
        assert r.status_code == 202
        assert "on its way" in r.json()["detail"]
        assert len(inbox.messages) == 1
        msg = inbox.messages[0]
        assert msg["To"] == "ada@example.com"
        assert "Reset your Career Copilot password" in msg["Subject"]
        token = _link_from(msg)

        r = await client.post("/api/v1/auth/password/reset", json={"token": token, "new_password": NEW_PASSWORD})
        assert r.status_code == 204
        login = await client.post("/api/v1/auth/login", json={"email": "ada@example.com", "password": NEW_PASSWORD})
        assert login.status_code == 200
        # The link works once, and every session from before the reset has ended.
        again = await client.post(
            "/api/v1/auth/password/reset", json={"token": token, "new_password": "Other-Phrase-99x"}
        )
        assert again.status_code == 400
        assert again.json()["code"] == "invalid_reset_token"
        client.cookies.clear()
        client.cookies.set("copilot_refresh", old_cookie or "", domain="testserver.local", path="/api/v1/auth")
        assert (await client.post("/api/v1/auth/refresh", headers=csrf)).status_code == 401

    async def test_unknown_email_gets_the_same_answer_and_no_mail(
        self, client: httpx.AsyncClient, smtp: tuple[Inbox, int]
    ) -> None:
        inbox, _ = smtp
        inbox.messages.clear()
        r = await client.post("/api/v1/auth/password/forgot", json={"email": "nobody@example.com"})
        assert r.status_code == 202
        assert "on its way" in r.json()["detail"]
        assert inbox.messages == []

    async def test_weak_new_password_keeps_the_token_usable(
        self, client: httpx.AsyncClient, smtp: tuple[Inbox, int]
    ) -> None:
        inbox, _ = smtp
        inbox.messages.clear()
        await register(client)
        await client.post("/api/v1/auth/password/forgot", json={"email": "ada@example.com"})
        token = _link_from(inbox.messages[0])
        weak = await client.post("/api/v1/auth/password/reset", json={"token": token, "new_password": "short"})
        assert weak.status_code == 422 and weak.json()["code"] == "weak_password"
        ok = await client.post("/api/v1/auth/password/reset", json={"token": token, "new_password": NEW_PASSWORD})
        assert ok.status_code == 204


class TestResetWithoutEmail:
    async def test_without_smtp_the_answer_says_how_to_get_a_link(self, client: httpx.AsyncClient) -> None:
        await register(client)
        r = await client.post("/api/v1/auth/password/forgot", json={"email": "ada@example.com"})
        assert r.status_code == 202
        assert "copilot users reset-password" in r.json()["detail"]
        assert (await client.get("/api/v1/auth/config")).json()["email_delivery"] is False

    async def test_garbage_and_tampered_tokens_are_refused(self, client: httpx.AsyncClient, app: object) -> None:
        from app.auth import repository, service

        await register(client)
        async with app.state.session_factory() as s:  # type: ignore[attr-defined]
            user = await repository.get_by_email(s, "ada@example.com")
            token = service.make_reset_token(app.state.settings, user)  # type: ignore[attr-defined]
        tampered = token[:-4] + ("AAAA" if not token.endswith("AAAA") else "BBBB")
        for bad in ("not-a-token-at-all", tampered):
            r = await client.post("/api/v1/auth/password/reset", json={"token": bad, "new_password": NEW_PASSWORD})
            assert r.status_code == 400
            assert "invalid" in r.json()["detail"]
        login = await client.post("/api/v1/auth/login", json={"email": "ada@example.com", "password": STRONG_PASSWORD})
        assert login.status_code == 200


class TestMailServerDown:
    @pytest.fixture
    def settings_overrides(self) -> dict[str, object]:
        return {"smtp_host": "127.0.0.1", "smtp_port": free_port(), "smtp_timeout_seconds": 2}

    async def test_a_dead_mail_server_does_not_break_the_request(self, client: httpx.AsyncClient) -> None:
        await register(client)
        r = await client.post("/api/v1/auth/password/forgot", json={"email": "ada@example.com"})
        assert r.status_code == 202
