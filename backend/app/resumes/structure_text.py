"""Line-level reading for the structure parser: bullets, wrapped lines, header parts and what a part names (a job
title, an employer, a place, a school, a degree).

The vocabularies are generic English words for roles, legal forms and places, never names of employers."""

# ruff: noqa: RUF001  -- resume text is made of dashes, curly quotes and bullets

from __future__ import annotations

import re

MAX_LINE = 600


def word_set(text: str) -> frozenset[str]:
    """A vocabulary written as text, one word per whitespace."""
    return frozenset(text.split())


BULLET = re.compile(r"^\s*(?:[•·●○◦▪▫■□◆◇►▶➢➤➣→✓✔✗❖♦⁃‣∙*>\ue000-\uf8ff]|-{1,2}(?!\d)|o(?=\s)|\(?\d{1,2}[.)](?=\s))\s*")
_INLINE_BULLET = re.compile(r"\s+[•●➢➤▪◦✓■►♦\ue000-\uf8ff]\s+")
_GLYPH_ONLY = re.compile(r"^[\s•·●○◦▪▫■□◆◇►▶➢➤➣→✓✔✗❖♦⁃‣∙*>o\-\ue000-\uf8ff]*$")

_TITLE_WORDS = word_set(
    """engineer engineers developer programmer manager analyst consultant intern internship director representative
    rep assistant specialist lead architect officer executive associate technician designer administrator admin
    scientist teacher lecturer professor trainee head president vp coordinator supervisor accountant auditor clerk
    cashier agent advisor adviser instructor tutor researcher fellow founder co-founder cofounder owner chef cook
    nurse physician pharmacist therapist attorney lawyer paralegal editor writer reporter photographer operator
    mechanic electrician driver salesperson secretary receptionist librarian counselor counsellor strategist
    planner buyer recruiter controller cto ceo cfo coo cio principal leader foreman superintendent inspector
    estimator merchandiser bartender waiter waitress attendant dispatcher tester sde sre devops freelance
    freelancer contractor apprentice producer artist animator member chairman chairperson partner expert
    evangelist technologist programmer/analyst faculty postdoc educator trainer handler supervisor/manager
    officer/manager coach employee worker babysitter nanny caregiver aide treasurer chair vice volunteer crew
    housekeeper janitor guard soldier sergeant captain pilot author investigator mentor professional banker
    solicitor barrister advocate underwriter broker teller surveyor draftsman welder plumber carpenter machinist
    dentist surgeon paramedic firefighter ambassador newsreader reviewer examiner translator interpreter
    copywriter journalist correspondent stylist barista co-ordinator coordinator/manager anchor presenter dj"""
)
COMPANY_WORDS = word_set(
    """inc inc. llc ltd ltd. limited pvt pvt. corp corp. corporation co co. company technologies technology solutions
    systems services software bank group labs laboratories consulting consultants hospital clinic agency partners
    enterprises industries international global media foundation networks communications pharmaceuticals pharma
    motors airlines insurance financial capital holdings studios gmbh ag plc infotech infosystems restaurant
    restaurants hotel hotels store stores retail center centre department ministry government council associates
    firm bureau office
    law district church library association museum charity trust"""
)
SCHOOL = re.compile(
    r"\b(?:university|universit[äeéy]|universidad|universidade|università|école|hochschule|college|institute"
    r"|institution|school|academy|polytechnic|vidyalaya|vidyapeeth"
    r"|iit|nit|iiit|iim|bits|conservatory|seminary|faculty of)\b",
    re.IGNORECASE,
)
# Long forms in any case; abbreviations only as written with capitals ("BE", not the verb "be").
DEGREE = re.compile(
    r"(?<![\w.])(?:(?i:bachelor'?s?|masters?'?|doctorate|diploma|associate'?s?|high school|higher secondary"
    r"|secondary school|post ?graduate|postgraduate diploma|intermediate|a-levels?|o-levels?|10th|12th)"
    r"|B\.?\s?Tech|M\.?\s?Tech|B\.?\s?E|M\.?\s?E|B\.?\s?Sc|M\.?\s?Sc|B\.?\s?S|M\.?\s?S|B\.?\s?A|M\.?\s?A"
    r"|B\.?\s?Com|M\.?\s?Com|B\.?\s?C\.?\s?A|M\.?\s?C\.?\s?A|B\.?\s?B\.?\s?A|M\.?\s?B\.?\s?A|Ph\.?\s?D"
    r"|PGDM|PGDBM|PGD|LLB|LLM|MBBS|BBA|BCA|MCA|BCom|MCom|BSc|MSc|BTech|MTech|BEng|MEng|HSC|SSC|SSLC|HSSC|CBSE|ICSE"
    r"|GED|XII|X)(?![\w])\.?"
)
_STATES = word_set(
    """alabama alaska arizona arkansas california colorado connecticut delaware florida georgia hawaii idaho illinois
    indiana iowa kansas kentucky louisiana maine maryland massachusetts michigan minnesota mississippi missouri
    montana nebraska nevada ohio oklahoma oregon pennsylvania tennessee texas utah vermont virginia washington
    wisconsin wyoming andhra telangana karnataka kerala maharashtra gujarat rajasthan punjab haryana bihar odisha
    orissa assam goa jharkhand chhattisgarh uttarakhand delhi ncr pradesh nadu bengal india usa uk england
    scotland wales ireland canada australia germany france singapore uae dubai china japan norway sweden denmark
    netherlands spain italy remote
    carolina dakota hampshire jersey mexico york island us"""
)
_REGION_PREFIXES = word_set("""madhya uttar himachal arunachal tamil west new north south east jammu and""")
_US_CODES = (
    "AL|AK|AZ|AR|CA|CO|CT|DE|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA"
    "|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|DC|ON|QC|BC|AB|NSW|VIC|QLD"
)
US_STATE = re.compile(rf"^(?:{_US_CODES})(?: \d{{4,5}})?$")
_SEPARATORS = re.compile(r"\s+(?:\||-{1,2}|–|—|@|at|as|·|•)\s+|:\s+|\s*\|\s*|\s*[()\[\]]\s*|\t")
_GLUED_PLACE = re.compile(r"(?<=[\w.])- ?(?=[A-Z][a-z]+(?: [A-Z][a-z]+)?, ?[A-Z]{2}\b)|(?<=, [A-Z]{2})-(?=\s)")
_LEVEL = re.compile(r"^(?:[ivx]{1,4}|\d{1,2}|level|grade|senior|junior|sr|jr)$")
_LEGAL_TAIL = re.compile(r"^(?:inc|llc|ltd|limited|pvt|corp|co|plc|gmbh|ag|s\.?a|l\.?p)\.?$", re.IGNORECASE)


def clean(text: str, limit: int = 200) -> str:
    """Trimmed of decoration and trailing separators, cut to `limit` characters."""
    out = text.strip().strip("|,;:–—-•·*_ \t").strip()
    return out[:limit].strip()


def is_bullet(line: str) -> bool:
    return bool(BULLET.match(line)) and not _GLYPH_ONLY.match(line) and not re.match(r"^\s*-\s*\d", line)


def strip_bullet(line: str) -> str:
    return BULLET.sub("", line, count=1).strip()


def is_glyph_only(line: str) -> bool:
    return bool(line.strip()) and bool(_GLYPH_ONLY.match(line))


def words(text: str) -> list[str]:
    return [w.strip(".,;:()[]").lower() for w in re.split(r"[\s/]+", text) if w.strip(".,;:()[]")]


def title_score(part: str) -> int:
    ws = words(part)
    if not ws or len(ws) > 8:
        return 0
    return sum(1 for w in ws if w in _TITLE_WORDS or w.rstrip("s") in _TITLE_WORDS)


def company_score(part: str) -> int:
    ws = words(part)
    if not ws or len(ws) > 10:
        return 0
    score = sum(1 for w in ws if w in COMPANY_WORDS or (w.endswith("s") and w[:-1] in COMPANY_WORDS))
    if "&" in part or re.search(r"\(p\)|\.com\b", part, re.IGNORECASE):
        score += 1
    return score


def is_location(part: str) -> bool:
    """ "Hyderabad, Telangana", "New York, NY", "Remote", "Pune, India": ends in a state, a region or a country."""
    p = part.strip().strip(",.-")
    if US_STATE.match(p) and len(p) == 2:
        return True
    if not p or len(p) > 50 or (any(c.isdigit() for c in p.replace(" ", "")[-5:]) and not US_STATE.search(p[-8:])):
        return False
    tail = p.rsplit(",", 1)[-1].strip()
    if p.count(",") == 1 and (US_STATE.match(tail) or _is_region(tail)):
        city = p.split(",")[0].strip()
        if US_STATE.match(tail):  # "College Park, MD": a state code after a short name is a place
            return city[:1].isupper() and len(city.split()) <= 3 and not company_score(city)
        return city[:1].isupper() and len(city.split()) <= 3 and not SCHOOL.search(city) and not company_score(city)
    return _is_region(p)


def _is_region(text: str) -> bool:
    ws = text.lower().split()
    return bool(ws) and len(ws) <= 3 and all(w in _STATES or w in _REGION_PREFIXES for w in ws) and ws[-1] in _STATES


def is_title(part: str) -> bool:
    """A job title rather than an employer: the head noun (the last word) names a role, or role words outweigh
    company words ("Software Engineering Intern" is a title, "Phone Sales Co." an employer)."""
    if "/" in part and " " in part.split("/", 1)[0].strip() and is_title(part.split("/", 1)[0]):
        return True  # "Process Mechanical Division Manager/VP Field Services"
    head = re.split(r"\s+(?:of|for)\s+", part, maxsplit=1)[0]  # "Manager of Services", "Director of Engineering"
    ws = [w for w in words(head) if not _LEVEL.match(w)]  # "Software Engineer II", "Engineer 2"
    if not ws or len(words(part)) > 8:
        return False
    last = ws[-1]
    if last in COMPANY_WORDS:
        return False
    if _role_word(last):
        return True
    # "Consultant SDET", "Manager Trainee": a role word first, in a short title
    return _role_word(ws[0]) and len(ws) <= 3 and company_score(part) == 0


def _role_word(word: str) -> bool:
    return word in _TITLE_WORDS or word.rstrip("s") in _TITLE_WORDS


def header_parts(line: str) -> list[str]:
    """A header line cut into its parts: "Title at Company | City, ST" → ["Title", "Company", "City, ST"]. Commas
    cut too, except before a legal form ("Acme, Inc.") and inside a place ("Pune, India")."""
    parts: list[str] = []
    line = _GLUED_PLACE.sub(" - ", line[:MAX_LINE])  # "CME Group-Chicago, IL- Jan 2010"
    for chunk in _SEPARATORS.split(line):
        chunk = clean(chunk)
        if not chunk:
            continue
        if is_location(chunk):
            parts.append(chunk)
            continue
        merged: list[str] = []
        for piece in (clean(p) for p in chunk.split(",")):
            if piece and merged and _LEGAL_TAIL.match(piece):
                merged[-1] = f"{merged[-1]}, {piece}"
            elif piece:
                merged.append(piece)
        # a place is the last two pieces ("Crowdtap, New York, NY": the company, then "New York, NY")
        if len(merged) >= 2 and is_location(f"{merged[-2]}, {merged[-1]}"):
            merged[-2:] = [f"{merged[-2]}, {merged[-1]}"]
        parts.extend(merged)
    return [p for p in parts if any(c.isalnum() for c in p)]


def looks_like_header(line: str) -> bool:
    """A short line that names something (a role, an employer, a place), not a sentence."""
    s = line.strip()
    if not s or len(s) > 110 or is_bullet(s) or is_glyph_only(s):
        return False
    if s.endswith(".") and len(s.split()) > 5 and not _LEGAL_TAIL.match(s.split()[-1]):
        return False
    ws = s.split()
    if len(ws) > 14:
        return False
    lower = sum(1 for w in ws if w[:1].islower() and w.lower() not in ("and", "of", "the", "in", "for", "at", "&"))
    return lower <= max(1, len(ws) // 3)


def join_wrapped(lines: list[str]) -> list[str]:
    """Bullets with their wrapped continuation lines joined back, one string per bullet. A line that is not a bullet
    continues the previous bullet when that bullet did not end a sentence or this line starts in lower case."""
    out: list[str] = []
    open_bullet = False
    for raw in lines:
        line = raw.strip()
        if not line:
            open_bullet = False
        elif is_glyph_only(line):  # a glyph alone on its line: the bullet's text follows on the next line
            out.append("")
            open_bullet = True
        elif is_bullet(line):
            out.append(strip_bullet(line))
            open_bullet = True
        elif open_bullet and out and (not out[-1] or not out[-1].endswith((".", "!", "?")) or line[:1].islower()):
            out[-1] = f"{out[-1]} {line}".strip()
        else:
            out.append(line)
            open_bullet = not line.endswith((".", "!", "?"))
    split = [piece for item in out for piece in _INLINE_BULLET.split(item)]
    return [h for h in (clean_highlight(s) for s in split) if h]


def clean_highlight(text: str) -> str:
    return text.strip().strip("•·*-–— ").strip()[:MAX_LINE].strip()


MAX_LINES = 5000  # lines read of one section (or of the whole text)


def section_lines(section: str | None) -> list[str]:
    """The lines of a section's text, bounded."""
    return (section or "").splitlines()[:MAX_LINES]
