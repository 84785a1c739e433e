"""A resume bullet turned into a first-person clause: "Cut batch time by 40%" → "I cut batch time by 40%".

Only the grammar changes: the bullet's words stay as written, so the sentence claims what the bullet claims."""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.skills.taxonomy import get_taxonomy

_IRREGULAR = {
    "build": "built", "lead": "led", "run": "ran", "write": "wrote", "drive": "drove", "grow": "grew",
    "make": "made", "teach": "taught", "sell": "sold", "keep": "kept", "hold": "held", "set": "set", "cut": "cut",
    "take": "took", "bring": "brought", "win": "won", "give": "gave", "begin": "began", "rebuild": "rebuilt",
    "rewrite": "rewrote", "speak": "spoke", "find": "found", "get": "got", "put": "put", "split": "split",
    "think": "thought", "undertake": "undertook", "oversee": "oversaw", "see": "saw", "send": "sent",
    "spend": "spent", "meet": "met", "feed": "fed", "understand": "understood", "buy": "bought", "pay": "paid",
    "shut": "shut", "spin": "spun", "stand": "stood", "upset": "upset", "withdraw": "withdrew", "draw": "drew",
    "choose": "chose", "co-lead": "co-led", "deal": "dealt", "forecast": "forecast", "broadcast": "broadcast",
}  # fmt: skip
_DOUBLE = {"plan", "ship", "scope", "stop", "drop", "map", "step", "tap", "chair", "staff", "audit", "control",
           "program", "travel", "label", "model", "signal", "equip", "commit", "submit", "admit", "refer"}  # fmt: skip
_NO_DOUBLE = {"chair", "staff", "audit", "scope", "program", "travel", "label", "model", "signal"}
# Resume verbs in their base form (the irregular ones above are added below).
_VERBS_WORDS = """
achieve administer advise align analyse analyze architect assess assist audit automate balance benchmark
boost build calculate champion chair clean close coach code collaborate collect communicate compile complete
configure consolidate consult contribute control convert coordinate create cultivate curate cut debug
decrease define deliver deploy design develop diagnose direct document double draft educate eliminate enable
engineer enhance ensure establish evaluate execute expand expedite facilitate forecast format formulate
generate guide handle help identify implement improve increase initiate install integrate interview
introduce investigate launch liaise maintain manage market measure mentor merge migrate minimise minimize
model modernise modernize monitor motivate move negotiate onboard operate optimise optimize orchestrate
organise organize overhaul own partner perform pilot plan prepare present prioritise prioritize process
produce program promote propose prototype provide publish reconcile recruit redesign reduce refactor release
remediate renovate replace report research resolve restructure review revamp save scale schedule scope
screen secure serve service ship simplify solve spearhead stabilise stabilize standardise standardize
streamline strengthen structure supervise support test track train transform translate triage troubleshoot
tune upgrade use validate verify write administer achieve care treat assess educate dispense monitor admit
discharge prospect close exceed generate attain provision harden patch secure grant revoke certify
"""
_VERBS = frozenset(_VERBS_WORDS.split()) | set(_IRREGULAR)
# Base verbs that as often start a noun phrase: "Market Basket Analysis", "Process documentation".
_AMBIGUOUS_WORDS = """
market model plan process report program test track schedule support research service structure release
document design control balance interview review pilot partner screen patch care use record forecast train
code audit format draft engineer screen scale close triage interview
"""
_AMBIGUOUS = frozenset(_AMBIGUOUS_WORDS.split())
_NOT_VERB_ED = {"red", "bed", "shed", "need", "seed", "speed", "feed", "breed", "embed", "hundred", "bled"}
_ACRONYM = re.compile(r"^[A-Z0-9][A-Z0-9&/+#.\-]+$")


@dataclass
class Clause:
    """A first-person clause: `subject` + `verb_phrase` ("I" + "cut batch time by 40%")."""

    subject: str  # "I" or "my work"
    verb_phrase: str

    def render(self, *, also: bool = False) -> str:
        if not also:
            return f"{self.subject} {self.verb_phrase}"
        head, _, rest = self.verb_phrase.partition(" ")
        if head in ("was", "am", "is"):
            return f"{self.subject} {head} also {rest}".rstrip()
        return f"{self.subject} also {self.verb_phrase}"


def past(verb: str) -> str:
    if verb in _IRREGULAR:
        return _IRREGULAR[verb]
    if verb.endswith("e"):
        return verb + "d"
    if re.search(r"[^aeiou]y$", verb):
        return verb[:-1] + "ied"
    if verb in _DOUBLE and verb not in _NO_DOUBLE:
        return verb + verb[-1] + "ed"
    return verb + "ed"


def base_verb(word: str) -> str | None:
    """The base form of a present, third-person or -ing verb the list knows, else None."""
    if word in _VERBS:
        return word
    candidates = []
    if word.endswith("ies"):
        candidates.append(word[:-3] + "y")
    if word.endswith("es"):
        candidates.append(word[:-2])
    if word.endswith("s"):
        candidates.append(word[:-1])
    if word.endswith("ing"):
        stem = word[:-3]
        candidates += [stem, stem + "e", stem[:-1] if len(stem) > 2 and stem[-1] == stem[-2] else stem]
    return next((c for c in candidates if c in _VERBS), None)


def _is_past(word: str) -> bool:
    return word in _IRREGULAR.values() or (word.endswith("ed") and len(word) > 4 and word not in _NOT_VERB_ED)


def keeps_case(word: str) -> bool:
    """A word that keeps its capital inside a sentence: an acronym, a skill, a name-like mixed-case word."""
    bare = word.strip("(),;:\u201c\u201d\"'")
    if not bare or not bare[0].isupper():
        return True
    if _ACRONYM.match(bare) or sum(c.isupper() for c in bare) > 1:
        return True
    return get_taxonomy().canonical(bare) is not None


def lower_first(text: str) -> str:
    first, _, rest = text.partition(" ")
    if keeps_case(first):
        return text
    return (first[0].lower() + first[1:] + (" " + rest if rest else "")).rstrip()


# Words a Title Case heading capitalises too ("Sales And Marketing"): written in lower case, the text is a sentence.
_SMALL_WORDS = frozenset(
    ["a", "an", "and", "as", "at", "by", "for", "from", "in", "into", "of", "on", "or", "the", "to", "via", "with"]
)


def _untitle(text: str) -> str:
    """ "Forecasting Sales And Market Basket Analysis" → lower-case words, keeping acronyms and skills."""
    words = text.split()
    capitalised = [w for w in words if w[:1].isupper()]
    if len(words) < 2 or len(capitalised) < 0.8 * len(words):
        return text
    if any(w in _SMALL_WORDS for w in words):  # "… CI with GitHub Actions": a sentence of names, not a heading
        return text
    return " ".join(w if (keeps_case(w) and not w.istitle()) or _is_skill(w) else w.lower() for w in words)


def _is_skill(word: str) -> bool:
    bare = word.strip("(),;:")
    return bool(bare) and (get_taxonomy().canonical(bare) is not None or bool(_ACRONYM.match(bare)))


def first_person(text: str, *, current: bool) -> Clause:
    """The clause a bullet becomes; `current` says whether the role is ongoing (present tense for base verbs)."""
    text = " ".join(text.split()).rstrip(".;,: ")
    titled = _untitle(text) != text or len(text.split()) <= 3
    text = _untitle(text)
    if re.match(r"(?i)^i\s+", text):
        text = text[2:].lstrip()
    first, _, rest = text.partition(" ")
    word = first.lower().strip(",:")
    tail = f" {rest}" if rest else ""
    if word == "responsible" and rest.lower().startswith("for "):
        return Clause("I", f"{'am' if current else 'was'} responsible{tail}")
    if _is_past(word):
        return Clause("I", word + tail)
    base = base_verb(word)
    if base is not None and not (titled and word in _AMBIGUOUS):
        return Clause("I", (base if current else past(base)) + tail)
    return Clause("my work", f"{'includes' if current else 'included'} {lower_first(text)}")
