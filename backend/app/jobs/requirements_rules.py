"""Years of experience and degrees read from a posting's sentences (see `requirements.py`)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from app.jobs.requirements_sections import Unit, lower
from app.skills.extractor import extract_skills
from app.skills.taxonomy import get_taxonomy

Degree = Literal["associate", "bachelor", "master", "phd"]
DEGREE_ORDER: tuple[Degree, ...] = ("associate", "bachelor", "master", "phd")
MAX_YEARS_RULES, MAX_RULE_TEXT, MAX_FIELDS, MAX_YEARS = 20, 200, 5, 20
MAX_MENTIONS = 200  # phrases examined per posting, so a text made of "5 years 5 years …" costs little


@dataclass(frozen=True)
class YearsRule:
    years: int  # the minimum asked: "5+ years" -> 5, "3-5 years" -> 3, "at least two years" -> 2, "0-2 years" -> 0
    skill: str | None  # canonical skill name when the phrase ties it to one ("5+ years of Python"), else None
    text: str  # the sentence/line it was read from (trimmed, <= 200 chars), shown to the user
    required: bool  # False when it sits in a nice-to-have section or says "preferred"/"ideally"


def trim(text: str, at: int = 0, limit: int = MAX_RULE_TEXT) -> str:
    """The sentence for display, at most `limit` characters; a longer one is cut around position `at`."""
    if len(text) > limit:
        start = max(0, min(at - limit // 3, len(text) - limit))
        text = text[start : start + limit + 40]
        text = ("\u2026" + text.split(" ", 1)[-1]) if start else text
    text = " ".join(text.split()).strip(" -\u2022*\u00b7")
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "\u2026"


_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "twenty": 20,
}  # fmt: skip
_NUM = r"(?:\d{1,2}|" + "|".join(_NUMBERS) + ")"
_YEARS = re.compile(
    rf"(?<![\w.,$\u00a3\u20ac/-])(?P<a>{_NUM})(?:\s?\(\d{{1,2}}\))?(?:\s?\+|\s(?:plus|or\smore|or\sgreater))?"
    rf"(?:\s?(?:-|\u2013|\u2014|to)\s?(?P<b>{_NUM})\+?)?\s?(?:full[\s-]time\s|professional\s|relevant\s)?"
    r"(?:years?|yrs?)\b(?:'s?|\u2019s?)?(?:\s(?:or\smore|plus|minimum))?",
    re.IGNORECASE,
)
# The last words before the number that make it a period of time, a limit or a company's age, not a minimum asked.
_BAD_BEFORE = re.compile(
    r"\b(?:after|within|every|per|each|first|next|past|last|up\sto|less\sthan|no\smore\sthan|fewer\sthan|maximum\sof|"
    r"max|under|term\sof|period\sof|duration\sof|aged?|over\sthe|since|for\sthe|in\sthe|founded|established|"
    r"history\sof|track\srecord\sof|months?\s(?:to|or|-|\u2013))"
    r"\s?(?:of\s|the\s|a\s|about\s|around\s|approximately\s)?$"
)
_COMPANY = re.compile(
    r"\b(?:we(?:'ve|\u2019ve|\shave|\sbring|\shave\sbeen)|our\s(?:company|team|firm|founders?)\s(?:has|have)|"
    r"(?:company|firm|agency|organi[sz]ation|business)\s(?:has|with|of)|founded|established|in\sbusiness)\b"
)
_BAD_AFTER = re.compile(
    r"^(?:ago|old|of\sage|later|from\snow|in\sbusiness|of\shistory|of\sexistence|anniversary|warranty|guarantee|"
    r"contract|term|tenure|period|programme|program|fellowship|degree|of\sstudy|of\sstudies|at\s(?:university|"
    r"college)|and\s\d|running|in\sa\srow|of\sfunding|of\sgrowth|of\ssuccess|of\soperation|of\sservice\sto)\b"
)
_EXPERIENCE = re.compile(r"\b(?:experience[ds]?|exp|expertise|background|track\srecord)\b")
_LINK = re.compile(
    r"^(?:in|of|as|with|on|at|building|working|developing|designing|writing|leading|managing|programming|coding|"
    r"using|doing|running|hands[\s-]on|professional|industry|relevant|commercial|practical|proven|post|total|"
    r"engineering|software|full[\s-]time|direct|previous|prior|progressive|recent|combined|overall)\b"
)
_CANDIDATE = re.compile(
    r"\b(?:you|your|candidate|candidates|applicant|applicants|required|requires|require|must|should|need|needs|"
    r"minimum|at\sleast|looking\sfor|seeking|ideal|ideally|preferred|qualifications?)\b"
)
_TAIL_END = re.compile(r"[,;:.!?()]|\b(?:and|or|including|plus|preferably|ideally|with\sat\sleast)\s+\d")
# "5+ years of software engineering", "… of product management", "… of Agile" ask for experience overall: years are
# tied only to tools, languages and technologies.
_OVERALL_CATEGORIES = frozenset({"field", "practice", "knowledge", "methodology"})


def read_years(units: list[Unit]) -> list[YearsRule]:
    """Minimum years of experience asked, each tied to a skill when the phrase names one."""
    out: list[YearsRule] = []
    seen: set[tuple[int, str | None, bool]] = set()
    budget = MAX_MENTIONS
    for unit in units:
        if unit.kind in ("benefits", "about"):
            continue
        low = lower(unit.text)
        if "y" not in low or ("year" not in low and "yr" not in low):
            continue
        for match in _YEARS.finditer(low):
            budget -= 1
            if budget < 0:
                return out
            rule = _years_rule(unit, low, match)
            if rule is None or (rule.years, rule.skill, rule.required) in seen:
                continue
            seen.add((rule.years, rule.skill, rule.required))
            out.append(rule)
            if len(out) >= MAX_YEARS_RULES:
                return out
    return out


def _years_rule(unit: Unit, low: str, match: re.Match[str]) -> YearsRule | None:
    years = _number(match.group("a"))
    if (
        not (1 if match.group("b") is None else 0) <= years <= MAX_YEARS
    ):  # "0-2 years" asks for none; "0 years" is no rule
        return None
    head = low[max(0, match.start() - 60) : match.start()]
    raw_tail = low[match.end() : match.end() + 120].lstrip(" '\u2019")
    cut = _TAIL_END.search(raw_tail)
    tail = raw_tail[: cut.start()] if cut else raw_tail
    offset = match.end() + (len(low[match.end() : match.end() + 120]) - len(raw_tail))
    written = unit.text[offset : offset + len(tail)]  # as written: "Go" counts where "go" does not
    if _BAD_BEFORE.search(head) or _BAD_AFTER.match(raw_tail) or _COMPANY.search(head):
        return None
    in_requirements = unit.kind in ("requirements", "nice_to_have")
    said = _EXPERIENCE.search(tail) or _EXPERIENCE.search(head[-40:])
    linked = _LINK.match(tail) is not None
    if not (said or (linked and (in_requirements or _CANDIDATE.search(low)))):
        return None
    skill = _tied_skill(written) or (
        None if tail.strip() else _tied_skill(unit.text[max(0, match.start() - 40) : match.start()])
    )
    optional = unit.optional is not None and unit.optional[0] <= match.start()
    return YearsRule(
        years, skill, trim(unit.text, match.start()), required=unit.kind != "nice_to_have" and not optional
    )


def _number(token: str) -> int:
    return int(token) if token.isdigit() else _NUMBERS.get(token, 0)


def _tied_skill(phrase: str) -> str | None:
    """The first concrete skill a years phrase names ("of experience with Python" → Python)."""
    if not phrase.strip():
        return None
    taxonomy = get_taxonomy()
    for skill in extract_skills(f"experience {phrase}"):  # the lead-in lets ambiguous names count ("in Go")
        if taxonomy.category(skill) not in _OVERALL_CATEGORIES:
            return skill
    return None


# Degrees. Abbreviations that are also other words ("MS Office", "BA" = business analyst, "master the craft") count
# only next to a degree word, another degree, or "in <field>".
_AND_DEGREE = r"(?:\s(?:degree|diploma))?"  # "PhD degree", "BS degree" are one mention, not a PhD and a degree
_DEGREE = re.compile(
    rf"(?P<phd>(?:\bph\.?\s?d\b\.?|\bdoctorate\b|\bdoctoral\sdegree\b|\bd\.?phil\b){_AND_DEGREE})"
    r"|(?P<master>(?:\bmaster['\u2019\u00b4]?s?\s(?:degree|of\s(?:science|arts|engineering|business|computer|"
    r"information|fine|public|education|technology|laws|philosophy))\b|\bm\.?\s?sc\b\.?|\bmba\b|"
    r"\bmasters?\sdegree\b|(?-i:\bM\.?Eng\b\.?|\bMS\b|\bM\.S\.|\bMA\b|\bM\.A\.)|\bmaster['\u2019\u00b4]s\b|"
    rf"\bmasters\b){_AND_DEGREE})"
    r"|(?P<bachelor>(?:\bbachelor['\u2019\u00b4]?s?\b(?:\s(?:degree|of\s(?:science|arts|engineering|business|"
    r"technology|computer|applied)))?|\bb\.?\s?sc\b\.?|(?-i:\bB\.?Eng\b\.?|\bB\.?Tech\b|\bBS\b|\bB\.S\.|\bBA\b|"
    rf"\bB\.A\.)){_AND_DEGREE})"
    r"|(?P<associate>\bassociate['\u2019]?s?\s(?:degree|of\s(?:science|arts|applied)))"
    r"|(?P<generic>(?<![\w-])degree\b)",
    re.IGNORECASE,
)
# Outside a requirements section a degree counts only in a sentence that asks for it.
_DEGREE_CUE = re.compile(r"\b(?:you|your|candidates?|applicants?|requires?|required|requirements?|must|should|need|"
                         r"needs|hold|holds|qualifications?|minimum|equivalent|preferred|preferably|ideally|or\shigher|"
                         r"has\sa|have\sa)\b")  # fmt: skip
_NOT_DEGREE_SENTENCE = re.compile(r"\b(?:salary|salaries|wage|stipend|tuition|scholarships?|reimburse\w*|pension)\b")
_STRONG = re.compile(
    r"^(?:bachelor|ph\.?\s?d|doctor|d\.?phil|m\.?\s?sc|b\.?\s?sc|mba|associate|masters?\sdegree)", re.I
)
_NEAR_DEGREE = re.compile(r"^\s?(?:degree|in\s|/|or\s|,|\(|of\s|level|-level|holder)", re.I)
_NOT_MS = re.compile(r"^\s(?:office|excel|word|sql|access|teams|project|dynamics|azure|outlook|powerpoint|visio|"
                     r"windows|exchange|sharepoint|dos|paint|intune|365)\b", re.I)  # fmt: skip
_NOT_PHD = re.compile(r"^\s?(?:student|students|candidate|candidates|program|programme|position|positions|"
                      r"fellowship|fellows|stipend|thesis|studies|project|course|school|scholarship|research|"
                      r"researchers?|supervision)\b", re.I)  # fmt: skip
_NOT_GENERIC_BEFORE = re.compile(r"(?:\b(?:high|certain|some|great|greater|large|lesser|varying|any|that|what|"
                                 r"same|\d+)|\d-|school|secondary)\s?$", re.I)  # fmt: skip
_NOT_GENERIC_AFTER = re.compile(r"^(?:\sof\b|-|\s(?:awards?|certificates?|certification|transcripts?|diplomas?|"
                                r"copies|documents?|programs?|programmes?|courses?|students?|apprenticeships?)\b)",
                                re.I)  # fmt: skip
_MASTER_BEFORE = re.compile(r"\b(?:graduate|advanced|postgraduate|post-graduate)\s$", re.I)
_EQUIVALENT = re.compile(
    r"\b(?:or\s(?:an?\s)?equivalent|equivalent\s(?:practical\s|work\s|professional\s|relevant\s)?experience|"
    r"or\s(?:related|relevant|comparable|similar|practical)\s(?:work\s)?experience|in\slieu\sof|or\sexperience|"
    r"or\sequivalent|equivalent\scombination)\b"
)
_NO_DEGREE = re.compile(r"\b(?:no|not|without)\s(?:a\s|formal\s|university\s|college\s)?degree|degree\s(?:is\s)?not\s")
_FIELD_START = re.compile(
    r"^(?:\s(?:degree|diploma|or\shigher|or\sabove|level|qualification|required|\([^()]{0,40}\))){0,3},?\s?"
    r"(?:in|of)\s(?:the\s)?(?:field\sof\s|area\sof\s)?",
    re.I,
)
_FIELD_SPLIT = re.compile(r",\s?(?:or\s|and\s)?|\s(?:or|and|and/or)\s|/")
_FIELD_STOP = re.compile(r"[;.(:]|\s(?:with|from|plus|preferred|required|is|are|as|at|and\s\d|or\sequivalent)\b")
_NOT_FIELD = re.compile(r"\b(?:related|relevant|similar|equivalent|field|discipline|area|subject|experience|degree|"
                        r"years?|other|etc|such|any)\b", re.I)  # fmt: skip


@dataclass
class DegreeFinding:
    degree: Degree | None = None
    fields: list[str] = field(default_factory=list)
    required: bool = False


def read_degree(units: list[Unit]) -> DegreeFinding:
    """The lowest degree that satisfies the posting, its fields as written, and whether it is required."""
    required: list[Degree] = []
    optional: list[Degree] = []
    fields: list[str] = []
    budget = MAX_MENTIONS
    for unit in units:
        if unit.kind in ("benefits", "about") or not _may_name_degree(unit.text):
            continue
        low = lower(unit.text)
        if _NO_DEGREE.search(low) or _NOT_DEGREE_SENTENCE.search(low):
            continue
        cued = unit.kind in ("requirements", "nice_to_have") or _DEGREE_CUE.search(low) is not None
        for match in _DEGREE.finditer(unit.text):
            budget -= 1
            if budget < 0:
                break
            level = _level(unit.text, low, match)
            if level is None or not (cued or _leads(unit.text, match)):
                continue
            optional_here = unit.optional is not None and unit.optional[0] <= match.start()
            if unit.kind == "nice_to_have" or optional_here or _EQUIVALENT.search(low):
                optional.append(level)
            else:
                required.append(level)
            for name in _fields(unit.text[match.end() : match.end() + 200]) if len(fields) < MAX_FIELDS else ():
                if name.lower() not in {f.lower() for f in fields} and len(fields) < MAX_FIELDS:
                    fields.append(name)
    levels = required or optional
    if not levels:
        return DegreeFinding()
    return DegreeFinding(min(levels, key=DEGREE_ORDER.index), fields, bool(required))


def _leads(text: str, match: re.Match[str]) -> bool:
    """A degree that opens its line or names a field ("- PhD in Physics…") asks for it even outside a requirements
    section; "The Faculty has 750 Ph.D. students" does not."""
    opening = len(text[: match.start()].lstrip(" -*\u2022\u00b7\u25aa>").split()) <= 3
    return opening or text[match.end() : match.end() + 4].lower() == " in "


_HINTS_ANY_CASE = (
    "degree", "bachelor", "master", "doctor", "mba", "phd", "ph.d", "ph. d", "bsc", "b.sc", "b. sc", "msc", "m.sc",
    "m. sc", "beng", "b.eng", "meng", "m.eng", "btech", "b.tech", "dphil", "d.phil", "associate",
)  # fmt: skip
_HINTS_CASED = ("BS", "BA", "MS", "MA", "B.S", "B.A", "M.S", "M.A")


def _may_name_degree(text: str) -> bool:
    """A cheap test before the degree pattern, which is slow for its many alternatives."""
    low = text.lower()
    return any(h in low for h in _HINTS_ANY_CASE) or any(h in text for h in _HINTS_CASED)


_LEVELS: dict[str, Degree] = {"phd": "phd", "master": "master", "bachelor": "bachelor", "associate": "associate"}


def _level(text: str, low: str, match: re.Match[str]) -> Degree | None:
    kind = match.lastgroup
    before, after = text[max(0, match.start() - 24) : match.start()], text[match.end() : match.end() + 24]
    if kind == "generic":
        if _NOT_GENERIC_BEFORE.search(before) or _NOT_GENERIC_AFTER.match(after):
            return None
        return "master" if _MASTER_BEFORE.search(before) else "bachelor"
    if kind == "phd" and _NOT_PHD.match(after):
        return None
    if after.startswith("-") and not after.lower().startswith(("-level", "-holder", "-qualified")):
        return None  # "ph.d.-graden", "MS-DOS"
    if kind in ("master", "bachelor") and not _STRONG.match(match.group(0)):
        if _NOT_MS.match(after):
            return None
        near = _NEAR_DEGREE.match(after) or before.rstrip().endswith(("/", " or", ","))
        if not near and "degree" not in low:
            return None
    return _LEVELS.get(kind or "")


def _fields(after: str) -> list[str]:
    """ "in Computer Science, Mathematics, or a related field" → ["Computer Science", "Mathematics"]."""
    start = _FIELD_START.match(after)
    if start is None:
        return []
    rest = after[start.end() :]
    stop = _FIELD_STOP.search(rest)
    rest = rest[: stop.start()] if stop else rest
    out: list[str] = []
    for item in _FIELD_SPLIT.split(rest):
        name = item.strip().removeprefix("a ").removeprefix("an ").removeprefix("the ").strip(" -")
        words = name.split()
        if not words or len(words) > 5 or _NOT_FIELD.search(name) or not name[:1].isalpha():
            break  # a list of fields ends at "a related field", "or equivalent" or a sentence
        out.append(name)
    return out
