"""Requirements read by the LLM against the local server, held to what the text says: an invented skill, a number
of years the text never writes, a degree it never names and a remote policy it never states are dropped; the
offline parser's reading stays where the model says nothing or fails; the stored facts say who read them, and
facts read while the posting changed are not stored for the new text."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from app.core.db import session_scope
from app.jobs.requirements import parse_requirements
from app.llm.client import LLMClient
from app.match.postings import posting_facts, read_posting, source_digest, store_facts
from app.match.requirements_llm import PROMPT_VERSION, RequirementsAnswer, hold, read_and_store, read_with_llm
from app.models.job import JobPosting
from app.models.llm import LLMCall
from app.skills.taxonomy import get_taxonomy
from tests.factories import catalogue_job
from tests.llm.server import LLMServer, error, ok

TITLE = "Backend Engineer"
TEXT = (
    "About the role\nYou will own our billing services.\n\nWhat you bring\nSolid experience building services. Our "
    "stack is Python, PostgreSQL and Kubernetes; Kafka would be a plus.\n\nWe are unable to sponsor visas."
)
ANSWER = {
    "must_have": ["python", "Postgres", "Kubernetes", "Rust"],
    "nice_to_have": ["Kafka", "GraphQL"],
    "min_years": 10,
    "degree": "master",
    "degree_required": True,
    "seniority": "senior",
    "remote": "remote",
    "sponsorship": "none",
}


def canonical(name: str) -> str:
    found = get_taxonomy().canonical(name)
    assert found is not None
    return found


def test_the_answer_is_held_to_the_text() -> None:
    held = hold(RequirementsAnswer.model_validate(ANSWER), parse_requirements(TITLE, TEXT), TITLE, TEXT)
    assert held.must_have == [canonical("Python"), canonical("PostgreSQL"), canonical("Kubernetes")]  # no Rust
    assert held.nice_to_have == [canonical("Kafka")]  # no GraphQL: the text never names it
    assert held.min_years is None  # "10 years" is nowhere in the text
    assert held.degree is None  # no degree named
    assert held.remote is None  # nothing said about remote work
    assert held.sponsorship == "none" and held.seniority == "senior"  # the visa sentence backs "none"

    text = TEXT + "\nYou have at least 4 years of experience and a BSc in computer science. Hybrid, two days in Leeds."
    answer = {**ANSWER, "min_years": 4, "degree": "bachelor", "degree_required": True, "remote": "hybrid"}
    held = hold(RequirementsAnswer.model_validate(answer), parse_requirements(TITLE, text), TITLE, text)
    assert (held.min_years, held.degree, held.degree_required, held.remote) == (4, "bachelor", True, "hybrid")


async def test_read_with_the_model_and_without_it(
    llm: LLMClient, session: AsyncSession, llm_server: LLMServer, user_id: int
) -> None:
    llm_server.queue(ok(ANSWER))
    requirements, reader = await read_with_llm(llm, TITLE, TEXT, user_id=user_id)
    assert reader == "hybrid:groq" and requirements.sponsorship == "none"
    assert canonical("Rust") not in requirements.must_have
    sent = llm_server.requests[0]["messages"]
    assert "Never add a skill" in sent[0]["content"] and sent[1]["content"].startswith(f"{TITLE}\n\n")
    call = (await session.execute(select(LLMCall))).scalar_one()
    assert (call.purpose, call.prompt_version, call.user_id) == ("match.requirements", PROMPT_VERSION, user_id)
    await session.rollback()  # end the read: the client records the next calls in its own transactions

    llm_server.queue(error(500), error(500), error(500))  # the model fails: the offline reading, as without one
    requirements, reader = await read_with_llm(llm, TITLE, TEXT + " ", user_id=user_id)
    assert reader == "offline" and requirements == parse_requirements(TITLE, TEXT + " ")


async def test_read_and_store(app: Any, llm: LLMClient, llm_server: LLMServer, user_id: int) -> None:
    job = await catalogue_job(app, title=TITLE, description=TEXT)
    llm_server.queue(ok(ANSWER))
    assert await read_and_store(lambda: session_scope(app.state.session_factory), llm, [job], user_id=user_id) == 1
    async with app.state.session_factory() as s:
        facts = (await posting_facts(s, [job]))[job]
    assert facts.reader == "hybrid:groq" and facts.requirements.sponsorship == "none"
    assert facts.requirements.seniority == "senior"  # the model's, kept: a level the parser knows

    # Read for one text, stored after the posting changed: the new text is read offline instead.
    async with app.state.session_factory() as s:
        title, text = (await s.execute(select(JobPosting.title, JobPosting.description_text))).one()
        read = {job: (read_posting(title, text, None, parse_requirements(title, text), "hybrid:groq"),
                      source_digest(title, text))}  # fmt: skip
        await s.execute(update(JobPosting).where(JobPosting.id == job).values(description_text=text + " Go too."))
        stored = await store_facts(s, [job], read=read)
        await s.commit()
    assert stored[job].reader == "offline"
