"""The offline feedback rubric: five criteria scored 0-100 from the answer's text, weighted by question category.

- structure: STAR cues (situation, task, action, result);
- relevance: the question's skill and the job's skills named, and the question's own words picked up;
- evidence: concrete numbers and metrics;
- length: too short, good, or rambling;
- specificity: first-person actions, named tools, examples.

The same `Feedback` shape is filled by the LLM rubric (feedback.py), so the UI shows one thing."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from typing import Any

from app.interviews.questions import JobFacts
from app.skills import extract_skills
from app.skills.taxonomy import normalize

CRITERIA = ("structure", "relevance", "evidence", "length", "specificity")
WEIGHTS: dict[str, dict[str, float]] = {
    "behavioural": {"structure": 0.3, "relevance": 0.15, "evidence": 0.2, "length": 0.15, "specificity": 0.2},
    "role": {"structure": 0.2, "relevance": 0.25, "evidence": 0.2, "length": 0.15, "specificity": 0.2},
    "technical": {"structure": 0.1, "relevance": 0.3, "evidence": 0.15, "length": 0.2, "specificity": 0.25},
}
RUBRIC_VERSION = "interview-rubric-v1"

_I = re.IGNORECASE
STAR_CUES: dict[str, re.Pattern[str]] = {
    "situation": re.compile(
        r"\b(when i was|at my (previous|last|current|old)|in my (previous|last|current|old)|our (team|company|"
        r"product|system|service|platform|app|customers?)|the situation|back in|last (year|quarter|month)|we had|"
        r"there was|while working|in (19|20)\d\d|during|at the time)\b|\bsituation\s*[:\-\u2013]",
        _I,
    ),
    "task": re.compile(
        r"\b(my (goal|task|job|role|responsibility|aim) (was|is)|i was (responsible|asked|tasked|in charge)|i needed "
        r"to|i had to|we needed to|the (goal|task|challenge|problem|issue) was|objective|i wanted to|"
        r"i (owned|took on|volunteered))\b|\btask\s*[:\-\u2013]",
        _I,
    ),
    "action": re.compile(
        r"\b(i (built|designed|implemented|wrote|led|created|introduced|set up|added|refactored|migrated|decided|"
        r"proposed|organi[sz]ed|automated|measured|profiled|ran|moved|changed|talked|met|reviewed|tested|deployed|"
        r"split|rewrote|fixed|started|used|paired|mentored|negotiated|asked|analy[sz]ed|prototyped|replaced))\b|"
        r"\b(so|first,?|then|next,?) i\b|\bactions?\s*[:\-\u2013]",
        _I,
    ),
    "result": re.compile(
        r"\b(as a result|result(ed)? in|the result|in the end|outcome|reduc(ed|ing)|improv(ed|ing)|increas(ed|ing)|"
        r"sav(ed|ing)|cut|dropped|grew|doubled|halved|tripled|shipped|launched|delivered|on time|learned|lesson|"
        r"now (we|the|it)|since then|afterwards|no longer|faster|quicker|fewer)\b|\bresults?\s*[:\-\u2013]",
        _I,
    ),
}
_METRIC = re.compile(
    r"(?:[$€£]\s?\d[\d,.]*\s?[kmb]?)|(?:\b\d[\d,.]*\s?(?:%|percent|x\b|ms\b|milliseconds|seconds|secs?\b|minutes|"
    r"mins?\b|hours|hrs?\b|days|weeks|months|years|k\b|million|thousand|users|customers|requests|rps|qps|"
    r"engineers|people|services|teams?|tickets|incidents|releases|deploys|deployments|orders|transactions|rows|"
    r"records|errors|bugs|tests|queries|servers|nodes|pods|clients|accounts|signups|sales|pages))|"
    r"\bzero [a-z]+|"
    r"\b(doubled|halved|tripled|tenfold)\b",
    _I,
)
_NUMBER = re.compile(r"\b\d[\d,.]*\b")
_FIRST_PERSON = re.compile(r"\b(i|i'm|i've|i'd|my|me)\b", _I)
_WE = re.compile(r"\b(we|our|us)\b", _I)
_EXAMPLE = re.compile(r"\b(for example|for instance|specifically|such as|e\.g\.)", _I)
_WORD = re.compile(r"[A-Za-z][A-Za-z+#.'-]*")
_STOP_WORDS = (
    "about after again also always answer been before being could describe does doing done each from have having "
    "into just like make more most much other over should some such tell than that their them then there these "
    "they thing this those time very want were what when where which while will with would your you how why who "
    "did the and for are was"
)
_STOP = set(_STOP_WORDS.split())


@dataclass
class Feedback:
    score: int
    criteria: dict[str, int]
    strengths: list[str]
    improvements: list[str]
    hint: str
    notes: str = ""
    provider: str = "offline"
    details: dict[str, Any] = field(default_factory=dict)

    def as_json(self) -> dict[str, Any]:
        return asdict(self)


def score_answer(question: str, category: str, skill: str | None, answer: str, job: JobFacts) -> Feedback:
    """Score an answer against the rubric; strengths, improvements and a hint of a stronger answer included."""
    words = _WORD.findall(answer)
    count = len(words)
    star = {part: bool(cue.search(answer)) for part, cue in STAR_CUES.items()}
    named = _named_skills(answer, skill, job)
    metrics = len(_METRIC.findall(answer))
    bare_numbers = max(0, len(_NUMBER.findall(answer)) - metrics)
    first_person = len(_FIRST_PERSON.findall(answer))
    we = len(_WE.findall(answer))
    examples = len(_EXAMPLE.findall(answer))
    overlap = _keyword_overlap(question, answer)

    criteria = {
        "structure": 25 * sum(star.values()),
        "relevance": _relevance(skill, job, named, overlap),
        "evidence": min(100, 55 * metrics + 15 * bare_numbers),
        "length": _length_score(count),
        "specificity": min(100, 12 * min(first_person, 5) + 20 * min(len(named["all"]), 2) + 10 * min(examples, 1)),
    }
    if we > first_person * 2 and first_person < 3:  # all "we": the interviewer cannot tell what you did
        criteria["specificity"] = max(0, criteria["specificity"] - 15)
    if count < 8:  # a one-liner cannot carry any criterion far
        criteria = {k: min(v, 30) for k, v in criteria.items()}
    weights = WEIGHTS.get(category, WEIGHTS["role"])
    score = round(sum(criteria[c] * weights[c] for c in CRITERIA))
    strengths, improvements = _comments(criteria, star, named, count, category, skill)
    hint = _hint(question, category, skill, star, criteria, job)
    details = {
        "star": star,
        "word_count": count,
        "metrics": metrics,
        "skills_named": named["all"],
        "job_skills_named": named["job"],
        "rubric_version": RUBRIC_VERSION,
    }
    feedback = Feedback(score, criteria, strengths, improvements, hint, details=details)
    feedback.notes = render_notes(feedback)
    return feedback


def _named_skills(answer: str, skill: str | None, job: JobFacts) -> dict[str, list[str]]:
    found = extract_skills(answer, "resume")
    text = f" {normalize(answer)} "
    for name in (skill, *job.skills):
        if name and name not in found and f" {normalize(name)} " in text:
            found.append(name)
    job_skills = set(job.skills) | ({skill} if skill else set())
    return {"all": found, "job": [s for s in found if s in job_skills]}


def _keyword_overlap(question: str, answer: str) -> float:
    keys = {w.lower() for w in _WORD.findall(question) if len(w) > 3 and w.lower() not in _STOP}
    if not keys:
        return 0.0
    said = {w.lower() for w in _WORD.findall(answer)}
    return len(keys & said) / len(keys)


def _relevance(skill: str | None, job: JobFacts, named: dict[str, list[str]], overlap: float) -> int:
    words = min(100, round(overlap * 160))
    job_part = min(100, 40 * len(named["job"]))
    if skill:
        skill_part = 60 if skill in named["all"] else 0
        return min(100, skill_part + round(0.25 * job_part) + round(0.25 * words))
    if job.skills:
        return min(100, round(0.5 * job_part + 0.6 * words) + (20 if named["all"] else 0))
    return min(100, words + (20 if named["all"] else 0))


def _length_score(words: int) -> int:
    for limit, score in ((8, 5), (25, 25), (50, 55), (80, 80), (350, 100), (500, 75)):
        if words < limit:
            return score
    return 45


def _comments(
    criteria: dict[str, int],
    star: dict[str, bool],
    named: dict[str, list[str]],
    words: int,
    category: str,
    skill: str | None,
) -> tuple[list[str], list[str]]:
    strengths: list[str] = []
    improvements: list[str] = []
    missing = [part for part, present in star.items() if not present]
    if criteria["structure"] >= 75:
        strengths.append("Clear structure: the situation, what you did and how it ended are all there.")
    elif category != "technical" or criteria["structure"] < 25:
        improvements.append(f"Structure the story (STAR): add the {', '.join(missing)}.")
    if criteria["evidence"] >= 55:
        strengths.append("Concrete numbers make the impact believable.")
    else:
        improvements.append("Add a number: how much faster, cheaper, bigger or fewer errors, and over what time.")
    if skill and skill in named["all"]:
        strengths.append(f"You spoke to {skill} directly.")
    elif skill:
        improvements.append(f"The question is about {skill}: name it and say how you used it.")
    if named["job"] and not skill:
        strengths.append(f"You tied the answer to the job's skills ({', '.join(named['job'][:3])}).")
    if words < 50:
        improvements.append("Too short: an interviewer needs about 1-2 minutes (150-300 words) to judge an answer.")
    elif words > 450:
        improvements.append("Long: cut the background and keep to one story; aim for 150-300 words.")
    else:
        strengths.append("A good length for a spoken answer.")
    if criteria["specificity"] >= 60:
        strengths.append("Specific: you say what you did yourself and with which tools.")
    else:
        improvements.append('Be specific: say "I" for your part, and name the tools and systems involved.')
    return strengths, improvements


def _hint(
    question: str,
    category: str,
    skill: str | None,
    star: dict[str, bool],
    criteria: dict[str, int],
    job: JobFacts,
) -> str:
    steps: list[str] = []
    if not star["situation"]:
        steps.append("open with one sentence of context (the team, the system and what was at stake)")
    if not star["task"]:
        steps.append("say what you were responsible for")
    if not star["action"] or criteria["specificity"] < 60:
        tools = skill or ", ".join(job.skills[:2]) or "the tools you used"
        steps.append(f"describe two or three things you did yourself, naming {tools}")
    if not star["result"] or criteria["evidence"] < 55:
        steps.append('close with a measurable result ("cut p95 latency from 900 ms to 200 ms in six weeks")')
    if category == "technical" and criteria["relevance"] < 60:
        steps.append("explain the trade-off you chose and why")
    if not steps:
        return f'Your answer to "{_short(question)}" covers the rubric; add what you would do differently next time.'
    return f'A stronger answer to "{_short(question)}" would ' + "; ".join(steps) + "."


def _short(question: str, limit: int = 90) -> str:
    return question if len(question) <= limit else question[: limit - 1].rsplit(" ", 1)[0] + "…"


def render_notes(feedback: Feedback) -> str:
    """The feedback as the text the UI streams (Markdown)."""
    lines = [f"**Score: {feedback.score}/100**", ""]
    if feedback.strengths:
        lines += ["Strengths:", *[f"- {s}" for s in feedback.strengths], ""]
    if feedback.improvements:
        lines += ["To improve:", *[f"- {s}" for s in feedback.improvements], ""]
    lines.append(f"Stronger answer: {feedback.hint}")
    return "\n".join(lines)
