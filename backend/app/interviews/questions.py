"""Interview questions for a job: from the LLM (a cached pool per job, picked per session) or offline from the bank.

Both paths mix technical questions (the job's tech stack), behavioural (STAR) and role-specific questions (the role
family and the job's own responsibilities). The pick is deterministic for a (job, session) seed and varies between
sessions; the LLM pool is asked once per (job, prompt version, model) and served from the client's cache after."""

from __future__ import annotations

import hashlib
import json
import random
import re
from dataclasses import dataclass
from typing import Literal

from pydantic import BaseModel, Field

from app.interviews import bank
from app.llm.client import LLMClient
from app.llm.exceptions import LLMError
from app.models.job import JobPosting
from app.skills.taxonomy import get_taxonomy

Category = Literal["technical", "behavioural", "role"]
CATEGORIES: tuple[Category, ...] = ("technical", "behavioural", "role")
PROMPT_VERSION = "interview-questions-v1"
OFFLINE_VERSION = "interview-bank-v1"
POOL = {"technical": 6, "behavioural": 3, "role": 4}  # what the LLM is asked for, once per job
MAX_DESCRIPTION = 6000
TECH_CATEGORIES = {"language", "framework", "library", "database", "cloud", "devops", "testing", "data", "ai", "mobile"}
_NOUNISH = re.compile(r"(tion|sion|ship|ment|ity|ness|ing|ance|ence|ies|s)$")
_LEAD_VERBS = re.compile(r"^([A-Za-z]+)((?:, [A-Za-z]+)*)(?:,? (and|or) ([A-Za-z]+))?\b")


@dataclass(frozen=True)
class JobFacts:
    """What question generation and feedback need to know about the job."""

    job_id: int | None
    title: str
    company: str
    skills: tuple[str, ...]
    responsibilities: tuple[str, ...]
    seniority: str | None = None
    description: str = ""

    @classmethod
    def of(cls, job: JobPosting | None, title: str = "") -> JobFacts:
        if job is None:
            return cls(None, title, "", (), ())
        return cls(
            job_id=job.id,
            title=job.title,
            company=job.company,
            skills=tuple(dict.fromkeys(job.tech_stack or [])),
            responsibilities=tuple(dict.fromkeys(r.strip() for r in job.responsibilities or [] if r.strip())),
            seniority=job.seniority,
            description=(job.description_text or "")[:MAX_DESCRIPTION],
        )


@dataclass(frozen=True)
class Question:
    category: Category
    skill: str | None
    question: str


def session_seed(job_id: int | None, session_id: int) -> int:
    """Stable for one session of one job, different for the next session."""
    return int.from_bytes(hashlib.sha256(f"{job_id}:{session_id}".encode()).digest()[:8], "big")


def mix(count: int) -> dict[Category, int]:
    """How many questions of each kind: about 45 % technical, a quarter behavioural, the rest about the role."""
    technical = round(count * 0.45)
    behavioural = max(1, round(count * 0.25))
    return {"technical": technical, "behavioural": behavioural, "role": count - technical - behavioural}


def detect_role(title: str, skills: tuple[str, ...] = ()) -> str:
    """The role family of a job title: backend, frontend, data, devops, mobile, manager or generic."""
    text = f" {title.lower()} "
    for role, words in bank.ROLE_KEYWORDS.items():
        if any(word in text for word in words):
            return role
    categories = {get_taxonomy().category(s) for s in skills}
    if "mobile" in categories:
        return "mobile"
    return "backend" if categories & {"language", "framework", "database"} else "generic"


# --- offline ----------------------------------------------------------------------------------------------------


def offline_questions(job: JobFacts, count: int, seed: int) -> list[Question]:
    """`count` questions from the bank, the job's skills and its responsibilities, shuffled by `seed`."""
    rng = random.Random(seed)  # noqa: S311 - a shuffle, not a secret
    wanted = mix(count)
    technical = _technical(job, wanted["technical"], rng)
    role_count = wanted["role"] + wanted["technical"] - len(technical)  # no skills: ask more about the role
    role = _role(job, role_count, rng)
    # A job with neither skills nor duties runs out of role questions: behavioural ones make up the count.
    picked = technical + _behavioural(wanted["behavioural"] + role_count - len(role), rng) + role
    rng.shuffle(picked)
    return picked


def _technical(job: JobFacts, count: int, rng: random.Random) -> list[Question]:
    taxonomy = get_taxonomy()
    core = [s for s in job.skills if taxonomy.category(s) in TECH_CATEGORIES]
    other = [s for s in job.skills if s not in core]
    rng.shuffle(core)
    rng.shuffle(other)
    choices = {skill: _skill_questions(skill) for skill in core + other}
    for options in choices.values():
        rng.shuffle(options)
    out: list[Question] = []
    while len(out) < count and any(choices.values()):
        for skill, options in choices.items():
            if options and len(out) < count:
                out.append(Question("technical", skill, options.pop()))
    return out


def _skill_questions(skill: str) -> list[str]:
    if skill in bank.SKILL_QUESTIONS:
        return list(bank.SKILL_QUESTIONS[skill])
    templates = bank.CATEGORY_TEMPLATES.get(get_taxonomy().category(skill) or "", bank.DEFAULT_TEMPLATES)
    return [t.format(skill=skill) for t in templates]


def _behavioural(count: int, rng: random.Random) -> list[Question]:
    return [Question("behavioural", None, q) for q in rng.sample(bank.BEHAVIOURAL_QUESTIONS, count)]


def _role(job: JobFacts, count: int, rng: random.Random) -> list[Question]:
    duties = list(job.responsibilities)
    rng.shuffle(duties)
    from_duties = [q for q in (duty_question(d, rng) for d in duties[: max(1, count // 2)]) if q]
    role = detect_role(job.title, job.skills)
    pool = list(dict.fromkeys(bank.ROLE_QUESTIONS[role] + bank.ROLE_QUESTIONS["generic"]))
    rng.shuffle(pool)
    out = [Question("role", None, q) for q in from_duties[:count]]
    out += [Question("role", None, q) for q in pool[: count - len(out)]]
    return out


def duty_question(responsibility: str, rng: random.Random) -> str | None:
    """A question built from one of the job's responsibilities ("This role involves designing …")."""
    text = " ".join(responsibility.split()).rstrip(".;:")
    if not 8 <= len(text) <= 200:
        return None
    gerund = gerund_phrase(text)
    if gerund is None:
        return f'One of the responsibilities here is "{text}". Tell me about a time you did something similar.'
    lower = text[0].lower() + text[1:]
    return rng.choice(bank.RESPONSIBILITY_TEMPLATES).format(duty=gerund, duty_lower=lower)


def gerund_phrase(text: str) -> str | None:
    """ "Design, build and run APIs" -> "designing, building and running APIs"; None when it does not start with a
    verb we can recognise."""
    match = _LEAD_VERBS.match(text)
    if match is None or _NOUNISH.search(match.group(1).lower()) or not match.group(1)[0].isupper():
        return None
    first = _gerund(match.group(1))
    rest = ", ".join(_gerund(w) for w in match.group(2).split(", ") if w)
    lead = first + (", " + rest if rest else "")
    if match.group(3):
        lead += f" {match.group(3)} {_gerund(match.group(4))}"
    return lead + text[match.end() :]


_DOUBLE = {"run", "plan", "ship", "set", "get", "map", "drop", "stop", "scan", "chat"}


def _gerund(verb: str) -> str:
    word = verb.lower()
    if word in _DOUBLE:
        return word + word[-1] + "ing"
    if word.endswith("ie"):
        return word[:-2] + "ying"
    if word.endswith("e") and not word.endswith(("ee", "ye", "oe")):
        return word[:-1] + "ing"
    return word + "ing"


# --- LLM --------------------------------------------------------------------------------------------------------


class LLMQuestion(BaseModel):
    category: Category
    skill: str | None = Field(description="One skill from the job's list, or null")
    question: str = Field(min_length=10, max_length=600)


class QuestionsAnswer(BaseModel):
    questions: list[LLMQuestion]


def question_messages(job: JobFacts) -> list[dict[str, str]]:
    """The prompt: only the job (no session seed), so the pool is cached per job, prompt version and model."""
    system = (
        "You are an experienced interviewer preparing a practice interview for the job below. Write "
        f"{POOL['technical']} technical questions about the job's skills (set skill to the skill asked about, "
        f"exactly as listed), {POOL['behavioural']} behavioural questions that invite a STAR answer (skill null) and "
        f"{POOL['role']} role-specific questions about the job's responsibilities (skill null). Each question is one "
        'or two sentences and asks one thing. Answer with JSON: {"questions": [{"category": "technical" | '
        '"behavioural" | "role", "skill": string | null, "question": string}]}.'
    )
    facts = {
        "title": job.title,
        "company": job.company,
        "seniority": job.seniority,
        "skills": list(job.skills),
        "responsibilities": list(job.responsibilities),
        "description": job.description,
    }
    return [{"role": "system", "content": system}, {"role": "user", "content": json.dumps(facts, ensure_ascii=False)}]


async def llm_questions(
    client: LLMClient, job: JobFacts, count: int, seed: int, *, user_id: int | None
) -> list[Question]:
    """The session's pick from the job's LLM pool; missing kinds are filled from the bank. Raises LLMError."""
    result = await client.complete_json(
        QuestionsAnswer,
        question_messages(job),
        purpose="interviews.questions",
        prompt_version=PROMPT_VERSION,
        user_id=user_id,
    )
    skills = {s.lower(): s for s in job.skills}
    pool: dict[Category, list[Question]] = {c: [] for c in CATEGORIES}
    seen: set[str] = set()
    for item in result.value.questions:
        text = " ".join(item.question.split())
        if text.lower() in seen:
            continue
        seen.add(text.lower())
        canonical = get_taxonomy().canonical(item.skill) if item.skill else None
        skill = skills.get((canonical or item.skill or "").lower())  # never a skill the job does not list
        pool[item.category].append(Question(item.category, skill, text))
    if sum(len(v) for v in pool.values()) < count // 2:
        raise LLMError("The AI returned too few usable questions.")
    rng = random.Random(seed)  # noqa: S311 - a shuffle, not a secret
    fallback = offline_questions(job, count, seed)
    picked: list[Question] = []
    for category, wanted in mix(count).items():
        options = pool[category]
        rng.shuffle(options)
        chosen = options[:wanted]
        spare = [q for q in fallback if q.category == category and q not in chosen]
        picked += chosen + spare[: wanted - len(chosen)]
    if len(picked) < count:
        picked += [q for q in fallback if q not in picked][: count - len(picked)]
    rng.shuffle(picked)
    return picked[:count]


@dataclass(frozen=True)
class Generated:
    questions: list[Question]
    provider: str
    model: str | None
    prompt_version: str


async def generate_questions(
    client: LLMClient, job: JobFacts, count: int, seed: int, *, user_id: int | None
) -> Generated:
    """LLM questions when a provider is configured and answers; the bank otherwise."""
    if not client.offline:
        try:
            questions = await llm_questions(client, job, count, seed, user_id=user_id)
        except LLMError:
            pass
        else:
            return Generated(questions, client.provider, client.model, PROMPT_VERSION)
    return Generated(offline_questions(job, count, seed), "offline", None, OFFLINE_VERSION)
