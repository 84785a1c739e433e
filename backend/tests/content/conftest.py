"""Fixtures of the content tests: the local OpenAI-compatible server and helpers that give a user a resume."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from app.core.config import Settings
from app.core.db import make_engine, make_session_factory
from app.models.resume import Resume, ResumeStatus
from app.resumes.sections import split_sections
from app.skills import extract
from tests.llm.server import LLMServer, running_llm_server

RESUME = """Grace Hopper
grace@example.com | +1 555 0100

SUMMARY
Backend engineer who builds data pipelines and APIs.

EXPERIENCE
Senior Engineer, Initech Corp (2019 - 2024)
- Cut nightly batch time by 40% by rewriting PostgreSQL queries.
- Moved twelve services to Kubernetes with Docker images and zero downtime.
- Built REST APIs in Python with FastAPI and PostgreSQL, serving two million calls a day.

EDUCATION
B.Sc. Computer Science, State University

SKILLS
Python, FastAPI, PostgreSQL, Docker, Kubernetes
"""
JOB = {
    "title": "Backend Engineer",
    "company": "Acme",
    "location": "Berlin",
    "description": "Acme builds invoicing software.\n\nResponsibilities\n- Design and build REST APIs in Python\n"
    "- Tune PostgreSQL queries for our reporting\n- Run services on Kubernetes\n\nRequirements\n"
    "- Python, PostgreSQL, Kubernetes, Kafka",
}


@pytest.fixture(scope="module")
def llm_server_module() -> Iterator[LLMServer]:
    with running_llm_server() as server:
        yield server


@pytest.fixture
def llm_server(llm_server_module: LLMServer) -> Iterator[LLMServer]:
    llm_server_module.reset()
    yield llm_server_module
    llm_server_module.reset()


def llm_settings(server: LLMServer) -> dict[str, object]:
    return {
        "llm_provider": "groq",
        "llm_base_url": server.url,
        "llm_api_key": "test-key",
        "llm_timeout_seconds": 5.0,
        "llm_max_retries": 0,
        "llm_daily_token_budget": 0,
    }


async def give_resume(settings: Settings, user_id: int, text: str = RESUME) -> int:
    """A processed resume, as `resumes.process` leaves it, written straight to the database (with an engine of
    the test's own event loop: the live app's engine belongs to the server thread's loop)."""
    resume = Resume(
        user_id=user_id,
        filename="resume.txt",
        content_type="text/plain",
        size_bytes=len(text),
        sha256="0" * 64,
        storage_name="none.txt",
        status=ResumeStatus.ready,
        text=text,
        sections=split_sections(text),
        skills=extract(text, "resume").skills,
    )
    engine = make_engine(settings)
    try:
        async with make_session_factory(engine)() as session:
            session.add(resume)
            await session.commit()
            return int(resume.id)
    finally:
        await engine.dispose()
