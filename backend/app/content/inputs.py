"""What a generated document may draw on: the profile, the latest ready resume and the job, gathered once.

Both the offline composer and the LLM prompt read the same `Inputs`, and the guard checks their output against
it, so "what the user has" means one thing everywhere."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.jobs import service as jobs
from app.models.resume import Resume
from app.resumes.jsonresume import JsonResume
from app.resumes.service import structure_of
from app.skills import extract
from app.skills.extractor import extract_skills
from app.skills.taxonomy import get_taxonomy
from app.users import service as users

_BULLET = re.compile(r"^\s*(?:[-*\u2022\u25aa\u2023\u25e6\u25cf\u25a0\u2013]|\d+[.)])\s+")
_MAX_BULLET_WORDS = 45


@dataclass
class Bullet:
    """One line of the resume's experience (or projects) that says what the person did, with its skills."""

    text: str
    skills: list[str]


@dataclass
class Inputs:
    name: str
    job_title: str
    company: str
    profile_skills: list[str]  # canonical where the taxonomy knows them, in the profile's order
    job_skills: list[str]
    responsibilities: list[str]
    resume_id: int | None = None
    resume_text: str = ""
    sections: dict[str, str] = field(default_factory=dict)
    resume_skills: list[str] = field(default_factory=list)
    bullets: list[Bullet] = field(default_factory=list)
    # The resume as structure (the user's corrected version when they fixed it), and the user's own words.
    structure: JsonResume = field(default_factory=JsonResume)
    pitch: str = ""  # profile: "What I want employers to know"
    why_company: str = ""  # the letter's option: why this company, in the user's words

    @property
    def user_skills(self) -> list[str]:
        """Profile skills, then resume skills the profile lacks: everything the user has, once."""
        return _unique([*self.profile_skills, *self.resume_skills])

    @property
    def matching_skills(self) -> list[str]:
        """The job's skills the user has, in the job's order (the job's priorities lead)."""
        have = {key(s) for s in self.user_skills}
        return [s for s in self.job_skills if key(s) in have]

    @property
    def missing_skills(self) -> list[str]:
        have = {key(s) for s in self.user_skills}
        return [s for s in self.job_skills if key(s) not in have]

    def seed_text(self) -> str:
        """What makes this pair of person and job distinct: the composer's choices are seeded by its hash."""
        return "|".join([self.name, self.job_title, self.company, *self.user_skills, *self.job_skills])


def key(name: str) -> str:
    return " ".join(name.lower().split())


def _unique(names: list[str]) -> list[str]:
    seen: set[str] = set()
    out = []
    for name in names:
        if name and key(name) not in seen:
            seen.add(key(name))
            out.append(name)
    return out


def canonical_skills(names: list[str]) -> list[str]:
    taxonomy = get_taxonomy()
    return _unique([taxonomy.canonical(n) or " ".join(n.split()) for n in names])


def bullets_of(sections: dict[str, str]) -> list[Bullet]:
    """Achievement lines of the experience and projects sections (bulleted lines, else sentences of prose)."""
    out: list[Bullet] = []
    for name in ("experience", "projects"):
        body = sections.get(name) or ""
        lines = [ln.strip() for ln in body.splitlines() if ln.strip()]
        marked = [_BULLET.sub("", ln) for ln in lines if _BULLET.match(ln)]
        if not marked:  # prose: its longer sentences say what was done
            marked = [s for s in re.split(r"(?<=[.!?])\s+", " ".join(lines)) if len(s.split()) >= 6]
        for text in marked:
            text = " ".join(text.split()).rstrip(".;, ")
            words = text.split()
            if len(words) < 4:
                continue
            if len(words) > _MAX_BULLET_WORDS:
                text = " ".join(words[:_MAX_BULLET_WORDS])
            out.append(Bullet(text=text, skills=extract_skills(text, "resume")))
    return out


def build_inputs(
    *,
    name: str,
    job_title: str,
    company: str,
    profile_skills: list[str],
    job_skills: list[str],
    responsibilities: list[str],
    description: str = "",
    resume: Resume | None = None,
    pitch: str = "",
    why_company: str = "",
) -> Inputs:
    """Inputs from plain values; the job's skills and duties are read from its description when it has none yet."""
    if description and (not job_skills or not responsibilities):
        found = extract(description, "jd")
        job_skills = job_skills or found.skills
        responsibilities = responsibilities or found.responsibilities
    inputs = Inputs(
        name=" ".join(name.split()) or "",
        job_title=" ".join(job_title.split()),
        company=" ".join(company.split()),
        profile_skills=canonical_skills(profile_skills),
        job_skills=canonical_skills(job_skills),
        responsibilities=[" ".join(r.split()).rstrip(".") for r in responsibilities if r.strip()][:12],
        pitch=pitch.strip(),
        why_company=why_company.strip(),
    )
    if resume is not None:
        inputs.resume_id = resume.id
        inputs.resume_text = resume.text or ""
        inputs.sections = {k: v for k, v in (resume.sections or {}).items() if isinstance(v, str)}
        inputs.resume_skills = canonical_skills(list(resume.skills or []))
        inputs.bullets = bullets_of(inputs.sections)
        inputs.structure = structure_of(resume)
        inputs.name = inputs.name or " ".join(
            inputs.structure.basics.name.split()
        )  # the resume signs for an unnamed profile
    return inputs


async def load_inputs(
    session: AsyncSession, user_id: int, job_id: int, resume_id: int | None, why_company: str = ""
) -> Inputs:
    """The inputs of a document: the resume it was started with (if still there), the profile, the job."""
    user = await users.get_profile(session, user_id)
    job = await jobs.get_visible(session, user_id, job_id)
    resume = None
    if resume_id is not None:
        resume = await session.scalar(select(Resume).where(Resume.id == resume_id, Resume.user_id == user_id))
    return build_inputs(
        name=user.full_name or "",
        job_title=job.title,
        company=job.company,
        profile_skills=[s.name for s in user.skills],
        job_skills=list(job.tech_stack or []),
        responsibilities=list(job.responsibilities or []),
        description=job.description_text or "",
        resume=resume,
        pitch=user.pitch or "",
        why_company=why_company,
    )
