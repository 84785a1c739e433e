"""The interview API on SQLite and PostgreSQL: start a session, answer, feedback, retry, finish, statistics and
delete; every route is scoped to its owner. The worker's part runs inline (tests/interviews/worker.py)."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from app.models.job import JobPosting
from tests.conftest import register
from tests.factories import add_job
from tests.interviews import worker

STAR = (
    "At my previous company our orders API was slow during sales: p95 latency was 1.8 seconds. My goal was to get "
    "it under 300 ms before the next campaign. I profiled the Python code and found an N+1 query against PostgreSQL, "
    "so I rewrote it as one join and added a composite index. Then I added a load test to CI. As a result p95 "
    "dropped from 1,800 ms to 120 ms and errors fell by 80%, with 3x the traffic."
)


async def _job(app: Any, client: httpx.AsyncClient, headers: dict[str, str]) -> int:
    job = await add_job(
        client,
        headers,
        title="Senior Backend Engineer",
        company="Acme",
        description="Python, FastAPI and PostgreSQL on Kubernetes.",
        tech_stack=["Python", "FastAPI", "PostgreSQL", "Kubernetes"],
    )
    async with app.state.session_factory() as s:  # what the skills task would have found
        row = await s.get(JobPosting, job["id"])
        row.responsibilities = ["Design, build and maintain scalable backend services", "Mentor junior engineers"]
        await s.commit()
    return int(job["id"])


async def _active_session(app: Any, client: httpx.AsyncClient, headers: dict[str, str], count: int = 6) -> Any:
    job_id = await _job(app, client, headers)
    r = await client.post(
        "/api/v1/interviews", headers=headers, json={"job_posting_id": job_id, "question_count": count}
    )
    assert r.status_code == 202, r.text
    await worker.prepare(app, r.json()["id"], count)
    return (await client.get(f"/api/v1/interviews/{r.json()['id']}", headers=headers)).json()


class TestCreateInterview:
    async def test_starts_preparing_then_becomes_active(self, app: Any, client: httpx.AsyncClient) -> None:
        headers = await register(client)
        job_id = await _job(app, client, headers)
        r = await client.post("/api/v1/interviews", headers=headers, json={"job_posting_id": job_id})
        assert r.status_code == 202, r.text
        body = r.json()
        assert body["status"] == "preparing" and body["task_id"] and body["questions"] == []
        assert body["job_title"] == "Senior Backend Engineer" and body["company"] == "Acme"
        assert await worker.prepare(app, body["id"], 6) == "6 questions (offline)"
        read = (await client.get(f"/api/v1/interviews/{body['id']}", headers=headers)).json()
        assert read["status"] == "active" and read["provider"] == "offline" and read["total"] == 6
        assert [q["position"] for q in read["questions"]] == [1, 2, 3, 4, 5, 6]
        assert {q["category"] for q in read["questions"]} == {"technical", "behavioural", "role"}
        assert all(q["answer"] is None and q["score"] is None for q in read["questions"])
        assert await worker.prepare(app, body["id"], 6) == "already prepared"

    async def test_bad_requests(self, app: Any, client: httpx.AsyncClient) -> None:
        headers = await register(client)
        job_id = await _job(app, client, headers)
        too_many = await client.post(
            "/api/v1/interviews", headers=headers, json={"job_posting_id": job_id, "question_count": 9}
        )
        assert too_many.status_code == 422 and too_many.json()["code"] == "validation_error"
        missing = await client.post("/api/v1/interviews", headers=headers, json={"job_posting_id": 999_999})
        assert missing.status_code == 404 and missing.json()["code"] == "job_not_found"
        other = await register(client, "bob@example.com")
        hidden = await client.post("/api/v1/interviews", headers=other, json={"job_posting_id": job_id})
        assert hidden.status_code == 404  # Ada's hand-added job is private to her
        huge = 99_999_999_999  # beyond the 32-bit ids: refused, never a database error
        assert (await client.get(f"/api/v1/interviews/{huge}", headers=headers)).status_code == 422
        big_job = await client.post("/api/v1/interviews", headers=headers, json={"job_posting_id": huge})
        assert big_job.status_code == 422
        assert (await client.get("/api/v1/interviews/123456", headers=headers)).json()["code"] == "interview_not_found"


class TestPractice:
    async def test_answer_feedback_retry_finish_stats_delete(self, app: Any, client: httpx.AsyncClient) -> None:
        headers = await register(client)
        interview = await _active_session(app, client, headers, count=5)
        sid = interview["id"]
        first, second = interview["questions"][0], interview["questions"][1]
        base = f"/api/v1/interviews/{sid}/answers"

        blank = await client.post(f"{base}/{first['id']}", headers=headers, json={"answer": "   "})
        assert blank.status_code == 422
        too_long = await client.post(f"{base}/{first['id']}", headers=headers, json={"answer": "x" * 5001})
        assert too_long.status_code == 422

        r = await client.post(f"{base}/{first['id']}", headers=headers, json={"answer": STAR})
        assert r.status_code == 202, r.text
        assert r.json()["answer"] == STAR and r.json()["score"] is None and r.json()["answered_at"]
        again = await client.post(f"{base}/{first['id']}", headers=headers, json={"answer": "again"})
        assert again.status_code == 409 and again.json()["code"] == "already_answered"

        await app.state.bus.start()
        done: list[dict[str, Any]] = []

        async def listen(channel: str, message: dict[str, Any]) -> None:
            done.append(message)

        app.state.bus.add_listener(listen)
        try:
            deltas = await worker.feedback(app, first["id"])
        finally:
            await app.state.bus.stop()
        assert len(deltas) == 1 and deltas[0]["answer_id"] == first["id"] and "Score:" in deltas[0]["delta"]
        [event] = [m for m in done if m["type"] == "interview.feedback"]
        assert event["data"]["done"] is True and event["data"]["session_id"] == sid
        good_score = event["data"]["score"]
        assert good_score >= 60 and event["data"]["feedback"]["criteria"]["evidence"] >= 55

        await client.post(f"{base}/{second['id']}", headers=headers, json={"answer": "No idea."})
        await worker.feedback(app, second["id"])
        read = (await client.get(f"/api/v1/interviews/{sid}", headers=headers)).json()
        scored = {q["id"]: q["score"] for q in read["questions"]}
        assert scored[first["id"]] == good_score and scored[second["id"]] < good_score - 30
        assert read["answered"] == 2 and read["score"] == pytest.approx((good_score + scored[second["id"]]) / 2, 0.1)
        next_up = next(q for q in read["questions"] if q["answer"] is None)
        assert next_up["position"] == 3

        finished = await client.post(f"/api/v1/interviews/{sid}/finish", headers=headers)
        assert finished.status_code == 200 and finished.json()["status"] == "finished"
        assert finished.json()["score"] == read["score"] and finished.json()["finished_at"]
        late = await client.post(f"{base}/{next_up['id']}", headers=headers, json={"answer": STAR})
        assert late.status_code == 409 and late.json()["code"] == "interview_finished"

        unanswered = await client.post(f"{base}/{next_up['id']}/retry", headers=headers)
        assert unanswered.status_code == 409
        retry = await client.post(f"{base}/{second['id']}/retry", headers=headers)
        assert retry.status_code == 201, retry.text
        row = retry.json()
        assert row["retry_of_id"] == second["id"] and row["question"] == second["question"]
        assert row["position"] == 6 and row["answer"] is None
        reopened = (await client.get(f"/api/v1/interviews/{sid}", headers=headers)).json()
        assert reopened["status"] == "active" and reopened["total"] == 6

        stats = (await client.get("/api/v1/interviews/stats", headers=headers)).json()
        assert [s["id"] for s in stats["sessions"]] == [sid]
        assert stats["sessions"][0]["job_title"] == "Senior Backend Engineer"
        assert sum(c["answered"] for c in stats["by_category"]) == 2
        assert stats["weakest"][0]["answer_id"] == second["id"] and stats["weakest"][0]["score"] == scored[second["id"]]

        listed = (await client.get("/api/v1/interviews?page=1&size=10", headers=headers)).json()
        assert listed["total"] == 1 and listed["items"][0]["answered"] == 2 and listed["items"][0]["total"] == 6
        assert listed["items"][0]["company"] == "Acme" and listed["items"][0]["provider"] == "offline"

        assert (await client.delete(f"/api/v1/interviews/{sid}", headers=headers)).status_code == 204
        assert (await client.get(f"/api/v1/interviews/{sid}", headers=headers)).status_code == 404
        assert (await client.get("/api/v1/interviews/stats", headers=headers)).json()["weakest"] == []

    async def test_retry_into_another_session(self, app: Any, client: httpx.AsyncClient) -> None:
        headers = await register(client)
        one = await _active_session(app, client, headers)
        two = await _active_session(app, client, headers)
        question = one["questions"][0]
        await client.post(
            f"/api/v1/interviews/{one['id']}/answers/{question['id']}", headers=headers, json={"answer": STAR}
        )
        r = await client.post(
            f"/api/v1/interviews/{one['id']}/answers/{question['id']}/retry",
            headers=headers,
            json={"session_id": two["id"]},
        )
        assert r.status_code == 201
        moved = (await client.get(f"/api/v1/interviews/{two['id']}", headers=headers)).json()
        assert moved["questions"][-1]["retry_of_id"] == question["id"] and moved["total"] == 7


class TestOwnership:
    async def test_another_users_session_is_404_everywhere(self, app: Any, client: httpx.AsyncClient) -> None:
        ada = await register(client)
        interview = await _active_session(app, client, ada)
        sid, qid = interview["id"], interview["questions"][0]["id"]
        await client.post(f"/api/v1/interviews/{sid}/answers/{qid}", headers=ada, json={"answer": STAR})
        await worker.feedback(app, qid)
        bob = await register(client, "bob@example.com")
        for method, path, body in [
            ("GET", f"/api/v1/interviews/{sid}", None),
            ("POST", f"/api/v1/interviews/{sid}/answers/{qid}", {"answer": "mine now"}),
            ("POST", f"/api/v1/interviews/{sid}/answers/{qid}/retry", None),
            ("POST", f"/api/v1/interviews/{sid}/finish", None),
            ("DELETE", f"/api/v1/interviews/{sid}", None),
        ]:
            r = await client.request(method, path, headers=bob, json=body)
            assert r.status_code == 404, (method, path, r.text)
            assert r.json()["code"] == "interview_not_found"
        bob_own = await _active_session(app, client, bob)
        cross = await client.post(
            f"/api/v1/interviews/{sid}/answers/{qid}/retry", headers=ada, json={"session_id": bob_own["id"]}
        )
        assert cross.status_code == 404  # Ada cannot push a question into Bob's session
        assert (await client.get("/api/v1/interviews", headers=bob)).json()["total"] == 1
        stats = (await client.get("/api/v1/interviews/stats", headers=bob)).json()
        assert stats == {"sessions": [], "by_category": [], "weakest": []}
        wrong_session = await client.post(
            f"/api/v1/interviews/{bob_own['id']}/answers/{qid}", headers=bob, json={"answer": STAR}
        )
        assert wrong_session.status_code == 404 and wrong_session.json()["code"] == "question_not_found"
        assert (await client.get(f"/api/v1/interviews/{sid}", headers=ada)).json()["answered"] == 1
