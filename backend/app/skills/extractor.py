"""Offline skill extraction: an Aho-Corasick scan of the normalised text, then context rules for ambiguous names.

Every alias is stored in the automaton as " alias " (spaces on both sides) and the text is normalised the same
way (`normalize`), so a hit is always whole words. Overlapping hits keep the leftmost-longest ("Spring Boot" over
"Spring"). Hits on ambiguous aliases ("Go", "R", "Excel", "Spring") are then checked against the original text:
the exact casing, then context, which is any of
- a list: the hit is separated from another skill only by commas, slashes, "and"/"or", brackets or a line break
  between short lines, and that list holds an unambiguous skill or at least three hits as written;
- a lead-in such as "experience with", "programming in", "knowledge of", "such as";
- a following cue for the skill's category: "Go developer", "R programming", "Excel spreadsheets";
- a label at the start of its line: "Skills:", "Languages:", "Environment:".
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from itertools import accumulate, pairwise
from typing import Any, Literal

import ahocorasick

from app.skills.taxonomy import GATE_CASE, GATE_CONTEXT, GATE_LOOSE, GATE_SAFE, TOKEN_RE, Taxonomy, get_taxonomy

Kind = Literal["jd", "resume"]


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Tokens, plus punctuation that no alias spans: "AWS (EC2, S3)" must not read as the alias "aws ec2".
_SPLIT_RE = re.compile(f"({TOKEN_RE.pattern}|[(),;:|\\[\\]])")
_URL_MARKS = ("://", "www.", "@", ".com/", ".org/", ".io/", ".dev/", ".net/", ".me/", ".design/")
_URL_RE = re.compile(r"(?<!\S)\S*(?:://|www\.|@|\.(?:com|org|io|dev|net|me|design)/)\S*", re.IGNORECASE)
_SEPARATORS = r"[\s,;/|&+\u2022\u00b7*\-\u2013\u2014:()\[\]]*"
_LIST_GAP_RE = re.compile(f"{_SEPARATORS}(?:(?:and|or|as well as|plus|and/or|etc\\.?){_SEPARATORS})?")
_VERSION_RE = re.compile(r"\bv?\d[\w.+]*|\(\s*[^()\n]{0,25}\)")
_LABEL_RE = re.compile(
    r"^[\W\d_]*(?:[a-z/&]+\s+){0,3}?(?:skills?|languages?|technologies|technology|tools?|stack|environments?|software|"
    r"frameworks?|databases?|platforms?|proficienc(?:y|ies)|competenc(?:y|ies)|expertise|programming|libraries|"
    r"systems|applications|os|ide|ides|methodolog(?:y|ies)|web|cloud|devops|testing|packages|utilities|have|bonus|"
    r"plus|preferred|required|requirements|qualifications|experience|knowledge|familiarity|proficient)\s*[:\-\u2013|]"
)
_LEAD_PAIRS = _words(
    """
    experience experienced proficient proficiency knowledge expertise expert skilled skills familiar familiarity
    written programming coding code develop developing development developer fluent fluency background work
    working worked understanding competence competency built building scripting apps applications services tools
    languages frameworks technologies databases platforms comfortable strong solid good excellent advanced hands
    designing programs software analysis reports automation certified build builds write writing writes coded
    implemented migrate migrating port porting
    """
)
_LEAD_LINKS = {"with", "in", "of", "using", "on", "to"}
_LEAD_ALONE = {("such", "as"), ("including",), ("e", "g"), ("eg",), ("incl",), ("use",), ("using",), ("via",)}


_CUES_COMMON = _words(
    """
    experience skills knowledge expertise proficiency developer developers development engineer engineers
    certification certified programming expert specialist consultant
    """
)
_CUES = {
    "language": _words(
        """
        language languages programmer programmers code coding scripts scripting lang sdk modules packages
        libraries stack backend services microservices api apis apps applications codebase compiler runtime
        ecosystem
        """
    ),
    "framework": _words(
        """
        framework frameworks applications application apps app mvc api apis services stack components based
        server middleware ecosystem projects microservices js
        """
    ),
    "office": _words(
        """
        spreadsheets spreadsheet formulas formula macros macro pivot vlookup documents databases database
        templates reports workbooks models modelling modeling charts queries forms tables skill
        """
    ),
    "database": _words(
        """
        database databases db queries query tables forms reports administration
        """
    ),
}
_CUE_ALIASES = {"library": "framework", "tool": "framework", "platform": "framework", "devops": "framework"}
# Words that turn an ambiguous name back into plain English right after it ("Go to", "Spring semester").
_NEGATIVE_NEXT = {
    "Go": {"to", "live", "ahead", "back", "beyond", "further", "out", "through", "into", "above", "get", "for", "the"},
    "Spring": {"semester", "term", "break", "season", "summer", "festival", "fair", "cleaning", "quarter", "intake"},
    "Express": {"interest", "delivery", "mail", "entry", "shipping", "lane", "checkout", "consent", "written"},
    "Microsoft Access": {"to", "control", "controls", "rights", "levels", "level", "point", "card", "cards"},
    "Swift": {"code", "codes", "payments", "payment", "network", "messages", "message", "transfer", "transfers"},
    "Microsoft Excel": {"at", "in"},
    "Microsoft Word": {"of", "for", "count", "choice"},
}
_NEGATIVE_ANY = {"than"}
_TOOL_LINKS = (" in", " with", " using", " into", " from", " via")  # "results in Excel", "reports from Access"
_CONCEPTS = {"methodology", "practice", "knowledge"}
_EDUCATION = _words(
    """
    bachelor bachelors master masters degree bsc msc bs ms ba ma phd major minor department dept faculty school
    college university institute diploma coursework
    """
)
_NEGATIVE_PREV = {"Microsoft Word": {"a", "the", "one", "final", "last", "my", "your", "our", "their", "his", "her"}}


@dataclass(slots=True)
class _Hit:
    start: int  # position of the leading space of " alias " in the normalised text
    end: int  # position of the trailing space
    skill: int
    gate: int
    forms: tuple[str, ...]
    tokens: int
    first: int = 0  # index of the first token
    lo: int = 0  # character span in the original text
    hi: int = 0
    chain: int = 0


@functools.cache
def _automaton(version: str) -> Any:
    taxonomy = get_taxonomy()
    assert taxonomy.version == version
    return build_automaton(taxonomy)


def build_automaton(taxonomy: Taxonomy) -> Any:
    """An Aho-Corasick automaton over " alias " keys, each carrying (key length, skill, gate, forms, tokens)."""
    automaton = ahocorasick.Automaton()
    for alias, phrase in taxonomy.phrases.items():
        key = f" {alias} "
        automaton.add_word(key, (len(key), phrase.skill, phrase.gate, phrase.forms, alias.count(" ") + 1))
    automaton.make_automaton()
    return automaton


def extract_skills(text: str, kind: Kind = "jd", taxonomy: Taxonomy | None = None) -> list[str]:
    """Canonical skill names found in `text`, in order of first appearance, without duplicates."""
    taxonomy = taxonomy or get_taxonomy()
    automaton = _automaton(taxonomy.version) if taxonomy is get_taxonomy() else build_automaton(taxonomy)
    low = text.lower()
    if any(mark in low for mark in _URL_MARKS):  # links and e-mail addresses name sites, not skills
        text = _URL_RE.sub(_blank, text)
        low = text.lower()
    if len(low) != len(text):  # a few characters change length when lowered; keep offsets aligned
        text = "".join(ch if len(ch.lower()) == 1 else " " for ch in text)
        low = text.lower()
    parts = _SPLIT_RE.split(low)  # separators at even indices, tokens at odd ones
    norm = " " + " ".join(parts[1::2]) + " "
    hits = _select(automaton.iter(norm))
    resume = kind == "resume"
    if resume or any(h.gate != GATE_SAFE for h in hits):
        hits = _judge(hits, text, low, norm, list(accumulate(map(len, parts))), taxonomy, resume)
    seen: dict[int, None] = {}
    for hit in hits:
        seen.setdefault(hit.skill, None)
    return [taxonomy.names[i] for i in seen]


def _blank(match: re.Match[str]) -> str:
    return " " * len(match.group())


def _select(raw: Any) -> list[_Hit]:
    """Leftmost-longest hits that do not overlap (neighbours may share their separating space)."""
    found = [(end - size + 1, end, skill, gate, forms, n) for end, (size, skill, gate, forms, n) in raw]
    found.sort(key=lambda h: (h[0], h[0] - h[1]))
    out: list[_Hit] = []
    last_end = -1
    for start, end, skill, gate, forms, n in found:
        if start >= last_end:
            out.append(_Hit(start, end, skill, gate, forms, n))
            last_end = end
    return out


def _judge(
    hits: list[_Hit], text: str, low: str, norm: str, offsets: list[int], taxonomy: Taxonomy, resume: bool
) -> list[_Hit]:
    """The hits their context supports (every hit of a resume is judged: it must claim the skill)."""
    position, count = 0, 0
    for hit in hits:
        count += norm.count(" ", position, hit.start + 1)
        position = hit.start + 1
        hit.first = count - 1  # token i spans offsets[2i] .. offsets[2i + 1] in the original text
        hit.lo, hit.hi = offsets[2 * hit.first], offsets[2 * (hit.first + hit.tokens) - 1]
    exact = [h.gate == GATE_SAFE or text[h.lo : h.hi] in h.forms for h in hits]
    _chain(hits, exact, text, low)
    chains: dict[int, dict[str, int]] = {}
    for hit, is_exact in zip(hits, exact, strict=True):
        c = chains.setdefault(hit.chain, {"n": 0, "exact": 0, "anchor": 0, "context": 0})
        c["n"] += 1
        c["exact"] += is_exact
        if hit.gate == GATE_SAFE or (hit.gate == GATE_CASE and is_exact):
            c["anchor"] += 1
    for hit, is_exact in zip(hits, exact, strict=True):
        if hit.gate in (GATE_CONTEXT, GATE_LOOSE) and is_exact:
            category = taxonomy.categories[hit.skill]
            if (
                _lead_in(norm, hit.start)
                or _cue_after(norm, hit.end, category)
                or _label_line(low, hit.lo)
                or (category in ("office", "database") and norm[: hit.start].endswith(_TOOL_LINKS))
            ):
                chains[hit.chain]["context"] += 1
    kept: list[_Hit] = []
    for hit, is_exact in zip(hits, exact, strict=True):
        c = chains[hit.chain]
        anchor = hit.gate == GATE_SAFE or (is_exact and hit.gate == GATE_CASE)
        in_list = c["n"] > 1 and c["anchor"] > anchor  # another unambiguous skill stands in the same list
        if resume and not _resume_claim(hit, c["n"] > 1, text, low, norm, taxonomy.categories[hit.skill]):
            continue
        if hit.gate == GATE_SAFE:
            kept.append(hit)
        elif hit.gate == GATE_CASE:
            if is_exact or in_list or _label_line(low, hit.lo):
                kept.append(hit)
        elif _plain_english(hit, text, norm, taxonomy.names[hit.skill]):
            continue
        elif _in_context(hit, is_exact, in_list, c, low, norm):
            kept.append(hit)
    return kept


def _in_context(hit: _Hit, is_exact: bool, in_list: bool, c: dict[str, int], low: str, norm: str) -> bool:
    """An ambiguous hit counts written as in the taxonomy with any context (a list with a known skill, a lead-in or
    cue anywhere in its list, three exact hits in a row); a lower-case "loose" one only in a list or after a lead-in."""
    if is_exact and (in_list or c["context"] or (c["n"] >= 3 and c["exact"] == c["n"])):
        return True
    return hit.gate == GATE_LOOSE and (in_list or _label_line(low, hit.lo) or _lead_in(norm, hit.start))


def _chain(hits: list[_Hit], exact: list[bool], text: str, low: str) -> None:
    """Number the runs of hits that stand in one list (separated only by list punctuation or "and"/"or").

    A bare space links two hits only on a short line, between two capitalised names written exactly ("Angular
    Spring JavaScript"), or inside a run of three or more ("reactjs django go docker"): a sentence rarely puts three
    skills in a row without a comma, while "Solid HTML5" is just an adjective.
    """
    gaps = [_list_gap(text, low, a, b) for a, b in pairwise(hits)]
    linked = [gap == "sep" for gap in gaps]
    i = 0
    while i < len(gaps):
        j = i
        while j < len(gaps) and gaps[j] == "space":
            j += 1
        for k in range(i, j):
            a, b = hits[k], hits[k + 1]
            proper = all(exact[n] and not text[hits[n].lo].islower() for n in (k, k + 1))
            linked[k] = j - i >= 2 or proper or (_short_line(text, a.lo, 8) and _short_line(text, b.lo, 8))
        i = j + 1
    chain = 1
    for k, hit in enumerate(hits):
        if k and not linked[k - 1]:
            chain += 1
        hit.chain = chain


def _list_gap(text: str, low: str, a: _Hit, b: _Hit) -> str | None:
    """Return "sep" for list punctuation or a line break between short lines, "space" for blanks only, else None."""
    gap = low[a.hi : b.lo]
    if len(gap) > 40:
        return None
    if "\n" in gap:
        return "sep" if gap.count("\n") <= 2 and _short_line(text, a.lo) and _short_line(text, b.lo) else None
    if "(" in gap or any(ch.isdigit() for ch in gap):
        gap = _VERSION_RE.sub(" ", gap)
    if not gap.strip():
        return "space"
    return "sep" if _LIST_GAP_RE.fullmatch(gap) is not None else None


def _short_line(text: str, pos: int, words: int = 6) -> bool:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    line = text[start : end if end >= 0 else len(text)]
    return len(line.split()) <= words


def _lead_in(norm: str, start: int) -> bool:
    before = norm[max(0, start - 48) : start].split()[-3:]
    if not before:
        return False
    if tuple(before[-2:]) in _LEAD_ALONE or tuple(before[-1:]) in _LEAD_ALONE:
        return True
    return len(before) >= 2 and before[-1] in _LEAD_LINKS and before[-2] in _LEAD_PAIRS


def _cue_after(norm: str, end: int, category: str) -> bool:
    after = norm[end : end + 40].split()[:2]
    after = [t for t in after if not t.isdigit()][:1] or after[:1]
    if not after:
        return False
    word = after[0]
    return word in _CUES_COMMON or word in _CUES.get(_CUE_ALIASES.get(category, category), ())


def _label_line(low: str, pos: int) -> bool:
    start = low.rfind("\n", 0, pos) + 1
    return _LABEL_RE.match(low[start:pos]) is not None


def _resume_claim(hit: _Hit, listed: bool, text: str, low: str, norm: str, category: str) -> bool:
    """Whether a resume claims this skill. Fields of study are education, not skills; a method or practice counts
    when listed or introduced ("experience in unit testing"), not when a sentence about a job merely names it."""
    if category == "field":
        return False
    if category not in _CONCEPTS:
        return True
    if category == "knowledge" and _education(norm, hit.start):
        return False
    return listed or _label_line(low, hit.lo) or _lead_in(norm, hit.start) or _short_line(text, hit.lo)


def _education(norm: str, start: int) -> bool:
    return not _EDUCATION.isdisjoint(norm[max(0, start - 40) : start].split()[-4:])


def _plain_english(hit: _Hit, text: str, norm: str, name: str) -> bool:
    """True when the words around an ambiguous hit make it an ordinary word ("go-to", "C-level", "Spring 2024")."""
    before = text[max(0, hit.lo - 2) : hit.lo]
    after = text[hit.hi : hit.hi + 2]
    if (before.endswith("-") and before[:1].isalnum()) or (after.startswith("-") and after[1:2].isalnum()):
        return True
    if after[:1].isalnum() or before[-1:].isalnum():  # glued to a digit or letter: "C1", "R2"
        return True
    if after[:1] in ("'", "\u2019") and after[1:2].isalpha():
        return True
    if hit.hi - hit.lo == 1 and (after[:1] in ("&", "+", "#") or before.endswith(("&", "."))):
        return True
    if hit.hi - hit.lo == 1 and after[:1] == "." and text[hit.hi + 1 : hit.hi + 2].isalpha():
        return True
    following = norm[hit.end : hit.end + 24].split()[:1]
    if following and (following[0] in _NEGATIVE_NEXT.get(name, ()) or following[0] in _NEGATIVE_ANY):
        return True
    if name == "Spring" and following and following[0].isdigit() and len(following[0]) == 4:
        return True
    preceding = norm[max(0, hit.start - 16) : hit.start].split()[-1:]
    return bool(preceding) and preceding[0] in _NEGATIVE_PREV.get(name, ())
