"""Roles the dated-entry parser (`structure_work.py`) misses, and the clean-up after it: a title alone above its
employer, prose ("working as … at …"), labelled lines ("Designation: …"), roles in other sections; then stray
repetitions of the person's name and the headline. Part of `structure.py`; every string is cut from the text."""

# ruff: noqa: RUF001  -- resume text is made of dashes, curly quotes and bullets

from __future__ import annotations

import re

from app.resumes.jsonresume import Work
from app.resumes.sections import heading_key
from app.resumes.structure_dates import find_range, find_single
from app.resumes.structure_role import lead_title
from app.resumes.structure_text import (
    COMPANY_WORDS,
    clean,
    company_score,
    header_parts,
    is_bullet,
    is_location,
    is_title,
    looks_like_header,
    strip_bullet,
    title_score,
    words,
)

_ROLE_LABEL = re.compile(
    r"^\(?\s*(?:(?:designation|position(?: held)?|role|job title)\s*[:\-]\s*"
    r"|(?:currently |presently )?(?:working|worked|employed) as (?:an? )?)",
    re.IGNORECASE,
)
_WEAK_HEADS = frozenset({"professional", "professionals", "member", "members", "employee", "employees", "staff"})


_MEMBERSHIP_HEADS = frozenset({"association", "associations", "society", "council", "group"})
_CONNECTORS = frozenset({"of", "and", "&", "the", "for", "de", "du", "la", "los", "las", "del", "in", "at"})
_PLACE_NAME = re.compile(r"^[A-Z][a-z]+(?:[ -][A-Z][a-z]+)?$")  # "Clayton", "Santa Cruz": a town after the employer
_COMPANY_LABEL = re.compile(r"^(?:company|employer|organi[sz]ation|client)\s*[:\-]\s*", re.IGNORECASE)


_TITLE_COLON_EMPLOYER = re.compile(r"^([A-Z][\w /&-]{1,40}):\s+([A-Z][\w&.,' -]{1,60}[\w.])$")
_ASIDE = re.compile(r"\s*(?:\([^()]{1,40}\)|,\s*(?:part|full)[- ]time)$", re.IGNORECASE)


def _lone_title(raw: str, *, labelled_line: bool = False) -> str:
    """ "Technical Analyst", "Designation: Software Engineer", "Worked as Test Engineer.", "Office Assistant (part
    time basis)": a job title alone."""
    labelled = _ROLE_LABEL.sub("", _ASIDE.sub("", raw.strip()))
    line = clean(labelled.rstrip(").") if labelled != raw.strip() else labelled)
    if (
        not line
        or len(line.replace(" / ", "/").split()) > (8 if "/" in line else 5)  # "WM Consultant / PLM Consultant"
        or (any(c.isdigit() for c in line) and not labelled_line)  # "Sr. Java J2ee Developer" after "Title"
        or ":" in line  # "Tools: QTP, Test Director": a label's list
        or line.endswith(".")
        or not looks_like_header(line)
        or not is_title(line)
        or line.split()[-1].casefold() in _WEAK_HEADS
        or not title_score(re.split(r"\s+(?:of|for|and|&|/)\s+|/", line)[0].split()[-1])  # the head names a role
        or (heading_key(line) and not labelled_line)  # "Volunteer" alone is a heading, "Volunteer: Acme" is not
    ):
        return ""
    return line


def _lone_employer(raw: str) -> str:
    """ "Qualcomm, Inc., Cary, North Carolina", "Company: Acme Ltd": an employer (a legal form or a company word)
    alone on its line, or followed by its place only."""
    line = _COMPANY_LABEL.sub("", raw.strip())
    if not looks_like_header(line) or find_range(line) or heading_key(line) or line.endswith("."):
        return ""
    parts = header_parts(line)
    if not parts or any(not (is_location(p) or _PLACE_NAME.match(p)) or is_title(p) for p in parts[1:]):
        return ""
    name = parts[0]
    ws = name.split()
    head = words(re.split(r"\s+(?:of|for)\s+", name, maxsplit=1)[0])
    if (
        not 2 <= len(ws) <= 8
        or not head
        or (head[-1] not in COMPANY_WORDS and head[-1][:-1] not in COMPANY_WORDS)  # "Law Offices"
        or head[-1] in _MEMBERSHIP_HEADS
        or is_title(name)
        or is_location(name)
        or re.search(r"[\d©/]|\.com\b", name)
        or re.match(r"^[A-Z][a-z]+(?:ed|ised|ized)$", ws[0])  # "Organised ...": a sentence
        or any(not (w[:1].isupper() or w[:1].isdigit() or w in _CONNECTORS) for w in ws)
    ):
        return ""
    return name


def with_lone_titles(lines: list[str], work: list[Work]) -> list[Work]:
    """A job title or an employer alone on its line in the experience section that no role took ("Technical
    Analyst" in a table of positions, "Qualcomm, Inc., Cary, North Carolina" over an undated paragraph) is a role
    of its own; a title and an employer on neighbouring lines are one role."""
    titles = [w.position.casefold() for w in work if w.position]
    names = [w.name.casefold() for w in work if w.name]
    found: list[tuple[int, Work]] = []  # (line index, role)
    for i, raw in enumerate(lines):
        if is_bullet(raw) or not raw.strip():
            continue
        title = _lone_title(raw)
        employer = "" if title else _lone_employer(raw)
        pair = None if title or employer else _TITLE_COLON_EMPLOYER.match(raw.strip())
        if (
            pair and _lone_title(pair.group(1), labelled_line=True) and not re.search(r"\d", pair.group(2))
        ):  # "Volunteer: Jellop Primary School", "Tutor: Self Employed"
            title, employer = _lone_title(pair.group(1), labelled_line=True), clean(pair.group(2))
            employer = "" if re.match(r"(?i)self[- ]?employed", employer) else employer
            if any(title.casefold() == t for t in titles) and (
                not employer or any(employer.casefold() in n for n in names)
            ):
                continue
            titles.append(title.casefold())
            names.append(employer.casefold())
            found.append((i, Work(name=employer, position=title)))
            continue
        if title:
            folded = title.casefold()
            if any(folded in t or t in folded for t in titles):
                continue
            titles.append(folded)
        elif employer:
            folded = employer.casefold()
            if any(folded in n or n in folded for n in names):
                continue
            names.append(folded)
        else:
            continue
        previous = found[-1] if found else None
        neighbour = previous is not None and all(not ln.strip() for ln in lines[previous[0] + 1 : i])
        pairs = previous is not None and (not previous[1].position if title else not previous[1].name)
        if neighbour and previous is not None and pairs:
            role = previous[1]  # "Software Engineer" / "Acme Ltd, Pune": one role
            role.position = role.position or title
            role.name = role.name or employer
            found[-1] = (i, role)
            continue
        if employer:  # "Southern Mechanical Services, Inc." / "Vice President of Field Construction - Took ..."
            title = lead_title(lines[i + 1 : i + 3])
        found.append((i, Work(name=employer, position=title)))
    return [*work, *(w for _, w in found)][:40] if found else work


_CAP = r"(?:[A-Z][\w&/.'-]*|[A-Z]{2,}[\w/]*)"
_CAP_RUN = rf"{_CAP}(?:\s+(?:{_CAP}|of|and|&|for)){{0,5}}"
_VERB = r"(?:(?:presently|currently)\s+)?(?:working|worked|employed|serv(?:ed|ing))(?:\s+currently)?"
# "Worked as Deputy Manager with Genius Consultants Ltd", "working with Accenture as a Software Test Engineer",
# "21 months of experience in ADFC as Phone Banker", "Served as Linux Systems Administrator."
_PROSE_ROLE = re.compile(
    rf"\b(?i:{_VERB}\s+(?:with|at|for|in)|experience\s+(?:with|at|in))\s+(?P<org>[A-Z][\w&.'()/-]*(?:\s+[\w&.'()/-]+){{0,5}}?)\s+as\s+(?:an?\s+)?"
    rf"(?P<title>{_CAP_RUN})"
    rf"|\b(?i:{_VERB})\s+as\s+(?:an?\s+)?(?:[a-z]{{4,}}\s+)?(?P<title2>{_CAP_RUN})(?:\s+(?:with|at|for|in)\s+(?P<org2>{_CAP_RUN}))?"
    # "worked as a teaching assistant and examiner", "Experience working as a camera operator, production ..."
    rf"|\b(?i:{_VERB})\s+as\s+(?:an?\s+)?(?P<title4>[a-z][\w-]+(?:\s+[a-z][\w-]+){{1,3}}?)(?=\s*(?:[,.;]|$|\s(?:and|at|for|with|in|to|on)\b))"
    # "My role as a Quality Engineer involved ...", "role of Test Lead / Manager in all engagements"
    rf"|\b(?i:(?:my\s+)?role\s+(?:as|of))\s+(?:an?\s+)?(?P<title3>{_CAP_RUN})"
    # "Worked with Connect pro Management Consultant From Oct 2005": an employer and when
    rf"|\b(?i:{_VERB}\s+(?:with|at|for))\s+(?P<org3>[A-Z][\w&.'-]*(?:\s+[\w&.'-]+){{0,5}}?)\s+(?i:from|since)\s+"
    r"(?=(?:[A-Z][a-z]{2,8}\.?\s+)?(?:19|20)\d\d)"
)


def with_prose_roles(lines: list[str], work: list[Work]) -> list[Work]:
    """Roles written as a sentence ("Worked as Deputy Manager with Genius Consultants Ltd"): the title (and the
    employer, when named) are cut from it; a role already read is completed, not repeated."""
    added: list[Work] = []
    candidates = [*lines]
    for k, line in enumerate(lines[:-1]):  # "Sep 2007 worked as" / "Senior IT Recruiter.": a sentence over two lines
        if re.search(r"\bas(?: an?)?$", line.rstrip(), re.IGNORECASE):
            candidates.append(f"{line.rstrip()} {lines[k + 1].strip()}")
    for line in candidates:
        if len(line) > 600 or not re.search(r"\b(?:as|As|from|From|since|Since|of)\b", line):
            continue
        for m in _PROSE_ROLE.finditer(line):
            title = _trim_run(m.group("title") or m.group("title2") or m.group("title3") or m.group("title4") or "")
            org = _trim_run(m.group("org") or m.group("org2") or m.group("org3") or "")
            if title and (not is_title(title) or len(title.split()) > 6):
                continue
            named_alone = bool(m.group("org3"))  # "Worked with X from 2005": X is the employer, whatever its words
            org = (
                org
                if org and (named_alone or not is_title(org)) and not is_location(org) and len(org.split()) <= 6
                else ""
            )
            if not title:
                if org and not any(org.casefold() in w.name.casefold() for w in [*work, *added] if w.name):
                    added.append(Work(name=org))
                continue
            folded = title.casefold()
            roles = [*work, *added]
            same = [
                w
                for w in roles
                if org and w.name and (org.casefold() in w.name.casefold() or w.name.casefold() in org.casefold())
            ]
            if same and not same[0].position:
                same[0].position = title
                continue
            if any(w.position and (folded in w.position.casefold() or w.position.casefold() in folded) for w in roles):
                continue
            added.append(Work(name=org, position=title))
    return [*work, *added][:40] if added else work


_TITLE_KEY = re.compile(
    r"^(?:\d{1,2}[.)]\s*)?(?:job\s+|current\s+)?(?:title|designation|position(?:\s+held)?|role)\s*:?$", re.IGNORECASE
)
_EMPLOYER_KEY = re.compile(
    r"^(?:\d{1,2}[.)]\s*)?(?:company|employer|organi[sz]ation|name of (?:the )?employer)\s*:?$", re.IGNORECASE
)


def with_labelled_roles(lines: list[str], work: list[Work]) -> list[Work]:
    """A form's "Position:" (or "Title") line with the title on the next line, and its "Company:" line with the
    employer on the next: one role ("1. Position:" / "Legal Manager of Concessions" / "2. Company:" / "Acme S.A.")."""
    filled = [ln.strip() for ln in lines if ln.strip()]
    title = employer = ""
    for k, line in enumerate(filled[:-1]):
        value = filled[k + 1]
        if not title and _TITLE_KEY.match(line):
            title = _lone_title(value, labelled_line=True)
        elif not employer and _EMPLOYER_KEY.match(line) and looks_like_header(value) and not _TITLE_KEY.match(value):
            employer = clean(value) if not find_range(value) and not is_title(value) else ""
    if not title or any(w.position and title.casefold() == w.position.casefold() for w in work):
        return work
    return [*work, Work(name=employer, position=title)][:40]


def with_other_roles(lines: list[str], work: list[Work]) -> list[Work]:
    """Volunteer and leadership roles under other headings, written "Title, Organisation[, Place][, dates]"
    ("Secretary, Greenacre Baseball Club", "Volunteer, Habitat for Humanity, Muncie, Indiana, September 2010")."""
    added: list[Work] = []
    for raw in lines:
        line = strip_bullet(raw) if is_bullet(raw) else raw.strip()
        if not line or len(line) > 120 or line.endswith(".") or not looks_like_header(line):
            continue
        parts = header_parts(line)
        if len(parts) < 2 or re.match(r"(?i)(?:dr|mr|mrs|ms|prof)\.?\s", parts[0]) or len(parts[0].split()) > 4:
            continue
        title, org = _lone_title(parts[0], labelled_line=True), parts[1]
        if not line.startswith(f"{parts[0]}, "):
            continue  # "Title, Organisation" only: "Head: Strategy", "Developer (A/P)" are not
        if not title or heading_key(line) or is_title(org) or is_location(org) or find_single(org):
            continue
        if not org[:1].isupper() or any(not (w[:1].isupper() or w in _CONNECTORS) for w in org.split()):
            continue
        if len(org.split()) < 2 or re.search(
            r"(?i)\b(?:committee|chapter|council|board|conference|society|association|club)\b", org
        ):
            org = ""  # "Chairman, Diversity Committee": an office held in a body, not an employer
        if any(w.position == title and w.name == org for w in [*work, *added]):
            continue
        added.append(Work(name=org, position=title))
    return [*work, *added][:40] if added else work


def _trim_run(run: str) -> str:
    """A run of capitalised words without a dangling connector or full stop at its end."""
    ws = run.split()
    while ws and ws[-1].lower() in ("of", "and", "&", "for"):
        ws.pop()
    return clean(" ".join(ws).rstrip("."))


_NOT_EMPLOYER = re.compile(
    r"\b(?:awards?|prizes?|conferences?|seminars?|presentations?|workshops?|scholarships?)\b(?:\s+\d{4})?\s*$",
    re.IGNORECASE,
)
_DATE_LEFTOVER = re.compile(r"^(?:present|current|now|till date|to date)\s+(?=[A-Z0-9])")


_PLACE_OF_WORK = frozenset(
    {"store", "stores", "shop", "restaurant", "hotel", "bank", "cafe", "company", "inc", "ltd", "llc", "corp",
     "limited", "plc", "gmbh", "hospital", "clinic", "school", "college", "university", "agency"}
)  # fmt: skip


def _employer_before_title(position: str) -> tuple[str, str]:
    """ "Colesworthy store Sales Assistant": an employer ending in a company word, then the title."""
    ws = position.split()
    for k in range(2, len(ws)):
        head = ws[k - 1].lower().strip(",.")
        if head in _PLACE_OF_WORK and is_title(" ".join(ws[k:])):
            return " ".join(ws[:k]).rstrip(","), " ".join(ws[k:])
    return "", position


_PHRASE_OPENERS = frozenset({"since", "while", "during", "after", "before", "when", "with", "from", "through"})
_GENERIC_PLACES = frozenset({"university", "college", "school", "institute", "academy"})


def without_stray_names(work: list[Work], person: str) -> list[Work]:
    """An employer read from the person's own name (a page header repeated in the section) or from the end of a
    phrase ("later vice-chairman of ...", "under the payroll of ...": a lower-case word first, unlike "eBay") is
    not an employer; a role left with nothing that another role does not already say is dropped."""
    out: list[Work] = []
    for w in work:
        w.name = _DATE_LEFTOVER.sub("", w.name)  # "present K20 Center": the end of the dates before it
        if not w.name and w.position:
            w.name, w.position = _employer_before_title(w.position)
        if w.name and is_title(w.name) and not company_score(w.name) and w.position and not is_title(w.position):
            w.name, w.position = w.position, w.name  # "News 24/7" / "Newsreader": the role word names the title
        if w.name and _NOT_EMPLOYER.search(w.name):
            w.name = ""  # "TA Excellence Award", "PIHRA Conference 2000": an honour or an event
            if not w.position:
                continue
        if w.position and re.match(r"(?i)team size\b", w.position):
            w.position = ""  # "Team Size 15 Members": a detail of the project, not a title
        if w.name and not w.position and w.name.isupper() and len(w.name.split()) <= 2 and not company_score(w.name):
            continue  # "WEB SITES" alone: a heading the splitter did not know, not an employer
        first = w.name.split(" ", 1)[0] if w.name else ""
        if w.name and (
            (person and w.name.casefold() == person.casefold())
            or (first[:1].islower() and not any(c.isupper() for c in first))
            or first.casefold() in _PHRASE_OPENERS  # "Since moving to Santa Cruz in 2007"
            or re.search(r"\.\s+[A-Z][a-z]+ed\b", w.name)  # "Business. Worked with PIHRA": two sentences
            or (" " not in w.name and w.name.casefold() in COMPANY_WORDS | _GENERIC_PLACES)  # "University" alone
            or re.search(r"\bfrom the\b", w.name, re.IGNORECASE)  # "Connecticut from the James Beard Foundation"
            or re.fullmatch(r"(?i)(?:company|employer|organi[sz]ation)(?: name)?", w.name)  # a template's placeholder
            or re.fullmatch(r"(?:[A-Za-z]+\s)?[A-Za-z]*\d+\s+(?:and|to|-)\s+[A-Za-z]*\d+", w.name)  # "Grade 8 and 9"
        ):
            w.name = ""
            if not w.position or any(o.position == w.position for o in out):
                continue
        out.append(w)
    return out


_HEADLINE_SPLIT = re.compile(r"\s+(?:-|–|—|\||@|at)\s+")


def with_headline(label: str, work: list[Work]) -> list[Work]:
    """The headline under the name ("Architect - Microsoft India", "Legal assistant") names the current role: it
    gives the title of the role at that employer when the roles read lack one, or is the role itself when none
    was read. Both strings are the headline's own words."""
    pieces = [clean(p) for p in _HEADLINE_SPLIT.split(label, maxsplit=1)] if label else []
    if not pieces or not is_title(pieces[0]) or len(pieces[0].split()) > 6:
        return work
    title = pieces[0]
    employer = pieces[1] if len(pieces) > 1 and pieces[1] and not is_location(pieces[1]) else ""
    if employer:
        key = employer.casefold()
        same = [w for w in work if w.name and (key in w.name.casefold() or w.name.casefold() in key)]
        for w in same[:1]:
            if not w.position:
                w.position = title
        if same:
            return work
        return [Work(name=employer, position=title), *work]
    if not work:
        return [Work(position=title)]
    if not work[0].position or not is_title(work[0].position):  # "Project management": no role word, a guess
        work[0].position = title
    return work


def confident(work: Work) -> bool:
    """A role read outside the experience section: a title and an employer, or an employer named with a legal
    form or company word ("Royal Bank of Scotland, New Delhi Aug 2004 to Jan 2005"), with its dates."""
    if not work.name or not work.startDate:
        return False
    return bool(work.position and title_score(work.position)) or (not work.position and company_score(work.name) > 0)


def merge_in_order(text: str, work: list[Work], extra: list[Work]) -> list[Work]:
    if not extra:
        return work
    known = {(w.name, w.position) for w in work}
    merged = [*work, *(w for w in extra if (w.name, w.position) not in known)]
    return sorted(merged, key=lambda w: _position_in(text, w))


def _position_in(text: str, work: Work) -> int:
    where = text.find(work.name) if work.name else -1
    return where if where >= 0 else len(text)
