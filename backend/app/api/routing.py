"""A route class that commits the request's session after the endpoint returns and before the response is sent,
then publishes the events and sends the tasks the request produced (never for a rolled-back transaction)."""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from typing import Any

from fastapi import APIRouter, Depends, Request, Response
from fastapi.responses import JSONResponse
from fastapi.routing import APIRoute
from pydantic_core import to_json

from app.api.deps import reject_nul_characters
from app.core.events import discard_events, flush_events
from app.tasks.registry import discard_tasks, flush_tasks


class CommittingRoute(APIRoute):
    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()

        async def commit_then_respond(request: Request) -> Response:
            response = await handler(request)
            session = getattr(request.state, "db_session", None)
            if session is not None and response.status_code < 400:
                await session.commit()
                await flush_events(session, request.app.state.bus)
                await flush_tasks(session)
            elif session is not None:
                discard_events(session)
                discard_tasks(session)
            return response

        return commit_then_respond


class FastJSONResponse(JSONResponse):
    """JSON rendered by pydantic-core (Rust) instead of `json.dumps`: the same compact UTF-8 output, about four
    times faster on a board of 200 cards. A NaN or infinity becomes null (json.dumps would fail the request)."""

    def render(self, content: Any) -> bytes:
        return to_json(content, inf_nan_mode="null")


API_PREFIX = "/api/v1"


class Router(APIRouter):
    """Every router of the API is one of these: its routes commit the request's unit of work
    (`CommittingRoute`) unless a route class is given on purpose, so a new router cannot forget to, and its writes
    are never rolled back silently. `tests/api/test_routes_commit.py` checks every route.

    Its routes are built whole where they are declared: under `/api/v1` (`prefix` is the part after it) and with the
    checks every API route runs (`reject_nul_characters`). `app.api.v1` lists them as they are, and every app shares
    them (`app.main`), since building a route is the costly part of starting (see docs/performance.md)."""

    def __init__(
        self,
        *args: Any,
        prefix: str = "",
        route_class: type[APIRoute] = CommittingRoute,
        dependencies: list[Any] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(
            *args,
            prefix=API_PREFIX + prefix,
            route_class=route_class,
            dependencies=[Depends(reject_nul_characters), *(dependencies or [])],
            default_response_class=kwargs.pop("default_response_class", FastJSONResponse),
            **kwargs,
        )
