"""An interview end to end against a live server with its embedded worker: create → questions → answer →
`interview.feedback` deltas over the WebSocket, then done with a score → statistics."""

from __future__ import annotations

from typing import Any

import pytest

from tests.interviews.test_api import STAR
from tests.live import account, next_of, open_socket
from tests.tasks.test_background import api, eventually

DESCRIPTION = """Senior Backend Engineer at Acme.
We build APIs in Python with FastAPI and PostgreSQL, running on Kubernetes and AWS.
Responsibilities:
- Design, build and maintain scalable backend services
- Mentor junior engineers
"""


class TestInterviewOverTheWebSocket:
    @pytest.fixture
    def settings_overrides(self) -> dict[str, object]:
        return {"embedded_worker": True}

    async def test_create_answer_stream_feedback_stats(self, server: tuple[str, Any]) -> None:
        host, _ = server
        token, _ = await account(host, "ada@example.com")
        async with api(host, token) as c:
            job = await c.post(
                "/api/v1/jobs",
                json={
                    "title": "Senior Backend Engineer",
                    "company": "Acme",
                    "description": DESCRIPTION,
                    "tech_stack": ["Python", "FastAPI", "PostgreSQL", "Kubernetes"],
                },
            )
            assert job.status_code == 201, job.text
            ws = await open_socket(host, token)
            try:
                created = await c.post("/api/v1/interviews", json={"job_posting_id": job.json()["id"]})
                assert created.status_code == 202, created.text
                sid = created.json()["id"]
                assert created.json()["status"] == "preparing"

                async def active() -> dict[str, Any] | None:
                    body: dict[str, Any] = (await c.get(f"/api/v1/interviews/{sid}")).json()
                    return body if body["status"] != "preparing" else None

                interview = await eventually(active, timeout=30, what="questions prepared")
                assert interview["status"] == "active" and interview["total"] == 6
                first = next(q for q in interview["questions"] if q["answer"] is None)

                sent = await c.post(f"/api/v1/interviews/{sid}/answers/{first['id']}", json={"answer": STAR})
                assert sent.status_code == 202 and sent.json()["score"] is None
                events = []
                while True:
                    event = await next_of(ws, "interview.feedback", timeout=20)
                    assert event["data"]["session_id"] == sid and event["data"]["answer_id"] == first["id"]
                    events.append(event["data"])
                    if event["data"].get("done"):
                        break
            finally:
                await ws.close()
            *deltas, done = events
            assert deltas and all(d["delta"] for d in deltas)
            assert "".join(d["delta"] for d in deltas).startswith(f"**Score: {done['score']}/100**")
            assert done["score"] >= 60 and done["feedback"]["criteria"] and done["feedback"]["hint"]

            read = (await c.get(f"/api/v1/interviews/{sid}")).json()
            assert read["answered"] == 1 and read["score"] == done["score"]
            stats = (await c.get("/api/v1/interviews/stats")).json()
            assert stats["sessions"][0]["id"] == sid and stats["sessions"][0]["score"] == done["score"]
            assert stats["weakest"][0]["answer_id"] == first["id"]
            assert [cat["answered"] for cat in stats["by_category"]] == [1]
            finished = (await c.post(f"/api/v1/interviews/{sid}/finish")).json()
            assert finished["status"] == "finished" and finished["score"] == done["score"]
