"""The FastAPI application: API routers, health checks, the built React app, and the parts chosen by settings."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import structlog
from fastapi import FastAPI, Request
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from sqlalchemy import text
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import BaseRoute
from uvicorn.middleware.proxy_headers import ProxyHeadersMiddleware

from app.api.metrics import router as metrics_router
from app.api.openapi import install_error_schema
from app.api.v1 import api_router
from app.api.v1.ws import ServerEvent
from app.core.cache import make_cache
from app.core.config import Settings, get_settings
from app.core.db import make_engine, make_session_factory
from app.core.events import make_bus
from app.core.exceptions import install_exception_handlers
from app.core.logging import RequestIdMiddleware
from app.core.mail import Mailer
from app.core.middleware import BodySizeLimitMiddleware, RequestMetricsMiddleware, SecurityHeadersMiddleware
from app.core.ratelimit import RateLimiter
from app.llm.providers import check_provider_setting
from app.realtime.hub import Hub
from app.resumes.parsing import MAX_RESUME_BYTES
from app.tasks import runtime
from app.tasks.celery_app import configure_celery
from app.tasks.embedded import EmbeddedCelery

log = structlog.get_logger(__name__)

FRONTEND_MISSING = """<!doctype html><html><head><title>Career Copilot</title></head>
<body style="font-family:system-ui;max-width:40rem;margin:4rem auto;padding:0 1rem">
<h1>Career Copilot</h1><p>The API is running, but the web app has not been built yet.
Run <code>make run</code> (or <code>cd frontend &amp;&amp; npm ci &amp;&amp; npm run build</code>) and reload.</p>
<p>API documentation: <a href="/docs">/docs</a></p></body></html>"""


def _api_routes() -> list[BaseRoute]:
    """The API's routes, as `api_router` and `metrics_router` built them at import: full paths, the API's shared
    dependencies. Building a route (its dependency tree, its request and response models) is the costly part of
    `create_app`, ~0.4 s for the ~120 routes, which `include_router` would pay again for every app (and the tests make
    thousands). A route holds nothing of the app it serves: it reads the app through the request
    (`request.app.state`), so apps share them. FastAPI's one app reference on a route, for
    `app.dependency_overrides`, is unused here: tests run real parts."""
    return [*api_router.routes, *metrics_router.routes]


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or get_settings()
    check_provider_setting(settings.llm_provider)
    _ = settings.signing_key  # generate and persist the key at start, not on the first request

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        log.info("startup", database=app.state.engine.url.get_backend_name(), redis=bool(settings.redis_url))
        try:
            await app.state.bus.start()
        except Exception as exc:  # Redis down: the app serves, real time is degraded until it returns
            log.error("event_bus_unavailable", error=str(exc))
        runtime.configure(settings, app.state.bus)
        embedded = None
        if settings.runs_embedded_worker:
            embedded = EmbeddedCelery(celery, settings.worker_concurrency)
            await asyncio.to_thread(embedded.start)
        yield
        if embedded is not None:
            await asyncio.to_thread(embedded.stop)
        await app.state.bus.stop()
        await app.state.engine.dispose()

    app = FastAPI(
        title="Career Copilot",
        version="0.1.0",
        summary="Self-hosted, AI-assisted job-search copilot",
        lifespan=lifespan,
        docs_url="/docs",
        redoc_url=None,
    )
    app.state.settings = settings
    app.state.engine = make_engine(settings)
    app.state.session_factory = make_session_factory(app.state.engine)
    app.state.rate_limiter = RateLimiter(settings.redis_url)
    app.state.mailer = Mailer(settings)
    app.state.bus = make_bus(settings.redis_url)
    app.state.hub = Hub()
    app.state.cache = make_cache(settings.redis_url)
    app.state.bus.add_listener(app.state.hub.on_event)
    celery = configure_celery(settings)

    install_exception_handlers(app)
    install_error_schema(app, extra={"ServerEvent": ServerEvent})
    app.router.routes.extend(_api_routes())
    _add_health_routes(app)
    _mount_frontend(app, settings.frontend_dist)

    # Outermost last: request id → proxy headers → security headers → metrics → body limit → CORS → app.
    if settings.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=settings.cors_origins,
            allow_credentials=True,
            allow_methods=["*"],
            allow_headers=["Authorization", "Content-Type", "X-Requested-With", "X-Request-ID"],
        )
    app.add_middleware(
        BodySizeLimitMiddleware,
        max_bytes=settings.max_body_bytes,
        # A resume may be 5 MB; the multipart envelope around it needs a little more. The route checks the file.
        overrides={"/api/v1/users/me/import": settings.max_import_bytes, "/api/v1/resumes": MAX_RESUME_BYTES + 65536},
    )
    app.add_middleware(RequestMetricsMiddleware)
    app.add_middleware(SecurityHeadersMiddleware)
    app.add_middleware(ProxyHeadersMiddleware, trusted_hosts=settings.forwarded_allow_ips)
    app.add_middleware(RequestIdMiddleware)
    return app


def _add_health_routes(app: FastAPI) -> None:
    @app.get("/healthz", tags=["health"], operation_id="health-live")
    async def healthz() -> dict[str, str]:
        """The process is up."""
        return {"status": "ok"}

    @app.get("/readyz", tags=["health"], operation_id="health-ready", responses={503: {"description": "Not ready"}})
    async def readyz(request: Request) -> JSONResponse:
        """The database answers."""
        try:
            async with request.app.state.engine.connect() as conn:
                await conn.execute(text("SELECT 1"))
        except Exception as exc:  # any driver error means "not ready", never a crash
            log.warning("readyz_failed", error=str(exc))
            return JSONResponse({"status": "unavailable", "database": "unreachable"}, status_code=503)
        return JSONResponse({"status": "ok", "database": "ok"})


def _mount_frontend(app: FastAPI, dist: Path) -> None:
    """Serve the built SPA: real files as they are, every other non-API path gets index.html."""
    assets = dist / "assets"
    if assets.is_dir():
        app.mount("/assets", StaticFiles(directory=assets), name="assets")

    dist = dist.resolve()

    # A sync endpoint: FastAPI runs it in the threadpool, so the filesystem checks never block the event loop.
    @app.get("/{path:path}", include_in_schema=False, response_model=None)
    def spa(path: str) -> FileResponse | HTMLResponse:
        if path == "api" or path.startswith("api/"):
            raise StarletteHTTPException(status_code=404)
        index = dist / "index.html"
        if not index.is_file():
            return HTMLResponse(FRONTEND_MISSING, status_code=200)
        candidate = (dist / path).resolve()
        if path and candidate.is_file() and candidate.is_relative_to(dist):
            return FileResponse(candidate)
        return FileResponse(index, headers={"Cache-Control": "no-cache"})
