"""A posting's sections by their headings, its sentences, and the parts of a sentence that are optional.

A heading is a short line naming a known section ("Requirements", "What you'll need", "NICE TO HAVE:", "## Perks",
"**About us**", "What You'll Do at Acme"), or a known name before a colon at the start of a line ("Requirements: 5+
years of Go"), which opens the section and keeps the rest of the line. A short line ending in a colon is a heading
when its words name a kind ("It's Important To Us That You Have:" → requirements). Any other short Title Case or
UPPER CASE line after a blank line is a heading too, of the kind its words name ("Why work at Acme" → benefits) or
else "other" ("Life at Palantir"), so boilerplate after the last known heading is not read as requirements. Bullets
and sentence-like lines ("You have strong Python skills", "Experience with Java") are never headings.

Every pattern here is linear: literal alternations and bounded repeats, no unbounded repeat nested in another.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

SECTION_KINDS = ("requirements", "nice_to_have", "responsibilities", "benefits", "about", "other")

# Names compared after `_normalize` (lower case, curly apostrophes straight, "&" → "and", hyphens and spaces collapsed).
_NAMES: dict[str, tuple[str, ...]] = {
    "requirements": (
        "requirements", "requirement", "job requirements", "key requirements", "minimum requirements",
        "basic requirements", "role requirements", "position requirements", "technical requirements",
        "requirements and qualifications", "qualifications and requirements", "skills and qualifications",
        "qualifications and skills", "skills and experience", "experience and skills", "qualifications",
        "qualification", "required qualifications", "minimum qualifications", "basic qualifications",
        "key qualifications", "essential qualifications", "your qualifications", "job qualifications", "must have",
        "must haves", "must have skills", "skills", "required skills", "key skills", "technical skills",
        "essential skills", "core skills", "soft skills", "your skills", "skillsets", "skillset", "skill set",
        "what you'll need", "what you will need", "what you need", "what we need", "what we're looking for",
        "what we are looking for", "who we're looking for", "who we are looking for", "what you bring",
        "what you'll bring", "what you will bring", "what you have", "what we expect", "what we require",
        "what we value", "what you offer", "what it takes", "you have", "you are", "you", "about you", "who you are",
        "who are you", "is this you", "your profile", "profile", "candidate profile", "the ideal candidate",
        "ideal candidate", "you should have", "your background", "your experience", "experience",
        "required experience", "education", "education and experience", "experience and education", "competencies",
        "tech stack", "our stack", "our tech stack", "technologies", "tools and technologies", "languages",
        "knowledge skills and abilities", "knowledge and skills", "what makes you a great fit", "essential criteria",
        "core experience", "your skills and experience", "skills and abilities", "it's important to us that you have",
        "what we expect from you", "we expect", "we're looking for", "we are looking for", "you bring",
        "you will need", "you'll need", "requirements and skills",
    ),
    "nice_to_have": (
        "nice to have", "nice to haves", "nice to have skills", "bonus", "bonus points", "bonus skills",
        "pluses", "plus", "a plus", "extra credit", "extra points", "preferred", "preferred qualifications",
        "preferred skills", "preferred experience", "desired qualifications", "desired skills", "desired profile",
        "desirable", "desirable skills", "desirable criteria", "it would be great if", "good to have", "optional",
        "ideally", "ideally you have", "what would make you stand out", "what sets you apart", "even better if",
        "additional qualifications", "you might also have", "desired", "desired requirements", "additional skills",
        "other valued skills", "bonus if you have", "nice to haves skills", "preferred requirements",
    ),
    "responsibilities": (
        "responsibilities", "key responsibilities", "main responsibilities", "your responsibilities",
        "job responsibilities", "role responsibilities", "duties", "key duties", "main duties", "your tasks",
        "tasks", "what you'll do", "what you will do", "what you'll be doing", "what you will be doing",
        "what you'll work on", "what you will work on", "the role", "role", "about the role", "the position",
        "about the position", "the job", "about the job", "job description", "position description",
        "role description", "description", "detailed description", "your mission", "the mission", "your role",
        "in this role", "the opportunity", "the challenge", "your impact", "what you'll achieve", "day to day",
        "a day in the life", "your day", "how you'll contribute", "what the job involves", "job summary",
        "position summary", "role overview", "role summary", "job overview", "core responsibilities",
        "about this role", "about this position", "about this job", "about the opportunity", "about this opportunity",
        "major duties", "missions", "position overview", "what you will be working on", "your tasks include",
        "brief description", "as part of the team you will", "in this position you'll",
    ),
    "benefits": (
        "benefits", "perks", "perks and benefits", "benefits and perks", "what we offer", "we offer", "our offer",
        "the offer", "what's in it for you", "what you'll get", "what you get", "why join us", "why join",
        "why work with us", "why us", "compensation", "compensation and benefits", "salary", "pay", "pay range",
        "salary range", "total rewards", "rewards", "what we provide", "in return", "our benefits",
        "employee benefits", "job benefits", "the perks", "why you'll love working here", "why work at",
        "why work for", "why work here", "why you should join", "package", "our promise",
        "perks and compensation", "what's in it for me", "you get",
    ),
    "about": (
        "about us", "about the company", "about the team", "who we are", "our company", "the company",
        "company description", "company overview", "our mission", "mission", "our story", "our values", "values",
        "culture", "our culture", "our team", "the team", "company",
    ),
    "other": (
        "how to apply", "to apply", "application process", "interview process", "our hiring process",
        "hiring process", "equal opportunity", "equal opportunity employer", "eeo", "diversity",
        "diversity and inclusion", "location", "locations", "additional information", "additional details",
        "other information", "contact", "disclaimer", "note", "please note", "next steps", "further information",
        "start date", "contract", "job type", "schedule", "hours", "working hours", "employment type", "overview",
    ),
}  # fmt: skip
HEADINGS: dict[str, str] = {name: kind for kind, names in _NAMES.items() for name in names}
# Names that open a section with more words after them ("What you'll do at Acme", "Why work at Acme"); names that
# also open sentences ("You have strong Python skills", "Must have experience with Go") only when written alone.
_SENTENCE_OPENERS = frozenset(
    {"you have", "you are", "you should have", "ideally you have", "must have", "nice to have", "good to have",
     "a plus", "the role", "the job", "the position", "the company", "the team", "our team", "our company",
     "your role", "in this role", "the opportunity", "the challenge", "you bring", "we expect", "you will need",
     "you'll need", "we're looking for", "we are looking for", "who you are", "your tasks", "your day"}
)  # fmt: skip
_PREFIXES = {n: k for n, k in HEADINGS.items() if " " in n and n not in _SENTENCE_OPENERS}
_LEADING_WORDS = frozenset(
    {"requirements", "requirement", "qualifications", "responsibilities", "benefits", "perks", "skills", "duties"}
)
# An unknown heading is read by its words; the first kind whose words it holds wins ("Salary & Bonus" is benefits).
_KEYWORDS = tuple(
    (kind, re.compile(pattern))
    for kind, pattern in (
        ("benefits", r"\b(?:benefits?|perks?|offer|compensation|salary|salaries|package|rewards?|in return|pay)\b"),
        ("nice_to_have", r"\b(?:nice|bonus|plus|pluses|desired|desirable|preferred|valued|advantage|ideally|"
                         r"optional|increase your chances)\b"),
        ("responsibilities", r"\b(?:responsibilit\w*|duties|tasks|missions?|you will|you'll|day to day|role|"
                             r"job description)\b"),
        ("requirements", r"\b(?:requirements?|qualifications?|skills|experience|knowledge|education|profile|"
                         r"you have|you bring|you need|looking for|expect|important|competenc\w*|criteria|must)\b"),
        ("about", r"\b(?:about|company|who we are|culture|our team|values|story)\b"),
    )
)  # fmt: skip
_DECORATION = " \t#*=_~|:;.-\u2013\u2014\u2022\u00b7\u25aa\u25a0\u25ba\u27a4>[](){}?!"
_BULLET = re.compile(
    r"^\s{0,8}(?:[-\u2013\u2014\u2022\u00b7\u25aa\u25e6\u25cf\u2023\u27a2\u2713\u2714>+]|\*(?!\*)|\d{1,2}[.)])\s"
)
_INLINE = re.compile(r"^\s{0,8}[#*_]{0,4}([A-Za-z][A-Za-z '\u2019&/-]{1,48}?)[*_]{0,4}\s{0,3}:[*_]{0,4}\s{0,3}(\S.*)$")
_SPACE = re.compile(r"\s+")
MAX_HEADING = 70


@dataclass(frozen=True, slots=True)
class Unit:
    """One sentence of a section, with the span (start, end) of it that is optional ("…, preferably Django")."""

    kind: str
    text: str
    optional: tuple[int, int] | None


def lower(text: str) -> str:
    """`text` in lower case with every offset kept ("İ" lower-cases to two characters and is left as it is)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(ch if len(ch.lower()) != 1 else ch.lower() for ch in text)


def _normalize(line: str) -> str:
    low = line.lower().replace("\u2019", "'").replace("&", " and ").replace("-", " ")
    return _SPACE.sub(" ", low.strip(_DECORATION).strip()).removesuffix(" and")


def heading_kind(line: str) -> str | None:
    """The section kind a line opens on its own (a heading), else None."""
    stripped = line.strip()
    if not stripped or len(stripped) > MAX_HEADING or (_BULLET.match(line) and not stripped.startswith("**")):
        return None
    name = _normalize(stripped)
    if not name or any(c.isdigit() for c in name):
        return None
    kind = HEADINGS.get(name)
    if kind is not None:
        return kind
    words = name.split()
    bare = stripped.rstrip("*_ ")
    if len(words) > 8 or bare.endswith((".", ",", ";")):
        return None
    labelled = bare.endswith(":") or _titled(stripped)
    for size in range(len(words) - 1, 0, -1):  # the longest known name the line starts with
        prefix = _PREFIXES.get(" ".join(words[:size]))
        if prefix is not None and (labelled or len(words) <= 6):
            return prefix
    if labelled and words[0] in _LEADING_WORDS and len(words) <= 6:  # "Requirements for the role:", "SKILLS REQUIRED"
        return HEADINGS[words[0]]
    if words[0] == "about" and 2 <= len(words) <= 4:  # "About Palantir", "About <ORGANIZATION>"
        return "about"
    return keyword_kind(name) if bare.endswith(":") else None  # "It's Important To Us That You Have:"


def keyword_kind(name: str) -> str | None:
    """The kind an unknown heading's words name, if any."""
    for kind, pattern in _KEYWORDS:
        if pattern.search(name):
            return kind
    return None


def _titled(text: str) -> bool:
    """Title Case or UPPER CASE: most words capitalised, the rest short linking words."""
    words = text.strip("#*_ :").split()
    if not words or not words[0][:1].isupper():
        return False
    capitals = sum(1 for w in words if w[:1].isupper() or not w[:1].isalpha())
    small = sum(1 for w in words if w in ("of", "and", "the", "for", "at", "in", "to", "a", "an", "&", "with", "our"))
    return capitals + small >= len(words) and capitals * 2 > len(words)


def _generic_heading(line: str) -> bool:
    """An unknown heading: a short Title Case or UPPER CASE line without sentence punctuation or list commas."""
    stripped = line.strip().strip("#*_ ")
    if not stripped or len(stripped) > 50 or _BULLET.match(line) or stripped.endswith((".", ",", ";", "!")):
        return False
    words = stripped.rstrip(":?").split()
    if not 1 <= len(words) <= 6 or "," in stripped or any(c.isdigit() for c in stripped):
        return False
    return _titled(stripped)


def split_sections(text: str) -> dict[str, str]:
    """Section kind → its text, in `SECTION_KINDS` order; a kind whose heading repeats holds all its parts.

    Text before the first heading is "about" when the posting has a requirements section (its intro is then the
    company's pitch), else "other": a posting with no requirements heading keeps every line it may ask things in."""
    parts: dict[str, list[str]] = {}
    preamble: list[str] = []
    current = preamble
    previous_blank = True
    for raw in text.split("\n"):
        line = raw.strip()
        kind = heading_kind(line) if line else None
        rest = ""
        if kind is None and line and not _BULLET.match(raw):
            match = _INLINE.match(line)
            inline = HEADINGS.get(_normalize(match.group(1))) if match else None
            if match and inline:
                kind, rest = inline, match.group(2).strip()
        if kind is None and line and previous_blank and current is not preamble and _generic_heading(line):
            kind = keyword_kind(_normalize(line)) or "other"
        if kind is not None:
            current = parts.setdefault(kind, [])
            if current and current[-1]:
                current.append("")
            if rest:
                current.append(rest)
        else:
            current.append(line)
        previous_blank = not line
    if preamble:
        first = "about" if "requirements" in parts else "other"
        parts[first] = [*preamble, "", *parts[first]] if first in parts else preamble
    out = {kind: "\n".join(lines).strip() for kind, lines in parts.items()}
    return {kind: out[kind] for kind in SECTION_KINDS if out.get(kind)}


# Sentences end at ".", "!" or "?" before a capital; "U.S. Citizens", "Ph.D. In", "e.g. SILAC" are not ends.
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+(?=[A-Z(\"'\u201c])")
_ABBREVIATION = re.compile(
    r"(?:^|[\s(/])(?:[A-Za-z]|e\.g|i\.e|etc|vs|sr|jr|dr|mr|ms|mrs|st|approx|incl|no|inc|ltd|co|ph\.d|b\.sc|m\.sc|"
    r"b\.s|m\.s|b\.a|m\.a|u\.s|u\.k)\.$",
    re.IGNORECASE,
)
MAX_UNIT = 2_000  # a "sentence" without punctuation (a pasted table, random text) is read in pieces this long


def sentences(line: str) -> list[str]:
    """The sentences of one line, abbreviations kept whole."""
    out: list[str] = []
    current: list[str] = []
    for piece in _SENTENCE_BREAK.split(line):
        if current and not _ABBREVIATION.search(current[-1][-8:]):
            out.append(" ".join(current))
            current = []
        current.append(piece)
    if current:
        out.append(" ".join(current))
    return [chunk for s in out for chunk in (s[i : i + MAX_UNIT] for i in range(0, len(s), MAX_UNIT)) if chunk]


# "…is a plus", "(preferred)", "desirable": the whole clause is optional. "Ideally"/"preferably": from there on.
_WHOLE = (
    r"nice[\s-]to[\s-]haves?|a\s(?:big\s|huge\s|strong\s|definite\s)?plus|bonus|preferred|preferable|desirable|"
    r"desired|an?\s(?:distinct\s|strong\s|big\s|real\s)?advantage|advantageous|would\sbe\s(?:great|nice|helpful|"
    r"beneficial|good|appreciated|welcome)|helpful|beneficial|not\srequired|not\snecessary|not\smandatory|"
    r"optional|good\sto\shave|(?:is|are)\sappreciated|(?:is|are)\swelcome|an\sasset|extra\spoints"
)
_MARKER = re.compile(rf"\b(?:(?P<whole>{_WHOLE})|(?P<onward>ideally|preferably|even\sbetter|bonus\sif|plus\sif))\b")
_REQUIRED = re.compile(r"\b(?:required|must|mandatory|essential|necessary)\b")
_BOUNDARY = re.compile(r"[,;]")


def optional_span(low: str) -> tuple[int, int] | None:
    """The part of a lower-cased sentence marked optional, as (start, end); None when nothing is.

    An adverb ("ideally", "preferably") makes the rest of the sentence optional. A predicate ("is a plus",
    "preferred", "desirable") makes the whole sentence optional, except what an earlier "required"/"must" clause
    asks: "Bachelor's degree required, master's preferred" keeps the bachelor's required."""
    marker = _MARKER.search(low)
    if marker is None:
        return None
    if marker.group("whole") is None:
        return marker.start(), len(low)
    start = 0
    for required in _REQUIRED.finditer(low, 0, marker.start()):
        boundary = _BOUNDARY.search(low, required.end(), marker.start())
        start = boundary.end() if boundary else required.end()
    return start, len(low)


def units(sections: dict[str, str]) -> list[Unit]:
    """Every sentence of every section, in section order."""
    out: list[Unit] = []
    for kind, body in sections.items():
        for line in body.split("\n"):
            for sentence in sentences(line.strip()):
                out.append(Unit(kind, sentence, optional_span(lower(sentence)) if kind != "benefits" else None))
    return out
