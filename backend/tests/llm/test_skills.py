"""LLM skill extraction against the local server: normalised through the taxonomy, grounded in the text (an
invented skill is dropped), and the hybrid with the offline extractor, which it falls back to."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.core.config import Settings
from app.llm.client import LLMClient
from app.llm.skills import PROMPT_VERSION, extract_hybrid, extract_with_llm, ground_skills
from app.models.llm import LLMCall
from app.skills import extract
from app.skills.taxonomy import get_taxonomy
from tests.llm.conftest import make_client
from tests.llm.server import LLMServer, error, ok

JD = (
    "Backend Engineer. You will design REST APIs in Python and run them on Kubernetes (we say k8s). "
    "Our data lives in Postgres. Nice to have: experience with Kafka Streams."
)


def canonical(name: str) -> str:
    found = get_taxonomy().canonical(name)
    assert found is not None, f"the taxonomy should know {name!r}"
    return found


class TestExtractWithLLM:
    async def test_skills_are_normalised_and_grounded_in_the_text(
        self, llm: LLMClient, session: AsyncSession, llm_server: LLMServer, user_id: int
    ) -> None:
        answer = {
            "skills": ["python", "PostgreSQL", "K8s", "Kafka Streams", "Rust", "stakeholder wrangling", "Python 3"],
            "responsibilities": ["Design REST APIs", "design rest APIs", "  ", "Run services on Kubernetes"],
        }
        llm_server.queue(ok(answer))
        found = await extract_with_llm(llm, JD, "jd", user_id=user_id)
        # Rust is a real skill the text never names, "stakeholder wrangling" a phrase it does not contain: both go.
        assert found.skills[:3] == [canonical("Python"), canonical("Postgres"), canonical("Kubernetes")]
        assert canonical("Rust") not in found.skills and "stakeholder wrangling" not in found.skills
        assert any(s.lower() == "kafka streams" or s == get_taxonomy().canonical("Kafka Streams") for s in found.skills)
        assert len(found.skills) == len(set(found.skills)) == 4
        assert found.responsibilities == ["Design REST APIs", "Run services on Kubernetes"]
        sent = llm_server.requests[0]["messages"]
        assert sent[0]["role"] == "system" and "Never add a skill" in sent[0]["content"]
        assert sent[1] == {"role": "user", "content": JD}
        row = (await session.execute(select(LLMCall))).scalar_one()
        assert (row.purpose, row.prompt_version, row.user_id) == ("skills.extract_jd", PROMPT_VERSION, user_id)

    def test_grounding_rules(self) -> None:
        text = "Led a team using Go and C++; some .NET."
        kept = ground_skills(["golang", "C++", ".NET", "C", "Java", "Led a team using Go and C++ daily"], text)
        assert canonical("C++") in kept and canonical(".NET") in kept
        assert canonical("Java") not in kept  # not in the text
        assert canonical("C") not in kept  # "C++" is not "C"
        assert "Led a team using Go and C++ daily" not in kept  # a sentence, not a skill


class TestHybrid:
    async def test_union_of_offline_and_llm(self, llm: LLMClient, session: AsyncSession, llm_server: LLMServer) -> None:
        text = "We write services in Golang, deploy with Helm charts, and test them with our in-house FooBarizer tool."
        offline = extract(text, "jd")
        llm_server.queue(ok({"skills": ["Helm", "FooBarizer", "Rust"], "responsibilities": ["Write Go services"]}))
        found, provider = await extract_hybrid(llm, text, "jd", user_id=None)
        assert provider == "hybrid:groq"
        # Offline first in its order, then what only the LLM found and the text names; Rust is invented.
        assert found.skills == [*offline.skills, "FooBarizer"]
        assert found.responsibilities == ["Write Go services"]

    async def test_falls_back_to_offline_when_the_provider_fails(
        self, llm: LLMClient, session: AsyncSession, llm_server: LLMServer
    ) -> None:
        llm_server.queue(error(500), error(500), error(500))
        found, provider = await extract_hybrid(llm, JD, "jd", user_id=None)
        assert provider == "offline" and found.skills == extract(JD, "jd").skills

    async def test_offline_provider_makes_no_request(
        self, settings: Settings, session: AsyncSession, llm_server: LLMServer
    ) -> None:
        async with make_client(settings, llm_provider="offline") as llm:
            found, provider = await extract_hybrid(llm, JD, "resume", user_id=None)
        assert provider == "offline" and found.skills == extract(JD, "resume").skills
        assert llm_server.chat_requests == 0
