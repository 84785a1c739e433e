"""Security headers on every response (docs/security.md): the content security policy, nosniff, the referrer
policy, `no-store` on the API, and HSTS only when the request came over https."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi.routing import APIRoute
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from app.core.middleware import APP_CSP, DOCS_CSP, SecurityHeadersMiddleware
from tests.conftest import CI, register

REPO = Path(__file__).resolve().parents[3]
FRONTEND = REPO / "frontend"
INDEX = """<!doctype html><html><head><title>Career Copilot</title>
<script type="module" crossorigin src="/assets/index-abc.js"></script></head>
<body><div id="root"></div></body></html>"""


@pytest.fixture
def settings_overrides(tmp_path: Path) -> dict[str, object]:
    dist = tmp_path / "dist"
    (dist / "assets").mkdir(parents=True)
    (dist / "index.html").write_text(INDEX)
    (dist / "assets" / "index-abc.js").write_text("console.log('app')\n")
    return {"frontend_dist": dist}


def directives(policy: str) -> dict[str, list[str]]:
    parsed = (part.split() for part in policy.split(";") if part.strip())
    return {name: sources for name, *sources in parsed}


def assert_common_headers(r: httpx.Response) -> None:
    assert r.headers["x-content-type-options"] == "nosniff", r.headers
    assert r.headers["referrer-policy"] == "strict-origin-when-cross-origin"
    assert "content-security-policy" in r.headers
    assert "strict-transport-security" not in r.headers  # plain http


class TestThePolicy:
    def test_the_app_policy_allows_no_inline_remote_or_evaluated_script(self) -> None:
        policy = directives(APP_CSP)
        assert policy["script-src"] == ["'self'"]
        assert policy["default-src"] == ["'self'"]
        assert policy["style-src"] == ["'self'", "'unsafe-inline'"]  # Mantine's <style> elements, style attributes
        assert policy["connect-src"] == ["'self'"]  # CSP 3: 'self' matches ws:/wss: on the same host and port
        assert policy["img-src"] == ["'self'", "data:"]
        assert policy["object-src"] == ["'none'"]
        assert policy["frame-ancestors"] == ["'none'"]
        assert policy["base-uri"] == ["'self'"] and policy["form-action"] == ["'self'"]
        assert "'unsafe-eval'" not in APP_CSP

    def test_the_docs_policy_still_refuses_framing_and_plugins(self) -> None:
        policy = directives(DOCS_CSP)
        assert "'unsafe-eval'" not in DOCS_CSP
        assert policy["frame-ancestors"] == ["'none'"] and policy["object-src"] == ["'none'"]

    @pytest.mark.parametrize("index", [FRONTEND / "index.html", FRONTEND / "dist" / "index.html"], ids=["src", "dist"])
    def test_the_spa_index_has_no_inline_script(self, index: Path) -> None:
        if not index.is_file():
            if CI:
                pytest.fail(f"{index} is missing: `make test` builds the frontend first")
            pytest.skip(f"{index} is not built")
        scripts = re.findall(r"<script\b([^>]*)>(.*?)</script>", index.read_text(), re.S | re.I)
        assert scripts, "the index loads no script at all?"
        for attributes, body in scripts:
            assert "src=" in attributes and not body.strip(), f"inline script in {index}: {body[:80]!r}"

    def test_nginx_leaves_the_headers_to_the_app(self) -> None:
        # An add_header in deploy/nginx.conf would send a second copy of a header on every proxied response.
        lines = (REPO / "deploy" / "nginx.conf").read_text().splitlines()
        directives = [line.split("#", 1)[0].split() for line in lines]
        assert not [d for d in directives if d and d[0] == "add_header"]


class TestEveryResponse:
    async def test_spa_index_and_assets(self, client: httpx.AsyncClient) -> None:
        for path in ("/", "/board", "/jobs/12"):
            r = await client.get(path)
            assert r.status_code == 200 and '<div id="root">' in r.text
            assert_common_headers(r)
            assert r.headers["content-security-policy"] == APP_CSP
            assert r.headers["cache-control"] == "no-cache"  # the index's own choice, not the API's no-store
        asset = await client.get("/assets/index-abc.js")
        assert asset.status_code == 200
        assert_common_headers(asset)
        assert "no-store" not in asset.headers.get("cache-control", "")  # hashed bundles may be cached

    async def test_api_json_success_and_errors_are_never_stored(self, client: httpx.AsyncClient) -> None:
        auth = await register(client)
        me = await client.get("/api/v1/auth/me", headers=auth)
        assert me.status_code == 200
        unauthorised = await client.get("/api/v1/auth/me")
        assert unauthorised.status_code == 401
        unknown = await client.get("/api/v1/no-such-thing")
        assert unknown.status_code == 404
        for r in (me, unauthorised, unknown):
            assert r.headers["content-type"].startswith("application/json")
            assert_common_headers(r)
            assert r.headers["cache-control"] == "no-store"
            assert r.headers["content-security-policy"] == APP_CSP

    async def test_a_refused_body_carries_them_too(self, client: httpx.AsyncClient) -> None:
        r = await client.post(
            "/api/v1/auth/login", content=b"x" * 2_000_000, headers={"Content-Type": "application/json"}
        )
        assert r.status_code == 413
        assert_common_headers(r)
        assert r.headers["cache-control"] == "no-store"

    async def test_a_resume_download_is_not_sniffed(self, client: httpx.AsyncClient) -> None:
        auth = await register(client)
        # Text a browser might sniff as HTML if it were allowed to guess.
        data = b"<html><script>alert(1)</script>Grace Example\nSkills: Python\n"
        upload = await client.post("/api/v1/resumes", headers=auth, files={"file": ("cv.txt", data, "text/html")})
        assert upload.status_code == 202, upload.text
        r = await client.get(f"/api/v1/resumes/{upload.json()['id']}/file", headers=auth)
        assert r.status_code == 200 and r.content == data
        assert r.headers["content-type"].startswith("text/plain")
        assert r.headers["content-disposition"].startswith("attachment")
        assert_common_headers(r)
        assert r.headers["cache-control"] == "no-store"

    async def test_the_api_docs_get_their_own_policy(self, client: httpx.AsyncClient) -> None:
        docs = await client.get("/docs")
        assert docs.status_code == 200
        assert_common_headers(docs)
        assert docs.headers["content-security-policy"] == DOCS_CSP
        schema = await client.get("/openapi.json")
        assert schema.headers["content-security-policy"] == APP_CSP


class TestStrictTransportSecurity:
    async def test_sent_when_a_trusted_proxy_says_https(self, client: httpx.AsyncClient) -> None:
        # The test client connects from 127.0.0.1, the default FORWARDED_ALLOW_IPS.
        r = await client.get("/healthz", headers={"X-Forwarded-Proto": "https"})
        assert r.headers["strict-transport-security"].startswith("max-age=31536000")
        assert (await client.get("/healthz")).headers.get("strict-transport-security") is None

    async def test_sent_over_https_itself(self, app: Any) -> None:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="https://copilot.test") as c:
            r = await c.get("/api/v1/auth/me")
        assert r.status_code == 401
        assert r.headers["strict-transport-security"].startswith("max-age=")


class TestUntrustedProxy:
    @pytest.fixture
    def settings_overrides(self) -> dict[str, object]:
        return {"forwarded_allow_ips": "10.0.0.10"}

    async def test_a_client_cannot_claim_https(self, client: httpx.AsyncClient) -> None:
        r = await client.get("/healthz", headers={"X-Forwarded-Proto": "https"})
        assert r.status_code == 200
        assert "strict-transport-security" not in r.headers
        assert r.headers["x-content-type-options"] == "nosniff"


class TestARouteThatChoosesItsCaching:
    @pytest.fixture
    async def tiny(self) -> AsyncIterator[httpx.AsyncClient]:
        async def cached(request: Request) -> JSONResponse:
            return JSONResponse({"public": True}, headers={"Cache-Control": "public, max-age=60"})

        async def plain(request: Request) -> JSONResponse:
            return JSONResponse({"public": False})

        app = SecurityHeadersMiddleware(
            Starlette(routes=[Route("/api/v1/cached", cached), Route("/api/v1/plain", plain)])
        )
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t") as c:
            yield c

    async def test_keeps_its_own_cache_control(self, tiny: httpx.AsyncClient) -> None:
        assert (await tiny.get("/api/v1/cached")).headers["cache-control"] == "public, max-age=60"
        assert (await tiny.get("/api/v1/plain")).headers["cache-control"] == "no-store"


class TestAnUnexpectedError:
    async def test_the_500_carries_the_headers_too(self, app: Any) -> None:
        """Starlette answers an unhandled exception from its outermost layer, past the headers middleware."""

        async def broken() -> None:
            raise RuntimeError("a bug")

        app.router.routes.insert(0, APIRoute("/api/v1/broken-for-test", broken))  # before the catch-all routes
        transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as c:
            r = await c.get("/api/v1/broken-for-test")
        assert r.status_code == 500 and r.json()["code"] == "internal_error"
        assert r.headers["content-security-policy"] == APP_CSP
        assert r.headers["x-content-type-options"] == "nosniff"
        assert r.headers["cache-control"] == "no-store"
        assert r.headers["referrer-policy"] == "strict-origin-when-cross-origin"
