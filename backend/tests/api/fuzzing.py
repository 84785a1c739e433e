"""The machinery of test_schemathesis.py: the app with a user and one of each of their objects, Schemathesis cases
sent to it in process from Hypothesis's thread, and each response checked against the OpenAPI document."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

import httpx
import requests
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error

from tests.conftest import STRONG_PASSWORD

T = TypeVar("T")

CHECKS = [
    not_a_server_error,
    schemathesis.checks.response_schema_conformance,
    schemathesis.checks.status_code_conformance,
    schemathesis.checks.content_type_conformance,
]

# What the web app sends with every request (the CSRF guard of the cookie-authenticated operations asks for it).
SPA_HEADER = {"X-Requested-With": "XMLHttpRequest"}


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
    serial: int = 0  # for unique e-mail addresses and names
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
        self.serial += 1
        return await register(self, f"throwaway{self.serial}@example.com")


async def register(world: World, email: str) -> dict[str, str]:
    r = await world.request(
        "POST", "/api/v1/auth/register", json={"email": email, "password": STRONG_PASSWORD, "full_name": "Fuzz"}
    )
    assert r.status_code == 201, r.text
    return {"Authorization": f"Bearer {r.json()['access_token']}"}


async def ok(response: httpx.Response, status: int = 200) -> Any:
    assert response.status_code == status, response.text
    return response.json() if response.content else None


async def objects(world: World, headers: dict[str, str]) -> dict[str, Any]:
    """One of each object a user has (the recipe of test_ownership.py), keyed by the path parameter naming it."""
    from app.models.sources import JobMatch
    from app.notifications.service import notify
    from app.tasks.registry import discard_tasks, enqueue
    from tests.interviews.worker import prepare

    r = world.request
    job = await ok(
        await r("POST", "/api/v1/jobs", headers=headers, json={"title": "Backend Engineer", "company": "Acme"}), 201
    )
    application = await ok(
        await r("POST", "/api/v1/applications", headers=headers, json={"job_posting_id": job["id"]}), 201
    )
    me = await ok(await r("GET", "/api/v1/auth/me", headers=headers))
    async with world.app.state.session_factory() as s:
        note = await notify(s, me["id"], "test", "Fuzz")
        run = enqueue(s, "auth.purge_expired", user_id=me["id"])
        match = JobMatch(user_id=me["id"], job_posting_id=job["id"], score=0.9, matched_skills=[], missing_skills=[])
        s.add(match)
        await s.commit()
        discard_tasks(s)
    export = await ok(await r("POST", "/api/v1/users/me/exports", headers=headers), 202)
    search = await ok(await r("POST", "/api/v1/saved-searches", headers=headers, json={"keywords": "rust"}), 201)
    followed = await ok(
        await r("POST", "/api/v1/followed-companies", headers=headers, json={"source": "lever", "token": "acme"}), 201
    )
    resume_file = {"file": ("cv.txt", b"Ada Example\nSkills: Python, PostgreSQL\n", "text/plain")}
    resume = await ok(await r("POST", "/api/v1/resumes", headers=headers, files=resume_file), 202)
    skills = {"skills": [{"name": "Python"}]}
    await ok(await r("PUT", "/api/v1/users/me/skills", headers=headers, json=skills))
    document = await ok(
        await r("POST", f"/api/v1/jobs/{job['id']}/documents", headers=headers, json={"kind": "cover_letter"}), 202
    )
    # As if the worker had written it (no worker runs here), so that export, edit and versions reach their 200s.
    from app.models.content import GeneratedDocument, GenerationStatus

    async with world.app.state.session_factory() as s:
        row = await s.get(GeneratedDocument, document["id"])
        row.status, row.title, row.content = GenerationStatus.ready, "Letter", "Dear Acme,\n\nI build APIs.\n"
        await s.commit()
    interview = await ok(
        await r("POST", "/api/v1/interviews", headers=headers, json={"job_posting_id": job["id"]}), 202
    )
    await prepare(world.app, interview["id"], 5)
    questions = (await ok(await r("GET", f"/api/v1/interviews/{interview['id']}", headers=headers)))["questions"]
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


# A DELETE of the user's object gets a new object per example, so the shared ones stay for the other operations.
async def new_job(world: World) -> int:
    r = await world.request("POST", "/api/v1/jobs", headers=world.user, json={"title": "Doomed", "company": "Acme"})
    return int((await ok(r, 201))["id"])


async def new(world: World, path: str, body: dict[str, Any] | None = None, **kwargs: Any) -> int:
    r = await world.request("POST", path, headers=world.user, json=body, **kwargs)
    assert r.status_code in (201, 202), r.text
    return int(r.json()["id"])


async def new_application(world: World) -> int:
    return await new(world, "/api/v1/applications", {"job_posting_id": await new_job(world)})


async def new_document(world: World) -> int:
    return await new(world, f"/api/v1/jobs/{await new_job(world)}/documents", {"kind": "cover_letter"})


async def new_interview(world: World) -> int:
    return await new(world, "/api/v1/interviews", {"job_posting_id": await new_job(world)})


async def new_follow(world: World) -> int:
    world.serial += 1
    return await new(world, "/api/v1/followed-companies", {"source": "lever", "token": f"acme{world.serial}"})


async def new_resume(world: World) -> int:
    r = await world.request(
        "POST", "/api/v1/resumes", headers=world.user, files={"file": ("cv.txt", b"Ada\nSkills: Go\n", "text/plain")}
    )
    return int((await ok(r, 202))["id"])


# Ids in bodies, and the path parameter naming the same kind of object.
BODY_IDS = {"job_posting_id": "job_id", "session_id": "session_id"}

FRESH: dict[str, Callable[[World], Awaitable[int]]] = {
    "job_id": new_job,
    "application_id": new_application,
    "document_id": new_document,
    "session_id": new_interview,
    "follow_id": new_follow,
    "search_id": lambda world: new(world, "/api/v1/saved-searches", {"keywords": "doomed"}),
    "resume_id": new_resume,
}


async def send(world: World, case: Any, headers: dict[str, str]) -> httpx.Response:
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


def examples(operation: Any, count: int, each: Callable[[Any], None], *, derandomize: bool) -> None:
    """`each` on `count` valid and `count` invalid examples of the operation (Schemathesis's positive and negative
    generation), without shrinking: a failure is reported as found, with its curl line."""
    for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):

        @settings(
            max_examples=count,
            phases=[Phase.explicit, Phase.generate],
            deadline=None,
            derandomize=derandomize,
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
