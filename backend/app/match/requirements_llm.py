"""What a posting asks, read by the configured LLM and held to the offline reader's output and rules.

The model reads a posting as a person does (a requirement list under an odd heading, "a plus" in the middle of a
sentence); it also guesses. So its answer only refines what the offline parser read (`app.jobs.requirements`),
field by field, and only where the text backs it:
- skills: the taxonomy's skills the text names (`ground_skills`); the model decides must-have vs nice-to-have, and
  the offline parser's skills it left out are kept where the parser put them;
- total years: only a number the text writes next to "years";
- degree: only when the text names one ("degree", "bachelor's", "BSc", "PhD"...);
- remote and visa sponsorship: only when the text says something about remote work or visas (a wrong "no
  sponsorship" would hide a job from people who need it);
- seniority: one of the parser's levels (the title's own level still wins in the score);
- years per skill, location, citizenship and clearance rules: the offline parser's only (explicit phrases).
The result is a `Requirements`, as the parser's; the job page says who read it."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from contextlib import AbstractAsyncContextManager
from dataclasses import replace
from typing import Literal, get_args

from pydantic import BaseModel, Field
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.jobs.requirements import MAX_SKILLS, Requirements, parse_requirements
from app.jobs.requirements_rules import Degree
from app.jobs.requirements_seniority import Seniority
from app.llm.client import LLMClient
from app.llm.exceptions import LLMError
from app.llm.skills import ground_skills
from app.match.postings import PostingFacts, read_posting, source_digest, store_facts
from app.models.job import JobPosting

PROMPT_VERSION = "requirements-v1"
MAX_TEXT_CHARS = 20_000
_REMOTE_WORDS = re.compile(r"\b(?:remote(?:ly)?|hybrid|on-?site|in[- ]office|office|work from home|wfh)\b", re.I)
_DEGREE_WORDS = re.compile(
    r"\b(?:degree|bachelor'?s?|master'?s?|ph\.?\s?d|doctorate|b\.?sc|m\.?sc|mba|b\.?eng|m\.?eng|associate'?s)\b", re.I
)
_VISA_WORDS = re.compile(r"\b(?:visas?|sponsor\w*|h-?1b|work permits?|right to work|work authori[sz]ation)\b", re.I)


class RequirementsAnswer(BaseModel):
    must_have: list[str] = Field(description="Skills the posting requires, each as written in it")
    nice_to_have: list[str] = Field(description="Skills it calls a plus, preferred or nice to have, as written")
    min_years: int | None = Field(description="The fewest years of experience it asks for in all; null if none")
    degree: Literal["associate", "bachelor", "master", "phd"] | None = Field(description="The degree it asks for")
    degree_required: bool = Field(description="False when equivalent experience is accepted instead of the degree")
    seniority: (
        Literal["intern", "junior", "mid", "senior", "lead", "principal", "manager", "director", "executive"] | None
    ) = Field(description="The role's level")
    remote: Literal["remote", "hybrid", "onsite"] | None = Field(description="Where the work is done, if it says")
    sponsorship: Literal["none", "offered"] | None = Field(description="Visa sponsorship, only if it says")


def requirements_messages(title: str, text: str) -> list[dict[str, str]]:
    system = (
        "You read a job posting and say what it asks of candidates. Answer with JSON with the keys must_have, "
        "nice_to_have, min_years, degree, degree_required, seniority, remote, sponsorship.\n"
        "must_have: the skills, tools and technologies the posting requires, each as written in it. "
        "nice_to_have: those it calls a plus, preferred, a bonus or nice to have. Never add a skill the posting "
        "does not name, even if the role usually needs it.\n"
        "min_years: the fewest years of experience it asks for in all, only if it writes a number; else null.\n"
        'degree: "associate", "bachelor", "master" or "phd" only if it asks for a degree; degree_required false '
        "when it accepts equivalent experience instead.\n"
        'remote: "remote", "hybrid" or "onsite" only if it says; sponsorship: "none" only if it says it cannot '
        'sponsor visas, "offered" only if it says it sponsors them; else null. Do not guess.'
    )
    return [{"role": "system", "content": system}, {"role": "user", "content": f"{title}\n\n{text}"[:MAX_TEXT_CHARS]}]


def _taxonomy_skills(names: list[str], text: str) -> list[str]:
    from app.skills.taxonomy import get_taxonomy

    taxonomy = get_taxonomy()
    return [s for s in ground_skills(names, text) if taxonomy.canonical(s) is not None][:MAX_SKILLS]


def _years_written(years: int, text: str) -> bool:
    return re.search(rf"(?<!\d){years}\s*\+?\s*(?:(?:-|to|\u2013)\s*\d+\s*)?(?:years?|yrs?)\b", text, re.I) is not None


def hold(answer: RequirementsAnswer, offline: Requirements, title: str, text: str) -> Requirements:
    """The model's answer, kept only where the text backs it, over the offline parser's reading."""
    whole = f"{title}\n{text}"
    must = _taxonomy_skills(answer.must_have, text)
    nice = [s for s in _taxonomy_skills(answer.nice_to_have, text) if s not in must]
    must += [s for s in offline.must_have if s not in must and s not in nice]
    nice += [s for s in offline.nice_to_have if s not in must and s not in nice]
    min_years = offline.min_years
    if answer.min_years is not None and 0 < answer.min_years <= 40 and _years_written(answer.min_years, text):
        min_years = answer.min_years
    degree, degree_required = offline.degree, offline.degree_required
    if answer.degree in get_args(Degree) and _DEGREE_WORDS.search(text):
        degree, degree_required = answer.degree, answer.degree_required
    seniority = answer.seniority if answer.seniority in get_args(Seniority) else offline.seniority
    remote = answer.remote if answer.remote and _REMOTE_WORDS.search(whole) else offline.remote
    sponsorship = answer.sponsorship if answer.sponsorship and _VISA_WORDS.search(text) else offline.sponsorship
    return replace(
        offline,
        must_have=must[:MAX_SKILLS],
        nice_to_have=nice[:MAX_SKILLS],
        min_years=min_years,
        degree=degree,
        degree_required=degree_required,
        seniority=seniority,
        remote=remote,
        sponsorship=sponsorship,
    )


async def read_with_llm(client: LLMClient, title: str, text: str, *, user_id: int | None) -> tuple[Requirements, str]:
    """The requirements and who read them: "hybrid:<provider>" when the model answered, "offline" when it is off
    or failed (the offline parser's reading, as without an LLM)."""
    offline = parse_requirements(title, text)
    if client.offline:
        return offline, "offline"
    try:
        result = await client.complete_json(
            RequirementsAnswer,
            requirements_messages(title, text),
            purpose="match.requirements",
            prompt_version=PROMPT_VERSION,
            user_id=user_id,
        )
    except LLMError:
        return offline, "offline"
    return hold(result.value, offline, title, text), f"hybrid:{client.provider}"


async def read_and_store(
    open_session: Callable[[], AbstractAsyncContextManager[AsyncSession]],
    client: LLMClient,
    posting_ids: Sequence[int],
    *,
    user_id: int | None,
) -> int:
    """Read these postings with the model and store what they ask; no transaction is open while it answers.
    Returns how many the model read (the others keep the offline reading)."""
    async with open_session() as session:
        rows = (
            await session.execute(
                select(JobPosting.id, JobPosting.title, JobPosting.description_text, JobPosting.remote_type).where(
                    JobPosting.id.in_(list(posting_ids))
                )
            )
        ).all()
    read: dict[int, tuple[PostingFacts, str]] = {}
    for posting_id, title, text, remote_type in rows:
        requirements, reader = await read_with_llm(client, title, text or "", user_id=user_id)
        kind = str(remote_type) if remote_type else None
        read[posting_id] = (
            read_posting(title, text or "", kind, requirements, reader),
            source_digest(title, text or ""),
        )
    async with open_session() as session:
        stored = await store_facts(session, list(read), read=read)
    return sum(1 for facts in stored.values() if facts.reader != "offline")


__all__ = ["PROMPT_VERSION", "RequirementsAnswer", "hold", "read_and_store", "read_with_llm"]
