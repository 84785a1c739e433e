"""The LLM letter held to the offline rule: sentences claiming metrics, years, employers (…) the resume does not
hold are removed and reported, citation markers are stripped (also from the stream), and every kept sentence
carries the evidence it cited. Against the local OpenAI-compatible server, end to end to the stored document."""

from __future__ import annotations

import random
from collections.abc import AsyncIterator
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.content import claims
from app.content.evidence import numbered
from app.content.generation import generate
from app.content.inputs import Inputs, build_inputs
from app.content.letter import compose_letter
from app.content.prompts import letter_messages
from app.core.cache import MemoryCache
from app.core.config import Settings
from app.llm.client import LLMClient
from app.llm.retry import RetryPolicy
from app.models.content import DocumentKind
from app.resumes.jsonresume import JsonResume
from tests.content.conftest import llm_settings
from tests.content.provenance import check_sentence
from tests.content.test_letter_provenance import pairs
from tests.live import account, next_of
from tests.llm.server import LLMServer, ok
from tests.tasks.test_background import api

TRUE = [
    "At Initech Corp, I cut nightly batch time by 40% by rewriting PostgreSQL queries.",
    "I moved twelve services to Kubernetes with Docker images and zero downtime.",
]
INVENTED = {
    "I grew revenue 30% in my first year.": "metric",
    "I led a team of 8 engineers.": "metric",
    "My work saved the company $2M a year.": "metric",
    "I bring 10 years of experience with Python.": "experience",
    "Before that I spent two years at Globex Corporation.": "employer",
}


def letter(cite: dict[str, str]) -> str:
    """A model's answer: true sentences citing their evidence, invented ones citing something (models do)."""
    invented = " ".join(f"{s} [E1]" for s in INVENTED)
    return (
        "Dear Acme hiring team,\n\n"
        f"I am applying for the Backend Engineer role at Acme. {cite['title']}\n"
        f"{TRUE[0]} {cite['batch']} {invented} {TRUE[1][:-1]} {cite['moved']}.\n\n"
        "[Why Acme: one sentence in your words]\n\n"
        "Thank you for considering my application.\n\nKind regards,\nGrace Hopper"
    )


def grace() -> Inputs:
    inputs = build_inputs(
        name="Grace Hopper",
        job_title="Backend Engineer",
        company="Acme",
        profile_skills=["Python"],
        job_skills=["Python", "PostgreSQL", "Kubernetes"],
        responsibilities=["Tune PostgreSQL queries", "Run services on Kubernetes"],
    )
    inputs.structure = JsonResume.model_validate({
        "basics": {"name": "Grace Hopper"},
        "work": [{"name": "Initech Corp", "position": "Senior Engineer", "startDate": "2019", "endDate": "2024",
                  "highlights": ["Cut nightly batch time by 40% by rewriting PostgreSQL queries.",
                                 "Moved twelve services to Kubernetes with Docker images and zero downtime.",
                                 "Built REST APIs in Python serving two million calls a day."]}],
        "skills": [{"name": "Tools", "keywords": ["Python", "PostgreSQL", "Docker", "Kubernetes"]}],
    })  # fmt: skip
    return inputs


def ids_of(inputs: Inputs) -> dict[str, str]:
    ref = {source.ref: ident for ident, source in numbered(inputs)}
    return {
        "title": f"[{ref['posting.title']}, {ref['posting.company']}]",
        "batch": f"[{ref['work[0].highlights[0]']}]",
        "moved": f"({ref['work[0].highlights[1]']})",
    }


class TestCheckLetter:
    def test_invented_claims_are_removed_and_reported_true_ones_keep_their_sources(self) -> None:
        inputs = grace()
        checked = claims.check_letter(letter(ids_of(inputs)), inputs)
        for sentence, kind in INVENTED.items():
            assert sentence not in checked.content
            assert any(r["text"] == sentence and r["kind"] == kind for r in checked.removed), (
                sentence,
                checked.removed,
            )
        for sentence in TRUE:
            assert sentence in checked.content
        assert "[E" not in checked.content and "(E" not in checked.content
        assert "[Why Acme: one sentence in your words]" in checked.content
        why = next(s for s in checked.sentences if s.text.startswith("[Why"))
        assert [(x.kind, x.ref) for x in why.sources] == [("placeholder", "why_company")]
        by_text = {s.text: s for s in checked.sentences}
        batch = by_text[TRUE[0]].sources
        # the cited highlight, and its role brought along (the employer and dates live there)
        assert [(s.kind, s.ref) for s in batch] == [("resume", "work[0]"), ("resume", "work[0].highlights[0]")]
        assert batch[1].quote == inputs.structure.work[0].highlights[0]
        assert [s.ref for s in by_text[TRUE[1]].sources] == ["work[0]", "work[0].highlights[1]"]
        thanks = by_text["Thank you for considering my application."].sources
        assert [(s.kind, s.ref) for s in thanks] == [("llm", "")]  # uncited but supported
        for sentence in checked.sentences:  # the independent checker agrees with every cited source
            if sentence.sources[0].kind != "llm":
                assert check_sentence(sentence.as_dict(), inputs) == [], sentence.text

    def test_character_claims_go_unless_the_user_wrote_them(self) -> None:
        inputs = grace()
        text = "I am a passionate team player. I thrive under pressure. I am passionate about patient safety."
        checked = claims.check_letter(text, inputs)
        assert checked.content == "" and {r["kind"] for r in checked.removed} == {"trait"}
        inputs.pitch = "I am passionate about patient safety."
        assert claims.check_letter(text, inputs).content == "I am passionate about patient safety."

    def test_supported_numbers_and_years_stay(self) -> None:
        inputs = grace()
        text = ("I have five years of experience with PostgreSQL. Our APIs served two million calls a day. "
                "I moved 12 services to Kubernetes.")  # fmt: skip
        checked = claims.check_letter(text, inputs)
        assert checked.removed == [] and checked.content == text

    def test_the_stream_filter_drops_citations_however_the_answer_is_cut(self) -> None:
        text = letter(ids_of(grace()))
        rng = random.Random(7)
        for _ in range(50):
            f, out, i = claims.CitationFilter(), "", 0
            while i < len(text):
                n = rng.randint(1, 9)
                out += f.feed(text[i : i + n])
                i += n
            assert out + f.flush() == claims.strip_citations(text)


INVENTIONS = [
    ("I grew revenue by {n}% in a single quarter.", "metric"),
    ("I managed a budget of ${n}M.", "metric"),
    ("I led a team of {n} engineers.", "metric"),
    ("I bring {y} years of experience to this role.", "experience"),
    ("Before that, I spent a year at {employer}.", "employer"),
    ("I also shipped {skill} services every week.", "skill"),
    ("I am a passionate team player.", "trait"),
]
EMPLOYERS = ["Massive Dynamic", "Cyberdyne Systems", "Soylent Corp", "Tyrell Corporation"]
FOREIGN_SKILLS = ["Haskell", "Erlang", "COBOL", "Fortran"]


class TestClaimsProperty:
    @settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(inputs=pairs(), picks=st.lists(st.sampled_from(INVENTIONS), min_size=1, max_size=4, unique=True),
           n=st.sampled_from([93, 87, 9173, 61]), y=st.integers(25, 40), employer=st.sampled_from(EMPLOYERS),
           skill=st.sampled_from(FOREIGN_SKILLS))  # fmt: skip
    def test_invented_sentences_go_and_the_true_letter_stays_whole(
        self, inputs: Inputs, picks: list[tuple[str, str]], n: int, y: int, employer: str, skill: str
    ) -> None:
        """A model's letter = a true letter (the offline one) with invented sentences as paragraphs of their own."""
        true = compose_letter(inputs).text
        invented = {t.format(n=n, y=y, employer=employer, skill=skill): kind for t, kind in picks}
        paragraphs = true.split("\n\n")
        for i, sentence in enumerate(invented):
            paragraphs.insert(1 + 2 * i, f"{sentence} [E1]")
        checked = claims.check_letter("\n\n".join(paragraphs), inputs)
        assert checked.content == true
        assert {r["text"]: r["kind"] for r in checked.removed} == invented


class TestPrompt:
    def test_the_prompt_numbers_the_evidence_and_asks_for_citations(self) -> None:
        inputs = grace()
        system, user = (m["content"] for m in letter_messages(inputs, "professional", "medium"))
        assert "[E3]" in system and "placeholder" not in user
        assert "[Why Acme: one sentence in your words]" in system  # no reason given: the placeholder is asked for
        for ident, source in numbered(inputs):
            assert f'"id": "{ident}"' in user and source.quote.replace('"', '\\"') in user
        assert '"missing_skills"' in user


@pytest.fixture
def settings_overrides(llm_server_module: LLMServer) -> dict[str, object]:
    return {"embedded_worker": True, **llm_settings(llm_server_module)}


@pytest.fixture
async def llm(settings: Settings) -> AsyncIterator[LLMClient]:
    retry = RetryPolicy(max_retries=0, backoff_seconds=0.01, max_backoff_seconds=0.05)
    async with LLMClient(settings, cache=MemoryCache(ttl_seconds=60), retry=retry) as client:
        yield client


class TestGenerateWithLLM:
    async def test_the_generated_letter_is_checked_sentence_by_sentence(
        self, llm: LLMClient, llm_server: LLMServer, app: Any
    ) -> None:
        inputs = grace()
        llm_server.queue(ok(letter(ids_of(inputs))))
        pieces: list[str] = []

        async def on_delta(delta: str) -> None:
            pieces.append(delta)

        outcome = await generate(llm, inputs, DocumentKind.cover_letter, {}, user_id=None, on_delta=on_delta)
        assert "[E" not in "".join(pieces)  # the reader never sees the markers stream by
        assert outcome.prompt_version == "cover-llm-v2"
        assert {r["text"] for r in outcome.report["removed"]} == set(INVENTED)
        assert all(s not in outcome.content for s in INVENTED) and all(s in outcome.content for s in TRUE)
        refs = {s["text"]: [src["ref"] for src in s["sources"]] for s in outcome.report["sentences"]}
        assert refs[TRUE[0]] == ["work[0]", "work[0].highlights[0]"]
        assert refs["I am applying for the Backend Engineer role at Acme."] == ["posting.title", "posting.company"]


class TestStoredDocument:
    async def test_invented_sentences_are_gone_from_the_stored_letter_and_listed(
        self, server: tuple[str, Any], settings: Settings, llm_server: LLMServer
    ) -> None:
        from tests.content.test_streaming import _start

        host, _ = server
        token, user_id = await account(host, "grace@example.com")
        answer = letter({"title": "[E1]", "batch": "[E2]", "moved": "[E3]"})
        ws, doc = await _start(host, token, settings, user_id, llm_server, ok(answer))
        try:
            done = await next_of(ws, "content.delta", timeout=30)
            while not done["data"]["done"]:
                assert "[E" not in done["data"]["delta"]
                done = await next_of(ws, "content.delta", timeout=30)
        finally:
            await ws.close()
        async with api(host, token) as c:
            body = (await c.get(f"/api/v1/documents/{doc['id']}")).json()
        assert body["status"] == "ready"
        removed = {r["text"]: r["kind"] for r in body["report"]["removed"]}
        assert removed == INVENTED
        for sentence in TRUE:
            assert sentence in body["content"]
        assert "[E" not in body["content"] and all(s not in body["content"] for s in INVENTED)
        assert all(s["sources"] for s in body["report"]["sentences"])
