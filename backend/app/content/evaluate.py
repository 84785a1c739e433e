"""`copilot eval content`: cover letters over every resume x posting pair of a small dev set, measured.

Offline: the share of sentences that carry a source, the guard's removals by kind, word counts and how many
letters fall in their length window, and Flesch reading ease. With an LLM configured, the same letters are asked
of the model and the claim check's removals are counted (sentences and kinds), with the share of kept sentences
that cite evidence."""

from __future__ import annotations

import json
import re
import statistics
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.content import letter as letters
from app.content.evidence import structure_text
from app.content.inputs import Inputs, build_inputs
from app.resumes.jsonresume import JsonResume
from app.skills import extract

DATA_DIR = Path(__file__).parent / "eval_data"
LENGTHS = tuple(letters.LENGTHS)


@dataclass
class Pair:
    resume: str
    posting: str
    inputs: Inputs


def load_pairs(data_dir: Path = DATA_DIR) -> list[Pair]:
    """Every resume with every posting of the set, as the inputs a document would be generated from."""
    profiles_file = data_dir / "profiles.json"
    profiles = json.loads(profiles_file.read_text(encoding="utf-8")) if profiles_file.exists() else {}
    resumes = {
        p.stem: JsonResume.model_validate_json(p.read_text("utf-8")) for p in sorted(data_dir.glob("resumes/*.json"))
    }
    postings = {p.stem: json.loads(p.read_text("utf-8")) for p in sorted(data_dir.glob("postings/*.json"))}
    pairs = []
    for rid, resume in resumes.items():
        for pid, posting in postings.items():
            pairs.append(Pair(rid, pid, inputs_for(resume, posting, profiles.get(rid, {}).get("pitch", ""))))
    return pairs


def inputs_for(resume: JsonResume, posting: dict[str, Any], pitch: str = "") -> Inputs:
    text = structure_text(resume)
    inputs = build_inputs(
        name=resume.basics.name,
        job_title=str(posting.get("title", "")),
        company=str(posting.get("company", "")),
        profile_skills=[],
        job_skills=list(posting.get("skills", [])),
        responsibilities=list(posting.get("responsibilities", [])),
        pitch=pitch,
        why_company=str(posting.get("why_company", "")),
    )
    inputs.structure = resume
    inputs.resume_text = text
    inputs.resume_skills = extract(text, "resume").skills
    return inputs


def syllables(word: str) -> int:
    """Syllables by vowel groups, a silent final "e" dropped ("rate"), a final "-le" kept ("table")."""
    w = re.sub(r"[^a-z]", "", word.lower())
    if not w:
        return 0
    if len(w) <= 3:
        return 1
    if w.endswith("e") and not w.endswith(("le", "ee")):
        w = w[:-1]
    return max(1, len(re.findall(r"[aeiouy]+", w)))


def flesch_reading_ease(text: str) -> float:
    """206.835 - 1.015 x words per sentence - 84.6 x syllables per word (higher reads more easily)."""
    words = re.findall(r"[A-Za-z][A-Za-z'\u2019-]*", text)
    if not words:
        return 0.0
    sentences = max(1, len(re.findall(r"[.!?]+(?:\s|$)|[,:]\n|\n\n", text)))
    per_sentence = len(words) / sentences
    per_word = sum(syllables(w) for w in words) / len(words)
    return round(206.835 - 1.015 * per_sentence - 84.6 * per_word, 1)


def spread(values: list[float]) -> dict[str, float]:
    if not values:
        return {"min": 0, "median": 0, "max": 0}
    return {"min": min(values), "median": statistics.median(values), "max": max(values)}


def _cited(sentence: dict[str, Any]) -> bool:
    return any(s["kind"] != "llm" for s in sentence["sources"])


def summarise(reports: list[tuple[str, str, dict[str, Any]]]) -> dict[str, Any]:
    """Figures over (text, length, report) of many letters."""
    sentences = [s for _, _, r in reports for s in r.get("sentences", [])]
    removed = [x for _, _, r in reports for x in r.get("removed", [])]
    counts = [letters.word_count(text) for text, _, _ in reports]
    in_window = [
        letters.LENGTHS[length][0] <= count <= letters.LENGTHS[length][1]
        for (_, length, _), count in zip(reports, counts, strict=True)
    ]
    kinds = Counter(s["sources"][0]["kind"] for s in sentences if s["sources"])
    return {
        "letters": len(reports),
        "sentences": len(sentences),
        "provenance_coverage": round(
            sum(1 for s in sentences if s["sources"] and _cited(s)) / max(1, len(sentences)), 3
        ),
        "sentences_by_source": dict(sorted(kinds.items())),
        "removed_by_kind": dict(sorted(Counter(x["kind"] for x in removed).items())),
        "removed_sentences": sum(len({x["text"] for x in r.get("removed", [])}) for _, _, r in reports),
        "word_count": spread([float(c) for c in counts]),
        "in_length_window": round(sum(in_window) / max(1, len(in_window)), 3),
        "flesch_reading_ease": spread([flesch_reading_ease(text) for text, _, _ in reports]),
    }


def evaluate_offline(pairs: list[Pair], tone: str = "professional") -> dict[str, Any]:
    from app.content.generation import offline_outcome
    from app.models.content import DocumentKind

    reports = []
    for pair in pairs:
        for length in LENGTHS:
            outcome = offline_outcome(pair.inputs, DocumentKind.cover_letter, {"tone": tone, "length": length})
            reports.append((outcome.content, length, outcome.report))
    return summarise(reports)


async def evaluate_llm(
    client: Any, pairs: list[Pair], tone: str = "professional", length: str = "medium"
) -> dict[str, Any]:
    """The LLM's letters for the pairs (medium length), checked sentence by sentence as the app does."""
    from app.content.generation import generate
    from app.models.content import DocumentKind

    reports = []
    fallbacks = 0
    for pair in pairs:
        outcome = await generate(
            client, pair.inputs, DocumentKind.cover_letter, {"tone": tone, "length": length}, user_id=None
        )
        if outcome.provider == "offline":
            fallbacks += 1
            continue
        reports.append((outcome.content, length, outcome.report))
    figures = summarise(reports)
    figures["provider"] = getattr(client, "provider", "")
    figures["fallbacks"] = fallbacks
    return figures
