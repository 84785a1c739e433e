"""Every HTTP route under /api/v1 commits its unit of work (`CommittingRoute`): a router built without it would roll
its writes back silently. The app's `Router` makes it the default; this test catches a plain `APIRouter`."""

from __future__ import annotations

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
