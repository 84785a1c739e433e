"""Local identity providers for tests: the real OIDC provider of oidc-provider-mock, a GitHub-style OAuth 2
server, and an "impostor" that serves a real provider's discovery document with someone else's signing keys."""

from __future__ import annotations

import base64
import hashlib
import secrets
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any
from urllib.parse import parse_qs, urlencode, urlparse

import httpx
import uvicorn
from fastapi import FastAPI, Form, Header, HTTPException, Request
from fastapi.responses import JSONResponse, RedirectResponse
from joserfc.jwk import RSAKey


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def serve(app: FastAPI) -> Iterator[str]:
    """Serve an ASGI app on 127.0.0.1 in a thread; yield its base URL."""
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="off"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=5)


class GitHubState:
    def __init__(self) -> None:
        self.codes: dict[str, dict[str, Any]] = {}
        self.tokens: dict[str, str] = {}
        self.users: dict[str, dict[str, Any]] = {}
        self.next_login = "octocat"


def github_app(gh: GitHubState) -> FastAPI:
    """GitHub's OAuth web flow and the two user API calls we make, as GitHub documents them."""
    app = FastAPI()

    @app.get("/login/oauth/authorize")
    def authorize(client_id: str, redirect_uri: str, state: str, code_challenge: str = "") -> RedirectResponse:
        # The user has already approved this app: GitHub redirects straight back with a code.
        code = secrets.token_hex(10)
        gh.codes[code] = {"login": gh.next_login, "challenge": code_challenge}
        return RedirectResponse(f"{redirect_uri}?{urlencode({'code': code, 'state': state})}")

    @app.post("/login/oauth/access_token")
    def access_token(code: str = Form(), code_verifier: str = Form(default="")) -> JSONResponse:
        grant = gh.codes.pop(code, None)
        if grant is None:
            # GitHub answers 200 with an error body for a bad or reused code.
            return JSONResponse(
                {"error": "bad_verification_code", "error_description": "The code is incorrect or expired."}
            )
        digest = base64.urlsafe_b64encode(hashlib.sha256(code_verifier.encode()).digest()).rstrip(b"=").decode()
        if digest != grant["challenge"]:
            return JSONResponse({"error": "invalid_grant", "error_description": "PKCE verification failed."})
        token = "gho_" + secrets.token_hex(16)
        gh.tokens[token] = grant["login"]
        return JSONResponse({"access_token": token, "token_type": "bearer", "scope": "read:user,user:email"})

    def _user(authorization: str) -> dict[str, Any]:
        login = gh.tokens.get(authorization.removeprefix("Bearer ").removeprefix("token "))
        if login is None:
            raise HTTPException(401, "Bad credentials")
        return gh.users[login]

    @app.get("/user")
    def user(authorization: str = Header(default="")) -> dict[str, Any]:
        u = _user(authorization)
        return {"login": u["login"], "id": u["id"], "name": u["name"], "email": None}

    @app.get("/user/emails")
    def emails(authorization: str = Header(default="")) -> list[dict[str, Any]]:
        return list(_user(authorization)["emails"])

    return app


def impostor_app(real_issuer: str) -> FastAPI:
    """The real provider's discovery document, but a JWKS with a key the provider never signed with."""
    app = FastAPI()
    key = RSAKey.generate_key(2048, parameters={"kid": "impostor", "use": "sig", "alg": "RS256"})

    @app.get("/.well-known/openid-configuration")
    def config(request: Request) -> dict[str, Any]:
        doc = httpx.get(f"{real_issuer}/.well-known/openid-configuration").json()
        doc["jwks_uri"] = str(request.base_url).rstrip("/") + "/jwks"
        return doc  # type: ignore[no-any-return]

    @app.get("/jwks")
    def jwks() -> dict[str, Any]:
        return {"keys": [key.as_dict(private=False)]}

    return app


def approve_at_mock(authorize_url: str, sub: str, deny: bool = False) -> str:
    """Submit oidc-provider-mock's consent form as the user `sub`; return where it redirects (our callback)."""
    data = {"action": "deny"} if deny else {"sub": sub}
    r = httpx.post(authorize_url, data=data, follow_redirects=False)
    assert r.status_code == 302, r.text[:500]
    return r.headers["location"]


def query(url: str) -> dict[str, str]:
    return {k: v[0] for k, v in parse_qs(urlparse(url).query).items()}
