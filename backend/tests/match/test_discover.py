"""Discover ranked by the match score, through the live app and its embedded worker, on SQLite and PostgreSQL.

A user uploads a resume; the catalogue holds postings a board brought (a fit, a fit that offers no visas, a fit
that must be worked from the United States, a nurse's job, and a fit too old for the pool). The first visit scores
the feed in the background; saving what the user needs scores it again, once per change, and marks what fails it.
Rows keep their ids and dismissals across rescoring."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine

from app.core.config import Settings
from app.jobs.text import derived_fields, description_from_input
from app.match.postings import FACTS_VERSION
from app.models.job import JobPosting, JobRequirements, RemoteType
from tests.live import account
from tests.match.test_api import RESUME
from tests.tasks.test_background import api, eventually

BACKEND = (
    "<h3>Requirements</h3><ul><li>5+ years of experience building backend services</li>"
    "<li>Python and PostgreSQL</li></ul><h3>Nice to have</h3><ul><li>FastAPI</li></ul>"
)
POSTINGS = {
    "fit": ("Senior Backend Engineer", BACKEND, RemoteType.hybrid, 1),
    "no_visa": ("Backend Engineer", BACKEND + "<p>We are unable to sponsor visas for this role.</p>",
                RemoteType.hybrid, 2),
    "us_only": ("Senior Python Engineer", BACKEND + "<p>Candidates must be located in the United States.</p>",
                RemoteType.remote, 3),
    "nurse": ("Registered Nurse", "<h3>Requirements</h3><ul><li>BSN and a state nursing licence</li>"
              "<li>3+ years of ICU experience</li></ul>", RemoteType.onsite, 1),
    "old": ("Senior Backend Engineer", BACKEND, RemoteType.hybrid, 90),
}  # fmt: skip


@pytest.fixture
def settings_overrides() -> dict[str, object]:
    return {"embedded_worker": True, "match_threshold": 0.5}


@pytest.fixture
async def engine(settings: Settings) -> AsyncIterator[AsyncEngine]:
    engine = create_async_engine(settings.async_database_url)
    yield engine
    await engine.dispose()


async def board_posting(engine: AsyncEngine, title: str, description: str, remote: RemoteType, age_days: int) -> int:
    """A public posting as a board brings it, written with the test's own engine (the app runs in another thread)."""
    from sqlalchemy.ext.asyncio import async_sessionmaker

    html, text = description_from_input(description)
    company = f"Company {title} {age_days}"
    job = JobPosting(
        owner_id=None,
        title=title,
        company=company,
        location="Berlin, Germany",
        remote_type=remote,
        description_html=html,
        description_text=text,
        **derived_fields(title, company, "Berlin, Germany", [], text),
        posted_at=datetime.now(UTC) - timedelta(days=age_days),
        tech_stack=[],
        responsibilities=[],
    )
    async with async_sessionmaker(engine, expire_on_commit=False)() as s:
        s.add(job)
        await s.commit()
        return int(job.id)


async def feed(c: httpx.AsyncClient, **params: Any) -> dict[str, Any]:
    r = await c.get("/api/v1/discover", params=params)
    assert r.status_code == 200, r.text
    return dict(r.json())


async def rescore(c: httpx.AsyncClient) -> bool:
    """What the page does when the feed says it is out of date."""
    r = await c.post("/api/v1/discover/rebuild")
    assert r.status_code == 202, r.text
    return bool(r.json()["rebuilding"])


async def settled(c: httpx.AsyncClient, **params: Any) -> dict[str, Any]:
    """The feed once no rescoring is on its way."""

    async def done() -> dict[str, Any] | None:
        page = await feed(c, **params)
        return None if page["rebuilding"] else page

    return dict(await eventually(done, timeout=60, what="Discover to be scored"))


async def test_discover_ranks_by_the_match_score(server: tuple[str, Any], engine: AsyncEngine) -> None:
    host, _ = server
    ids = {key: await board_posting(engine, *spec) for key, spec in POSTINGS.items()}
    token, _ = await account(host, "discover@example.com")
    async with api(host, token) as c:
        r = await c.post("/api/v1/resumes", files={"file": ("priya.txt", RESUME.encode(), "text/plain")})
        assert r.status_code == 202, r.text

        async def ready() -> bool:
            return bool((await c.get(f"/api/v1/resumes/{r.json()['id']}")).json()["status"] == "ready")

        await eventually(ready, timeout=60, what="the resume to be read")

        first = await feed(c)
        assert first["rebuilding"] is True and first["total"] == 0  # never scored; a read never writes
        assert await rescore(c) is True  # the page asks: the worker scores it now
        page = await settled(c)
        by_job = {item["job"]["id"]: item for item in page["items"]}
        assert set(by_job) == {ids["fit"], ids["no_visa"], ids["us_only"]}  # the nurse's job fails the threshold
        assert ids["old"] not in by_job  # posted 90 days ago: outside the pool
        fit = by_job[ids["fit"]]
        parts = {p["key"]: p for p in fit["parts"]}
        assert parts["role"]["status"] == "met" and parts["must_have"]["status"] == "met"
        assert parts["experience"]["status"] == "met"  # 5+ years asked; Jan 2018 to today
        assert fit["score"] >= 0.8 and fit["blockers"] == [] and page["hidden_blocked"] == 0
        assert {"Python", "PostgreSQL"} <= set(fit["matched_skills"])
        assert [i["score"] for i in page["items"]] == sorted((i["score"] for i in page["items"]), reverse=True)
        assert (await feed(c))["rebuilding"] is False and await rescore(c) is False  # nothing changed: no task

        # What the user needs: saved once, scored once (asked twice while it runs: one task).
        r = await c.patch("/api/v1/users/me", json={"needs_sponsorship": True, "work_location": "  Berlin,   Germany "})
        assert r.status_code == 200 and r.json()["work_location"] == "Berlin, Germany"
        assert (await feed(c))["rebuilding"] is True
        assert await rescore(c) is True and await rescore(c) is True
        page = await settled(c)
        assert [i["job"]["id"] for i in page["items"]] == [ids["fit"]]
        assert page["hidden_blocked"] == 2
        assert page["items"][0]["id"] == fit["id"]  # rescored in place: the id the page holds still works
        shown = await settled(c, hide_blocked=False)
        blocked = {i["job"]["id"]: i["blockers"] for i in shown["items"]}
        assert blocked[ids["no_visa"]] == ["No visa sponsorship, and you said you need it."]
        assert blocked[ids["us_only"]] == [
            "Must be located in United States; you said you can work in Berlin, Germany."
        ]
        runs = (await c.get("/api/v1/tasks", params={"size": 100})).json()["items"]
        assert sum(1 for run in runs if run["name"] == "match.rebuild_discover") == 2

        # A dismissal outlives rescoring; remote only counts hybrid postings half.
        assert (await c.post(f"/api/v1/discover/{fit['id']}/dismiss")).status_code == 204
        r = await c.patch("/api/v1/users/me", json={"needs_sponsorship": False, "remote_only": True})
        assert r.status_code == 200
        await rescore(c)
        page = await settled(c, hide_blocked=False)
        jobs = {i["job"]["id"]: i for i in page["items"]}
        assert ids["fit"] not in jobs  # dismissed
        hybrid = jobs[ids["no_visa"]]  # hybrid: half of what remote-only asks, not a blocker; visas no longer needed
        assert hybrid["blockers"] == [] and {p["key"]: p["status"] for p in hybrid["parts"]}["location"] == "partly"
        assert jobs[ids["us_only"]]["blockers"] == [
            "Must be located in United States; you said you can work in Berlin, Germany."
        ]

        # A hand-added job is private (never in anyone's pool), and what it asks is stored once its skills are found.
        own = (await c.post("/api/v1/jobs", json={"title": "Senior Backend Engineer", "company": "Own Co",
                                                   "description": BACKEND})).json()  # fmt: skip

        async def facts_stored() -> bool:
            async with engine.connect() as conn:
                found = await conn.scalar(
                    select(JobRequirements.version).where(JobRequirements.job_posting_id == own["id"])
                )
            return found == FACTS_VERSION

        await eventually(facts_stored, timeout=60, what="the hand-added job's requirements to be stored")

        # The job page shows the same score and the same blockers.
        report = (await c.get(f"/api/v1/jobs/{ids['us_only']}/match")).json()
        assert report["score"] == round(jobs[ids["us_only"]]["score"] * 100)
        assert report["blockers"] == jobs[ids["us_only"]]["blockers"]


async def test_what_you_need_is_checked_and_cleared(client: httpx.AsyncClient) -> None:
    from tests.conftest import register

    h = await register(client)
    r = await client.patch("/api/v1/users/me", headers=h, json={"min_salary": 70_000, "salary_currency": "eur"})
    assert r.status_code == 200 and (r.json()["min_salary"], r.json()["salary_currency"]) == (70_000, "EUR")
    for bad in ({"min_salary": -1}, {"min_salary": 10**9}, {"salary_currency": "EURO"}, {"work_location": "x" * 201}):
        r = await client.patch("/api/v1/users/me", headers=h, json=bad)
        assert r.status_code == 422, (bad, r.text)
    r = await client.patch("/api/v1/users/me", headers=h, json={"min_salary": 0})  # 0 clears the floor
    assert r.status_code == 200 and r.json()["min_salary"] is None
