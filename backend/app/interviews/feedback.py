"""Feedback on one answer: the LLM's (streamed prose, then a JSON rubric line) or the offline rubric's.

The model is asked for Markdown feedback followed by one line `RUBRIC: {json}`. Only the prose is streamed to the
user; the rubric line is parsed afterwards. A rubric that does not validate is asked for once more as structured
JSON (the client's own repair retry included); if that fails too, the offline rubric scores the answer and the
model's prose is kept as the notes. Any LLMError before that falls back to the offline feedback entirely."""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable

import structlog
from pydantic import BaseModel, Field, ValidationError

from app.interviews.questions import JobFacts
from app.interviews.rubric import Feedback, score_answer
from app.llm.client import LLMClient
from app.llm.exceptions import LLMError

log = structlog.get_logger(__name__)

PROMPT_VERSION = "interview-feedback-v1"
MARKER = "RUBRIC:"
OnDelta = Callable[[str], Awaitable[None]]


class CriteriaScores(BaseModel):
    structure: int = Field(ge=0, le=100)
    relevance: int = Field(ge=0, le=100)
    evidence: int = Field(ge=0, le=100)
    length: int = Field(ge=0, le=100)
    specificity: int = Field(ge=0, le=100)


class LLMRubric(BaseModel):
    criteria: CriteriaScores
    score: int = Field(ge=0, le=100)
    strengths: list[str]
    improvements: list[str]
    hint: str = Field(description="How a stronger answer would go, in one or two sentences")


def feedback_messages(
    question: str, category: str, skill: str | None, answer: str, job: JobFacts
) -> list[dict[str, str]]:
    system = (
        "You are an interview coach. Judge the candidate's answer to the interview question for the job below. "
        "First write short feedback in Markdown (at most 150 words): what worked, what to improve, and how a "
        "stronger answer would go. Judge: structure (STAR for stories), relevance to the question and the job's "
        "skills, evidence (numbers, metrics), length, specificity (their own actions, named tools). "
        f"Then, on a last line of its own, write {MARKER} followed by one JSON object on one line: "
        '{"criteria": {"structure": 0-100, "relevance": 0-100, "evidence": 0-100, "length": 0-100, '
        '"specificity": 0-100}, "score": 0-100, "strengths": [string], "improvements": [string], "hint": string}.'
    )
    facts = {
        "job": {"title": job.title, "company": job.company, "skills": list(job.skills)},
        "question": question,
        "category": category,
        "skill": skill,
        "answer": answer,
    }
    return [{"role": "system", "content": system}, {"role": "user", "content": json.dumps(facts, ensure_ascii=False)}]


class _UntilMarker:
    """Forwards streamed text up to the rubric marker, holding back a tail that might be the marker's start."""

    def __init__(self, emit: OnDelta | None) -> None:
        self.emit, self.buffer, self.stopped = emit, "", False

    async def feed(self, piece: str) -> None:
        if self.stopped:
            return
        self.buffer += piece
        at = self.buffer.find(MARKER)
        if at >= 0:
            out, self.buffer, self.stopped = self.buffer[:at], "", True
        else:
            keep = next((n for n in range(len(MARKER) - 1, 0, -1) if self.buffer.endswith(MARKER[:n])), 0)
            cut = len(self.buffer) - keep
            out, self.buffer = self.buffer[:cut], self.buffer[cut:]
        if out and self.emit is not None:
            await self.emit(out)

    async def close(self) -> None:
        if self.buffer and not self.stopped and self.emit is not None:
            await self.emit(self.buffer)
        self.buffer = ""


def split_rubric(text: str) -> tuple[str, str | None]:
    """The prose and the JSON after the marker (None when the model left it out)."""
    at = text.find(MARKER)
    if at < 0:
        return text.strip(), None
    rest = text[at + len(MARKER) :].strip()
    if rest.startswith("```"):
        rest = rest.strip("`").removeprefix("json").strip()
    return text[:at].strip(), rest


async def llm_feedback(
    client: LLMClient,
    job: JobFacts,
    question: str,
    category: str,
    skill: str | None,
    answer: str,
    *,
    user_id: int | None,
    on_delta: OnDelta | None = None,
) -> Feedback:
    """Streamed LLM feedback and its rubric. Raises LLMError when the model cannot be used at all."""
    messages = feedback_messages(question, category, skill, answer, job)
    relay = _UntilMarker(on_delta)
    result = await client.stream_text(
        messages,
        purpose="interviews.feedback",
        prompt_version=PROMPT_VERSION,
        user_id=user_id,
        on_delta=relay.feed,
    )
    await relay.close()
    notes, raw = split_rubric(result.value)
    rubric: LLMRubric | None = None
    if raw is not None:
        try:
            rubric = LLMRubric.model_validate_json(raw)
        except ValidationError:
            rubric = None
    if rubric is None:  # repair: ask for the rubric alone, as structured output
        repair = [*messages, {"role": "assistant", "content": result.value}]
        repair.append({"role": "user", "content": "Now give only the rubric as one JSON object."})
        try:
            rubric = (
                await client.complete_json(
                    LLMRubric,
                    repair,
                    purpose="interviews.feedback_rubric",
                    prompt_version=PROMPT_VERSION,
                    user_id=user_id,
                )
            ).value
        except LLMError as exc:
            log.info("interview_rubric_fallback", error=exc.message)
    details = {"model": client.model, "prompt_version": PROMPT_VERSION, "cache_hit": result.cache_hit}
    if rubric is None:
        offline = score_answer(question, category, skill, answer, job)
        offline.notes = notes or offline.notes
        offline.provider = client.provider
        offline.details = {**offline.details, **details, "scored_by": "offline"}
        return offline
    return Feedback(
        score=rubric.score,
        criteria=rubric.criteria.model_dump(),
        strengths=[s for s in rubric.strengths if s.strip()][:6],
        improvements=[s for s in rubric.improvements if s.strip()][:6],
        hint=rubric.hint,
        notes=notes,
        provider=client.provider,
        details={**details, "scored_by": "llm"},
    )


async def produce_feedback(
    client: LLMClient,
    job: JobFacts,
    question: str,
    category: str,
    skill: str | None,
    answer: str,
    *,
    user_id: int | None,
    on_delta: OnDelta | None = None,
) -> Feedback:
    """LLM feedback when a provider is configured and answers; the offline rubric otherwise. Either way the text
    reaches `on_delta` (the offline one as a single piece), so the UI has one flow."""
    if not client.offline:
        try:
            return await llm_feedback(
                client, job, question, category, skill, answer, user_id=user_id, on_delta=on_delta
            )
        except LLMError as exc:
            log.info("interview_feedback_offline", error=exc.message)
    feedback = score_answer(question, category, skill, answer, job)
    if on_delta is not None:
        await on_delta(feedback.notes)
    return feedback
