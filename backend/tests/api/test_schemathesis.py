"""Schemathesis against the whole API, in process: no generated request gets a 5xx, and every response matches the
OpenAPI document (status code and body), as a normal user and, for the administrators' operations, as an
administrator.

The operations come from the app's own document, so a new route is fuzzed the day it lands (or excluded below with
a reason). Every example is sent twice: as generated (ids are random, so mostly 404 or 422) and with the path ids of
the user's real objects, so the 200 bodies are checked too. An operation that ends or changes the caller's account
runs as a new account per example; a DELETE of an object gets a fresh object per example.

Bounded for `make test`: a few examples per operation and generation mode, derandomized (the same examples on every
run, so a failure is never a flake); fewer on PostgreSQL. SCHEMATHESIS_EXAMPLES raises the count for a deeper run.
Nothing leaves the process: outbound HTTP (LLM providers, job boards, link import) fails as unreachable, mail is off
(no SMTP host in the test settings), tasks go to the in-memory broker and are never run."""

from __future__ import annotations

import asyncio
import functools
import json
import os
import tempfile
import types
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import httpx
import pytest
import requests
import schemathesis
from fastapi.routing import APIRoute
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error

from app.api.deps import get_admin_user
from app.jobs import url_import
from app.main import create_app
from tests import transaction_guard
from tests.conftest import STRONG_PASSWORD, _truncate_all, make_settings

T = TypeVar("T")

EXAMPLES = {"sqlite": 8, "postgresql": 3}
DEEP = int(os.environ.get("SCHEMATHESIS_EXAMPLES", "0"))
CHECKS = [
    not_a_server_error,
    schemathesis.checks.response_schema_conformance,
    schemathesis.checks.status_code_conformance,
    schemathesis.checks.content_type_conformance,
]

# What the web app sends with every request (the CSRF guard of the cookie-authenticated operations asks for it).
SPA_HEADER = {"X-Requested-With": "XMLHttpRequest"}
# (method, path) -> why it is not fuzzed here.
EXCLUDED: dict[tuple[str, str], str] = {
    ("POST", "/api/v1/jobs/import-url"): (
        "fetches the link's page over the network: test_link_import_conforms fuzzes it with a stub resolver and an "
        "in-process career site answering instead"
    ),
}
# Operations that end or change the caller's account or session: each example runs as a new account.
THROWAWAY_ACCOUNT = {
    ("POST", "/api/v1/auth/logout"),
    ("DELETE", "/api/v1/users/me"),
    ("POST", "/api/v1/auth/password/change"),
}


def _admin_only(route: APIRoute) -> bool:
    pending = [route.dependant]
    while pending:
        dependant = pending.pop()
        if dependant.call is get_admin_user:
            return True
        pending.extend(dependant.dependencies)
    return False


@functools.cache
def _operations() -> list[tuple[str, str, bool]]:
    """(method, path, administrators only) for every operation in the document, from the app itself."""
    with tempfile.TemporaryDirectory() as tmp:
        app = create_app(make_settings(f"sqlite:///{tmp}/openapi.db", Path(tmp)))
        admin_paths = {
            (method, route.path)
            for route in app.routes
            if isinstance(route, APIRoute)
            for method in route.methods
            if _admin_only(route)
        }
        doc = app.openapi()
    return [
        (method.upper(), path, (method.upper(), path) in admin_paths)
        for path, item in doc["paths"].items()
        for method in item
        if method in ("get", "post", "put", "patch", "delete")
    ]


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "operation" not in metafunc.fixturenames:
        return
    params = []
    for method, path, admin_only in _operations():
        if (method, path) in EXCLUDED:
            continue
        params.append(pytest.param((method, path, "user"), id=f"user-{method} {path}"))
        if admin_only:
            params.append(pytest.param((method, path, "admin"), id=f"admin-{method} {path}"))
    metafunc.parametrize("operation", params)


def test_every_exclusion_is_still_an_operation() -> None:
    documented = {(method, path) for method, path, _ in _operations()}
    assert set(EXCLUDED) <= documented
    assert documented >= THROWAWAY_ACCOUNT


@dataclass
class World:
    """The app under test, its loop, and a user with one of each of their objects."""

    app: Any
    client: httpx.AsyncClient
    loop: asyncio.AbstractEventLoop
    database: str
    admin: dict[str, str]
    user: dict[str, str]
    stranger: dict[str, str]
    ids: dict[str, Any]
    accounts: int = 0
    schema: Any = field(default=None)

    def run(self, coro: Awaitable[T]) -> T:
        """Run a coroutine on the test's loop from Hypothesis's thread."""
        return asyncio.run_coroutine_threadsafe(coro, self.loop).result(timeout=60)  # type: ignore[arg-type]

    async def request(self, method: str, url: str, **kwargs: Any) -> httpx.Response:
        try:
            return await self.client.request(method, url, **kwargs)
        finally:
            self.client.cookies.clear()  # the bearer header is the identity, never a cookie from an earlier answer

    async def new_account(self) -> dict[str, str]:
        self.accounts += 1
        return await _register(self, f"throwaway{self.accounts}@example.com")


async def _register(world: World, email: str) -> dict[str, str]:
    r = await world.request(
        "POST", "/api/v1/auth/register", json={"email": email, "password": STRONG_PASSWORD, "full_name": "Fuzz"}
    )
    assert r.status_code == 201, r.text
    return {"Authorization": f"Bearer {r.json()['access_token']}"}


async def _ok(response: httpx.Response, status: int = 200) -> Any:
    assert response.status_code == status, response.text
    return response.json() if response.content else None


async def _objects(world: World, headers: dict[str, str]) -> dict[str, Any]:
    """One of each object a user has (the recipe of test_ownership.py), keyed by the path parameter naming it."""
    from app.models.sources import JobMatch
    from app.notifications.service import notify
    from app.tasks.registry import discard_tasks, enqueue
    from tests.interviews.worker import prepare

    r = world.request
    job = await _ok(
        await r("POST", "/api/v1/jobs", headers=headers, json={"title": "Backend Engineer", "company": "Acme"}), 201
    )
    application = await _ok(
        await r("POST", "/api/v1/applications", headers=headers, json={"job_posting_id": job["id"]}), 201
    )
    me = await _ok(await r("GET", "/api/v1/auth/me", headers=headers))
    async with world.app.state.session_factory() as s:
        note = await notify(s, me["id"], "test", "Fuzz")
        run = enqueue(s, "auth.purge_expired", user_id=me["id"])
        match = JobMatch(user_id=me["id"], job_posting_id=job["id"], score=0.9, matched_skills=[], missing_skills=[])
        s.add(match)
        await s.commit()
        discard_tasks(s)
    export = await _ok(await r("POST", "/api/v1/users/me/exports", headers=headers), 202)
    search = await _ok(await r("POST", "/api/v1/saved-searches", headers=headers, json={"keywords": "rust"}), 201)
    followed = await _ok(
        await r("POST", "/api/v1/followed-companies", headers=headers, json={"source": "lever", "token": "acme"}), 201
    )
    resume_file = {"file": ("cv.txt", b"Ada Example\nSkills: Python, PostgreSQL\n", "text/plain")}
    resume = await _ok(await r("POST", "/api/v1/resumes", headers=headers, files=resume_file), 202)
    skills = {"skills": [{"name": "Python"}]}
    await _ok(await r("PUT", "/api/v1/users/me/skills", headers=headers, json=skills))
    document = await _ok(
        await r("POST", f"/api/v1/jobs/{job['id']}/documents", headers=headers, json={"kind": "cover_letter"}), 202
    )
    # As if the worker had written it (no worker runs here), so that export, edit and versions reach their 200s.
    from app.models.content import GeneratedDocument, GenerationStatus

    async with world.app.state.session_factory() as s:
        row = await s.get(GeneratedDocument, document["id"])
        row.status, row.title, row.content = GenerationStatus.ready, "Letter", "Dear Acme,\n\nI build APIs.\n"
        await s.commit()
    interview = await _ok(
        await r("POST", "/api/v1/interviews", headers=headers, json={"job_posting_id": job["id"]}), 202
    )
    await prepare(world.app, interview["id"], 5)
    questions = (await _ok(await r("GET", f"/api/v1/interviews/{interview['id']}", headers=headers)))["questions"]
    return {
        "job_id": job["id"],
        "application_id": application["id"],
        "notification_id": note.id,
        "run_id": run.id,
        "match_id": match.id,
        "export_id": export["id"],
        "search_id": search["id"],
        "follow_id": followed["id"],
        "resume_id": resume["id"],
        "document_id": document["id"],
        "session_id": interview["id"],
        "answer_id": questions[0]["id"],
        "key": "evening-summaries",
        "provider": "google",
    }


@pytest.fixture(scope="module")
def offline() -> Iterator[None]:
    """Outbound HTTP (httpx, and httpx2 under the OpenAI SDK) fails as unreachable, after the transaction check."""
    patch = pytest.MonkeyPatch()
    for module in transaction_guard._http_modules():

        async def unreachable(self: Any, request: Any, _module: types.ModuleType = module) -> Any:
            transaction_guard._check(request)
            raise _module.ConnectError(f"no network in the API fuzz test: {request.url}", request=request)

        patch.setattr(module.AsyncHTTPTransport, "handle_async_request", unreachable)
    yield
    patch.undo()


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def fuzz_database(request: pytest.FixtureRequest) -> tuple[str, str]:
    """(name, URL): the session's databases, migrated (PostgreSQL skipped when it is not running)."""
    return request.param, str(request.getfixturevalue(f"{request.param.replace('postgresql', 'postgres')}_url"))


@pytest.fixture(scope="module")
async def world(fuzz_database: tuple[str, str], tmp_root: Path, offline: None) -> AsyncIterator[World]:
    name, url = fuzz_database
    # Sign-ups: one new account per example of the operations that end the caller's account.
    app = create_app(make_settings(url, tmp_root, register_rate_limit="100000/hour"))
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)  # a crash is a 500 to check
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
        world = World(app, client, asyncio.get_running_loop(), name, {}, {}, {}, {})
        world.admin = await _register(world, "root@example.com")  # the first account administers the server
        world.user = await _register(world, "ada@example.com")
        world.stranger = await _register(world, "stranger@example.com")
        world.ids = await _objects(world, world.user)
        world.schema = schemathesis.openapi.from_dict(app.openapi())
        yield world
    await _truncate_all(app.state.engine)
    await app.state.engine.dispose()


# A DELETE of the user's object gets a new object per example, so the shared ones stay for the other operations.
async def _new_job(world: World) -> int:
    r = await world.request("POST", "/api/v1/jobs", headers=world.user, json={"title": "Doomed", "company": "Acme"})
    return int((await _ok(r, 201))["id"])


async def _new(world: World, path: str, body: dict[str, Any] | None = None, **kwargs: Any) -> int:
    r = await world.request("POST", path, headers=world.user, json=body, **kwargs)
    assert r.status_code in (201, 202), r.text
    return int(r.json()["id"])


async def _new_application(world: World) -> int:
    return await _new(world, "/api/v1/applications", {"job_posting_id": await _new_job(world)})


async def _new_document(world: World) -> int:
    return await _new(world, f"/api/v1/jobs/{await _new_job(world)}/documents", {"kind": "cover_letter"})


async def _new_interview(world: World) -> int:
    return await _new(world, "/api/v1/interviews", {"job_posting_id": await _new_job(world)})


async def _new_follow(world: World) -> int:
    world.accounts += 1  # a counter for unique names
    return await _new(world, "/api/v1/followed-companies", {"source": "lever", "token": f"acme{world.accounts}"})


async def _new_resume(world: World) -> int:
    r = await world.request(
        "POST", "/api/v1/resumes", headers=world.user, files={"file": ("cv.txt", b"Ada\nSkills: Go\n", "text/plain")}
    )
    return int((await _ok(r, 202))["id"])


FRESH: dict[str, Callable[[World], Awaitable[int]]] = {
    "job_id": _new_job,
    "application_id": _new_application,
    "document_id": _new_document,
    "session_id": _new_interview,
    "follow_id": _new_follow,
    "search_id": lambda world: _new(world, "/api/v1/saved-searches", {"keywords": "doomed"}),
    "resume_id": _new_resume,
}


async def _send(world: World, case: Any, headers: dict[str, str]) -> httpx.Response:
    """The case on the wire as Schemathesis encodes it (JSON, multipart, query), sent to the app in process."""
    kwargs = case.as_transport_kwargs(base_url="http://testserver", headers={**headers, **SPA_HEADER})
    wanted = ("method", "url", "headers", "params", "data", "json", "files", "cookies")
    prepared = requests.Request(**{k: v for k, v in kwargs.items() if k in wanted}).prepare()
    body = prepared.body.encode() if isinstance(prepared.body, str) else prepared.body
    return await world.request(
        prepared.method or "GET", prepared.url or "", headers=dict(prepared.headers), content=body
    )


class Checker:
    """Validates each response against the document, keeping every failure (with a curl line to reproduce it)."""

    def __init__(self) -> None:
        self.sent = 0
        self.failures: list[str] = []

    def __call__(self, case: Any, response: httpx.Response) -> None:
        self.sent += 1
        try:
            case.validate_response(response, checks=CHECKS)
        except (AssertionError, BaseExceptionGroup) as exc:  # Schemathesis's FailureGroup: each failed check
            self.failures.append(f"{case.as_curl_command()}\n-> {response.status_code} {response.text[:500]}\n{exc}")

    def verdict(self) -> str:
        return f"{len(self.failures)} of {self.sent} requests failed:\n\n" + "\n\n".join(self.failures[:3])


def _examples(operation: Any, count: int, each: Callable[[Any], None]) -> None:
    """`each` on `count` valid and `count` invalid examples of the operation (Schemathesis's positive and negative
    generation), without shrinking: a failure is reported as found, with its curl line."""
    for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):

        @settings(
            max_examples=count,
            phases=[Phase.explicit, Phase.generate],
            deadline=None,
            derandomize=not DEEP,  # the same examples on every `make test`; a deep run explores
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        @given(case=operation.as_strategy(generation_mode=mode))
        def run(case: Any) -> None:
            each(case)

        try:
            run()
        except Unsatisfiable:
            if mode is not GenerationMode.NEGATIVE:
                raise  # nothing to make invalid (no parameters, no body) is fine; nothing valid is not


def _fuzz(world: World, method: str, path: str, role: str) -> Checker:
    check = Checker()

    def one(case: Any) -> None:
        if (method, path) in THROWAWAY_ACCOUNT:
            headers = stranger = world.run(world.new_account())
        else:
            headers = world.admin if role == "admin" else world.user
            # Generated ids are small numbers, like the user's own: as someone else, a DELETE cannot remove them.
            stranger = world.admin if role == "admin" else world.stranger
        check(case, world.run(_send(world, case, stranger)))
        params = case.path_parameters or {}
        known = {name: world.ids[name] for name in params if name in world.ids}
        if known:
            if method == "DELETE":
                known.update({name: world.run(FRESH[name](world)) for name in known if name in FRESH})
            case.path_parameters = {**params, **known}
            check(case, world.run(_send(world, case, headers)))

    _examples(world.schema[path][method], DEEP or EXAMPLES[world.database], one)
    return check


async def test_operation_conforms(world: World, operation: tuple[str, str, str]) -> None:
    method, path, role = operation
    check = await asyncio.to_thread(_fuzz, world, method, path, role)
    assert not check.failures, check.verdict()


# ---- link import, with a stub resolver and the career site answering every outbound request -------------------
POSTING = {
    "@context": "https://schema.org/",
    "@type": "JobPosting",
    "title": "Site Reliability Engineer",
    "description": "<p>Keep <b>Kubernetes</b> clusters healthy.</p>",
    "datePosted": "2026-11-20",
    "hiringOrganization": {"@type": "Organization", "name": "Initech"},
    "jobLocation": {"@type": "Place", "address": {"addressLocality": "Austin", "addressCountry": "US"}},
}
LINKS = [
    "https://careers.example.com/jobs/sre",
    "http://careers.example.com:8080/jobs/sre?ref=fuzz#apply",
    "https://intranet.internal/jobs/1",  # resolves to a private address: refused before any connection
    "http://10.0.0.5/admin",
    "http://[::1]/",
    "ftp://careers.example.com/jobs/sre",
    "https://boards.greenhouse.io/acme/jobs/123",  # a board link: its API answers with the career page, not JSON
]


async def _stub_resolve(host: str, port: int) -> list[str]:
    """No DNS: `.internal` names are private, every other name is a public address."""
    return ["10.1.2.3"] if host.endswith(".internal") else ["93.184.215.14"]


async def _career_site(self: Any, request: httpx.Request) -> httpx.Response:
    transaction_guard._check(request)
    ld = json.dumps(POSTING)
    return httpx.Response(200, html=f'<script type="application/ld+json">{ld}</script>', request=request)


async def test_link_import_conforms(world: World, monkeypatch: pytest.MonkeyPatch) -> None:
    """POST /jobs/import-url, fuzzed and with hand-picked links: 201 with the posting, or a 4xx saying why."""
    monkeypatch.setattr(url_import, "_resolve", _stub_resolve)
    monkeypatch.setattr(httpx.AsyncHTTPTransport, "handle_async_request", _career_site)
    operation = world.schema["/api/v1/jobs/import-url"]["POST"]
    check = Checker()
    created = []

    def one(case: Any) -> None:
        # A new account each time: link import allows 20 a minute per user.
        response = world.run(_send(world, case, world.run(world.new_account())))
        check(case, response)
        if response.status_code == 201:
            created.append(response.json())

    def links() -> None:
        for link in LINKS:
            one(operation.Case(body={"url": link}, media_type="application/json"))
        _examples(operation, DEEP or EXAMPLES[world.database], one)

    await asyncio.to_thread(links)
    assert not check.failures, check.verdict()
    assert created and created[0]["title"] == "Site Reliability Engineer"
