"""The LLM path end to end: a live app with its embedded worker, a local OpenAI-compatible server, and a real
WebSocket that receives the streamed deltas; cancelling a running generation through the API."""

from __future__ import annotations

import uuid
from typing import Any

import pytest

from app.core.config import Settings
from tests.content.conftest import JOB, RESUME, give_resume, llm_settings
from tests.live import account, next_of, open_socket
from tests.llm.server import LLMServer, Reply, ok
from tests.tasks.test_background import api, eventually

LETTER = (
    "Dear Acme team,\n\nI am applying for the Backend Engineer role at Acme. I built REST APIs in Python with "
    "FastAPI and PostgreSQL. Earlier I ran Erlang clusters at Hooli.\n\nKind regards,\nGrace Hopper"
)


@pytest.fixture
def settings_overrides(llm_server_module: LLMServer) -> dict[str, object]:
    return {"embedded_worker": True, **llm_settings(llm_server_module)}


async def _start(
    host: str, token: str, settings: Settings, user_id: int, server: LLMServer, reply: Reply, **job: Any
) -> tuple[Any, dict[str, Any]]:
    async with api(host, token) as c:
        # A resume seen for the first time: the answer cache (shared by the process) must miss.
        # Letters only: the claim check reads digits in the resume as numbers the user wrote (a hex id holding an
        # "8" let "a team of 8 engineers" through, one run in three).
        ref = uuid.uuid4().hex.translate(str.maketrans("0123456789", "ghijklmnop"))
        await give_resume(settings, user_id, RESUME.replace("and APIs.", f"and APIs (ref {ref})."))
        job_id = (await c.post("/api/v1/jobs", json={**JOB, **job})).json()["id"]

        async def idle() -> bool:  # the job's own skill extraction asks the LLM too: let it finish first
            runs = (await c.get("/api/v1/tasks")).json()["items"]
            return all(r["state"] not in ("queued", "running", "retrying") for r in runs)

        await eventually(idle, timeout=20, what="job skills extracted")
        server.queue(reply)
        ws = await open_socket(host, token)
        r = await c.post(f"/api/v1/jobs/{job_id}/documents", json={"kind": "cover_letter"})
        assert r.status_code == 202, r.text
        return ws, r.json()


class TestStreaming:
    async def test_deltas_arrive_over_the_websocket_then_done(
        self, server: tuple[str, Any], settings: Settings, llm_server: LLMServer
    ) -> None:
        host, _ = server
        token, user_id = await account(host, "grace@example.com")
        ws, doc = await _start(host, token, settings, user_id, llm_server, ok(LETTER))
        try:
            deltas: list[str] = []
            while True:
                event = await next_of(ws, "content.delta", timeout=30)
                assert event["id"] is None and event["data"]["document_id"] == doc["id"]
                if event["data"]["done"]:
                    break
                assert event["data"]["done"] is False
                deltas.append(event["data"]["delta"])
        finally:
            await ws.close()
        assert event["data"]["status"] == "ready"
        assert "".join(deltas) == LETTER and len(deltas) == len(LETTER.split(" "))
        async with api(host, token) as c:
            body = (await c.get(f"/api/v1/documents/{doc['id']}")).json()
        assert (body["provider"], body["model"], body["prompt_version"]) == (
            "groq",
            "openai/gpt-oss-20b",
            "cover-llm-v2",
        )
        assert "Hooli" not in body["content"] and "Erlang" not in body["content"]
        assert {r["kind"] for r in body["report"]["removed"]} == {"skill", "employer"}
        assert body["content"].startswith("Dear Acme team,") and body["version_count"] == 1

    async def test_cancel_stops_a_running_generation(
        self, server: tuple[str, Any], settings: Settings, llm_server: LLMServer
    ) -> None:
        host, _ = server
        words = " ".join(f"word{i}" for i in range(400))
        token, user_id = await account(host, "grace@example.com")
        reply = Reply(content=words, delay=1.5)
        ws, doc = await _start(host, token, settings, user_id, llm_server, reply, title="Platform Engineer")
        try:
            progress = await next_of(ws, "task.progress", timeout=20)
            assert progress["data"]["name"] == "content.generate"
            async with api(host, token) as c:
                r = await c.post(f"/api/v1/documents/{doc['id']}/cancel")
                assert r.status_code == 200, r.text
                done = await next_of(ws, "content.delta", timeout=20)
                while not done["data"]["done"]:
                    done = await next_of(ws, "content.delta", timeout=20)
                assert done["data"]["status"] == "cancelled"
                body = (await c.get(f"/api/v1/documents/{doc['id']}")).json()
                assert body["status"] == "cancelled" and body["version_count"] == 0
                assert len(body["content"].split()) < 400  # stopped at the first piece after the cancel

                async def run_state() -> str | None:
                    runs = (await c.get("/api/v1/tasks")).json()["items"]
                    run = next(r for r in runs if r["task_id"] == doc["task_id"])
                    return run["state"] if run["state"] not in ("queued", "running") else None

                assert await eventually(run_state, timeout=10, what="task ended") == "cancelled"
                assert (await c.post(f"/api/v1/documents/{doc['id']}/cancel")).status_code == 409
                edited = await c.patch(f"/api/v1/documents/{doc['id']}", json={"content": "My own letter."})
                assert edited.status_code == 200 and edited.json()["version_count"] == 1
        finally:
            await ws.close()
