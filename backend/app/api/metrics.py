"""`/metrics`: this process's Prometheus metrics, for the scraper only.

Who may read them: a direct (unproxied) connection from an address in METRICS_ALLOW_IPS (loopback and private
networks by default), or anyone presenting `Authorization: Bearer <METRICS_TOKEN>` when that is set. A request
that came through a proxy (X-Forwarded-For, Forwarded or X-Real-IP present) never passes on its address alone:
behind a proxy trusted with FORWARDED_ALLOW_IPS="*" the client names its own address, and behind an untrusted
one every visitor seems to come from the proxy's private address. Prometheus scrapes each web process directly
(the counters are per process), so it needs neither the proxy nor a token on a private network."""

from __future__ import annotations

import hmac

from fastapi import APIRouter, Request, Response

from app.core import metrics
from app.core.config import Settings
from app.core.exceptions import Forbidden

router = APIRouter()

PROXY_HEADERS = (b"x-forwarded-for", b"forwarded", b"x-real-ip")


class MetricsForbidden(Forbidden):
    code = "metrics_forbidden"


def _token_presented(request: Request, settings: Settings) -> bool:
    if settings.metrics_token is None:
        return False
    scheme, _, presented = request.headers.get("authorization", "").partition(" ")
    expected = settings.metrics_token.get_secret_value()
    return scheme.lower() == "bearer" and bool(expected) and hmac.compare_digest(presented.strip(), expected)


def may_scrape(request: Request, settings: Settings) -> bool:
    if _token_presented(request, settings):
        return True
    proxied = any(name in PROXY_HEADERS for name, _ in request.scope["headers"])
    host = request.client.host if request.client else None
    return not proxied and metrics.address_allowed(host, settings.metrics_allow_ips)


@router.get("/metrics", include_in_schema=False)
async def prometheus_metrics(request: Request) -> Response:
    """Prometheus exposition of request latency, tasks, cache, job boards and AI usage."""
    if not may_scrape(request, request.app.state.settings):
        raise MetricsForbidden(
            "Metrics are served to addresses in METRICS_ALLOW_IPS connecting directly, "
            "or with `Authorization: Bearer <METRICS_TOKEN>`."
        )
    body, content_type = metrics.exposition(request.headers.get("accept"))
    return Response(body, media_type=content_type, headers={"Cache-Control": "no-store"})
