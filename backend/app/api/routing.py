"""A route class that commits the request's session after the endpoint returns and before the response is sent,
then publishes the events and sends the tasks the request produced (never for a rolled-back transaction)."""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from typing import Any

from fastapi import APIRouter, Request, Response
from fastapi.routing import APIRoute

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


class Router(APIRouter):
    """Every router of the API is one of these: its routes commit the request's unit of work
    (`CommittingRoute`) unless a route class is given on purpose, so a new router cannot forget to, and its writes
    are never rolled back silently. `tests/api/test_routes_commit.py` checks every route."""

    def __init__(self, *args: Any, route_class: type[APIRoute] = CommittingRoute, **kwargs: Any) -> None:
        super().__init__(*args, route_class=route_class, **kwargs)
