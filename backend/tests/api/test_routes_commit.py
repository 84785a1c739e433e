"""Every HTTP route under /api/v1 commits its unit of work (`CommittingRoute`): a router built without it would roll
its writes back silently. The app's `Router` makes it the default; this test catches a plain `APIRouter`."""

from __future__ import annotations

import inspect

from fastapi.dependencies.models import Dependant
from fastapi.routing import APIRoute

from app.api.routing import CommittingRoute
from app.main import create_app
from tests.conftest import make_settings


def test_every_api_route_commits(tmp_path: object) -> None:
    app = create_app(make_settings("sqlite:///:memory:", tmp_path))  # type: ignore[arg-type]
    routes = [r for r in app.routes if isinstance(r, APIRoute) and r.path.startswith("/api/v1")]
    assert len(routes) > 100  # the whole API, not an empty list that would pass anything
    plain = sorted(f"{sorted(r.methods)} {r.path}" for r in routes if not isinstance(r, CommittingRoute))
    assert plain == [], "routes that would not commit their writes (build their router with app.api.routing.Router)"


def _sync_calls(dependant: Dependant) -> list[str]:
    """The dependencies (and the endpoint) of a route that FastAPI would run in its threadpool."""
    found: list[str] = []
    call = dependant.call
    if call is not None and not (
        inspect.iscoroutinefunction(call)
        or inspect.isasyncgenfunction(call)
        or inspect.iscoroutinefunction(type(call).__call__)  # an instance such as HTTPBearer()
    ):
        found.append(getattr(call, "__qualname__", repr(call)))
    for sub in dependant.dependencies:
        found += _sync_calls(sub)
    return found


def test_no_api_route_hops_to_the_threadpool(tmp_path: object) -> None:
    """A plain `def` dependency or endpoint is run in a worker thread on every request: two thread switches for
    what is usually a dictionary lookup, and a wait for a free thread under load. Every API dependency is async."""
    app = create_app(make_settings("sqlite:///:memory:", tmp_path))  # type: ignore[arg-type]
    routes = [r for r in app.routes if isinstance(r, APIRoute) and r.path.startswith("/api/v1")]
    assert len(routes) > 100
    sync = sorted({f"{name} (in {sorted(r.methods)} {r.path})" for r in routes for name in _sync_calls(r.dependant)})
    assert sync == [], "make these `async def` (they do no blocking I/O)"
