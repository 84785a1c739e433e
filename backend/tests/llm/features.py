"""Every AI feature end to end against a slow, streaming OpenAI-compatible server, as a user drives them through
the API of a running app: the administrator turns the provider on in Settings; then job skills, resume skills,
a cover letter (streamed while the user keeps working), a tailored resume, a cancelled letter, interview questions
and streamed interview feedback. Used on SQLite with the embedded worker and on PostgreSQL + Redis with a
separate `copilot worker` process.

`FeatureModel` answers each request by what it asks for (the skills, questions and rubric schemas as JSON; the
letter, tailored resume and feedback as text streamed a chunk every 100 ms), so concurrent tasks get the right
answers in any order; scripted failures (a 429 with Retry-After, then malformed JSON) are queued in front."""

from __future__ import annotations

import json
import threading
from typing import Any

import httpx

from tests.content.conftest import JOB, RESUME
from tests.llm.server import LLMServer, Reply, error, ok, streamed
from tests.tasks.test_background import eventually

LETTER = (
    "Dear Acme team,\n\nI am applying for the Backend Engineer role at Acme. At Initech Corp I built REST APIs in "
    "Python with FastAPI and PostgreSQL, serving two million calls a day, and moved twelve services to Kubernetes."
    "\n\nKind regards,\nGrace Hopper"
)
FEEDBACK = (
    "**What worked:** a clear situation and a measured result.\n\n**To improve:** say which tools you used."
    '\nRUBRIC: {"criteria": {"structure": 80, "relevance": 75, "evidence": 70, "length": 85, "specificity": 60}, '
    '"score": 74, "strengths": ["Clear result"], "improvements": ["Name the tools"], "hint": "Name the tool."}'
)
ANSWER = (
    "At Initech our nightly batch ran late (situation). I had to cut its time (task). I rewrote the slowest "
    "PostgreSQL queries and added indexes (action). The batch finished 40% faster (result)."
)
STREAM_SECONDS = 1.5  # a chunk every 100 ms at most


def _questions() -> dict[str, Any]:
    items = [
        {"category": "technical", "skill": s, "question": f"How have you used {s} in production, and what broke?"}
        for s in ("Python", "PostgreSQL", "Kubernetes", "Python", "PostgreSQL", "Kubernetes")
    ]
    items += [
        {"category": "behavioural", "skill": None, "question": f"Tell me about a time you {what}."}
        for what in ("disagreed with a teammate", "missed a deadline", "improved a process")
    ]
    items += [
        {"category": "role", "skill": None, "question": f"What would you {what} in your first month at Acme?"}
        for what in ("build", "measure", "change", "learn")
    ]
    return {"questions": items}


class FeatureModel:
    """The server's answers, chosen by the request (the prompts say which feature is asking)."""

    def __init__(self) -> None:
        self.seen: list[str] = []

    def __call__(self, body: dict[str, Any]) -> Reply:
        text = json.dumps(body.get("messages", []))
        if "response_format" in body:  # structured: the schema is in the system message (JSON mode)
            if "experienced interviewer" in text:
                self.seen.append("questions")
                return ok(_questions(), delay=0.2)
            if "interview coach" in text:
                self.seen.append("rubric")
                return ok(json.loads(FEEDBACK.split("RUBRIC: ", 1)[1]), delay=0.2)
            if "say what it asks of candidates" in text:
                self.seen.append("requirements")
                named = [s for s in ("Python", "FastAPI", "PostgreSQL", "Kubernetes", "Docker") if s in text]
                return ok({"must_have": named, "nice_to_have": [], "min_years": None, "degree": None,
                           "degree_required": False, "seniority": None, "remote": None, "sponsorship": None},
                          delay=0.2)  # fmt: skip
            self.seen.append("skills")
            found = [s for s in ("Python", "FastAPI", "PostgreSQL", "Kubernetes", "Docker") if s in text]
            return ok({"skills": found, "responsibilities": ["Build REST APIs in Python"]}, delay=0.2)
        if "interview coach" in text:
            self.seen.append("feedback")
            return streamed(FEEDBACK, STREAM_SECONDS)
        if "tailor resumes" in text:
            self.seen.append("tailor")
            return streamed(RESUME, STREAM_SECONDS)
        self.seen.append("letter")
        return streamed(LETTER, STREAM_SECONDS)


async def _ok(r: httpx.Response, status: int = 200) -> dict[str, Any]:
    assert r.status_code == status, f"{r.request.method} {r.request.url}: {r.status_code} {r.text}"
    return r.json()  # type: ignore[no-any-return]


async def _idle(c: httpx.AsyncClient) -> bool:
    runs = (await c.get("/api/v1/tasks")).json()["items"]
    return all(r["state"] not in ("queued", "running", "retrying") for r in runs)


async def exercise_every_feature(c: httpx.AsyncClient, server: LLMServer, timeout: float = 60) -> dict[str, Any]:
    """Run every AI feature through the API of `c` (the administrator's client). Returns what it saw."""
    model = FeatureModel()
    server.responder = model

    # 1. The administrator turns the provider on in Settings (no environment variable, no restart).
    body = {"provider": "custom", "model": "test-model", "base_url": server.url, "api_key": "sk-local-1"}
    await _ok(await c.put("/api/v1/ai/settings", json={**body, "daily_token_budget": 0}))
    status = await _ok(await c.get("/api/v1/ai/status"))
    assert (status["provider"], status["ready"], status["source"]) == ("custom", True, "settings")

    # 2. Resume skills, through a 429 with Retry-After and then malformed JSON (retried, then repaired).
    server.queue(error(429, retry_after=0.2), ok("{not json"))
    files = {"file": ("grace.txt", RESUME.encode(), "text/plain")}
    resume = await _ok(await c.post("/api/v1/resumes", files=files), 202)

    async def resume_ready() -> dict[str, Any] | None:
        read = await _ok(await c.get(f"/api/v1/resumes/{resume['id']}"))
        return read if read["status"] in ("ready", "failed") else None

    resume = await eventually(resume_ready, timeout=timeout, what="resume read")
    assert (resume["status"], resume["provider"]) == ("ready", "hybrid:custom"), resume
    assert any("Your answer was not valid" in json.dumps(r["messages"]) for r in server.requests)  # repaired

    # 3. Job skills for a hand-added posting.
    job = await _ok(await c.post("/api/v1/jobs", json=JOB), 201)

    async def job_skills() -> dict[str, Any] | None:
        read = await _ok(await c.get(f"/api/v1/jobs/{job['id']}"))
        return read if read["skills_provider"] == "hybrid:custom" else None

    job = await eventually(job_skills, timeout=timeout, what="job skills by the LLM")

    async def job_requirements() -> bool:  # what the posting asks, read by the model too, for the match score
        fit = await _ok(await c.get(f"/api/v1/jobs/{job['id']}/match"))
        return bool(fit["requirements"]["read_by"] == "hybrid:custom")

    await eventually(job_requirements, timeout=timeout, what="the job's requirements read by the LLM")
    await eventually(lambda: _idle(c), timeout=timeout, what="background work done")
    application = await _ok(await c.post("/api/v1/applications", json={"job_posting_id": job["id"]}), 201)

    # 4. A cover letter: while it streams (held half-way), the user's own writes go through at once.
    gate, reached = threading.Event(), threading.Event()
    server.queue(streamed(LETTER, STREAM_SECONDS, gate=gate, reached=reached))
    letter = await _ok(await c.post(f"/api/v1/jobs/{job['id']}/documents", json={"kind": "cover_letter"}), 202)
    try:
        await eventually(lambda: _set(reached), timeout=timeout, what="the letter streaming")
        for status_name in ("applied", "interview", "applied"):
            await _ok(await c.patch(f"/api/v1/applications/{application['id']}", json={"status": status_name}))
        mid = await _ok(await c.get(f"/api/v1/documents/{letter['id']}"))
        assert mid["status"] == "generating", mid  # the writes above did not wait for the stream
    finally:
        gate.set()
    letter = await _doc_done(c, letter["id"], timeout)
    assert (letter["status"], letter["provider"], letter["model"]) == ("ready", "custom", "test-model"), letter
    assert letter["content"].startswith("Dear Acme team,") and "Initech Corp" in letter["content"]

    # 5. A tailored resume.
    tailored = await _ok(await c.post(f"/api/v1/jobs/{job['id']}/documents", json={"kind": "tailored_resume"}), 202)
    tailored = await _doc_done(c, tailored["id"], timeout)
    assert (tailored["status"], tailored["provider"]) == ("ready", "custom"), tailored

    # 6. Cancel mid-stream.
    gate, reached = threading.Event(), threading.Event()
    server.queue(streamed(LETTER, STREAM_SECONDS, gate=gate, reached=reached))
    # Another length: another question (the first letter's answer is cached).
    other = {"kind": "cover_letter", "length": "short"}
    cancelled = await _ok(await c.post(f"/api/v1/jobs/{job['id']}/documents", json=other), 202)
    try:
        await eventually(lambda: _set(reached), timeout=timeout, what="the second letter streaming")
        await _ok(await c.post(f"/api/v1/documents/{cancelled['id']}/cancel"))
    finally:
        gate.set()
    cancelled = await _doc_done(c, cancelled["id"], timeout)
    assert cancelled["status"] == "cancelled", cancelled

    # 7. Interview questions, then streamed feedback with its rubric.
    interview = await _ok(
        await c.post("/api/v1/interviews", json={"job_posting_id": job["id"], "question_count": 5}), 202
    )

    async def active() -> dict[str, Any] | None:
        read = await _ok(await c.get(f"/api/v1/interviews/{interview['id']}"))
        return read if read["status"] != "preparing" else None

    interview = await eventually(active, timeout=timeout, what="interview questions")
    assert (interview["status"], interview["provider"]) == ("active", "custom"), interview
    first = interview["questions"][0]
    path = f"/api/v1/interviews/{interview['id']}/answers/{first['id']}"
    await _ok(await c.post(path, json={"answer": ANSWER}), 202)

    async def scored() -> dict[str, Any] | None:
        read = await _ok(await c.get(f"/api/v1/interviews/{interview['id']}"))
        question = next(q for q in read["questions"] if q["id"] == first["id"])
        return question if question["score"] is not None else None

    question = await eventually(scored, timeout=timeout, what="interview feedback")
    assert question["score"] == 74 and question["feedback"]["provider"] == "custom", question
    assert "What worked" in question["feedback"]["notes"] and "RUBRIC" not in question["feedback"]["notes"]
    assert {"skills", "requirements", "tailor", "questions", "feedback"} <= set(model.seen), model.seen
    return {"letter": letter, "tailored": tailored, "interview": interview, "seen": model.seen}


async def _set(event: threading.Event) -> bool:
    return event.is_set()


async def _doc_done(c: httpx.AsyncClient, doc_id: int, timeout: float) -> dict[str, Any]:
    async def done() -> dict[str, Any] | None:
        read = await _ok(await c.get(f"/api/v1/documents/{doc_id}"))
        return read if read["status"] != "generating" else None

    return await eventually(done, timeout=timeout, what=f"document {doc_id}")  # type: ignore[no-any-return]
