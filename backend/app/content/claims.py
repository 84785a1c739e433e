"""The sentence-level check of an LLM cover letter: the same rule as the offline composer, enforced after the fact.

The prompt numbers the evidence [E1]…[En] (evidence.numbered) and asks for the ids after each sentence. Here the
letter is split into sentences, the cited ids are read and the markers stripped, and every sentence goes through
the guard with its number checks on: a sentence claiming a skill, employer, title, degree, number, metric or
years of experience that the resume and profile do not hold is removed and reported as `{kind, text, reason}`, and
so is one about the person's character or habits ("I am a passionate team player") that they did not write.
What remains carries its sources: the cited evidence, or kind "llm" when the model cited nothing."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from app.content import phrases
from app.content.evidence import Source, numbered
from app.content.guard import allowed_for, violations
from app.content.inputs import Inputs
from app.content.letter import SentenceSource

_IDS = r"E\d{1,3}(?:\s*[,;]\s*E\d{1,3})*"
CITATION = re.compile(rf"\s*\[\s*{_IDS}\s*\]|\s*\(\s*{_IDS}\s*\)")
# A sentence ends at . ! or ? (then closing quotes and citations), before a space and a capital, digit or bracket.
_END = re.compile(
    rf"(?<=[.!?])((?:[\"\u201d\u2019)]*)(?:\s*[\[(]\s*{_IDS}\s*[\])])*)\s+(?![\[(]\s*E\d)(?=[\"\u201c\u2018(\[*]?[A-Z0-9])"
)
# Claims about character, habits or motives: kept only when the user wrote them (pitch, why_company, summary).
_TRAIT = re.compile(
    r"\bI(?: am|'m|\u2019m) (?:a |an |very |highly |extremely |truly )?(?:passionate|team player|detail[- ]oriented|"
    r"hard[- ]working|self[- ]starter|self[- ]motivated|motivated|driven|results[- ]driven|dedicated|creative|"
    r"reliable|proactive|fast learner|quick learner|people person|perfectionist|known for)\b"
    r"|\bcolleagues (?:say|describe|call)|\bI (?:love|thrive|pride myself|excel at|never miss|always)\b"
    r"|\bmy (?:passion|strong work ethic)\b",
    re.I,
)
UNCITED = Source("llm", "", "Written by the model (no evidence cited)", "")


@dataclass
class Checked:
    content: str
    removed: list[dict[str, str]] = field(default_factory=list)
    sentences: list[SentenceSource] = field(default_factory=list)


def split_sentences(line: str) -> list[str]:
    """A line's sentences, each with the citations that follow it."""
    out, start = [], 0
    for match in _END.finditer(line):
        end = match.start(1) + len(match.group(1))
        out.append(line[start:end])
        start = match.end()
    out.append(line[start:])
    merged: list[str] = []
    for piece in out:
        if merged and not strip_citations(piece).strip():  # citations alone belong to the sentence before
            merged[-1] += " " + piece.strip()
        elif piece.strip():
            merged.append(piece)
    return merged


def cited_ids(sentence: str) -> list[str]:
    return re.findall(r"E\d{1,3}", " ".join(m.group(0) for m in CITATION.finditer(sentence)))


def strip_citations(text: str) -> str:
    """The text without [E1]-style markers (also what a reader sees while the letter streams)."""
    return CITATION.sub("", text)  # the pattern takes the spaces before a marker with it


def check_letter(text: str, inputs: Inputs) -> Checked:
    """The letter without unsupported sentences or citation markers, the removals, and each kept sentence's sources."""
    evidence = dict(numbered(inputs))
    roles = {source.ref: source for source in evidence.values() if re.fullmatch(r"work\[\d+\]", source.ref)}
    allowed = allowed_for(inputs, posting=True)
    placeholder = phrases.WHY_PLACEHOLDER.format(company=inputs.company or "this company")
    own_words = " ".join([inputs.pitch, inputs.why_company, inputs.structure.basics.summary]).lower()
    checked = Checked(content="")
    lines: list[str] = []
    for line in text.split("\n"):
        if not line.strip():
            lines.append("")
            continue
        kept: list[str] = []
        for raw in split_sentences(line):
            sentence = strip_citations(raw).strip()
            if not sentence:
                continue
            found = [
                {"kind": v.kind, "text": sentence, "reason": v.reason}
                for v in violations(sentence, allowed, numbers=True)
            ]
            trait = _TRAIT.search(sentence)
            if trait and trait.group(0).lower() not in own_words:
                reason = f"\u201c{trait.group(0)}\u201d says something about you that you did not write"
                found.append({"kind": "trait", "text": sentence, "reason": reason})
            if found:
                checked.removed += found
                continue
            if sentence == placeholder:
                checked.sentences.append(
                    SentenceSource(sentence, [Source("placeholder", "why_company", "Write this yourself", sentence)])
                )
                kept.append(sentence)
                continue
            sources = _with_roles([evidence[i] for i in dict.fromkeys(cited_ids(raw)) if i in evidence], roles)
            checked.sentences.append(SentenceSource(sentence, sources or [UNCITED]))
            kept.append(sentence)
        if kept:
            lines.append(" ".join(kept))
    checked.content = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
    return checked


def _with_roles(sources: list[Source], roles: dict[str, Source]) -> list[Source]:
    """A cited highlight brings its role along (employer, title, dates), unless the role is cited already."""
    out: list[Source] = []
    for source in sources:
        role = roles.get(source.ref.split(".", 1)[0]) if ".highlights[" in source.ref else None
        if role is not None and role not in sources and role not in out:
            out.append(role)
        out.append(source)
    return out


class CitationFilter:
    """Streams a letter without its citation markers: text after an unclosed "[" or "(" is held until the bracket
    closes (then dropped if it was a citation) or grows too long to be one."""

    _HOLD = 24

    def __init__(self) -> None:
        self.buffer = ""

    def feed(self, delta: str) -> str:
        self.buffer += delta
        cut = max(self.buffer.rfind("["), self.buffer.rfind("("))
        if cut != -1 and not re.search(r"[\])]", self.buffer[cut:]) and len(self.buffer) - cut < self._HOLD:
            ready, self.buffer = self.buffer[:cut], self.buffer[cut:]
        else:
            ready, self.buffer = self.buffer, ""
        # a citation may follow: spaces at the end wait for the next piece, so that " [E3]" leaves no space behind
        ready = CITATION.sub("", ready)
        kept = ready.rstrip(" ")
        self.buffer = ready[len(kept) :] + self.buffer
        return kept

    def flush(self) -> str:
        rest, self.buffer = CITATION.sub("", self.buffer), ""
        return rest
