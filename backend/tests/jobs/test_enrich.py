"""Postings get their skills and responsibilities in the background: hand-added ones through `jobs.extract_skills`,
ingested ones inside the ingest task; unchanged content is not extracted twice."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select

from app.jobs.enrich import content_hash, enrich_offline
from app.models.job import JobPosting, JobPostingSkill
from tests.live import account
from tests.tasks.test_background import api, eventually

DESCRIPTION = """<p>We are hiring a backend engineer.</p>
<h3>Responsibilities</h3>
<ul><li>Design and build REST APIs in Python and Django</li>
<li>Own our PostgreSQL schema and query performance</li>
<li>Ship with Docker and GitHub Actions</li></ul>
<h3>Requirements</h3>
<ul><li>5+ years with Python; React is a plus</li></ul>"""


class TestHandAddedJob:
    @pytest.fixture
    def settings_overrides(self) -> dict[str, object]:
        return {"embedded_worker": True}

    async def test_skills_arrive_after_creation_and_after_an_edit(self, server: tuple[str, Any]) -> None:
        host, _ = server
        token, _ = await account(host, "lin@example.com")
        async with api(host, token) as c:
            job = (
                await c.post(
                    "/api/v1/jobs", json={"title": "Backend Engineer", "company": "Acme", "description": DESCRIPTION}
                )
            ).json()

            async def extracted() -> dict[str, Any] | None:
                body: dict[str, Any] = (await c.get(f"/api/v1/jobs/{job['id']}")).json()
                return body if body["skills_extracted_at"] else None

            done = await eventually(extracted, timeout=20, what="skills extracted")
            assert {"Python", "Django", "PostgreSQL", "Docker", "GitHub Actions", "React"} <= set(done["tech_stack"])
            assert done["skills_provider"] == "offline"
            assert any("REST APIs" in r for r in done["responsibilities"])
            found = (await c.get("/api/v1/jobs", params={"q": "Django"})).json()
            assert [j["id"] for j in found["items"]] == [job["id"]]  # the search document includes the skills

            # The user sets the list by hand: extraction no longer overrides it.
            await c.patch(f"/api/v1/jobs/{job['id']}", json={"tech_stack": ["Python", "Elixir"]})
            edited = (await c.get(f"/api/v1/jobs/{job['id']}")).json()
            assert edited["tech_stack"] == ["Python", "Elixir"] and edited["skills_provider"] == "manual"
            r = await c.post(f"/api/v1/jobs/{job['id']}/skills/refresh")
            assert r.status_code == 202 and r.json()["name"] == "jobs.extract_skills"

            async def refreshed() -> dict[str, Any] | None:
                body: dict[str, Any] = (await c.get(f"/api/v1/jobs/{job['id']}")).json()
                return body if body["skills_provider"] == "offline" else None

            again = await eventually(refreshed, timeout=20, what="skills found again")
            assert "Django" in again["tech_stack"] and "Elixir" not in again["tech_stack"]


async def test_enrichment_is_batched_and_skips_unchanged_content(app: Any) -> None:
    async with app.state.session_factory() as session:
        postings = [
            JobPosting(
                owner_id=None,
                fingerprint=f"f{i}",
                title="Data Engineer",
                company=f"Co {i}",
                description_text="Build pipelines with Apache Spark, Airflow and Snowflake.\n- Own dbt models",
                tech_stack=[],
                responsibilities=[],
            )
            for i in range(3)
        ]
        session.add_all(postings)
        await session.flush()
        ids = [p.id for p in postings]
        assert await enrich_offline(session, ids) == 3
        assert await enrich_offline(session, ids) == 0  # same text, same taxonomy: nothing to do
        await session.commit()
        rows = (
            await session.scalars(select(JobPostingSkill.skill).where(JobPostingSkill.job_posting_id == ids[0]))
        ).all()
        assert {"Apache Spark", "Apache Airflow", "Snowflake", "dbt"} <= set(rows)
        posting = await session.get(JobPosting, ids[0])
        assert posting is not None and posting.skills_hash == content_hash(posting, "offline")
        posting.description_text += "\n- Kafka streaming"
        assert await enrich_offline(session, [posting.id]) == 1
        assert "Apache Kafka" in posting.tech_stack
