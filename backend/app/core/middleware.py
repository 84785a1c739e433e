"""ASGI middleware: security headers, the request body limit (413) and request metrics (latency by route template,
open sockets)."""

from __future__ import annotations

import json
import time

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.core import metrics

# The React app loads only its own bundles. Mantine injects <style> elements and components set style attributes,
# hence 'unsafe-inline' for styles only. CSP Level 3 'self' also matches ws:/wss: on the same host and port, which
# is all the WebSocket needs (tests/browser prove it for Chromium: every browser test fails on a violation).
APP_CSP = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)
# FastAPI's /docs page loads Swagger UI from jsDelivr and starts it with an inline script. It shows no user data
# of its own, so it alone gets a policy that allows both rather than a copy of Swagger UI in the repository.
DOCS_CSP = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self' https://cdn.jsdelivr.net 'unsafe-inline'",
        "style-src 'self' https://cdn.jsdelivr.net 'unsafe-inline'",
        "img-src 'self' data: https://fastapi.tiangolo.com",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)
DOCS_PATHS = frozenset({"/docs", "/docs/oauth2-redirect"})
HSTS = "max-age=31536000; includeSubDomains"


def security_headers(path: str, https: bool) -> dict[str, str]:
    """The security headers of a response to `path`; Cache-Control only as a default for the API (see below)."""
    headers = {
        "Content-Security-Policy": DOCS_CSP if path in DOCS_PATHS else APP_CSP,
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "strict-origin-when-cross-origin",
    }
    if https:
        headers["Strict-Transport-Security"] = HSTS
    if path == "/api" or path.startswith("/api/"):
        headers["Cache-Control"] = "no-store"
    return headers


class SecurityHeadersMiddleware:
    """Add the security headers to every HTTP response, in one place (docs/security.md lists them).

    Routes keep the say on caching: an /api response without its own Cache-Control gets `no-store` (personal
    data), one that sets it is left alone. HSTS is sent only over https, read from the scope, so the proxy
    headers middleware must run outside this one (`X-Forwarded-Proto` from a trusted proxy)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        wanted = security_headers(scope["path"], scope.get("scheme") == "https")

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in wanted.items():
                    if name != "Cache-Control" or "cache-control" not in headers:  # a route's own caching stands
                        headers[name] = value
            await send(message)

        await self.app(scope, receive, send_with_headers)


class BodyTooLarge(Exception):
    pass


class BodySizeLimitMiddleware:
    """Refuse bodies over `max_bytes` with 413, whether announced by Content-Length or streamed chunked.

    Upload routes that need more declare their own limit by path prefix in `overrides`."""

    def __init__(self, app: ASGIApp, max_bytes: int, overrides: dict[str, int] | None = None) -> None:
        self.app = app
        self.max_bytes = max_bytes
        self.overrides = overrides or {}

    def _limit_for(self, path: str) -> int:
        for prefix, limit in self.overrides.items():
            if path.startswith(prefix):
                return limit
        return self.max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self._limit_for(scope["path"])
        length = dict(scope["headers"]).get(b"content-length")
        if length is not None and length.isdigit() and int(length) > limit:
            await self._reject(send, limit)
            return
        received = 0
        too_large = False
        rejected = False

        async def limited_receive() -> Message:
            nonlocal received, too_large
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    too_large = True
                    raise BodyTooLarge
            return message

        async def guarded_send(message: Message) -> None:
            # The framework may turn our exception into its own 400 ("error parsing the body"): answer 413.
            nonlocal rejected
            if too_large:
                if not rejected:
                    rejected = True
                    await self._reject(send, limit)
                return
            await send(message)

        try:
            await self.app(scope, limited_receive, guarded_send)
        except BodyTooLarge:
            if not rejected:
                rejected = True
                await self._reject(send, limit)

    @staticmethod
    async def _reject(send: Send, limit: int) -> None:
        mb = limit / (1024 * 1024)
        body = json.dumps(
            {
                "detail": f"The request body is larger than the {mb:g} MB this endpoint accepts.",
                "code": "payload_too_large",
            }
        ).encode()
        await send(
            {
                "type": "http.response.start",
                "status": 413,
                "headers": [
                    (b"content-type", b"application/json"),
                    (b"content-length", str(len(body)).encode()),
                ],
            }
        )
        await send({"type": "http.response.body", "body": body})


class RequestMetricsMiddleware:
    """Time every HTTP request into `copilot_http_request_duration_seconds` and count open WebSockets.

    The route label is the template the router matched (`/api/v1/jobs/{job_id}`), read from the scope after the
    app ran, so ids never become label values; a mounted app (static assets) is labelled by its mount path and a
    request nothing answered as "unmatched". The scrape itself (`/metrics`) is not timed."""

    def __init__(self, app: ASGIApp, exclude: frozenset[str] = frozenset({"/metrics"})) -> None:
        self.app = app
        self.exclude = exclude

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "websocket":
            await self._socket(scope, receive, send)
            return
        if scope["type"] != "http" or scope["path"] in self.exclude:
            await self.app(scope, receive, send)
            return
        root_path = scope.get("root_path", "")
        started = time.perf_counter()
        status = 500  # the app raised before it answered: the server error middleware answers 500

        async def timed_send(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, timed_send)
        finally:
            metrics.observe_request(
                scope["method"], _route_label(scope, root_path), status, time.perf_counter() - started
            )

    async def _socket(self, scope: Scope, receive: Receive, send: Send) -> None:
        accepted = False

        async def counting_send(message: Message) -> None:
            nonlocal accepted
            await send(message)
            if message["type"] == "websocket.accept" and not accepted:
                accepted = True
                metrics.WEBSOCKETS_OPEN.inc()

        try:
            await self.app(scope, receive, counting_send)
        finally:
            if accepted:
                metrics.WEBSOCKETS_OPEN.dec()


def _route_label(scope: Scope, root_path: str) -> str:
    route = scope.get("route")
    path = getattr(route, "path", None)
    if isinstance(path, str):
        return path
    mounted = scope.get("root_path", "")
    if isinstance(mounted, str) and mounted != root_path and mounted.startswith(root_path):
        return f"{mounted[len(root_path) :]}/{{path}}"
    return metrics.UNMATCHED
