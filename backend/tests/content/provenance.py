"""An independent provenance checker for cover letters: it trusts none of the composer's labels or quotes.

For each sentence it resolves every cited `ref` against the inputs itself (the structured resume, the profile, the
posting), then checks that each name, number, skill, employer, title, degree and year in the sentence appears in
those resolved texts, in the posting, or in the fixed courtesy wording. It flags claims about character, habits or
motives unless they are the user's own words, and checks that the sentences account for the whole letter."""

from __future__ import annotations

import re
from typing import Any

from app.content import phrases
from app.content.inputs import Inputs, canonical_skills, key
from app.skills.extractor import extract_skills
from app.skills.taxonomy import normalize

KINDS = {"resume", "profile", "posting", "courtesy", "user", "placeholder", "llm"}
TRAITS = [
    r"\bI am (?:a |an |very |highly |extremely )?(?:passionate|team player|detail[- ]oriented|hard[- ]working|"
    r"self[- ]starter|motivated|driven|results[- ]driven|dedicated|creative|reliable|proactive|fast learner|"
    r"quick learner|people person|perfectionist|curious|eager)",
    r"\bcolleagues (?:say|describe|call)",
    r"\bI (?:love|thrive|pride myself|enjoy|excel|am known for|never miss|always)\b",
    r"\b(?:new tools do not worry me|unglamorous|plain words|my passion)\b",
    r"\b(?:is|are|was|has been) (?:at )?the (?:centre|center|heart|core) of my (?:experience|work|career)",
    r"\bI (?:am|'m) (?:happy|excited|thrilled|proud) to take\b",
]
_TRAITS = [re.compile(p, re.I) for p in TRAITS]
_GLYPHS = re.compile(
    r"[\u2022\u25e6\u27a2\u25aa\u25cf\u25a0\u2023\u27a4]|(?:^|[.:;]\s+|\s{2,})o\s+[A-Z]|From my resume:"
)
_NUMBER_WORDS = {"two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7", "eight": "8",
                 "nine": "9", "ten": "10", "eleven": "11", "twelve": "12", "twenty": "20", "thirty": "30",
                 "forty": "40", "fifty": "50", "hundred": "100", "thousand": "1000", "million": "1000000"}  # fmt: skip
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*|\b(?:" + "|".join(_NUMBER_WORDS) + r")\b", re.I)
# Capitalised words the fixed wording itself uses; any other capitalised word must come from a source.
_SENTENCE_WORDS = {"i", "dear", "hello", "hi", "your", "you", "thank", "kind", "best", "warm", "regards", "these",
                   "at", "in", "as", "my", "hiring", "manager", "team", "the", "a", "an", "why", "one", "what",
                   "anything", "write", "project", "here", "there"}  # fmt: skip


def _numbers(text: str) -> set[str]:
    out = set()
    for m in _NUMBER.finditer(text):
        token = m.group(0).lower()
        out.add(_NUMBER_WORDS.get(token, token.replace(",", "")))
    return out


def _template_regex(template: str) -> re.Pattern[str]:
    parts = re.split(r"\{(?:role|company)\}", template)
    return re.compile("^" + "(.+?)".join(re.escape(p) for p in parts) + "$")


COURTESY = [_template_regex(t) for t in phrases.courtesy_templates()]


def resolve(ref: str, inputs: Inputs) -> str | None:
    """The text a ref points at, read from the inputs (never from the composer's quote)."""
    s = inputs.structure
    fixed = {
        "skills": ", ".join([*s.skill_names(), *[g.name for g in s.skills]]),
        "profile.skills": ", ".join(inputs.profile_skills),
        "basics.name": f"{inputs.name} {s.basics.name}",
        "basics.summary": s.basics.summary,
        "pitch": inputs.pitch,
        "why_company": inputs.why_company,
        "posting.title": inputs.job_title,
        "posting.company": inputs.company,
        "posting.skills": ", ".join(inputs.job_skills),
    }
    if ref in fixed:
        return fixed[ref]
    try:
        if m := re.fullmatch(r"work\[(\d+)\]", ref):
            w = s.work[int(m.group(1))]
            return " ".join(p or "" for p in (w.position, w.name, w.startDate, w.endDate))
        if m := re.fullmatch(r"(work|projects)\[(\d+)\]\.highlights\[(\d+)\]", ref):
            group = s.work if m.group(1) == "work" else s.projects
            return group[int(m.group(2))].highlights[int(m.group(3))]
        if m := re.fullmatch(r"projects\[(\d+)\]\.description", ref):
            return s.projects[int(m.group(1))].description
        if m := re.fullmatch(r"education\[(\d+)\]", ref):
            e = s.education[int(m.group(1))]
            return " ".join(p or "" for p in (e.studyType, e.area, e.institution, e.startDate, e.endDate))
        if m := re.fullmatch(r"certificates\[(\d+)\]", ref):
            c = s.certificates[int(m.group(1))]
            return " ".join(p or "" for p in (c.name, c.issuer, c.date))
        if m := re.fullmatch(r"posting\.responsibilities\[(\d+)\]", ref):
            return inputs.responsibilities[int(m.group(1))]
    except IndexError:
        return None
    return None


def _project_names(ref: str, inputs: Inputs) -> str:
    m = re.match(r"projects\[(\d+)\]", ref)
    return inputs.structure.projects[int(m.group(1))].name if m else ""


def check_sentence(sentence: dict[str, Any], inputs: Inputs) -> list[str]:
    """What is wrong with one sentence's provenance (empty: nothing)."""
    text, sources = sentence["text"], sentence.get("sources") or []
    problems: list[str] = []
    if not sources:
        return [f"no source: {text!r}"]
    support: list[str] = []
    kinds = {s["kind"] for s in sources}
    for source in sources:
        if source["kind"] not in KINDS:
            problems.append(f"unknown kind {source['kind']!r}: {text!r}")
        if source["kind"] == "placeholder" or (source["kind"] in ("courtesy", "llm") and not source["ref"]):
            continue
        resolved = resolve(source["ref"], inputs)
        if resolved is None:
            problems.append(f"ref {source['ref']!r} resolves to nothing: {text!r}")
            continue
        exact = re.search(r"highlights|responsibilities|pitch|why_company|summary", source["ref"])
        if exact and source["quote"] != resolved:
            problems.append(f"quote of {source['ref']} is not the source text: {source['quote']!r}")
        support += [resolved, _project_names(source["ref"], inputs)]
    if kinds <= {"courtesy", "posting"} and "courtesy" in kinds and not any(p.match(text) for p in COURTESY):
        problems.append(f"not a courtesy sentence: {text!r}")
    if kinds == {"courtesy"}:
        for match in (p.match(text) for p in COURTESY):
            if match and any(
                g not in (inputs.company, inputs.job_title, "open", "your company") for g in match.groups()
            ):
                problems.append(f"courtesy sentence names something outside the posting: {text!r}")
    if kinds == {"placeholder"} and not text.startswith("["):
        problems.append(f"placeholder is not visible: {text!r}")
    if kinds == {"user"} and not any(text.rstrip(".") in s for s in support):
        problems.append(f"user text not as written: {text!r}")
    posting = " ".join([inputs.job_title, inputs.company, *inputs.job_skills, *inputs.responsibilities])
    courtesy = " ".join(phrases.courtesy_templates() + phrases.DUTY_VERB + [phrases.DUTY_QUOTE, phrases.SHARED_SKILLS])
    haystack = " \n ".join([*support, posting, courtesy])
    norm_hay = f" {normalize(haystack)} "
    if missing := _numbers(text) - _numbers(haystack):
        problems.append(f"numbers {sorted(missing)} not in its sources: {text!r}")
    have = {key(s) for s in [*extract_skills(haystack, "resume"), *canonical_skills(support), *inputs.job_skills]}
    for skill in extract_skills(text, "resume"):
        if key(skill) not in have and f" {normalize(skill)} " not in norm_hay:
            problems.append(f"skill {skill} not in its sources: {text!r}")
    words = re.findall(r"(?<![\w'\u2019])[A-Z][\w&'\u2019./#+-]*", text)
    for word in words:
        bare = word.rstrip(".'\u2019s") if word.endswith(("'s", "\u2019s")) else word.rstrip(".")
        if bare.lower() in _SENTENCE_WORDS or not bare:
            continue
        if f" {normalize(bare)} " not in norm_hay and bare.lower() not in haystack.lower():
            problems.append(f"{bare!r} not in its sources: {text!r}")
    if "user" not in kinds:
        for trait in _TRAITS:
            if trait.search(text):
                problems.append(f"trait claim {trait.pattern[:30]!r}: {text!r}")
    return problems


def check_letter(text: str, sentences: list[dict[str, Any]], inputs: Inputs) -> list[str]:
    """Every problem of a letter: per sentence, glyphs, and text not covered by any listed sentence."""
    problems = [p for s in sentences for p in check_sentence(s, inputs)]
    rest = text
    for sentence in sentences:
        if sentence["text"] not in rest:
            problems.append(f"listed sentence not in the letter: {sentence['text']!r}")
        rest = rest.replace(sentence["text"], " ", 1)
    if rest.strip():
        problems.append(f"text with no listed sentence: {rest.strip()[:80]!r}")
    if _GLYPHS.search(text):
        problems.append(f"bullet glyph or raw quoting: {_GLYPHS.search(text).group(0)!r}")  # type: ignore[union-attr]
    return problems
