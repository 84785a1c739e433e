"""Retention of the catalogue: stale, untracked public postings are archived; tracked ones survive."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import text

from app.jobs.ingest import upsert_postings
from app.jobs.retention import archive_stale
from app.jobs.sources.base import NormalizedJob
from app.models.content import DocumentKind, GeneratedDocument
from app.models.sources import JobMatch, JobSource
from tests.conftest import register
from tests.factories import add_job, catalogue_job, track

NOW = datetime.now(UTC)


async def test_archiving_keeps_tracked_and_recently_listed_postings(app: Any, client: Any) -> None:
    headers = await register(client, "keeper@example.com")
    me = (await client.get("/api/v1/auth/me", headers=headers)).json()
    long_ago = NOW - timedelta(days=400)
    stale = await catalogue_job(app, title="Stale Engineer", ingested_at=long_ago)
    tracked = await catalogue_job(app, title="Tracked Engineer", ingested_at=long_ago)
    written_for = await catalogue_job(app, title="Letter Engineer", ingested_at=long_ago)
    still_listed = await catalogue_job(app, title="Listed Engineer", ingested_at=long_ago)
    fresh = await catalogue_job(app, title="Fresh Engineer")
    own = await add_job(client, headers, title="Own Engineer")
    await track(client, headers, tracked)
    async with app.state.session_factory() as s:
        s.add(GeneratedDocument(user_id=me["id"], job_posting_id=written_for, kind=DocumentKind.cover_letter))
        s.add(JobSource(source="remotive", source_id="1", job_posting_id=still_listed, first_seen_at=long_ago,
                        last_seen_at=NOW - timedelta(days=2)))  # fmt: skip
        s.add(JobSource(source="remotive", source_id="2", job_posting_id=stale, first_seen_at=long_ago,
                        last_seen_at=long_ago))  # fmt: skip
        s.add(JobMatch(user_id=me["id"], job_posting_id=stale, score=0.9))
        await s.commit()

    assert await archive_stale(app.state.session_factory, 120) == 1
    assert await archive_stale(app.state.session_factory, 120) == 0  # nothing left to do

    listed = await client.get("/api/v1/jobs", headers=headers, params={"size": 100})
    titles = {j["title"] for j in listed.json()["items"]}
    assert "Stale Engineer" not in titles
    assert {
        "Tracked Engineer",
        "Letter Engineer",
        "Listed Engineer",
        "Fresh Engineer",
        "Own Engineer",
    } <= titles
    assert own["id"] and fresh
    async with app.state.engine.connect() as conn:
        matches = await conn.scalar(text("SELECT count(*) FROM job_match WHERE job_posting_id = :j"), {"j": stale})
    assert matches == 0
    # A board listing the archived posting again brings it back.
    async with app.state.session_factory() as s:
        board = NormalizedJob(source="remotive", source_id="2", title="Stale Engineer", company="Globex",
                              location="Remote", description_text="Kubernetes and Go.")  # fmt: skip
        await upsert_postings(s, [board])
        await s.commit()
    relisted = await client.get("/api/v1/jobs", headers=headers, params={"q": "Stale"})
    assert [j["id"] for j in relisted.json()["items"]] == [stale]
    # The tracked job is whole: its page and its application still open.
    page = await client.get(f"/api/v1/jobs/{tracked}", headers=headers)
    assert page.status_code == 200 and page.json()["title"] == "Tracked Engineer"
