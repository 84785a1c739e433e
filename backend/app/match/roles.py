"""Job titles read as a role: its family ("software", "data", "sales"…), its level, and the words that name it.

A posting's title is the strongest single sign of whether a person would apply (on 641 postings one job seeker
labelled for their own resume, title words alone ranked fits above non-fits with ROC AUC 0.74, skill overlap 0.61),
so the match score compares titles as roles, not as strings: "Sr. Python Developer" and "Senior Software Engineer"
are the same family, level and nearly the same words; "Highway Development Control Engineer" is not software.

Families are found by the most specific phrase in the title (longest first), then by single words; a title that
names none is `None` (unknown), never a guess. Levels come from seniority words only ("Senior", "Lead", "II");
`level_from_years` turns experience into a level when a title says nothing."""

from __future__ import annotations

import re
from dataclasses import dataclass

ROLES_VERSION = "t2"  # bump when a title reads differently: stored postings' roles are read again

LEVELS = ("intern", "junior", "mid", "senior", "lead", "principal", "manager", "director", "executive")
RANK = {
    "intern": 0,
    "junior": 1,
    "mid": 2,
    "senior": 3,
    "lead": 4,
    "principal": 4,
    "manager": 4,
    "director": 5,
    "executive": 6,
}

# Phrase → family. Checked longest first, so "data engineer" wins over "engineer" and "sales engineer" over both.
_FAMILY_PHRASES: dict[str, str] = {
    # software
    "software engineer": "software", "software developer": "software", "software development engineer": "software",
    "sw engineer": "software", "backend": "software", "back end": "software", "back-end": "software",
    "frontend": "software", "front end": "software", "front-end": "software", "full stack": "software",
    "fullstack": "software", "full-stack": "software", "web developer": "software", "mobile developer": "software",
    "ios": "software", "android": "software", "programmer": "software", "developer": "software",
    "staff engineer": "software", "principal engineer": "software",
    "product engineer": "software", "application engineer": "software", "applications engineer": "software",
    "member of technical staff": "software", "java": "software", "python": "software", "golang": "software",
    "elixir": "software", ".net": "software", "php": "software", "ruby": "software", "react": "software",
    "node": "software", "javascript": "software", "typescript": "software", "c++": "software", "rust": "software",
    "scala": "software", "kotlin": "software", "swift": "software", "game developer": "software",
    "embedded": "software", "firmware": "software", "solutions architect": "software", "software architect": "software",
    "technical architect": "software", "java architect": "software", "head of engineering": "software",
    "engineering manager": "software", "vp engineering": "software", "vp of engineering": "software", "cto": "software",
    "tech lead": "software", "technical lead": "software", "development engineer": "software",
    "systems development engineer": "software", "salesforce developer": "software", "sap": "software",
    "netsuite": "software", "erp consultant": "software", "abap": "software",
    # data and machine learning
    "data scientist": "data", "data science": "data", "data analyst": "data", "data engineer": "data",
    "analytics engineer": "data", "machine learning": "data", "ml engineer": "data", "ai engineer": "data",
    "research scientist": "data", "computer scientist": "data", "business intelligence": "data", "bi developer": "data",
    "bi analyst": "data", "data platform": "data", "statistician": "data", "data architect": "data",
    "nlp": "data", "deep learning": "data", "etl": "data", "big data": "data", "hadoop": "data",
    "data warehouse": "data",
    # infrastructure
    "devops": "devops", "site reliability": "devops", "sre": "devops", "platform engineer": "devops",
    "cloud engineer": "devops", "cloud architect": "devops", "infrastructure": "devops", "systems engineer": "devops",
    "system administrator": "devops", "sysadmin": "devops", "network engineer": "devops", "linux": "devops",
    "build engineer": "devops", "release engineer": "devops", "kubernetes": "devops",
    "platform software engineer": "devops",
    "database administrator": "devops", "dba": "devops",
    # quality
    "qa": "qa", "quality assurance": "qa", "test engineer": "qa", "tester": "qa", "sdet": "qa", "test automation": "qa",
    "automation engineer": "qa",
    # security
    "security engineer": "security", "security analyst": "security", "cybersecurity": "security",
    "cyber security": "security", "information security": "security", "penetration": "security",
    "soc analyst": "security",
    # IT support
    "it support": "it_support", "help desk": "it_support", "helpdesk": "it_support", "service desk": "it_support",
    "desktop support": "it_support", "technical support": "it_support", "it technician": "it_support",
    "support engineer": "it_support", "client support": "it_support", "customer support": "it_support",
    "support analyst": "it_support", "it administrator": "it_support", "it specialist": "it_support",
    # product, project, design
    "product manager": "product", "product owner": "product", "program manager": "product",
    "project manager": "product", "scrum master": "product", "delivery manager": "product",
    "project coordinator": "product", "pmo": "product", "business analyst": "product", "product designer": "design",
    "ux": "design", "ui designer": "design", "graphic designer": "design", "designer": "design",
    # commercial
    "sales": "sales", "account executive": "sales", "account manager": "sales", "business development": "sales",
    "sales engineer": "sales", "gtm": "sales", "go-to-market": "sales", "customer success": "sales",
    "territory": "sales", "advertiser solutions": "sales", "merchandising": "sales", "category manager": "sales",
    "financial solutions advisor": "finance", "marketing": "marketing", "seo": "marketing",
    "content writer": "marketing",
    "copywriter": "marketing", "growth": "marketing", "brand": "marketing", "communications": "marketing",
    "social media": "marketing",
    # office functions
    "accountant": "finance", "accounting": "finance", "accounts payable": "finance", "account payable": "finance",
    "accounts receivable": "finance", "finance": "finance", "financial analyst": "finance", "auditor": "finance",
    "tax": "finance", "steuerberater": "finance", "controller": "finance", "bookkeeper": "finance",
    "payroll": "finance",
    "recruiter": "hr", "talent acquisition": "hr", "human resources": "hr", "hr": "hr", "people partner": "hr",
    "administrative": "admin", "administrator": "admin", "office manager": "admin", "executive assistant": "admin",
    "receptionist": "admin", "secretary": "admin", "data entry": "admin", "clerk": "admin",
    "business partner": "admin", "operations manager": "operations", "operations": "operations",
    "logistics": "operations", "supply chain": "operations", "warehouse": "operations", "procurement": "operations",
    "legal": "legal", "lawyer": "legal", "attorney": "legal", "paralegal": "legal", "counsel": "legal",
    # other professions
    "nurse": "healthcare", "nursing": "healthcare", "clinical": "healthcare", "physician": "healthcare",
    "medical": "healthcare", "pharmacist": "healthcare", "therapist": "healthcare", "lpn": "healthcare",
    "coding specialist": "healthcare", "teacher": "education", "tutor": "education", "lecturer": "education",
    "professor": "education", "civil engineer": "engineering", "mechanical engineer": "engineering",
    "electrical engineer": "engineering", "highway": "engineering", "structural": "engineering",
    "development control": "engineering", "chemical engineer": "engineering", "manufacturing": "engineering",
    "scientist": "science", "researcher": "science", "biologist": "science", "chemist": "science",
}  # fmt: skip

# Families close enough that a person in one often applies to the other (asymmetric pairs are listed both ways).
_NEIGHBOURS = {
    frozenset({"software", "devops"}),
    frozenset({"software", "data"}),
    frozenset({"software", "qa"}),
    frozenset({"software", "security"}),
    frozenset({"devops", "security"}),
    frozenset({"devops", "it_support"}),
    frozenset({"product", "software"}),
    frozenset({"product", "design"}),
    frozenset({"sales", "marketing"}),
    frozenset({"finance", "admin"}),
    frozenset({"admin", "hr"}),
    frozenset({"operations", "admin"}),
    frozenset({"data", "science"}),
}

_LEVEL_WORDS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"\b(?:intern|internship|trainee|apprentice|werkstudent)\b"), "intern"),
    (re.compile(r"\b(?:junior|jr\.?|graduate|entry[- ]level|associate)\b|\b(?:i|1)\s*$"), "junior"),
    (re.compile(r"\b(?:mid|intermediate|ii|2)\b"), "mid"),
    (re.compile(r"\b(?:senior|sr\.?|experienced|iii|3)\b"), "senior"),
    (re.compile(r"\b(?:staff|lead|tech lead|team lead|iv)\b"), "lead"),
    (re.compile(r"\b(?:principal|architect|distinguished|fellow)\b"), "principal"),
    (re.compile(r"\bmanager\b"), "manager"),
    (re.compile(r"\b(?:director|head of)\b"), "director"),
    (re.compile(r"\b(?:vp|vice president|chief|cto|ceo|cfo|coo|founder|partner)\b"), "executive"),
]

_STOP = frozenset(
    [
        "a",
        "an",
        "and",
        "the",
        "of",
        "for",
        "in",
        "at",
        "to",
        "with",
        "on",
        "remote",
        "hybrid",
        "onsite",
        "m",
        "w",
        "d",
        "f",
        "x",
        "mwd",
        "all",
        "genders",
        "full",
        "time",
        "part",
        "contract",
        "permanent",
        "temporary",
        "job",
        "position",
        "role",
        "opening",
        "new",
        "we",
        "are",
        "hiring",
        "team",
        "region",
    ]
)
_SYNONYMS = {
    "developer": "engineer",
    "dev": "engineer",
    "programmer": "engineer",
    "sw": "software",
    "swe": "software",
    "sr": "senior",
    "jr": "junior",
    "golang": "go",
    "backend": "back",
    "frontend": "front",
    "fullstack": "full",
    "ml": "machine",
    "ai": "machine",
    "analytics": "analyst",
    "analysis": "analyst",
    "administration": "administrator",
    "admin": "administrator",
    "mgr": "manager",
}
_LEVEL_TOKENS = frozenset(
    [
        "senior",
        "junior",
        "lead",
        "staff",
        "principal",
        "intern",
        "internship",
        "trainee",
        "graduate",
        "entry",
        "level",
        "mid",
        "i",
        "ii",
        "iii",
        "iv",
        "head",
        "associate",
        "experienced",
    ]
)
_WORD_RE = re.compile(r"[a-z][a-z0-9+#.]*")
_PHRASES = sorted(_FAMILY_PHRASES, key=len, reverse=True)
_PHRASE_RE = re.compile(
    "|".join(rf"(?<![a-z0-9]){re.escape(p)}(?![a-z0-9])" for p in _PHRASES),
)


@dataclass(frozen=True)
class Role:
    title: str
    family: str | None
    level: str | None
    words: frozenset[str]  # the title's words without level, place and filler words, synonyms merged


def _clean(title: str) -> str:
    low = title.lower()
    low = re.sub(r"\((?:m|w|d|f|x|h)(?:\s*/\s*(?:m|w|d|f|x|h))+\)", " ", low)  # (m/w/d)
    low = re.sub(r"[\u2013\u2014|]", " - ", low)
    return low[:200]


# Words that name a function every family has ("Marketing Operations Manager" is marketing): used only alone.
_WEAK = frozenset({"operations", "operations manager", "administrator", "business partner"})


def family_of(title: str) -> str | None:
    """The family the title's longest known phrase names, or None."""
    found = _PHRASE_RE.findall(_clean(title))
    strong = [p for p in found if p not in _WEAK] or found
    if not strong:
        return None
    # The longest phrase is the most specific ("data engineer" over "engineer", "sales engineer" over "engineer").
    return _FAMILY_PHRASES[max(strong, key=len)]


def level_of(title: str) -> str | None:
    low = _clean(title)
    found = None
    for pattern, level in _LEVEL_WORDS:
        if pattern.search(low):
            found = level if found is None or RANK[level] > RANK[found] else found
    if found == "manager" and family_of(title) in ("sales", "marketing", "admin", "operations", "finance"):
        return "mid" if not re.search(r"\b(?:senior|sr\.?|regional|district|general)\b", low) else "senior"
    return found


def role_of(title: str) -> Role:
    low = _clean(title)
    words = set()
    for word in _WORD_RE.findall(low):
        word = word.rstrip(".")
        word = _SYNONYMS.get(word, word)
        if word and word not in _STOP and word not in _LEVEL_TOKENS and len(word) > 1:
            words.add(word)
    return Role(title=title.strip()[:200], family=family_of(title), level=level_of(title), words=frozenset(words))


def level_from_years(years: float | None) -> str | None:
    if years is None:
        return None
    if years < 1:
        return "junior"
    if years < 4:
        return "mid" if years >= 2 else "junior"
    if years < 9:
        return "senior"
    return "lead"


def family_closeness(a: str | None, b: str | None) -> float | None:
    """1 for the same family, 0.5 for neighbours, 0 for others; None when either is unknown."""
    if a is None or b is None:
        return None
    if a == b:
        return 1.0
    return 0.5 if frozenset({a, b}) in _NEIGHBOURS else 0.0


def words_overlap(a: frozenset[str], b: frozenset[str]) -> float:
    """How much of the posting title's words the person's title covers (0..1)."""
    if not a or not b:
        return 0.0
    return len(a & b) / len(a)
