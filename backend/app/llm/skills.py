"""Skill extraction by an LLM, and the hybrid of it with the offline taxonomy extractor.

The model reads more like a person does (a skill named in passing, an alias the gated matcher doubts), but it also
guesses. So its answer is only a list of candidates: each is normalised through the taxonomy and kept only when
the text really mentions it, by the model's own words or by one of the taxonomy's aliases for it. A skill the text
never names is an invention and is dropped (docs/design.md §5), and so is a non-taxonomy phrase that is not in the
text."""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel, Field

from app.llm.client import LLMClient
from app.llm.exceptions import LLMError

if TYPE_CHECKING:
    from app.skills import Extraction
    from app.skills.taxonomy import Taxonomy

PROMPT_VERSION = "skills-v1"
MAX_TEXT_CHARS = 20_000  # about 5,000 tokens: a long job description or resume, well inside every context window
MAX_SKILLS = 60
MAX_RESPONSIBILITIES = 20
MAX_UNKNOWN_WORDS = 4  # a longer phrase not in the taxonomy is a sentence, not a skill

Kind = Literal["jd", "resume"]


class SkillsAnswer(BaseModel):
    skills: list[str] = Field(description="Skills the text names, as written in it")
    responsibilities: list[str] = Field(description="Short phrases")


_WHAT = {
    "jd": ("a job description", 'the duties of the role, as short imperative phrases ("Design REST APIs")'),
    "resume": ("a resume", 'what the person did, as short phrases ("Led the migration to Kubernetes")'),
}


def skills_messages(text: str, kind: Kind) -> list[dict[str, str]]:
    document, duties = _WHAT[kind]
    system = (
        f'You extract skills from {document}. Answer with JSON: {{"skills": [...], "responsibilities": [...]}}.\n'
        "skills: every technology, programming language, framework, tool, platform, method and professional skill "
        "the text names, each as a short name as written in the text. Never add a skill the text does not name, "
        "even if the role usually needs it.\n"
        f"responsibilities: {duties}; at most {MAX_RESPONSIBILITIES}."
    )
    return [{"role": "system", "content": system}, {"role": "user", "content": text[:MAX_TEXT_CHARS]}]


async def extract_with_llm(client: LLMClient, text: str, kind: Kind, *, user_id: int | None) -> Extraction:
    """Skills and responsibilities by the LLM, normalised and grounded in the text. Raises LLMError (including
    LLMUnavailable for the offline provider)."""
    from app.skills import Extraction

    result = await client.complete_json(
        SkillsAnswer,
        skills_messages(text, kind),
        purpose=f"skills.extract_{kind}",
        prompt_version=PROMPT_VERSION,
        user_id=user_id,
    )
    return Extraction(
        skills=ground_skills(result.value.skills, text),
        responsibilities=_clean_phrases(result.value.responsibilities),
    )


async def extract_hybrid(client: LLMClient, text: str, kind: Kind, *, user_id: int | None) -> tuple[Extraction, str]:
    """The offline extractor's skills plus the LLM's (grounded); the LLM's responsibilities when it gives any.
    Returns the extraction and who produced it: "offline" when the LLM is off or fails, else "hybrid:<provider>"."""
    from app.skills import Extraction, extract

    offline = extract(text, kind)
    if client.offline:
        return offline, "offline"
    try:
        found = await extract_with_llm(client, text, kind, user_id=user_id)
    except LLMError:
        return offline, "offline"
    skills = list(offline.skills)
    seen = {_key(s) for s in skills}
    for skill in found.skills:
        if _key(skill) not in seen:
            seen.add(_key(skill))
            skills.append(skill)
    responsibilities = found.responsibilities or list(offline.responsibilities)
    return Extraction(skills=skills, responsibilities=responsibilities), f"hybrid:{client.provider}"


def ground_skills(candidates: list[str], text: str) -> list[str]:
    """Canonical names for taxonomy skills the text mentions; other phrases only when they occur in the text."""
    from app.skills.taxonomy import get_taxonomy, normalize

    taxonomy = get_taxonomy()
    haystack = f" {normalize(text)} "
    out: list[str] = []
    seen: set[str] = set()
    for raw in candidates:
        name = " ".join(str(raw).split())
        norm = normalize(name)
        if not norm:
            continue
        canonical = taxonomy.canonical(name)
        mentioned = f" {norm} " in haystack
        if canonical is not None:
            if not (mentioned or _alias_in(taxonomy, canonical, haystack)):
                continue
            name = canonical
        elif not mentioned or len(norm.split()) > MAX_UNKNOWN_WORDS or len(name) > 60:
            continue
        if _key(name) not in seen:
            seen.add(_key(name))
            out.append(name)
        if len(out) >= MAX_SKILLS:
            break
    return out


_ALIASES: dict[str, dict[str, list[str]]] = {}


def _alias_in(taxonomy: Taxonomy, canonical: str, haystack: str) -> bool:
    """Whether any of the taxonomy's aliases of `canonical` occurs in the normalised text (token boundaries)."""
    index = _ALIASES.get(taxonomy.version)
    if index is None:
        index = {}
        for alias, idx in taxonomy.aliases.items():
            index.setdefault(taxonomy.names[idx], []).append(alias)
        _ALIASES.clear()
        _ALIASES[taxonomy.version] = index
    return any(f" {alias} " in haystack for alias in index.get(canonical, ()))


def _clean_phrases(phrases: list[str]) -> list[str]:
    out: list[str] = []
    seen: set[str] = set()
    for phrase in phrases:
        clean = " ".join(str(phrase).split()).strip(" -•*")
        if clean and clean.lower() not in seen and len(clean) <= 300:
            seen.add(clean.lower())
            out.append(clean)
    return out[:MAX_RESPONSIBILITIES]


def _key(name: str) -> str:
    return " ".join(name.lower().split())
