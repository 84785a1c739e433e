"""Sign in with Google (a real OIDC provider on 127.0.0.1), GitHub (a GitHub-style server), linking, unlinking."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from oidc_provider_mock import run_server_in_thread

from tests.auth.providers import GitHubState, approve_at_mock, github_app, impostor_app, query, serve
from tests.conftest import STRONG_PASSWORD, register

CLIENT_ID, CLIENT_SECRET = "copilot-test-client", "copilot-test-secret"


@pytest.fixture(scope="module")
def oidc_issuer() -> Iterator[str]:
    with run_server_in_thread(require_nonce=True) as server:
        yield f"http://127.0.0.1:{server.server_port}"


@pytest.fixture(scope="module")
def github() -> Iterator[tuple[str, GitHubState]]:
    gh = GitHubState()
    with serve(github_app(gh)) as base:
        yield base, gh


@pytest.fixture
def settings_overrides(oidc_issuer: str, github: tuple[str, GitHubState]) -> dict[str, object]:
    base, _ = github
    return {
        "public_url": "http://testserver",
        "oauth_google_client_id": CLIENT_ID,
        "oauth_google_client_secret": CLIENT_SECRET,
        "oauth_google_issuer": oidc_issuer,
        "oauth_github_client_id": "gh-client",
        "oauth_github_client_secret": "gh-secret",
        "oauth_github_authorize_url": f"{base}/login/oauth/authorize",
        "oauth_github_token_url": f"{base}/login/oauth/access_token",
        "oauth_github_api_url": base,
    }


def set_claims(issuer: str, sub: str, **claims: Any) -> None:
    assert httpx.put(f"{issuer}/users/{sub}", json=claims).status_code == 204


async def start(client: httpx.AsyncClient, provider: str = "google", **params: str) -> str:
    r = await client.get(f"/api/v1/auth/oauth/{provider}/login", params=params)
    assert r.status_code == 302, r.text
    return r.headers["location"]


async def finish(client: httpx.AsyncClient, callback_url: str) -> dict[str, str]:
    """Follow the provider's redirect into our callback; return the query of the app page it ends on."""
    parsed = httpx.URL(callback_url)
    r = await client.get(parsed.path, params=parsed.params)
    assert r.status_code == 302, r.text
    assert r.headers["location"].startswith("/oauth/complete?")
    return query(r.headers["location"])


async def me(client: httpx.AsyncClient) -> dict[str, Any]:
    r = await client.post("/api/v1/auth/refresh", headers={"X-Requested-With": "XMLHttpRequest"})
    assert r.status_code == 200, r.text
    h = {"Authorization": f"Bearer {r.json()['access_token']}"}
    return {**(await client.get("/api/v1/auth/me", headers=h)).json(), "_headers": h}


class TestProviders:
    async def test_only_configured_providers_are_offered(self, client: httpx.AsyncClient) -> None:
        names = [p["name"] for p in (await client.get("/api/v1/auth/oauth/providers")).json()]
        assert names == ["google", "github"]
        assert (await client.get("/api/v1/auth/oauth/linkedin/login")).status_code == 404


class TestGoogleSignIn:
    async def test_first_sign_in_creates_account_and_signs_in(
        self, client: httpx.AsyncClient, oidc_issuer: str
    ) -> None:
        set_claims(oidc_issuer, "g-ada", email="Ada@Example.com", email_verified=True, name="Ada Lovelace")
        authorize = await start(client, return_to="/jobs")
        q = query(authorize)
        assert q["code_challenge_method"] == "S256" and q["nonce"] and q["state"] and q["client_id"] == CLIENT_ID
        result = await finish(client, approve_at_mock(authorize, "g-ada"))
        assert result.get("created") == "1" and "error" not in result
        user = await me(client)
        assert user["email"] == "ada@example.com" and user["full_name"] == "Ada Lovelace" and user["is_admin"] is True
        # A second sign-in finds the same account.
        client.cookies.clear()
        again = await finish(client, approve_at_mock(await start(client, return_to="/jobs"), "g-ada"))
        assert again["next"] == "/jobs" and "created" not in again
        assert (await me(client))["id"] == user["id"]

    async def test_unverified_email_is_refused(self, client: httpx.AsyncClient, oidc_issuer: str) -> None:
        set_claims(oidc_issuer, "g-unverified", email="eve@example.com", email_verified=False)
        result = await finish(client, approve_at_mock(await start(client), "g-unverified"))
        assert result["error"] == "unverified_email" and "verified" in result["message"]
        assert (await client.post("/api/v1/auth/refresh", headers={"X-Requested-With": "x"})).status_code == 401

    async def test_user_denies_at_the_provider(self, client: httpx.AsyncClient) -> None:
        result = await finish(client, approve_at_mock(await start(client), "nobody", deny=True))
        assert result["error"] == "denied" and "cancelled" in result["message"]
        assert (await client.post("/api/v1/auth/refresh", headers={"X-Requested-With": "x"})).status_code == 401

    async def test_state_mismatch_is_refused(self, client: httpx.AsyncClient, oidc_issuer: str) -> None:
        set_claims(oidc_issuer, "g-csrf", email="csrf@example.com", email_verified=True)
        callback = approve_at_mock(await start(client), "g-csrf")
        # The callback arrives in a browser that did not start this sign-in (login CSRF).
        client.cookies.clear()
        result = await finish(client, callback)
        assert result["error"] == "state_mismatch"

    async def test_replayed_callback_is_refused(self, client: httpx.AsyncClient, oidc_issuer: str) -> None:
        set_claims(oidc_issuer, "g-replay", email="replay@example.com", email_verified=True)
        authorize = await start(client)
        callback = approve_at_mock(authorize, "g-replay")
        state_cookie = client.cookies.get("copilot_oauth_state")
        assert (await finish(client, callback)).get("created") == "1"
        client.cookies.set(
            "copilot_oauth_state", state_cookie or "", domain="testserver.local", path="/api/v1/auth/oauth"
        )
        assert (await finish(client, callback))["error"] == "replayed"

    async def test_id_token_with_another_flows_nonce_is_refused(
        self, client: httpx.AsyncClient, oidc_issuer: str
    ) -> None:
        """Nonce replay: a code (and so an ID token) obtained in flow A, presented in flow B."""
        set_claims(oidc_issuer, "g-nonce", email="nonce@example.com", email_verified=True)
        code_a = query(approve_at_mock(await start(client), "g-nonce"))["code"]
        callback_b = approve_at_mock(await start(client), "g-nonce")
        q = query(callback_b)
        result = await finish(client, f"/api/v1/auth/oauth/google/callback?code={code_a}&state={q['state']}")
        assert result["error"] == "invalid_id_token"

    async def test_code_used_twice_is_refused(self, client: httpx.AsyncClient, oidc_issuer: str) -> None:
        set_claims(oidc_issuer, "g-code", email="code@example.com", email_verified=True)
        code = query(approve_at_mock(await start(client), "g-code"))
        assert (
            await finish(client, f"/api/v1/auth/oauth/google/callback?code={code['code']}&state={code['state']}")
        ).get("created") == "1"
        fresh = query(approve_at_mock(await start(client), "g-code"))
        result = await finish(client, f"/api/v1/auth/oauth/google/callback?code={code['code']}&state={fresh['state']}")
        assert result["error"] == "expired_code"

    async def test_existing_email_is_never_linked_silently(self, client: httpx.AsyncClient, oidc_issuer: str) -> None:
        await register(client, "grace@example.com")
        client.cookies.clear()
        set_claims(oidc_issuer, "g-grace", email="grace@example.com", email_verified=True)
        result = await finish(client, approve_at_mock(await start(client), "g-grace"))
        assert result["error"] == "account_exists" and "Connected accounts" in result["message"]
        assert (await client.post("/api/v1/auth/refresh", headers={"X-Requested-With": "x"})).status_code == 401


class TestBadSignature:
    @pytest.fixture
    def settings_overrides(self, oidc_issuer: str) -> Iterator[dict[str, object]]:
        with serve(impostor_app(oidc_issuer)) as impostor:
            yield {
                "public_url": "http://testserver",
                "oauth_google_client_id": CLIENT_ID,
                "oauth_google_client_secret": CLIENT_SECRET,
                "oauth_google_issuer": impostor,
            }

    async def test_id_token_not_signed_by_the_published_keys_is_refused(
        self, client: httpx.AsyncClient, oidc_issuer: str
    ) -> None:
        from app.auth import oauth_providers

        oauth_providers._discovery_cache.clear()
        set_claims(oidc_issuer, "g-sig", email="sig@example.com", email_verified=True)
        result = await finish(client, approve_at_mock(await start(client), "g-sig"))
        oauth_providers._discovery_cache.clear()
        assert result["error"] == "invalid_id_token"


class TestGitHub:
    async def test_sign_in_with_primary_verified_email(
        self, client: httpx.AsyncClient, github: tuple[str, GitHubState]
    ) -> None:
        _, gh = github
        gh.users["octocat"] = {"login": "octocat", "id": 583231, "name": "The Octocat", "emails": [
            {"email": "old@example.com", "primary": False, "verified": True},
            {"email": "octo@example.com", "primary": True, "verified": True},
        ]}  # fmt: skip
        gh.next_login = "octocat"
        r = httpx.get(await start(client, "github"), follow_redirects=False)  # the browser visits GitHub
        assert r.status_code == 307
        result = await finish(client, r.headers["location"])
        assert result.get("created") == "1", result
        assert (await me(client))["email"] == "octo@example.com"

    async def test_unverified_primary_email_is_refused(
        self, client: httpx.AsyncClient, github: tuple[str, GitHubState]
    ) -> None:
        _, gh = github
        gh.users["newbie"] = {"login": "newbie", "id": 99, "name": "", "emails": [
            {"email": "newbie@example.com", "primary": True, "verified": False},
        ]}  # fmt: skip
        gh.next_login = "newbie"
        r = httpx.get(await start(client, "github"), follow_redirects=False)
        result = await finish(client, r.headers["location"])
        assert result["error"] == "unverified_email"


class TestLinking:
    async def test_link_then_sign_in_then_unlink(
        self, client: httpx.AsyncClient, oidc_issuer: str, csrf: dict[str, str]
    ) -> None:
        h = await register(client, "hedy@example.com")
        set_claims(oidc_issuer, "g-hedy", email="hedy.l@example.com", email_verified=True)
        r = await client.post("/api/v1/auth/oauth/google/link", headers={**h, **csrf})
        assert r.status_code == 200, r.text
        result = await finish(client, approve_at_mock(r.json()["authorize_url"], "g-hedy"))
        assert result.get("linked") == "1" and result["next"] == "/settings"
        conns = (await client.get("/api/v1/users/me/connections", headers=h)).json()
        assert conns["has_password"] is True
        assert [c["provider"] for c in conns["connections"]] == ["google"]
        assert [p["name"] for p in conns["available"]] == ["github"]

        client.cookies.clear()
        signed_in = await finish(client, approve_at_mock(await start(client), "g-hedy"))
        assert "error" not in signed_in
        assert (await me(client))["email"] == "hedy@example.com"

        assert (await client.delete("/api/v1/users/me/connections/google", headers=h)).status_code == 204
        assert (await client.delete("/api/v1/users/me/connections/google", headers=h)).status_code == 404
        client.cookies.clear()
        after = await finish(client, approve_at_mock(await start(client), "g-hedy"))
        # The link is gone: that Google account no longer opens Hedy's account (its own email makes a new one).
        assert after.get("created") == "1"
        assert (await me(client))["email"] == "hedy.l@example.com"

    async def test_link_requires_sign_in_and_csrf_header(self, client: httpx.AsyncClient, csrf: dict[str, str]) -> None:
        assert (await client.post("/api/v1/auth/oauth/google/link", headers=csrf)).status_code == 401
        h = await register(client)
        assert (await client.post("/api/v1/auth/oauth/google/link", headers=h)).status_code == 403

    async def test_the_last_way_to_sign_in_cannot_be_unlinked(
        self, client: httpx.AsyncClient, oidc_issuer: str
    ) -> None:
        set_claims(oidc_issuer, "g-only", email="only@example.com", email_verified=True)
        await finish(client, approve_at_mock(await start(client), "g-only"))
        h = (await me(client))["_headers"]
        r = await client.delete("/api/v1/users/me/connections/google", headers=h)
        assert r.status_code == 409 and r.json()["code"] == "last_sign_in_method"
        conns = (await client.get("/api/v1/users/me/connections", headers=h)).json()
        assert conns["has_password"] is False and len(conns["connections"]) == 1

    async def test_provider_account_linked_elsewhere_is_refused(
        self, client: httpx.AsyncClient, oidc_issuer: str, csrf: dict[str, str]
    ) -> None:
        set_claims(oidc_issuer, "g-taken", email="taken@example.com", email_verified=True)
        await finish(client, approve_at_mock(await start(client), "g-taken"))
        client.cookies.clear()
        h = await register(client, "other@example.com", password=STRONG_PASSWORD)
        r = await client.post("/api/v1/auth/oauth/google/link", headers={**h, **csrf})
        result = await finish(client, approve_at_mock(r.json()["authorize_url"], "g-taken"))
        assert result["error"] == "linked_elsewhere"
