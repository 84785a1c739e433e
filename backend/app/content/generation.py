"""One document's generation, whatever produces it: the LLM (streamed) when one is configured, else — or when it
fails — the offline composer. Both paths end in the guard, and both return the same `Outcome`."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

import structlog

from app.content import claims, prompts, tailor
from app.content import letter as letters
from app.content.guard import guard_text
from app.content.inputs import Inputs
from app.llm.client import LLMClient
from app.llm.exceptions import LLMError, LLMUnavailable
from app.models.content import DocumentKind

log = structlog.get_logger(__name__)

OnDelta = Callable[[str], Awaitable[None]]
ShouldCancel = Callable[[], Awaitable[bool]]


@dataclass
class Outcome:
    content: str
    report: dict[str, Any]
    provider: str
    model: str
    prompt_version: str
    cancelled: bool = False
    source: str | None = None  # the untailored resume a tailored one is compared with


def offline_outcome(inputs: Inputs, kind: DocumentKind, options: dict[str, Any]) -> Outcome:
    """The document by the offline composer, guarded like any other."""
    if kind == DocumentKind.cover_letter:
        letter = letters.compose_letter(inputs, options.get("tone", "professional"), options.get("length", "medium"))
        # The composer already ran the guard on each sentence (it drops a sentence rather than a half of it).
        report = {
            "removed": letter.removed,
            "word_count": letters.word_count(letter.text),
            "matching_skills": inputs.matching_skills,
            "skills_mentioned": letter.skills_mentioned,
            "missing_skills": inputs.missing_skills,
            "evidence": [
                {"responsibility": e.responsibility, "bullet": e.bullet, "shared": e.shared} for e in letter.evidence
            ],
            "sentences": [s.as_dict() for s in letter.sentences],
        }
        return Outcome(letter.text, report, "offline", "offline", letters.PROMPT_VERSION)
    tailored = tailor.tailor_resume(inputs)
    content, removed = guard_text(tailored.text, tailor.guard_inputs(inputs, tailored))
    if not removed:  # keep the user's lines exactly: the guard re-joins "a; b; c" with commas as it reads lists
        content = tailored.text.strip()
    report = {
        "removed": removed,
        "missing_skills": tailored.missing_skills,
        "matching_skills": tailored.matching_skills,
        "moved_bullets": tailored.moved_bullets,
        "notes": tailored.notes,
        "resume": tailored.resume.dump(),  # the JSON Resume export
    }
    return Outcome(content + "\n", report, "offline", "offline", tailor.PROMPT_VERSION, source=tailored.original)


def _without_citations(on_delta: OnDelta, citations: claims.CitationFilter) -> OnDelta:
    async def forward(delta: str) -> None:
        if text := citations.feed(delta):
            await on_delta(text)

    return forward


async def generate(
    client: LLMClient,
    inputs: Inputs,
    kind: DocumentKind,
    options: dict[str, Any],
    *,
    user_id: int | None,
    on_delta: OnDelta | None = None,
    should_cancel: ShouldCancel | None = None,
) -> Outcome:
    """Generate with the LLM when configured (deltas to `on_delta`), falling back to the offline composer."""
    if client.offline:
        outcome = offline_outcome(inputs, kind, options)
        if on_delta is not None:
            await on_delta(outcome.content)
        return outcome
    tailored = tailor.tailor_resume(inputs) if kind == DocumentKind.tailored_resume else None
    source = tailored.original if tailored else None
    citations: claims.CitationFilter | None = None
    if kind == DocumentKind.cover_letter:
        messages = prompts.letter_messages(inputs, options.get("tone", "professional"), options.get("length", "medium"))
        version = prompts.LETTER_PROMPT_VERSION
        if on_delta is not None:  # the reader sees the letter stream without its [E3] citation markers
            citations = claims.CitationFilter()
            on_delta = _without_citations(on_delta, citations)
    else:
        messages = prompts.tailor_messages(inputs, source or "")
        version = prompts.TAILOR_PROMPT_VERSION
    try:
        result = await client.stream_text(
            messages,
            purpose=f"content.{kind.value}",
            prompt_version=version,
            user_id=user_id,
            on_delta=on_delta,
            should_cancel=should_cancel,
        )
    except LLMError as exc:
        log.info("content_llm_fallback", kind=kind.value, error=exc.message)
        outcome = offline_outcome(inputs, kind, options)
        if not isinstance(exc, LLMUnavailable) or client.provider != "offline":
            outcome.report["notice"] = f"{exc.message} This is the offline version instead."
        if on_delta is not None:
            await on_delta(outcome.content)
        return outcome
    if citations is not None and on_delta is not None and (rest := citations.flush()):
        await on_delta(rest)
    if kind == DocumentKind.cover_letter:
        checked = claims.check_letter(result.value, inputs)
        content, removed = checked.content, checked.removed
    else:
        content, removed = guard_text(result.value, tailor.guard_inputs(inputs, tailored) if tailored else inputs)
        lost = [w for w in inputs.structure.work if w.name and w.name.lower() not in content.lower()]
        if lost and not result.cancelled:  # every role is kept (issue #18): a model that dropped one is not used
            outcome = offline_outcome(inputs, kind, options)
            names = ", ".join(w.name for w in lost[:3])
            outcome.report["notice"] = f"The model left out your role at {names}; this is the offline version instead."
            log.info("content_llm_dropped_roles", count=len(lost))
            return outcome
    report: dict[str, Any] = {
        "removed": removed,
        "matching_skills": inputs.matching_skills,
        "missing_skills": inputs.missing_skills,
        "cache_hit": result.cache_hit,
    }
    if tailored:  # the structure keeps the offline ordering; the LLM's wording lives in the Markdown only
        report["resume"] = tailored.resume.dump()
    if kind == DocumentKind.cover_letter:
        report["word_count"] = letters.word_count(content)
        report["skills_mentioned"] = [s for s in inputs.matching_skills if s in content]
        report["sentences"] = [s.as_dict() for s in checked.sentences]
    return Outcome(
        content=content.strip() + "\n",
        report=report,
        provider=result.provider,
        model=result.model,
        prompt_version=version,
        cancelled=result.cancelled,
        source=source,
    )
