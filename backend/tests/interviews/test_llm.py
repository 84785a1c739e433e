"""The LLM path against the local OpenAI-compatible server: a question pool per job (cached, picked per session),
streamed feedback without the rubric line, a malformed rubric repaired or scored offline, failures falling back."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Iterator
from typing import Any

import httpx
import pytest

from app.core.cache import MemoryCache
from app.llm.client import LLMClient
from app.llm.retry import RetryPolicy
from tests.conftest import register
from tests.interviews import worker
from tests.interviews.test_api import STAR, _job
from tests.llm.server import LLMServer, Reply, error, ok, running_llm_server

RUBRIC = {
    "criteria": {"structure": 90, "relevance": 80, "evidence": 95, "length": 85, "specificity": 88},
    "score": 87,
    "strengths": ["Clear STAR story", "Real numbers"],
    "improvements": ["Say what you would do differently"],
    "hint": "Close with the lesson you took from it.",
}
PROSE = "**Good answer.** You framed the situation well and gave real numbers.\n\nNext time, add the lesson learned.\n"


def pool() -> dict[str, Any]:
    technical = [
        {"category": "technical", "skill": skill, "question": f"How do you use {skill} in a production service?"}
        for skill in ("Python", "FastAPI", "PostgreSQL", "Kubernetes", "Python")
    ] + [{"category": "technical", "skill": "Haskell", "question": "How do monads help you structure effects?"}]
    behavioural = [
        {"category": "behavioural", "skill": None, "question": f"Tell me about a time you {what}."}
        for what in ("missed a deadline", "changed a teammate's mind", "fixed a production outage")
    ]
    role = [
        {"category": "role", "skill": None, "question": f"How would you approach {what} in this role?"}
        for what in ("mentoring juniors", "designing services", "owning on-call", "working with product")
    ]
    return {"questions": technical + behavioural + role}


@pytest.fixture(scope="module")
def llm_server_module() -> Iterator[LLMServer]:
    with running_llm_server() as server:
        yield server


@pytest.fixture
def llm_server(llm_server_module: LLMServer) -> Iterator[LLMServer]:
    llm_server_module.reset()
    yield llm_server_module
    llm_server_module.reset()


@pytest.fixture
def settings_overrides(llm_server_module: LLMServer) -> dict[str, object]:
    return {
        "llm_provider": "groq",
        "llm_base_url": llm_server_module.url,
        "llm_api_key": "test-key",
        "llm_timeout_seconds": 2.0,
        "llm_max_retries": 1,
        "llm_daily_token_budget": 100_000,
    }


@pytest.fixture
async def llm(app: Any) -> AsyncIterator[LLMClient]:
    settings = app.state.settings
    retry = RetryPolicy(max_retries=settings.llm_max_retries, backoff_seconds=0.01, max_backoff_seconds=0.05)
    async with LLMClient(settings, cache=MemoryCache(ttl_seconds=60), retry=retry) as client:
        yield client


async def _session(app: Any, client: httpx.AsyncClient, headers: dict[str, str], job_id: int) -> int:
    r = await client.post("/api/v1/interviews", headers=headers, json={"job_posting_id": job_id, "question_count": 6})
    assert r.status_code == 202, r.text
    return int(r.json()["id"])


async def _answered(app: Any, client: httpx.AsyncClient, llm_server: LLMServer, llm: LLMClient) -> tuple[Any, ...]:
    """A session (questions from the bank: the server answers garbage) with its first question answered."""
    headers = await register(client)
    job_id = await _job(app, client, headers)
    sid = await _session(app, client, headers, job_id)
    llm_server.queue(ok("not json"), ok("still not json"))
    await worker.prepare(app, sid, 6, llm)
    read = (await client.get(f"/api/v1/interviews/{sid}", headers=headers)).json()
    assert read["provider"] == "offline"  # a malformed question list falls back to the bank
    qid = read["questions"][0]["id"]
    r = await client.post(f"/api/v1/interviews/{sid}/answers/{qid}", headers=headers, json={"answer": STAR})
    assert r.status_code == 202
    llm_server.reset()
    return headers, sid, qid


class TestLLMQuestions:
    async def test_pool_per_job_cached_and_picked_per_session(
        self, app: Any, client: httpx.AsyncClient, llm_server: LLMServer, llm: LLMClient
    ) -> None:
        headers = await register(client)
        job_id = await _job(app, client, headers)
        llm_server.queue(ok(pool()))
        texts = {q["question"] for q in pool()["questions"]}
        picks = []
        for _ in range(3):
            sid = await _session(app, client, headers, job_id)
            await worker.prepare(app, sid, 6, llm)
            read = (await client.get(f"/api/v1/interviews/{sid}", headers=headers)).json()
            assert read["status"] == "active" and read["provider"] == "groq"
            assert read["model"] and read["prompt_version"] == "interview-questions-v1"
            questions = read["questions"]
            assert len(questions) == 6 and {q["question"] for q in questions} <= texts
            assert [q["category"] for q in questions].count("technical") == 3
            assert all(q["skill"] != "Haskell" for q in questions)  # never a skill the job does not list
            picks.append([q["question"] for q in questions])
        assert llm_server.chat_requests == 1  # the pool is asked once per (job, prompt version, model)
        sent = llm_server.requests[0]
        assert sent["response_format"]["type"] == "json_schema"
        assert "Senior Backend Engineer" in sent["messages"][-1]["content"]
        assert len({tuple(p) for p in picks}) > 1  # varied between sessions


class TestLLMFeedback:
    async def test_streamed_deltas_hide_the_rubric_line(
        self, app: Any, client: httpx.AsyncClient, llm_server: LLMServer, llm: LLMClient
    ) -> None:
        headers, sid, qid = await _answered(app, client, llm_server, llm)
        text = PROSE + "RUBRIC: " + json.dumps(RUBRIC)
        # Split so the marker itself straddles two pieces.
        at = text.index("RUBRIC:") + 3
        llm_server.queue(Reply(content=text, pieces=[text[:20], text[20:at], text[at:]]))
        deltas = await worker.feedback(app, qid, llm)
        streamed = "".join(d["delta"] for d in deltas)
        assert streamed.strip() == PROSE.strip() and "RUBRIC" not in streamed and len(deltas) >= 2
        assert all(d["session_id"] == sid and d["answer_id"] == qid for d in deltas)
        assert llm_server.requests[0]["stream"] is True
        q = (await client.get(f"/api/v1/interviews/{sid}", headers=headers)).json()["questions"][0]
        assert q["score"] == 87 and q["feedback"]["criteria"] == RUBRIC["criteria"]
        assert q["feedback"]["provider"] == "groq" and q["feedback"]["details"]["scored_by"] == "llm"
        assert q["feedback"]["notes"] == PROSE.strip() and q["feedback"]["hint"] == RUBRIC["hint"]

    async def test_a_malformed_rubric_is_repaired(
        self, app: Any, client: httpx.AsyncClient, llm_server: LLMServer, llm: LLMClient
    ) -> None:
        headers, sid, qid = await _answered(app, client, llm_server, llm)
        llm_server.queue(ok(PROSE + 'RUBRIC: {"criteria": {"structure": "high"'), ok({**RUBRIC, "score": 81}))
        await worker.feedback(app, qid, llm)
        q = (await client.get(f"/api/v1/interviews/{sid}", headers=headers)).json()["questions"][0]
        assert q["score"] == 81 and q["feedback"]["details"]["scored_by"] == "llm"
        assert llm_server.chat_requests == 2 and "response_format" in llm_server.requests[1]

    async def test_an_unrepairable_rubric_is_scored_offline_keeping_the_prose(
        self, app: Any, client: httpx.AsyncClient, llm_server: LLMServer, llm: LLMClient
    ) -> None:
        headers, sid, qid = await _answered(app, client, llm_server, llm)
        llm_server.queue(ok(PROSE), ok("nope"), ok("nope again"))
        await worker.feedback(app, qid, llm)
        q = (await client.get(f"/api/v1/interviews/{sid}", headers=headers)).json()["questions"][0]
        assert q["feedback"]["details"]["scored_by"] == "offline" and q["feedback"]["notes"] == PROSE.strip()
        assert q["score"] >= 60  # the offline rubric's score of a good STAR answer

    async def test_a_failing_provider_falls_back_to_offline_feedback(
        self, app: Any, client: httpx.AsyncClient, llm_server: LLMServer, llm: LLMClient
    ) -> None:
        headers, sid, qid = await _answered(app, client, llm_server, llm)
        llm_server.queue(error(500), error(500))
        deltas = await worker.feedback(app, qid, llm)
        assert len(deltas) == 1 and deltas[0]["delta"].startswith("**Score:")
        q = (await client.get(f"/api/v1/interviews/{sid}", headers=headers)).json()["questions"][0]
        assert q["feedback"]["provider"] == "offline" and q["score"] >= 60
