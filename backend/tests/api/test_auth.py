"""Sign-up, sign-in, refresh rotation with reuse detection, sign-out, password change."""

from __future__ import annotations

import httpx
import pytest
from sqlalchemy import func, select

from app.models import RefreshToken, User
from tests.conftest import STRONG_PASSWORD, register


def use_cookie(client: httpx.AsyncClient, value: str | None) -> None:
    """Put this refresh token in the client's jar, as a browser (or a thief) holding it would send it."""
    client.cookies.clear()
    assert value
    client.cookies.set("copilot_refresh", value, domain="testserver.local", path="/api/v1/auth")


async def _count_users(app: object) -> int:
    async with app.state.session_factory() as s:  # type: ignore[attr-defined]
        return int(await s.scalar(select(func.count()).select_from(User)) or 0)


class TestRegister:
    async def test_creates_account_signs_in_and_first_user_is_admin(self, client: httpx.AsyncClient) -> None:
        r = await client.post(
            "/api/v1/auth/register",
            json={
                "email": "Ada@Example.com",
                "password": STRONG_PASSWORD,
                "full_name": "Ada",
                "timezone": "Europe/Berlin",
            },
        )
        assert r.status_code == 201
        body = r.json()
        assert body["token_type"] == "bearer" and body["access_token"] and body["expires_in"] > 0
        cookie = r.headers["set-cookie"]
        assert "copilot_refresh=" in cookie and "HttpOnly" in cookie and "Path=/api/v1/auth" in cookie
        assert "samesite=lax" in cookie.lower()
        me = await client.get("/api/v1/auth/me", headers={"Authorization": f"Bearer {body['access_token']}"})
        assert me.status_code == 200
        assert me.json()["email"] == "ada@example.com"
        assert me.json()["timezone"] == "Europe/Berlin"
        assert me.json()["is_admin"] is True

    async def test_second_user_is_not_admin(self, client: httpx.AsyncClient) -> None:
        await register(client, "first@example.com")
        headers = await register(client, "second@example.com")
        assert (await client.get("/api/v1/auth/me", headers=headers)).json()["is_admin"] is False

    async def test_duplicate_email_is_409_and_nothing_saved(self, client: httpx.AsyncClient, app: object) -> None:
        await register(client, "ada@example.com")
        r = await client.post(
            "/api/v1/auth/register",
            json={"email": "ADA@example.com", "password": STRONG_PASSWORD, "full_name": "x"},
        )
        assert r.status_code == 409
        assert r.json()["code"] == "email_taken"
        assert "already exists" in r.json()["detail"]
        assert await _count_users(app) == 1

    @pytest.mark.parametrize(
        ("password", "fragment"),
        [
            ("short", "at least 10"),
            ("password123", "too easy"),
            ("aaaaaaaaaaaa", "too easy"),
            ("ada-lovelace-1", "email"),
        ],
    )
    async def test_weak_password_is_refused(
        self, client: httpx.AsyncClient, app: object, password: str, fragment: str
    ) -> None:
        r = await client.post(
            "/api/v1/auth/register",
            json={"email": "ada-lovelace@example.com", "password": password, "full_name": "A"},
        )
        assert r.status_code == 422
        assert r.json()["code"] == "weak_password"
        assert fragment in r.json()["detail"]
        assert await _count_users(app) == 0

    async def test_a_long_password_may_mention_the_name(self, client: httpx.AsyncClient) -> None:
        r = await client.post(
            "/api/v1/auth/register", json={"email": "tour@example.com", "password": "Tour-Passw0rd-123!"}
        )
        assert r.status_code == 201, r.text

    async def test_invalid_email_is_a_validation_error(self, client: httpx.AsyncClient) -> None:
        r = await client.post("/api/v1/auth/register", json={"email": "not-an-email", "password": STRONG_PASSWORD})
        assert r.status_code == 422
        body = r.json()
        assert body["code"] == "validation_error"
        assert body["detail"].startswith("Email:")
        assert body["errors"][0]["loc"] == ["body", "email"]

    async def test_unknown_timezone_is_refused(self, client: httpx.AsyncClient) -> None:
        r = await client.post(
            "/api/v1/auth/register",
            json={"email": "a@example.com", "password": STRONG_PASSWORD, "timezone": "Mars/Olympus"},
        )
        assert r.status_code == 422
        assert "Mars/Olympus" in r.json()["detail"]


class TestRegistrationClosed:
    @pytest.fixture
    def settings_overrides(self) -> dict[str, object]:
        return {"allow_registration": False}

    async def test_closed_registration_is_403(self, client: httpx.AsyncClient, app: object) -> None:
        r = await client.post("/api/v1/auth/register", json={"email": "a@example.com", "password": STRONG_PASSWORD})
        assert r.status_code == 403
        assert r.json()["code"] == "registration_closed"
        assert (await client.get("/api/v1/auth/config")).json()["allow_registration"] is False
        assert await _count_users(app) == 0


class TestLogin:
    async def test_login_returns_token_and_cookie(self, client: httpx.AsyncClient) -> None:
        await register(client)
        client.cookies.clear()
        r = await client.post("/api/v1/auth/login", json={"email": "ada@example.com", "password": STRONG_PASSWORD})
        assert r.status_code == 200
        assert set(r.json()) >= {"access_token", "token_type"}
        assert r.json()["token_type"] == "bearer"
        assert client.cookies.get("copilot_refresh")
        # A readable hint (no secret in it) lets the app skip the refresh call on a first visit.
        hint = next(c for c in r.headers.get_list("set-cookie") if c.startswith("copilot_session="))
        assert "HttpOnly" not in hint and "Path=/" in hint and client.cookies.get("copilot_session") == "1"

    async def test_wrong_password_and_unknown_email_look_the_same(self, client: httpx.AsyncClient) -> None:
        await register(client)
        wrong = await client.post("/api/v1/auth/login", json={"email": "ada@example.com", "password": "nope-nope-nope"})
        unknown = await client.post(
            "/api/v1/auth/login", json={"email": "bob@example.com", "password": "nope-nope-nope"}
        )
        assert wrong.status_code == unknown.status_code == 401
        assert wrong.json() == unknown.json() == {"detail": "Wrong email or password.", "code": "invalid_credentials"}

    async def test_me_without_token_is_401(self, client: httpx.AsyncClient) -> None:
        r = await client.get("/api/v1/auth/me")
        assert r.status_code == 401
        assert r.json()["code"] == "not_authenticated"
        bad = await client.get("/api/v1/auth/me", headers={"Authorization": "Bearer not-a-jwt"})
        assert bad.status_code == 401 and bad.json()["code"] == "invalid_token"


class TestLoginRateLimit:
    @pytest.fixture
    def settings_overrides(self) -> dict[str, object]:
        return {"login_rate_limit": "3/minute"}

    async def test_fourth_attempt_in_a_minute_is_429(self, client: httpx.AsyncClient) -> None:
        await register(client)
        for _ in range(3):
            r = await client.post("/api/v1/auth/login", json={"email": "ada@example.com", "password": "wrong-wrong-1"})
            assert r.status_code == 401
        r = await client.post("/api/v1/auth/login", json={"email": "ada@example.com", "password": STRONG_PASSWORD})
        assert r.status_code == 429
        assert r.json()["code"] == "rate_limited"
        assert int(r.headers["retry-after"]) >= 1


class TestRefresh:
    async def test_rotation_issues_new_cookie_and_old_one_dies(
        self, client: httpx.AsyncClient, csrf: dict[str, str]
    ) -> None:
        await register(client)
        first = client.cookies.get("copilot_refresh")
        r = await client.post("/api/v1/auth/refresh", headers=csrf)
        assert r.status_code == 200, r.text
        second = client.cookies.get("copilot_refresh")
        assert second and second != first
        me = await client.get("/api/v1/auth/me", headers={"Authorization": f"Bearer {r.json()['access_token']}"})
        assert me.status_code == 200

    async def test_reuse_revokes_the_whole_family(
        self, client: httpx.AsyncClient, csrf: dict[str, str], app: object
    ) -> None:
        await register(client)
        stolen = client.cookies.get("copilot_refresh")
        assert (await client.post("/api/v1/auth/refresh", headers=csrf)).status_code == 200
        current = client.cookies.get("copilot_refresh")
        # An attacker replays the old token: refused, and the legitimate current token dies with it.
        use_cookie(client, stolen)
        replay = await client.post("/api/v1/auth/refresh", headers=csrf)
        assert replay.status_code == 401
        assert replay.json()["code"] == "refresh_token_reused"
        use_cookie(client, current)
        after = await client.post("/api/v1/auth/refresh", headers=csrf)
        assert after.status_code == 401
        async with app.state.session_factory() as s:  # type: ignore[attr-defined]
            live = await s.scalar(
                select(func.count()).select_from(RefreshToken).where(RefreshToken.revoked_at.is_(None))
            )
        assert live == 0

    async def test_expired_refresh_token_is_401(
        self, client: httpx.AsyncClient, csrf: dict[str, str], app: object
    ) -> None:
        from datetime import UTC, datetime, timedelta

        from sqlalchemy import update

        await register(client)
        async with app.state.session_factory() as s:  # type: ignore[attr-defined]
            await s.execute(update(RefreshToken).values(expires_at=datetime.now(UTC) - timedelta(seconds=1)))
            await s.commit()
        r = await client.post("/api/v1/auth/refresh", headers=csrf)
        assert r.status_code == 401
        assert r.json()["code"] == "invalid_refresh_token"
        assert "expired" in r.json()["detail"]

    async def test_refresh_and_logout_require_the_csrf_header(self, client: httpx.AsyncClient) -> None:
        await register(client)
        for path in ("/api/v1/auth/refresh", "/api/v1/auth/logout"):
            r = await client.post(path)
            assert r.status_code == 403
            assert r.json()["code"] == "csrf_header_missing"
        # The cookie still works once the header is there: nothing was revoked by the refused calls.
        assert (
            await client.post("/api/v1/auth/refresh", headers={"X-Requested-With": "XMLHttpRequest"})
        ).status_code == 200

    async def test_refresh_without_cookie_is_401(self, client: httpx.AsyncClient, csrf: dict[str, str]) -> None:
        r = await client.post("/api/v1/auth/refresh", headers=csrf)
        assert r.status_code == 401
        assert r.json()["code"] == "invalid_refresh_token"


class TestLogout:
    async def test_logout_revokes_refresh_and_clears_cookie(
        self, client: httpx.AsyncClient, csrf: dict[str, str]
    ) -> None:
        await register(client)
        token = client.cookies.get("copilot_refresh")
        r = await client.post("/api/v1/auth/logout", headers=csrf)
        assert r.status_code == 204
        assert any(c.startswith("copilot_session=") and "Max-Age=0" in c for c in r.headers.get_list("set-cookie"))
        assert 'copilot_refresh=""' in r.headers["set-cookie"] or "Max-Age=0" in r.headers["set-cookie"]
        use_cookie(client, token)
        again = await client.post("/api/v1/auth/refresh", headers=csrf)
        assert again.status_code == 401


class TestPasswordChange:
    async def test_change_password_then_sign_in_with_new_one(
        self, client: httpx.AsyncClient, csrf: dict[str, str]
    ) -> None:
        headers = await register(client)
        old_cookie = client.cookies.get("copilot_refresh")
        r = await client.post(
            "/api/v1/auth/password/change",
            headers=headers,
            json={"current_password": STRONG_PASSWORD, "new_password": "Another-Long-Phrase-42"},
        )
        assert r.status_code == 204
        # Other sessions end; this one received a fresh cookie and keeps working.
        new_cookie = client.cookies.get("copilot_refresh")
        assert new_cookie != old_cookie
        assert (await client.post("/api/v1/auth/refresh", headers=csrf)).status_code == 200
        use_cookie(client, old_cookie)
        old = await client.post("/api/v1/auth/refresh", headers=csrf)
        assert old.status_code == 401
        bad = await client.post("/api/v1/auth/login", json={"email": "ada@example.com", "password": STRONG_PASSWORD})
        assert bad.status_code == 401
        good = await client.post(
            "/api/v1/auth/login", json={"email": "ada@example.com", "password": "Another-Long-Phrase-42"}
        )
        assert good.status_code == 200

    async def test_wrong_current_password_is_400(self, client: httpx.AsyncClient) -> None:
        headers = await register(client)
        r = await client.post(
            "/api/v1/auth/password/change",
            headers=headers,
            json={"current_password": "not-my-password", "new_password": "Another-Long-Phrase-42"},
        )
        assert r.status_code == 400
        assert r.json()["code"] == "wrong_password"
