"""The guard: a local OpenAI-compatible server answers with an invented skill, employer, job title and degree, and
each is removed and reported; what the resume holds stays. Also the LLM path's fallbacks and its cache."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from app.content.generation import generate
from app.content.guard import guard_text
from app.core.cache import MemoryCache
from app.core.config import Settings
from app.llm.client import LLMClient
from app.llm.retry import RetryPolicy
from app.models.content import DocumentKind
from tests.content.samples import SAMPLES, inputs_of
from tests.llm.server import LLMServer, error, ok

INVENTED = (
    "Dear Acme team,\n\n"
    "I am applying for the Backend Engineer role at Acme. I built REST APIs in Python with FastAPI. "
    "I also shipped Haskell services every week. "
    "Before that I spent three years at Globex Corporation leading the payments platform. "
    "I hold a PhD in Computer Science from a famous university. "
    "As Principal Architect I set the technical direction for forty engineers. "
    "My B.Sc. Computer Science taught me to tune PostgreSQL queries.\n\n"
    "Skills: Python, PostgreSQL, Rust, Docker\n\nSincerely,\nGrace Hopper"
)


@pytest.fixture
def settings_overrides(llm_server_module: LLMServer) -> dict[str, object]:
    from tests.content.conftest import llm_settings

    return llm_settings(llm_server_module)


@pytest.fixture
async def session(app: Any) -> AsyncIterator[AsyncSession]:
    async with app.state.session_factory() as s:
        yield s


@pytest.fixture
async def llm(settings: Settings) -> AsyncIterator[LLMClient]:
    retry = RetryPolicy(max_retries=0, backoff_seconds=0.01, max_backoff_seconds=0.05)
    async with LLMClient(settings, cache=MemoryCache(ttl_seconds=60), retry=retry) as client:
        yield client


class TestGuardText:
    def test_invented_facts_are_removed_and_reported(self) -> None:
        inputs = inputs_of(SAMPLES[0])
        text, removed = guard_text(INVENTED, inputs)
        kinds = {r["kind"] for r in removed}
        assert kinds == {"skill", "employer", "degree", "title"}
        for invented in ("Haskell", "Globex", "PhD", "Principal Architect", "Rust"):
            assert invented not in text
            assert any(invented in r["text"] or invented in r["reason"] for r in removed), invented
        assert next(r for r in removed if r["text"] == "Rust")["reason"] == "Rust is not in your profile or resume"
        # what the resume holds is kept: the company applied to, its role, the resume's own degree and skills
        assert "Backend Engineer role at Acme" in text and "My B.Sc. Computer Science" in text
        assert "Skills: Python, PostgreSQL, Docker" in text

    def test_employer_forms(self) -> None:
        inputs = inputs_of(SAMPLES[0])
        cases = {
            "I led a team at Initech Corp.": [],  # in the resume
            "I consulted for Hooli on search.": ["employer"],
            "Vandelay Industries, Inc. hired me twice.": ["employer"],
            "I worked with Python at Acme.": [],  # a skill and the company applied to
        }
        for sentence, kinds in cases.items():
            assert [r["kind"] for r in guard_text(sentence, inputs)[1]] == kinds, sentence


class TestGenerateWithLLM:
    async def test_the_answer_is_streamed_guarded_and_reported(
        self, llm: LLMClient, session: AsyncSession, llm_server: LLMServer
    ) -> None:
        llm_server.queue(ok(INVENTED))
        pieces: list[str] = []

        async def on_delta(delta: str) -> None:
            pieces.append(delta)

        inputs = inputs_of(SAMPLES[0])
        outcome = await generate(llm, inputs, DocumentKind.cover_letter, {}, user_id=None, on_delta=on_delta)
        assert "".join(pieces) == INVENTED and len(pieces) > 10
        assert (outcome.provider, outcome.prompt_version) == ("groq", "cover-llm-v2")
        assert {r["kind"] for r in outcome.report["removed"]} == {"skill", "employer", "degree", "title"}
        assert "Globex" not in outcome.content and "Haskell" not in outcome.content
        sent = llm_server.requests[0]["messages"]
        assert "Kafka" in sent[1]["content"] and "missing_skills" in sent[1]["content"]  # told what it lacks

        again = await generate(llm, inputs, DocumentKind.cover_letter, {}, user_id=None)
        assert again.report["cache_hit"] is True and llm_server.chat_requests == 1
        assert again.content == outcome.content

    async def test_a_changed_job_misses_the_cache(
        self, llm: LLMClient, session: AsyncSession, llm_server: LLMServer
    ) -> None:
        llm_server.queue(ok("Dear Acme team, hello."), ok("Dear Acme team, hello again."))
        inputs = inputs_of(SAMPLES[0])
        await generate(llm, inputs, DocumentKind.cover_letter, {}, user_id=None)
        inputs.responsibilities = [*inputs.responsibilities, "Write runbooks"]
        second = await generate(llm, inputs, DocumentKind.cover_letter, {}, user_id=None)
        assert second.report["cache_hit"] is False and llm_server.chat_requests == 2

    async def test_a_failing_provider_falls_back_to_the_offline_version(
        self, llm: LLMClient, session: AsyncSession, llm_server: LLMServer
    ) -> None:
        llm_server.queue(error(500))
        inputs = inputs_of(SAMPLES[1])
        outcome = await generate(llm, inputs, DocumentKind.tailored_resume, {}, user_id=None)
        assert outcome.provider == "offline" and outcome.prompt_version == "tailor-offline-v2"
        assert "offline version" in outcome.report["notice"] and outcome.source
        assert outcome.content.startswith("# Linus Berg")

    async def test_the_tailored_resume_from_the_llm_is_guarded_too(
        self, llm: LLMClient, session: AsyncSession, llm_server: LLMServer
    ) -> None:
        answer = (
            "# Grace Hopper\n\n## Experience\n\n### Senior Engineer \u2014 Initech Corp\n\n## Skills\n\n"
            "- Python, PostgreSQL, Apache Kafka, Docker\n\n## Education\n\nMBA, 2020"
        )
        llm_server.queue(ok(answer))
        outcome = await generate(llm, inputs_of(SAMPLES[0]), DocumentKind.tailored_resume, {}, user_id=None)
        assert outcome.provider != "offline"
        assert "Kafka" not in outcome.content and "MBA" not in outcome.content
        assert "- Python, PostgreSQL, Docker" in outcome.content
        assert outcome.source and outcome.source.startswith("# Grace Hopper")

    async def test_a_tailored_resume_that_drops_a_role_is_not_used(
        self, llm: LLMClient, session: AsyncSession, llm_server: LLMServer
    ) -> None:
        llm_server.queue(ok("# Grace Hopper\n\n## Skills\n\n- Python, PostgreSQL, Docker"))
        outcome = await generate(llm, inputs_of(SAMPLES[0]), DocumentKind.tailored_resume, {}, user_id=None)
        assert outcome.provider == "offline" and "Initech Corp" in outcome.content
        assert outcome.report["notice"] == (
            "The model left out your role at Initech Corp; this is the offline version instead."
        )
