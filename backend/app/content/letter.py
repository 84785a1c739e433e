"""The offline cover letter: composed from the profile, the resume's bullets and the job's skills and duties.

Each evidence paragraph pairs one of the job's responsibilities with a resume bullet that shares a skill with it.
Sentence builders (phrases.py) are chosen by a random generator seeded with a hash of the inputs, so a letter is
reproducible for the same person and job and differs across people and jobs. Optional sentences are added in a
fixed priority until the letter reaches its length window (all within 250 to 400 words)."""

from __future__ import annotations

import hashlib
import random
import re
from dataclasses import dataclass, field

from app.content import phrases
from app.content.inputs import Inputs, key
from app.skills.extractor import extract_skills
from app.skills.taxonomy import get_taxonomy

PROMPT_VERSION = "cover-offline-v1"
LENGTHS: dict[str, tuple[int, int]] = {"short": (250, 290), "medium": (300, 345), "long": (350, 400)}
MAX_EVIDENCE = {"short": 2, "medium": 3, "long": 3}
_PAST = {
    "built", "led", "ran", "wrote", "made", "cut", "drove", "grew", "set", "took", "won", "gave", "began", "brought",
    "taught", "kept", "held", "sold", "shipped", "rebuilt", "rewrote", "overhauled", "owned", "spearheaded", "saw",
    "chose", "found", "got", "put", "split", "shrank", "sped", "spun", "stood", "thought", "understood", "undertook",
}  # fmt: skip
_NOT_IMPERATIVE = {"you", "we", "the", "a", "an", "our", "your", "this", "strong", "excellent", "experience",
                   "knowledge", "ability", "responsible", "responsibility", "ownership"}  # fmt: skip


def word_count(text: str) -> int:
    """Words as a reader counts them: runs of non-space characters."""
    return len(text.split())


@dataclass
class Evidence:
    responsibility: str
    bullet: str
    shared: list[str]


@dataclass
class Letter:
    text: str
    evidence: list[Evidence] = field(default_factory=list)
    skills_mentioned: list[str] = field(default_factory=list)


def rng_for(inputs: Inputs, salt: str) -> random.Random:
    digest = hashlib.sha256(f"{salt}|{inputs.seed_text()}".encode()).hexdigest()
    return random.Random(int(digest[:16], 16))  # noqa: S311 - variety of wording, not secrecy


def and_list(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def _article(word: str) -> str:
    return "an" if word[:1].lower() in "aeiou" else "a"


def _lower_first(text: str) -> str:
    first = text.split(" ", 1)[0]
    if sum(c.isupper() for c in first) > 1 or not first[:1].isupper() or get_taxonomy().canonical(first):
        return text
    return text[0].lower() + text[1:]


def _is_imperative(resp: str) -> bool:
    first = resp.split(" ", 1)[0].lower().strip(",")
    return bool(first) and first not in _NOT_IMPERATIVE and not first.endswith(("ing", "tion", "ment", "ship", "s"))


def _is_past(bullet: str) -> bool:
    first = bullet.split(" ", 1)[0].lower().strip(",")
    return first.endswith("ed") or first in _PAST


def pair_evidence(inputs: Inputs, limit: int) -> list[Evidence]:
    """Greedy pairs of (responsibility, bullet) sharing at least one skill the user has; each bullet used once."""
    have = {key(s) for s in inputs.user_skills}
    used: set[int] = set()
    pairs: list[Evidence] = []
    for resp in inputs.responsibilities:
        named = extract_skills(resp, "jd")
        resp_skills = {key(s): s for s in named if key(s) in have}
        if not resp_skills or len(resp_skills) < len(named):  # it names a skill the user lacks: never echo it
            continue
        best: tuple[int, int] | None = None
        for i, bullet in enumerate(inputs.bullets):
            if i in used:
                continue
            shared = len(resp_skills.keys() & {key(s) for s in bullet.skills})
            if shared and (best is None or shared > best[0]):
                best = (shared, i)
        if best is None:
            continue
        bullet = inputs.bullets[best[1]]
        used.add(best[1])
        shared_names = [resp_skills[k] for k in resp_skills if k in {key(s) for s in bullet.skills}]
        pairs.append(Evidence(responsibility=resp, bullet=bullet.text, shared=shared_names))
        if len(pairs) >= limit:
            break
    return pairs


class _Composer:
    def __init__(self, inputs: Inputs, tone: str, rng: random.Random) -> None:
        self.inputs, self.tone, self.rng = inputs, tone, rng
        matching = inputs.matching_skills
        self.top = (matching or inputs.user_skills)[:3]
        role = inputs.job_title or "open"
        self.facts = {
            "role": role,
            "a_role": f"{_article(role)} {role}",
            "company": inputs.company or "your company",
            "s1": self.top[0] if self.top else "",
            "s2": self.top[1] if len(self.top) > 1 else (self.top[0] if self.top else ""),
            "skills": and_list(self.top),
        }
        self._used: set[str] = set()
        self.pool = inputs.user_skills[:8]  # skills a general sentence may name: the user's own

    def pick(self, bank: list[str], **extra: str) -> str:
        fresh = [b for b in bank if b not in self._used] or bank
        choice = self.rng.choice(fresh)
        self._used.add(choice)
        if "{s}" in choice and "s" not in extra:
            extra["s"] = self.rng.choice(self.pool) if self.pool else "this"
        return choice.format(**self.facts, **extra)

    def toned(self, bank: dict[str, list[str]], **extra: str) -> str:
        return self.pick(bank[self.tone], **extra)

    def evidence_paragraph(self, pair: Evidence) -> str:
        resp = pair.responsibility.rstrip(".")
        if _is_imperative(resp):
            intro = self.pick(phrases.INTRO_VERB, resp=_lower_first(resp))
        else:
            intro = self.pick(phrases.INTRO_QUOTE, resp_q=resp)
        bullet = pair.bullet.rstrip(".")
        if _is_past(bullet):
            proof = self.pick(phrases.PROOF_VERB, bullet=_lower_first(bullet))
        else:
            proof = self.pick(phrases.PROOF_QUOTE, bullet_q=bullet)
        tie = self.pick(phrases.TIE, s=pair.shared[0])
        return " ".join([intro, proof, tie])


def _summary_line(inputs: Inputs) -> str | None:
    summary = " ".join((inputs.sections.get("summary") or "").split())
    first = re.split(r"(?<=[.!?])\s+", summary)[0].rstrip(".!? ") if summary else ""
    if not 4 <= len(first.split()) <= 30:
        return None
    return _lower_first(first)


def compose_letter(inputs: Inputs, tone: str = "professional", length: str = "medium") -> Letter:
    """A cover letter of `length` words in `tone`, built only from the inputs' facts."""
    tone = tone if tone in phrases.TONES else "professional"
    low, high = LENGTHS.get(length, LENGTHS["medium"])
    rng = rng_for(inputs, f"letter|{tone}|{length}")
    c = _Composer(inputs, tone, rng)
    pairs = pair_evidence(inputs, MAX_EVIDENCE.get(length, 3))

    greeting = c.toned(phrases.GREETING)
    opening = [c.toned(phrases.APPLY)]
    if len(c.top) >= 2:
        opening.append(c.pick(phrases.OVERLAP))
    elif c.top:
        opening.append(f"{c.top[0]} is at the centre of my experience and of your posting.")
    evidence = [c.evidence_paragraph(p) for p in pairs]
    closing = [c.toned(phrases.CLOSING)]
    signoff = c.toned(phrases.SIGNOFF) + (f"\n{inputs.name}" if inputs.name else "")

    extra_open: list[str] = []
    middle: list[str] = []
    fit: list[str] = []
    optional: list[tuple[list[str], str]] = []
    summary = _summary_line(inputs)
    if summary:
        optional.append((extra_open, c.pick(phrases.SUMMARY, summary=summary)))
    more = [s for s in inputs.matching_skills if s not in c.top][:4]
    if more:
        optional.append((middle, c.pick(phrases.MORE_MATCHES, more=and_list(more))))
    extras = [s for s in inputs.user_skills if key(s) not in {key(m) for m in inputs.matching_skills}][:4]
    if extras:
        optional.append((middle, c.pick(phrases.EXTRAS, extras=and_list(extras))))
    optional.append((fit, c.pick(phrases.MOTIVATION)))
    approach = [c.pick(phrases.APPROACH) for _ in phrases.APPROACH]
    optional.append((fit, approach.pop()))
    optional.append((fit, c.pick(phrases.MOTIVATION)))
    optional.extend((fit, a) for a in approach)

    def render() -> str:
        paragraphs = [greeting, " ".join(opening + extra_open), *evidence]
        if middle:
            paragraphs.append(" ".join(middle))
        if fit:
            paragraphs.append(" ".join(fit))
        paragraphs += [" ".join(closing), signoff]
        return "\n\n".join(p for p in paragraphs if p)

    while word_count(render()) > high and len(evidence) > 1:
        evidence.pop()
        pairs.pop()
    for target, sentence in optional:
        current = word_count(render())
        if current >= low:
            break
        if current + word_count(sentence) <= high:
            target.append(sentence)
    mentioned = [s for s in inputs.matching_skills if s in render()]
    return Letter(text=render(), evidence=pairs, skills_mentioned=mentioned)
