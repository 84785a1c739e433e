"""Every integer that reaches SQL is bounded at the edge: past 2^31-1 (PostgreSQL's integer) or 2^63-1 (past which
SQLite's driver raises OverflowError) an id or amount is a 422 in words on both databases, and a token naming such an
id is simply invalid. Never a 500.

The routes come from `app.routes`: a new route whose path id is a plain `int` fails here (use `app.core.schemas.Id`).
"""

from __future__ import annotations

import re
from datetime import timedelta
from types import SimpleNamespace
from typing import Any

import httpx
import pytest
from fastapi.routing import APIRoute

from app.api.v1 import ws
from app.core import security
from app.core.schemas import MAX_ID
from app.data.service import DOWNLOAD_PURPOSE
from tests.api.test_input_bounds import dependants, inputs_of, shape
from tests.conftest import register
from tests.factories import add_job

HUGE = [MAX_ID + 1, 2**63]  # past PostgreSQL's integer; past SQLite's


def _routes_with_int_ids(app: Any) -> list[tuple[str, str, list[str]]]:
    found = []
    for route in app.routes:
        if isinstance(route, APIRoute):
            params = [p for d in dependants(route.dependant) for p in d.path_params]
            ids = [p.name for p in params if shape(p.field_info.annotation, int, 1) == 1]
            for method in sorted(route.methods - {"HEAD", "OPTIONS"}):
                if ids:
                    found.append((method, re.sub(r"\{(\w+):\w+\}", r"{\1}", route.path), ids))
    return found


@pytest.mark.parametrize("big", HUGE)
async def test_every_id_in_a_path_is_bounded(app: Any, client: httpx.AsyncClient, big: int) -> None:
    h = await register(client)  # the first user is an administrator: admin routes get as far as their ids
    routes = _routes_with_int_ids(app)
    assert len(routes) >= 30, routes
    wrong = []
    for method, path, ids in routes:
        r = await client.request(method, path.format(**dict.fromkeys(ids, big)), headers=h)
        about_the_id = r.status_code == 422 and any(e["loc"][:1] == ["path"] for e in r.json().get("errors", []))
        if not about_the_id:
            wrong.append(f"{method} {path}: {r.status_code} {r.text[:200]}")
    assert not wrong, "\n".join(wrong)


async def test_an_out_of_range_id_in_words(client: httpx.AsyncClient) -> None:
    h = await register(client)
    r = await client.delete("/api/v1/resumes/9223372036854775808", headers=h)
    assert r.status_code == 422, r.text
    assert r.json() | {"errors": None} == {
        "detail": "Resume_id: input should be less than or equal to 2147483647.",
        "code": "validation_error",
        "errors": None,
    }


async def test_every_integer_input_is_bounded(app: Any) -> None:
    ints = inputs_of(app, int)
    assert len(ints) >= 40, ints
    unbounded = [f"{i.where} accepts {v}" for i in ints for v in [*HUGE, -(2**63) - 1] if i.accepts(i.shaped(int, v))]
    assert not unbounded, "\n".join(unbounded)


@pytest.mark.parametrize("big", HUGE)
@pytest.mark.parametrize(
    ("method", "path", "body"),
    [
        ("GET", "/api/v1/jobs?salary_min={big}", None),
        ("GET", "/api/v1/documents?job_id={big}", None),
        ("POST", "/api/v1/applications", {"job_posting_id": "{big}"}),
        ("POST", "/api/v1/interviews", {"job_posting_id": "{big}"}),
        ("POST", "/api/v1/saved-searches", {"keywords": "python", "min_salary": "{big}"}),
    ],
)
async def test_an_out_of_range_integer_in_a_query_or_body_is_a_422(
    client: httpx.AsyncClient, method: str, path: str, body: dict[str, Any] | None, big: int
) -> None:
    h = await register(client)
    await add_job(client, h)
    json = {k: big if v == "{big}" else v for k, v in body.items()} if body else None
    r = await client.request(method, path.format(big=big), headers=h, json=json)
    assert r.status_code == 422, r.text
    assert r.json()["code"] == "validation_error"


@pytest.mark.parametrize("sub", [str(2**70), str(MAX_ID + 1), "0", "²", "-1"])
async def test_a_token_naming_an_impossible_user_is_invalid(app: Any, client: httpx.AsyncClient, sub: str) -> None:
    await register(client)
    token = security.encode_token(app.state.settings.signing_key, sub, "access", timedelta(minutes=5), sid="s")
    r = await client.get("/api/v1/users/me", headers={"Authorization": f"Bearer {token}"})
    assert r.status_code == 401, r.text
    assert r.json()["code"] == "invalid_token"


async def test_a_download_link_naming_an_impossible_export_is_not_found(app: Any, client: httpx.AsyncClient) -> None:
    key = app.state.settings.signing_key
    for sub, uid in ((str(2**70), 1), ("1", 2**70)):
        token = security.encode_token(key, sub, DOWNLOAD_PURPOSE, timedelta(minutes=5), uid=uid)
        r = await client.get(f"/api/v1/exports/download?token={token}")
        assert r.status_code == 404, r.text


@pytest.mark.parametrize("last_id", HUGE)
async def test_a_websocket_resuming_after_an_impossible_id_misses_nothing(app: Any, last_id: int) -> None:
    """The `last_id` of a WebSocket auth or resume frame reaches SQL too."""
    assert await ws._missed(SimpleNamespace(app=app), 1, last_id) == []  # type: ignore[arg-type]
