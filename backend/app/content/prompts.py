"""Prompts of the LLM path. The facts go in as JSON and the rules say: use these facts, add none. The guard still
checks the answer, because a model can break any rule; the prompt only makes that rarer.

Changing a prompt's wording means a new PROMPT_VERSION: it is part of the answer cache's key."""

from __future__ import annotations

import json

from app.content.inputs import Inputs
from app.content.letter import LENGTHS

LETTER_PROMPT_VERSION = "cover-llm-v1"
TAILOR_PROMPT_VERSION = "tailor-llm-v1"
MAX_RESUME_CHARS = 12_000

_RULES = (
    "Rules you must follow:\n"
    "- Use only facts from the JSON. Never mention a skill, tool, employer, job title, degree or certificate "
    "that the resume or the profile skills do not contain, even if the job asks for it.\n"
    "- The job's skills listed under missing_skills are ones the candidate does not have: do not claim them.\n"
    "- You may name the company and the role being applied for.\n"
    "- Answer with the document only, in Markdown, without any preamble."
)


def _facts(inputs: Inputs) -> dict[str, object]:
    resume = {k: v for k, v in inputs.sections.items() if v}
    size = 0
    trimmed: dict[str, str] = {}
    for name, body in resume.items():
        room = MAX_RESUME_CHARS - size
        if room <= 0:
            break
        trimmed[name] = body[:room]
        size += len(trimmed[name])
    return {
        "candidate": {"name": inputs.name, "profile_skills": inputs.user_skills, "resume": trimmed},
        "job": {
            "title": inputs.job_title,
            "company": inputs.company,
            "skills": inputs.job_skills,
            "responsibilities": inputs.responsibilities,
        },
        "matching_skills": inputs.matching_skills,
        "missing_skills": inputs.missing_skills,
    }


def letter_messages(inputs: Inputs, tone: str, length: str) -> list[dict[str, str]]:
    low, high = LENGTHS.get(length, LENGTHS["medium"])
    system = (
        "You write cover letters for job applications.\n"
        f"Write a {tone} cover letter of {low} to {high} words for the candidate and job in the JSON. Open with "
        "a greeting, name the role and the company, mention at least two matching skills, and give two or three "
        "short paragraphs that each pair one of the job's responsibilities with a concrete achievement from the "
        "resume that shares a skill with it. Close politely and sign with the candidate's name.\n" + _RULES
    )
    user = json.dumps(_facts(inputs), ensure_ascii=False)
    return [{"role": "system", "content": system}, {"role": "user", "content": user}]


def tailor_messages(inputs: Inputs, original_markdown: str) -> list[dict[str, str]]:
    system = (
        "You tailor resumes to a job.\n"
        "Rewrite the candidate's resume (given as Markdown under resume_markdown) so that it leads with what the "
        "job asks for: a summary rewritten around the matching skills, the skills section with the job's skills "
        "first, and within each role the bullets most relevant to the job first. Keep every employer, title, date "
        "and degree exactly as written; rephrase, reorder or drop bullets but never add new achievements.\n" + _RULES
    )
    facts = _facts(inputs)
    facts["resume_markdown"] = original_markdown[:MAX_RESUME_CHARS]
    return [{"role": "system", "content": system}, {"role": "user", "content": json.dumps(facts, ensure_ascii=False)}]
