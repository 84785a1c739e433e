"""`GET /api/v1/jobs/{id}/match` through the live app and its embedded worker, on SQLite and PostgreSQL: an
uploaded resume against a hand-added posting, the report changing when the profile changes (the cached one is not
served), another user's job answered 404, and a user without a resume getting profile-only parts."""

from __future__ import annotations

from typing import Any

import pytest

from tests.live import account
from tests.tasks.test_background import api, eventually

RESUME = """Priya Raman
priya.raman@example.com | +44 20 7946 0000 | London

EXPERIENCE
Senior Backend Engineer, Harbor Health (Jan 2021 - Present)
- Built the claims API in Python and FastAPI on PostgreSQL, 2 million calls a day

Backend Developer, Northwind Traders (Jan 2018 - Dec 2020)
- Wrote order services in Python and Django

EDUCATION
BSc Computer Science, University of Leeds (2014 - 2017)

SKILLS
Python, FastAPI, Django, PostgreSQL
"""
JOB = {
    "title": "Senior Backend Engineer",
    "company": "Acme Health",
    "location": "London",
    "description": "<h3>Requirements</h3><ul><li>5+ years of experience building backend services</li>"
    "<li>Python and PostgreSQL</li><li>Kubernetes in production</li></ul>"
    "<h3>Nice to have</h3><ul><li>Terraform</li></ul>"
    "<p>We are unable to sponsor visas for this role.</p>",
}


@pytest.fixture
def settings_overrides() -> dict[str, object]:
    return {"embedded_worker": True}


async def test_match_of_a_job(server: tuple[str, Any]) -> None:
    host, _ = server
    token, _ = await account(host, "priya@example.com")
    async with api(host, token) as c:
        job = (await c.post("/api/v1/jobs", json=JOB)).json()
        before = (await c.get(f"/api/v1/jobs/{job['id']}/match")).json()
        assert before["resume_id"] is None  # nothing to read experience from yet
        assert next(p for p in before["parts"] if p["key"] == "role")["status"] == "unknown"

        r = await c.post("/api/v1/resumes", files={"file": ("priya.txt", RESUME.encode(), "text/plain")})
        assert r.status_code == 202, r.text

        async def ready() -> bool:
            return bool((await c.get(f"/api/v1/resumes/{r.json()['id']}")).json()["status"] == "ready")

        await eventually(ready, timeout=30, what="resume read")
        got = await c.get(f"/api/v1/jobs/{job['id']}/match")
        assert got.status_code == 200, got.text
        match = got.json()
        assert match["resume_id"] == r.json()["id"]
        parts = {p["key"]: p for p in match["parts"]}
        assert parts["role"]["status"] == "met" and parts["experience"]["status"] == "met"
        assert parts["seniority"]["status"] == "met"
        where = {s["name"]: (s["where"], s["required"]) for s in match["skills"]}
        assert where["Python"] == ("resume", True) and where["Kubernetes"] == ("missing", True)
        assert where["Terraform"] == ("missing", False)
        assert match["requirements"]["sponsorship"] == "none" and match["requirements"]["min_years"] == 5
        assert 50 <= match["score"] <= 95, match["score"]

        # Kubernetes goes into the profile: the next report says "say it in your resume" and suggests it.
        await c.put("/api/v1/users/me/skills", json={"skills": [{"name": "Kubernetes"}]})
        after = (await c.get(f"/api/v1/jobs/{job['id']}/match")).json()
        assert {s["name"]: s["where"] for s in after["skills"]}["Kubernetes"] == "profile"
        assert after["score"] > match["score"]
        assert after["suggestions"][0]["add_skills"] == ["Kubernetes"]

    other, _ = await account(host, "mallory@example.com")
    async with api(host, other) as c:
        stolen = await c.get(f"/api/v1/jobs/{job['id']}/match")
        assert stolen.status_code == 404 and stolen.json()["code"]
        assert (await c.get("/api/v1/jobs/2147483647/match")).status_code == 404
