"""Prompts of the LLM path. The facts go in as JSON and the rules say: use these facts, add none. The guard still
checks the answer, because a model can break any rule; the prompt only makes that rarer.

Changing a prompt's wording means a new PROMPT_VERSION: it is part of the answer cache's key."""

from __future__ import annotations

import json

from app.content import phrases
from app.content.evidence import Source, numbered
from app.content.inputs import Inputs
from app.content.letter import LENGTHS

LETTER_PROMPT_VERSION = "cover-llm-v2"
TAILOR_PROMPT_VERSION = "tailor-llm-v2"
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


def _bounded(evidence: list[tuple[str, Source]]) -> list[tuple[str, Source]]:
    """The evidence within MAX_RESUME_CHARS of resume text, in the resume's order; the user's own words
    and the posting always go in. Ids keep their numbers, so a cited id still points at the same item."""
    room = MAX_RESUME_CHARS
    out = []
    for ident, source in evidence:
        if source.kind == "resume":
            room -= len(source.quote)
            if room < 0:
                continue
        out.append((ident, source))
    return out


def letter_messages(inputs: Inputs, tone: str, length: str) -> list[dict[str, str]]:
    """The letter prompt: the structured resume, the user's own words and the posting as numbered evidence
    [E1]…[En], and the rule that each sentence cites the evidence it rests on (app/content/claims.py checks)."""
    low, high = LENGTHS.get(length, LENGTHS["medium"])
    placeholder = phrases.WHY_PLACEHOLDER.format(company=inputs.company or "this company")
    why = (
        "The candidate's reason for applying is in the evidence (kind user, why_company): use it as written."
        if inputs.why_company
        else f"The candidate gave no reason for applying: write the line {placeholder} as it is, for them to fill in."
    )
    system = (
        "You write cover letters for job applications.\n"
        f"Write a {tone} cover letter of {low} to {high} words from the numbered evidence in the JSON. Open with a "
        "greeting, name the role and the company, and lead with the candidate's role and the one achievement that "
        "matches the posting best. Then give one or two short paragraphs that pair the posting's first duties with "
        "the achievements that match them. If little matches, say plainly which achievements transfer; never call "
        "a minor skill central. " + why + " Close politely and sign with the candidate's name.\n"
        "Citations: after every sentence that states a fact, put the ids of the evidence it rests on in brackets, "
        'like "I cut batch time by 40%. [E3]" or "[E2, E7]". The greeting, thanks and sign-off need none.\n'
        "Rules you must follow:\n"
        "- State only what the evidence says. Never add a skill, tool, employer, job title, degree, certificate, "
        "number, metric or length of experience that is not in the evidence, even if the job asks for it.\n"
        "- Say nothing about the candidate's character, habits, passions or motives beyond their own words "
        "(evidence of kind user).\n"
        "- The job's skills under missing_skills are ones the candidate does not have: do not claim them.\n"
        "- Write whole sentences in the first person; never paste resume bullets or their symbols.\n"
        "- Answer with the letter only, in plain text, without any preamble."
    )
    facts = {
        "candidate": {"name": inputs.name},
        "evidence": [
            {"id": ident, "kind": source.kind, "about": source.label, "text": source.quote}
            for ident, source in _bounded(numbered(inputs))
        ],
        "job": {"title": inputs.job_title, "company": inputs.company, "skills": inputs.job_skills},
        "matching_skills": inputs.matching_skills,
        "missing_skills": inputs.missing_skills,
    }
    user = json.dumps(facts, ensure_ascii=False)
    return [{"role": "system", "content": system}, {"role": "user", "content": user}]


def tailor_messages(inputs: Inputs, original_markdown: str) -> list[dict[str, str]]:
    system = (
        "You tailor resumes to a job.\n"
        "Rewrite the candidate's resume (given as Markdown under resume_markdown) so that it leads with what the "
        "job asks for: a summary rewritten around the matching skills, the skills section with the job's skills "
        "first, and within each role the bullets most relevant to the job first. Keep every role, employer, title, "
        "date and degree exactly as written and every bullet (reorder them, tighten their wording, never drop one); "
        "never add an achievement, skill or number.\n" + _RULES
    )
    facts = _facts(inputs)
    facts["resume_markdown"] = original_markdown[:MAX_RESUME_CHARS]
    return [{"role": "system", "content": system}, {"role": "user", "content": json.dumps(facts, ensure_ascii=False)}]
