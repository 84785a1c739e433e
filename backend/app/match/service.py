"""The match report of a job for a user (the job page), and of text for a resume file (the CLI, the eval).

The report is computed from the user's newest ready resume, their profile skills and the posting, all offline and
in a few milliseconds; it is cached per user and job (family `match`, tags `user:{id}` and `catalogue`), so any
change to the resume, the profile or the posting makes the next read compute it afresh."""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from app.core import cache_invalidation as invalidation
from app.core.cache import Cache
from app.jobs import service as jobs
from app.jobs.requirements import Requirements, parse_requirements
from app.match.discover import wishes_of
from app.match.facts import PersonFacts, person_facts
from app.match.postings import FACTS_VERSION, posting_facts
from app.match.schemas import JobFitRead
from app.match.scoring import SCORE_VERSION, MatchReport, score_match
from app.resumes.jsonresume import JsonResume
from app.resumes.service import latest_ready_resume, structure_of
from app.users import service as users

CACHE_TTL_SECONDS = 600
_TITLE_MAX_WORDS = 15


def split_title(text: str) -> tuple[str, str]:
    """(title, description) of a posting written as text: its first line when short, as boards write them."""
    stripped = text.lstrip()
    first, _, rest = stripped.partition("\n")
    if first.strip() and len(first) <= 150 and len(first.split()) <= _TITLE_MAX_WORDS:
        return first.strip(), rest
    return "", stripped


def person_from_file(data: bytes, profile_skills: list[str]) -> PersonFacts:
    """The facts of a resume file read as an upload is read (raises ResumeParseError)."""
    from app.resumes.parsing import parse_resume
    from app.resumes.structure import parse_structure
    from app.skills import extract

    parsed = parse_resume(data)
    structure = parse_structure(parsed.text, parsed.sections)
    return person_facts(structure, parsed.text, extract(parsed.text, "resume").skills, profile_skills)


def score_text(person: PersonFacts, text: str) -> MatchReport:
    title, body = split_title(text)
    return score_match(person, title, parse_requirements(title, body))


def present(report: MatchReport, req: Requirements, *, resume_id: int | None, read_by: str = "offline") -> JobFitRead:
    return JobFitRead.model_validate(
        {
            **asdict(report),
            "resume_id": resume_id,
            "requirements": {
                "seniority": req.seniority,
                "min_years": req.min_years,
                "degree": req.degree,
                "degree_required": req.degree_required,
                "remote": req.remote,
                "sponsorship": req.sponsorship,
                "location_rules": [asdict(r) for r in req.location_rules],
                "years": [asdict(r) for r in req.years],
                "read_by": read_by,
            },
        }
    )


async def match_for_job(session: AsyncSession, cache: Cache, user_id: int, job_id: int) -> JobFitRead:
    """The report for one job the user can see (404 otherwise), with what they need from a job (their wishes)."""
    job = await jobs.get_visible(session, user_id, job_id)
    user = await users.get_profile(session, user_id)
    resume = await latest_ready_resume(session, user_id)
    profile_skills = [s.name for s in user.skills]
    wishes = wishes_of(user)
    # Stored by the worker; read afresh (and not stored: a page view never writes) when missing or stale.
    posting = (await posting_facts(session, [job.id], store=False))[job.id]
    digest = hashlib.sha256(
        "\x1f".join(
            [
                SCORE_VERSION,
                FACTS_VERSION,
                posting.reader,
                repr(posting.pay),
                str(job.id),
                job.updated_at.isoformat(),
                str(resume.id if resume else 0),
                json.dumps([resume.structure, resume.skills] if resume else None, sort_keys=True, default=str),
                ",".join(profile_skills),
                repr(wishes),
            ]
        ).encode()
    ).hexdigest()[:32]

    async def compute() -> dict[str, Any]:
        if resume is not None:
            structure = structure_of(resume)
            text, skills = resume.text or "", list(resume.skills or [])
        else:
            structure, text, skills = JsonResume(), "", []
        person = person_facts(structure, text, skills, profile_skills)
        report = score_match(person, job.title, posting.requirements, wishes, role=posting.role, pay=posting.pay)
        fit = present(report, posting.requirements, resume_id=resume.id if resume else None, read_by=posting.reader)
        return fit.model_dump(mode="json")

    tags = [invalidation.CATALOGUE, *invalidation.user_tags(user_id)]
    value = await cache.get_or_compute("match", f"{user_id}:{job_id}:{digest}", compute, CACHE_TTL_SECONDS, tags=tags)
    return JobFitRead.model_validate(value)
