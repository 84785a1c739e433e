"""Nothing a user adds is visible to another: every route with an id answers 404 to someone else.

The route list comes from `app.routes`, so a new route with a path id fails here until it is covered below
(or exempted with a reason)."""

from __future__ import annotations

import re
from typing import Any

import httpx
from fastapi.routing import APIRoute

from tests.conftest import register
from tests.factories import add_job, track

# (method, path template) -> request body to send, for every route that takes an id of a user's object.
COVERED: dict[tuple[str, str], dict[str, Any] | None] = {
    ("GET", "/api/v1/jobs/{job_id}"): None,
    ("PATCH", "/api/v1/jobs/{job_id}"): {"title": "Hijacked"},
    ("DELETE", "/api/v1/jobs/{job_id}"): None,
    ("GET", "/api/v1/applications/{application_id}"): None,
    ("PATCH", "/api/v1/applications/{application_id}"): {"status": "applied", "notes": "Hijacked"},
    ("DELETE", "/api/v1/applications/{application_id}"): None,
    ("GET", "/api/v1/applications/{application_id}/events"): None,
    ("POST", "/api/v1/notifications/{notification_id}/read"): None,
    ("GET", "/api/v1/tasks/{run_id}"): None,
    ("GET", "/api/v1/users/me/exports/{export_id}"): None,
    ("DELETE", "/api/v1/saved-searches/{search_id}"): None,
    ("DELETE", "/api/v1/followed-companies/{follow_id}"): None,
    ("POST", "/api/v1/discover/{match_id}/dismiss"): None,
    ("POST", "/api/v1/jobs/{job_id}/skills/refresh"): None,
    ("GET", "/api/v1/jobs/{job_id}/match"): None,
    ("GET", "/api/v1/resumes/{resume_id}"): None,
    ("GET", "/api/v1/resumes/{resume_id}/file"): None,
    ("POST", "/api/v1/resumes/{resume_id}/skills"): {"accept": ["Python"]},
    ("PUT", "/api/v1/resumes/{resume_id}/structure"): {"basics": {"name": "Hijacked"}},
    ("GET", "/api/v1/resumes/{resume_id}/json-resume"): None,
    ("GET", "/api/v1/resumes/{resume_id}/check"): None,
    ("DELETE", "/api/v1/resumes/{resume_id}"): None,
    ("GET", "/api/v1/interviews/{session_id}"): None,
    ("POST", "/api/v1/interviews/{session_id}/answers/{answer_id}"): {"answer": "Hijacked"},
    ("POST", "/api/v1/interviews/{session_id}/answers/{answer_id}/retry"): None,
    ("POST", "/api/v1/interviews/{session_id}/finish"): None,
    ("DELETE", "/api/v1/interviews/{session_id}"): None,
    ("POST", "/api/v1/jobs/{job_id}/documents"): {"kind": "cover_letter"},
    ("GET", "/api/v1/documents/{document_id}"): None,
    ("PATCH", "/api/v1/documents/{document_id}"): {"content": "Hijacked"},
    ("GET", "/api/v1/documents/{document_id}/versions"): None,
    ("GET", "/api/v1/documents/{document_id}/export"): None,
    ("POST", "/api/v1/documents/{document_id}/cancel"): None,
    ("DELETE", "/api/v1/documents/{document_id}"): None,
}
# Routes for administrators only: another (non-admin) user gets 403 whatever the id.
ADMIN_ONLY: dict[tuple[str, str], dict[str, Any] | None] = {
    ("POST", "/api/v1/admin/tasks/{run_id}/retry"): None,
    ("POST", "/api/v1/admin/tasks/{run_id}/cancel"): None,
    ("POST", "/api/v1/admin/schedule/{key}/run"): None,
}
# Routes with a path parameter that is not an id of a user's object.
EXEMPT: dict[tuple[str, str], str] = {
    ("GET", "/{path}"): "the SPA fallback: serves static files, no data",
    ("GET", "/api/v1/auth/oauth/{provider}/login"): "a provider name, not a user's object",
    ("GET", "/api/v1/auth/oauth/{provider}/callback"): "a provider name; the flow is found by its state",
    ("POST", "/api/v1/auth/oauth/{provider}/link"): "a provider name; links to the signed-in user only",
    ("DELETE", "/api/v1/users/me/connections/{provider}"): "a provider name under /me: only ever the caller's",
}


def _routes_with_ids(app: Any) -> set[tuple[str, str]]:
    found = set()
    for route in app.routes:
        if isinstance(route, APIRoute) and "{" in route.path:
            path = re.sub(r"\{(\w+):\w+\}", r"{\1}", route.path)
            for method in route.methods - {"HEAD", "OPTIONS"}:
                found.add((method, path))
    return found


async def test_every_route_with_an_id_is_covered_or_exempt(app: Any) -> None:
    missing = _routes_with_ids(app) - set(COVERED) - set(EXEMPT) - set(ADMIN_ONLY)
    assert not missing, f"routes with ids not covered by the ownership test: {sorted(missing)}"


async def test_another_user_gets_404_everywhere(client: httpx.AsyncClient, app: Any) -> None:
    alice = await register(client, "alice@example.com")
    job = await add_job(client, alice, title="Alice's secret job", description="unique-marker-alpha")
    application = await track(client, alice, job["id"], notes="Alice's notes")
    from app.notifications.service import notify
    from app.tasks.registry import discard_tasks, enqueue

    async with app.state.session_factory() as s:
        me = await client.get("/api/v1/auth/me", headers=alice)
        note = await notify(s, me.json()["id"], "test", "For Alice only")
        run = enqueue(s, "auth.purge_expired", user_id=me.json()["id"])
        await s.commit()
        discard_tasks(s)  # the row is what matters here; nothing needs to run
    export = (await client.post("/api/v1/users/me/exports", headers=alice)).json()
    search = (await client.post("/api/v1/saved-searches", headers=alice, json={"keywords": "rust"})).json()
    followed = (
        await client.post("/api/v1/followed-companies", headers=alice, json={"source": "lever", "token": "acme"})
    ).json()
    resume_file = {"file": ("cv.txt", b"Alice Example\nSkills: Python, PostgreSQL\n", "text/plain")}
    resume = (await client.post("/api/v1/resumes", headers=alice, files=resume_file)).json()
    await client.put("/api/v1/users/me/skills", headers=alice, json={"skills": [{"name": "Python"}]})
    document = (
        await client.post(f"/api/v1/jobs/{job['id']}/documents", headers=alice, json={"kind": "cover_letter"})
    ).json()
    interview = (await client.post("/api/v1/interviews", headers=alice, json={"job_posting_id": job["id"]})).json()
    from tests.interviews.worker import prepare

    await prepare(app, interview["id"], 5)
    questions = (await client.get(f"/api/v1/interviews/{interview['id']}", headers=alice)).json()["questions"]
    from app.models.sources import JobMatch

    async with app.state.session_factory() as s:
        me_id = (await client.get("/api/v1/auth/me", headers=alice)).json()["id"]
        match = JobMatch(user_id=me_id, job_posting_id=job["id"], score=0.9, matched_skills=[], missing_skills=[])
        s.add(match)
        await s.commit()
    ids = {
        "export_id": export["id"],
        "search_id": search["id"],
        "follow_id": followed["id"],
        "match_id": match.id,
        "resume_id": resume["id"],
        "session_id": interview["id"],
        "document_id": document["id"],
        "answer_id": questions[0]["id"],
        "job_id": job["id"],
        "application_id": application["id"],
        "notification_id": note.id,
        "run_id": run.id,
        "key": "evening-summaries",
    }
    bob = await register(client, "bob@example.com")
    for (method, template), body in ADMIN_ONLY.items():
        r = await client.request(method, template.format(**ids), headers=bob, json=body)
        assert r.status_code == 403, f"{method} {template} gave {r.status_code} to a non-admin: {r.text}"

    for (method, template), body in COVERED.items():
        url = template.format(**ids)
        r = await client.request(method, url, headers=bob, json=body)
        assert r.status_code == 404, f"{method} {url} gave {r.status_code} to another user: {r.text}"

    # Lists and search never show it either.
    assert (await client.get("/api/v1/jobs", headers=bob)).json()["total"] == 0
    assert (await client.get("/api/v1/jobs", headers=bob, params={"q": "unique-marker-alpha"})).json()["total"] == 0
    assert (await client.get("/api/v1/applications", headers=bob)).json()["total"] == 0
    assert (await client.get("/api/v1/notifications", headers=bob)).json()["total"] == 0
    assert (await client.get("/api/v1/notifications/unread-count", headers=bob)).json()["count"] == 0
    assert (await client.get("/api/v1/tasks", headers=bob)).json()["total"] == 0
    assert (await client.get("/api/v1/users/me/exports", headers=bob)).json() == []
    assert (await client.get("/api/v1/saved-searches", headers=bob)).json() == []
    assert (await client.get("/api/v1/followed-companies", headers=bob)).json() == []
    assert (await client.get("/api/v1/discover", headers=bob)).json()["total"] == 0
    assert (await client.get("/api/v1/resumes", headers=bob)).json()["total"] == 0
    assert (await client.get("/api/v1/interviews", headers=bob)).json()["total"] == 0
    assert (await client.get("/api/v1/documents", headers=bob)).json()["total"] == 0
    assert (await client.get("/api/v1/interviews/stats", headers=bob)).json()["sessions"] == []
    assert (await client.get("/api/v1/analytics/summary", headers=bob)).json()["success"]["funnel"]["tracked"] == 0
    assert (await client.get("/api/v1/admin/backups", headers=bob)).status_code == 403
    assert (await client.get("/api/v1/admin/tasks", headers=bob)).status_code == 403
    board = (await client.get("/api/v1/applications/board", headers=bob)).json()
    assert sum(c["total"] for c in board["columns"]) == 0
    r = await client.post("/api/v1/applications", headers=bob, json={"job_posting_id": job["id"]})
    assert r.status_code == 404

    # And Alice's data is untouched by Bob's attempts.
    mine = (await client.get(f"/api/v1/applications/{application['id']}", headers=alice)).json()
    assert mine["status"] == "interested" and mine["notes"] == "Alice's notes"
    assert (await client.get(f"/api/v1/jobs/{job['id']}", headers=alice)).json()["title"] == "Alice's secret job"
    assert (await client.get(f"/api/v1/resumes/{resume['id']}", headers=alice)).status_code == 200
    mine_interview = (await client.get(f"/api/v1/interviews/{interview['id']}", headers=alice)).json()
    assert mine_interview["questions"][0]["answer"] is None and len(mine_interview["questions"]) == 5
    notes = (await client.get("/api/v1/notifications", headers=alice)).json()["items"]
    assert [n["read_at"] for n in notes if n["title"] == "For Alice only"] == [None]
