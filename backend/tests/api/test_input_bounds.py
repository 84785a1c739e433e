"""What a request may carry is bounded at the edge, the same on SQLite and PostgreSQL: floats are finite, text has
no NUL character, dates fall between 1970 and 2100; and analytics still answer whatever rows are stored.

The float, date and integer checks enumerate every path, query and body input of `app.routes`, so a new field
without its bound fails here (integers: tests/api/test_big_ids.py)."""

from __future__ import annotations

import types
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Annotated, Any, Union, get_args, get_origin

import httpx
import pytest
from fastapi.dependencies.models import Dependant
from fastapi.routing import APIRoute
from pydantic import BaseModel, ConfigDict, TypeAdapter, ValidationError

from app.applications import rollups
from app.models import Application, ApplicationEvent
from app.models.application import ApplicationStatus as S
from tests.conftest import register
from tests.factories import add_job, track

_NOTHING = object()


@dataclass
class Input:
    """One value a request can carry: a path or query parameter, or a field of a body (at any depth)."""

    where: str
    annotation: Any
    metadata: list[Any]
    config: ConfigDict

    def shaped(self, leaf: type, value: Any) -> Any:
        """A value for this input with `value` where the type `leaf` goes (a list's item...), or _NOTHING."""
        return shape(self.annotation, leaf, value)

    def accepts(self, value: Any) -> bool:
        annotation = Annotated[self.annotation, *self.metadata] if self.metadata else self.annotation
        adapter: TypeAdapter[Any] = TypeAdapter(annotation, config=self.config)
        try:
            adapter.validate_python(value)
        except ValidationError:
            return False
        return True


def shape(annotation: Any, leaf: type, value: Any) -> Any:
    origin, args = get_origin(annotation), get_args(annotation)
    if origin is Annotated:
        return shape(args[0], leaf, value)
    if origin in (Union, types.UnionType):
        return next((v for arm in args if (v := shape(arm, leaf, value)) is not _NOTHING), _NOTHING)
    if origin in (list, set, frozenset, tuple):
        inner = shape(args[0], leaf, value)
        return _NOTHING if inner is _NOTHING else [inner]
    if origin is dict:
        inner = shape(args[1], leaf, value)
        return _NOTHING if inner is _NOTHING else {"key": inner}
    return value if annotation is leaf else _NOTHING


def _models(annotation: Any) -> Iterator[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        yield annotation
    for arg in get_args(annotation):
        yield from _models(arg)


def _model_inputs(where: str, model: type[BaseModel], seen: set[type[BaseModel]]) -> Iterator[Input]:
    if model in seen:
        return
    seen.add(model)
    for name, field in model.model_fields.items():
        yield Input(f"{where} {model.__name__}.{name}", field.annotation, field.metadata, model.model_config)
        for inner in _models(field.annotation):
            yield from _model_inputs(where, inner, seen)


def dependants(dependant: Dependant) -> Iterator[Dependant]:
    yield dependant
    for sub in dependant.dependencies:
        yield from dependants(sub)


def request_inputs(app: Any) -> list[Input]:
    """Every path, query, header and cookie parameter and every body field of every API route."""
    found = []
    for route in app.routes:
        if not isinstance(route, APIRoute):
            continue
        where = f"{'/'.join(sorted(route.methods - {'HEAD'}))} {route.path}"
        for dependant in dependants(route.dependant):
            params = dependant.path_params + dependant.query_params + dependant.header_params
            for p in params + dependant.cookie_params:
                found.append(Input(f"{where} {p.name}", p.field_info.annotation, p.field_info.metadata, ConfigDict()))
            for body in dependant.body_params:
                found.append(Input(f"{where} body {body.name}", body.field_info.annotation, [], ConfigDict()))
                for model in _models(body.field_info.annotation):
                    found.extend(_model_inputs(where, model, set()))
    return found


def inputs_of(app: Any, leaf: type) -> list[Input]:
    return [i for i in request_inputs(app) if i.shaped(leaf, leaf) is not _NOTHING]


class TestFiniteFloats:
    async def test_every_float_input_refuses_nan_and_infinity(self, app: Any) -> None:
        floats = inputs_of(app, float)
        assert len(floats) >= 2, floats  # position on the board, discover's min_score
        accepting = [
            f"{i.where} accepts {v}"
            for i in floats
            for v in ("nan", "inf", "-inf")
            if i.accepts(i.shaped(float, float(v)))
        ]
        assert not accepting, "\n".join(accepting)

    @pytest.mark.parametrize("literal", ["Infinity", "-Infinity", "NaN"])
    async def test_a_non_finite_position_is_a_422(self, client: httpx.AsyncClient, literal: str) -> None:
        h = await register(client)
        application = await track(client, h, (await add_job(client, h))["id"])
        r = await client.patch(
            f"/api/v1/applications/{application['id']}",
            headers={**h, "Content-Type": "application/json"},
            content=f'{{"position": {literal}}}'.encode(),
        )
        assert r.status_code == 422, r.text
        assert r.json()["code"] == "validation_error" and r.json()["detail"].startswith("Position: ")
        board = await client.get("/api/v1/applications/board", headers=h)
        assert board.status_code == 200 and board.json()["columns"][0]["items"][0]["position"] == 0.0


NUL_REQUESTS: list[tuple[str, str, dict[str, Any] | None, str]] = [
    ("POST", "/api/v1/jobs", {"title": "Back\x00end", "company": "Acme"}, "Title"),
    ("PATCH", "/api/v1/applications/{application}", {"notes": "call\x00back"}, "Notes"),
    ("PUT", "/api/v1/users/me/skills", {"skills": [{"name": "Py\x00thon"}]}, "Skills.0.name"),
    ("POST", "/api/v1/saved-searches", {"keywords": "rust\x00"}, "Keywords"),
    ("PATCH", "/api/v1/users/me", {"full_name": "Ada\x00"}, "Full_name"),
    ("POST", "/api/v1/followed-companies", {"source": "greenhouse", "token": "x\x00"}, "Token"),
    ("GET", "/api/v1/jobs?q=x%00", None, "Q"),
    ("GET", "/api/v1/jobs?company=%00", None, "Company"),
    ("GET", "/api/v1/applications?status=applied%00", None, "Status"),
]


class TestNulCharacters:
    @pytest.mark.parametrize(
        ("method", "path", "body", "field"), NUL_REQUESTS, ids=[f"{m} {p}" for m, p, *_ in NUL_REQUESTS]
    )
    async def test_a_nul_character_is_a_422_naming_the_field(
        self, client: httpx.AsyncClient, method: str, path: str, body: dict[str, Any] | None, field: str
    ) -> None:
        h = await register(client)
        application = await track(client, h, (await add_job(client, h))["id"])
        r = await client.request(method, path.format(application=application["id"]), headers=h, json=body)
        assert r.status_code == 422, r.text
        assert r.json()["code"] == "validation_error"
        assert r.json()["detail"] == f"{field}: text must not contain NUL characters (\\u0000)."
        jobs = (await client.get("/api/v1/jobs?mine=true", headers=h)).json()
        assert jobs["total"] == 1 and (await client.get("/api/v1/users/me", headers=h)).json()["skills"] == []

    async def test_a_nul_in_the_path_is_a_422(self, client: httpx.AsyncClient) -> None:
        h = await register(client)  # the first user is an administrator
        r = await client.post("/api/v1/admin/schedule/daily%00/run", headers=h)
        assert r.status_code == 422 and "NUL" in r.json()["detail"], r.text

    async def test_the_six_characters_backslash_u0000_are_ordinary_text(self, client: httpx.AsyncClient) -> None:
        h = await register(client)
        job = await add_job(client, h, title="Escape \\u0000 in C", description='"\\u0000" ends a string')
        assert job["title"] == "Escape \\u0000 in C"


DATE_REQUESTS: list[tuple[str, str, dict[str, Any] | None]] = [
    ("PATCH", "/api/v1/applications/{application}", {"applied_at": "0001-01-01T00:00:00Z"}),
    ("PATCH", "/api/v1/applications/{application}", {"status": "applied", "occurred_at": "1969-12-31T23:00:00Z"}),
    ("PATCH", "/api/v1/applications/{application}", {"applied_at": "9999-12-31T23:59:59Z"}),
    ("POST", "/api/v1/jobs", {"title": "Old", "company": "Acme", "posted_at": "0001-01-01T00:00:00Z"}),
    ("PATCH", "/api/v1/jobs/{job}", {"posted_at": "2101-01-01T00:00:00Z"}),
    ("GET", "/api/v1/jobs?posted_since=0001-01-01", None),
    ("GET", "/api/v1/analytics/summary?since=0001-01-01&until=0001-12-31", None),
    ("GET", "/api/v1/analytics/activity?since=9998-01-01&until=9999-12-31", None),
]


class TestDates:
    async def test_every_date_input_is_between_1970_and_2100(self, app: Any) -> None:
        dates = inputs_of(app, date) + inputs_of(app, datetime)
        assert len(dates) >= 8, dates
        probes = [date(1, 1, 1), date(1969, 12, 31), date(2101, 1, 1), date(9999, 12, 31)]
        accepting = [
            f"{i.where} accepts {d}"
            for i in dates
            for d in probes
            for leaf, value in ((date, d), (datetime, datetime.combine(d, datetime.min.time(), UTC)))
            if (shaped := i.shaped(leaf, value)) is not _NOTHING and i.accepts(shaped)
        ]
        assert not accepting, "\n".join(accepting)

    @pytest.mark.parametrize(("method", "path", "body"), DATE_REQUESTS, ids=[f"{m} {p}" for m, p, _ in DATE_REQUESTS])
    async def test_a_date_out_of_range_is_a_422_in_words(
        self, client: httpx.AsyncClient, method: str, path: str, body: dict[str, Any] | None
    ) -> None:
        h = await register(client)
        job = await add_job(client, h)
        application = await track(client, h, job["id"])
        r = await client.request(
            method, path.format(application=application["id"], job=job["id"]), headers=h, json=body
        )
        assert r.status_code == 422, r.text
        assert "the year must be between 1970 and 2100" in r.json()["detail"]

    async def test_the_bounds_themselves_are_accepted(self, client: httpx.AsyncClient) -> None:
        h = await register(client)
        application = await track(client, h, (await add_job(client, h))["id"])
        r = await client.patch(
            f"/api/v1/applications/{application['id']}", headers=h, json={"applied_at": "1970-01-01T00:00:00Z"}
        )
        assert r.status_code == 200, r.text
        r = await client.get("/api/v1/analytics/activity?since=2100-01-01&until=2100-12-31", headers=h)
        assert r.status_code == 200, r.text


# Moments no request can store any more, as older versions (or a hand-edited database) may have: asyncpg writes the
# first and last as -infinity and infinity on PostgreSQL. (Events were never stored at those two: the rollups that
# run with every status change fail on them, and the change with them.)
EXTREMES = [
    datetime.min.replace(tzinfo=UTC),
    datetime(1, 1, 2, tzinfo=UTC),
    datetime(1969, 12, 31, 23, tzinfo=UTC),
    datetime(9999, 12, 31, 23, 59, 59, tzinfo=UTC),
    datetime.max.replace(tzinfo=UTC),
]
ANALYTICS = [
    "/api/v1/analytics/summary",
    "/api/v1/analytics/success-rates",
    "/api/v1/analytics/time-in-stage",
    "/api/v1/analytics/activity",
    "/api/v1/analytics/skill-trends?scope=tracked",
    "/api/v1/analytics/skill-gap",
    "/api/v1/achievements",
    "/api/v1/users/me/today",
    "/api/v1/applications/board",
]


class TestAnalyticsSurviveAnyStoredRow:
    @pytest.mark.parametrize("timezone", ["UTC", "America/Los_Angeles", "Pacific/Kiritimati"])
    async def test_rows_from_year_1_to_9999_do_not_break_analytics(
        self, app: Any, client: httpx.AsyncClient, timezone: str
    ) -> None:
        h = await register(client, timezone=timezone)  # local days a day before year 1 and after 9999 in UTC
        user_id = int((await client.get("/api/v1/users/me", headers=h)).json()["id"])
        jobs = [(await add_job(client, h, title=f"Job {n}"))["id"] for n in range(len(EXTREMES))]
        async with app.state.session_factory() as s:
            for job_id, at in zip(jobs, EXTREMES, strict=True):
                application = Application(
                    user_id=user_id, job_posting_id=job_id, status=S.interview, applied_at=at, status_changed_at=at
                )
                s.add(application)
                await s.flush()
                event_at = min(max(at, EXTREMES[1]), EXTREMES[-2])
                s.add_all(
                    ApplicationEvent(
                        application_id=application.id, user_id=user_id, from_status=f, to_status=t, at=event_at
                    )
                    for f, t in ((None, S.interested), (S.interested, S.applied), (S.applied, S.interview))
                )
            await rollups.refresh(s, Application.user_id == user_id)
            await s.commit()
        failed = {}
        for path in ANALYTICS:
            r = await client.get(path, headers=h)
            if r.status_code != 200:
                failed[path] = r.text
        assert not failed, failed
        months = (await client.get("/api/v1/analytics/success-rates", headers=h)).json()["by_month"]
        assert all(len(m["month"]) == 7 for m in months), months  # a month PostgreSQL cannot name is left out
