"""A resume's text and sections read into structure (JSON Resume): who, which roles where and when, what was done.

Every string is cut from the text (trimmed, bullets and labels removed, wrapped lines joined), never composed, so
what the user sees can be found in their resume. Reading is bounded (text length, lines, list sizes) and never
raises: a resume the reader does not understand gives an emptier structure, not an error."""

# ruff: noqa: RUF001  -- resume text is made of dashes, curly quotes and bullets

from __future__ import annotations

import logging
import re

from app.resumes.jsonresume import Basics, JsonResume, Location, Profile, Work
from app.resumes.sections import HEADINGS, heading_key, split_sections
from app.resumes.structure_dates import find_range, find_single
from app.resumes.structure_flat import is_flat, unflatten
from app.resumes.structure_role import lead_title
from app.resumes.structure_sections import (
    education_anywhere,
    parse_certificates,
    parse_education,
    parse_languages,
    parse_projects,
    parse_skills,
)
from app.resumes.structure_text import (
    COMPANY_WORDS,
    US_STATE,
    clean,
    company_score,
    header_parts,
    is_bullet,
    is_glyph_only,
    is_location,
    is_title,
    looks_like_header,
    strip_bullet,
    title_score,
    word_set,
    words,
)
from app.resumes.structure_work import parse_work

__all__ = ["STRUCTURE_VERSION", "parse_structure"]

logger = logging.getLogger(__name__)

STRUCTURE_VERSION = "s4"
MAX_TEXT = 200_000
MAX_LINES = 5000
MAX_FLAT_LINE = 3000

_EMAIL = re.compile(r"[\w.+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){1,5}")
_PHONE = re.compile(r"(?<![\w/])\+?\(?\d[\d ().-]{7,18}\d(?![\w/])")
_URL = re.compile(
    r"(?:https?://|www\.)[^\s,;|<>()]{2,200}|\b[\w-]{1,63}\.(?:com|io|dev|me|net|org|in|co)(?:/[^\s,;|]*)?\b"
)
_PROFILE = re.compile(
    r"(?:https?://)?(?:[a-z]{2,3}\.)?(?P<net>linkedin|github|gitlab)\.com/(?:in/|pub/)?(?P<user>[\w.-]{1,100})[^\s,;|]*",
    re.IGNORECASE,
)
# "Name: Jane Doe", "CV Jane Doe", "Resume Template Jane Doe", "RESUME - Jane Doe": what comes before the name
_NAME_LABEL = re.compile(
    r"^(?:.{0,60}?\bname\s*:\s*"
    r"|(?:(?:cv|resume|résumé|curriculum vitae|vita|template|sample|example)\b\s*(?:of\s+|[:\-–]\s*)?)+(?=\S))",
    re.IGNORECASE,
)
_CONTACT_START = re.compile(
    r"^(?:\S*@|\S*\d|(?:e-?mail|phone|mobile|cell|tel|address|website|linkedin|contact)\b)", re.IGNORECASE
)
_DIRECTION = re.compile(r"^(?:[NSEW]\.?|North|South|East|West)$")
_STREET = re.compile(r"^(?:st|street|ave|avenue|rd|road|blvd|lane|ln|drive|dr|way|court|ct)\.?,?$", re.IGNORECASE)
_NOT_NAME = re.compile(
    r"\b(?:resume|résumé|curriculum|vitae|cv|profile|page|contact|address|objective)\b",
    re.IGNORECASE,
)
_NAME_WORD = re.compile(
    r"^(?:[A-Z][a-z'’-]+|[A-Z][A-Z'’-]+|[A-Z]\.?|[A-Z][a-z]+[A-Z][a-z]+|Mc[A-Z][a-z]+|[A-Z][a-z]*['’][A-Z][a-z]+)\.?$"
)
_NOT_NAME_WORDS = word_set(
    """street st road rd avenue ave lane hall room center centre club city university college institute school
    company inc ltd llc limited dept department box apt suite floor building the and of for degree bachelors
    masters do not seeking key skills experience education summary profile objective strengths projects
    certifications qualifications languages interests hobbies references achievements awards personal details
    information professional technical career work engineering science technology management marketing sales
    business finance accounting design development software systems data computer electrical mechanical civil
    chemical"""
)
_CITY_REGION = re.compile(
    r"\b([A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+){0,2}), ([A-Z][A-Za-z]+(?: [A-Z][A-Za-z]+)?|[A-Z]{2})\b"
)
_NETWORKS = {"linkedin": "LinkedIn", "github": "GitHub", "gitlab": "GitLab"}
# Roles are also read under these headings, when confident: "Wine and Spirits Sales Experience" is too long a heading
# for the splitter, so its roles land under the skills heading before it. ("other" was tried: awards and
# memberships with years read as roles and cost more precision than they gave recall.)
_ALSO_ROLES_IN = ("skills",)


def parse_structure(text: str, sections: dict[str, str]) -> JsonResume:
    """The structure of a resume from its normalized text and its sections (app/resumes/sections.py)."""
    try:
        return _parse(text[:MAX_TEXT], sections)
    except Exception:  # the contract is "never raises": an unforeseen input must not fail the upload
        logger.exception("resume structure parsing failed; returning the contact details only")
        try:
            return JsonResume(basics=_basics(text[:MAX_TEXT], {}))
        except Exception:
            return JsonResume()


def _lines(section: str | None) -> list[str]:
    return (section or "").splitlines()[:MAX_LINES]


def _parse(text: str, sections: dict[str, str]) -> JsonResume:
    sections = {k: v[:MAX_TEXT] for k, v in sections.items() if isinstance(v, str)}
    if is_flat(text):  # one long line: its sections could not be found, so they are read again with breaks put back
        unflattened = unflatten(text)
        if max(len(line) for line in unflattened.splitlines()) <= MAX_FLAT_LINE:  # else not prose: leave it
            text, sections = unflattened, split_sections(unflattened)
    if "experience" not in sections:
        opened = _heading_opens_line(text)
        if opened != text:
            text, sections = opened, split_sections(opened)
    for key, value in _numbered_sections(text).items():  # "6. Employment History" is a heading too
        if key in ("experience", "education") and key not in sections:
            sections[key] = value
    work = parse_work(_lines(sections.get("experience")))
    if not sections.get("experience"):
        work = parse_work(_lines("\n".join(sections.get(k, "") for k in ("contact", "summary", "other"))))
        work = [w for w in work if w.name and w.position]
    work = _with_lone_titles(_lines(sections.get("experience")), work)
    work = _with_prose_roles(_lines(text), work)
    work = _with_labelled_roles(_lines(text), work)
    work = _with_other_roles(_lines(sections.get("other")), work)
    for key in _ALSO_ROLES_IN:
        if sections.get("experience") and sections.get(key):
            extra = [w for w in parse_work(_lines(sections[key])) if _confident(w)]
            work = _merge_in_order(text, work, extra)
    skills, language_lines = parse_skills(_lines(sections.get("skills")))
    languages = parse_languages([*language_lines, *_lines(sections.get("other")), *_lines(sections.get("contact"))])
    basics = _basics(text, sections)
    person = basics.name if basics.name and text.count(basics.name) > 1 else ""  # repeated: a page header
    work = _with_headline(basics.label, _without_stray_names(work, person))
    return JsonResume(
        basics=basics,
        work=work[:40],
        education=parse_education(_lines(sections.get("education"))) or education_anywhere(_lines(text)),
        skills=skills,
        projects=parse_projects(_lines(sections.get("projects"))),
        certificates=parse_certificates(_lines(sections.get("certifications"))),
        languages=languages,
    )


_EXPERIENCE_NAMES = "|".join(
    re.escape(name)
    for name in sorted((n for n, k in HEADINGS.items() if k == "experience" and " " in n), key=len)[::-1]
)
_GLUED_HEADING = re.compile(rf"^((?i:{_EXPERIENCE_NAMES}))\s*:?\s+(?=[A-Z][A-Za-z]+\s+[A-Z])", re.MULTILINE)


def _heading_opens_line(text: str) -> str:
    """ "Work Experience Carnegie Mellon University": a heading whose line break was lost runs into the first
    role; the line is split after it (only whitespace is replaced) when it is written as a heading."""

    def split(m: re.Match[str]) -> str:
        heading = m.group(1)
        return (
            f"{heading}\n"
            if heading_key(heading) == "experience" and (heading.istitle() or heading.isupper())
            else m.group(0)
        )

    return _GLUED_HEADING.sub(split, text, count=1)


_NUMBERED = re.compile(r"^\s*(?:\d{1,2}|[IVX]{1,4})[.)]\s+(\S.{0,60})$")


def _numbered_sections(text: str) -> dict[str, str]:
    """Sections under numbered headings ("5. Academic Studies:", "6. Employment History"), which the section
    splitter leaves unread because a heading there has no digits."""
    found: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in text.splitlines()[:MAX_LINES]:
        m = _NUMBERED.match(line)
        key = heading_key(m.group(1)) if m else None
        if key is None and m is None and current is not None and heading_key(line):
            current = None  # a plain heading ends the numbered section
            continue
        if key is not None:
            current = found.setdefault(key, [])
        elif current is not None:
            current.append(line)
    return {key: "\n".join(lines) for key, lines in found.items() if any(ln.strip() for ln in lines)}


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


def _with_lone_titles(lines: list[str], work: list[Work]) -> list[Work]:
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


def _with_prose_roles(lines: list[str], work: list[Work]) -> list[Work]:
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


def _with_labelled_roles(lines: list[str], work: list[Work]) -> list[Work]:
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


def _with_other_roles(lines: list[str], work: list[Work]) -> list[Work]:
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


def _without_stray_names(work: list[Work], person: str) -> list[Work]:
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


def _with_headline(label: str, work: list[Work]) -> list[Work]:
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


def _confident(work: Work) -> bool:
    """A role read outside the experience section: a title and an employer, or an employer named with a legal
    form or company word ("Royal Bank of Scotland, New Delhi Aug 2004 to Jan 2005"), with its dates."""
    if not work.name or not work.startDate:
        return False
    return bool(work.position and title_score(work.position)) or (not work.position and company_score(work.name) > 0)


def _merge_in_order(text: str, work: list[Work], extra: list[Work]) -> list[Work]:
    if not extra:
        return work
    known = {(w.name, w.position) for w in work}
    merged = [*work, *(w for w in extra if (w.name, w.position) not in known)]
    return sorted(merged, key=lambda w: _position_in(text, w))


def _position_in(text: str, work: Work) -> int:
    where = text.find(work.name) if work.name else -1
    return where if where >= 0 else len(text)


def _basics(text: str, sections: dict[str, str]) -> Basics:
    head = [ln.strip() for ln in text.splitlines()[:40] if ln.strip()]
    contact = [ln.strip() for ln in _lines(sections.get("contact")) if ln.strip()] or head[:8]
    name, name_at = _name(head[:12])
    email = _EMAIL.search(text)
    phone = _phone(contact) or _phone(head)
    profiles, url = _links(text[:20_000])
    summary = " ".join(
        strip_bullet(ln) for ln in _lines(sections.get("summary")) if ln.strip() and not is_glyph_only(ln)
    )
    return Basics(
        name=name,
        label=_label(head, name_at),
        email=email.group(0)[:200] if email else "",
        phone=phone,
        url=url,
        summary=summary[:2000],
        location=_location(contact),
        profiles=profiles,
    )


def _name(lines: list[str]) -> tuple[str, int]:
    for index, raw in enumerate(lines):
        line = _NAME_LABEL.sub("", raw)
        if _EMAIL.search(line.split(" ", 1)[0]) or heading_key(line) is not None:
            continue
        candidate = _name_prefix(line)
        if (
            candidate
            and not _NOT_NAME.search(candidate)
            and not is_location(candidate)
            and not re.fullmatch(r"[A-Z]{2}", candidate.rsplit(" ", 1)[-1])
            and not re.match(r"\s*,\s*[A-Z]{2}(?:\s+\d{4,5})?\s*$", line[len(candidate) :])  # "Morris Plains, NJ 07950"
        ):
            return candidate[:200], index
    return "", -1


def _name_prefix(line: str) -> str:
    """The leading words of a line that can be a person's name: "Allen Neal King" of "Allen Neal King ESB
    Integration Developer - Cisco Systems", "Jane Example" of "Jane Example | jane@example.com"."""
    taken: list[str] = []
    tokens = re.split(r"\s+", line.strip())[:7]
    for k, token in enumerate(tokens[:6]):
        word = token.rstrip(",")
        if k + 1 < len(tokens) and _STREET.match(tokens[k + 1]):
            break  # "Cristen Devin Konopelski West St., Chicago": the street starts here
        if k + 2 < len(tokens) and _DIRECTION.match(word) and _STREET.match(tokens[k + 2]):
            break  # "Jacinto Erdman W. Clybourn St."
        if (
            word.lower() in ("flat", "unit", "apt", "suite", "house")
            and k + 1 < len(tokens)
            and tokens[k + 1][:1].isdigit()
        ):
            break  # "Saul Sauer Flat 5a"
        if not _NAME_WORD.match(word) or title_score(word) or word.lower() in _NOT_NAME_WORDS:
            break
        if taken and len(word) > 2 and word.isupper() != taken[-1].isupper():
            break  # "Trevor Keeling PROSPER": a change of case ends the name
        ends = word.endswith(".") and len(word) > 2
        taken.append(word.rstrip(".") if ends else word)
        if ends or token.endswith(",") or len(taken) == 5:
            break
    if len(taken) < 2:
        return ""
    rest = line.strip()[len(" ".join(taken)) :].strip()
    if rest[:1] == ".":
        return " ".join(taken)
    headline = title_score(" ".join(rest.split()[:4])) > 0
    case_change = rest.split()[0].isupper() and not taken[-1].isupper() if rest else False
    if rest and not headline and not case_change and rest[:1].isalpha() and not _contact_follows(rest):
        return ""  # the start of a sentence or a phrase, not a name on its own
    return " ".join(taken)


def _contact_follows(rest: str) -> bool:
    """ "Corina Conroy OCrona@yahoo.com", "Bob Dibbert Email: ...", "Edmund Stehr Decker St., Detroit"."""
    tokens = rest.split()
    return bool(_CONTACT_START.match(rest)) or (len(tokens) > 1 and bool(_STREET.match(tokens[1])))


def _label(head: list[str], name_at: int) -> str:
    """The headline under the name ("Data Analyst", "Architect - Microsoft India")."""
    if name_at >= 0:
        for line in head[name_at + 1 : name_at + 4]:
            if _EMAIL.search(line) or _PHONE.search(line) or _URL.search(line) or heading_key(line):
                continue
            if looks_like_header(line) and title_score(line) and not find_range(line):
                return clean(line)
    for line in head[:4]:  # "Copy Writer CV Resume Template", "Software Intern Resume Sample": the document's title
        m = _DOCUMENT_TITLE.match(line.strip())
        if (
            m
            and is_title(m.group(1))
            and len(m.group(1).split()) <= 5
            and not re.search(r"(?i)\b(?:sample|template|example|page|entry level)\b", m.group(1))
        ):
            return clean(m.group(1))
    return ""


_DOCUMENT_TITLE = re.compile(
    r"^([A-Z][\w/&.'-]*(?:\s+[\w/&.'-]+){0,5}?)\s+(?:(?:cv|resume|résumé|curriculum vitae)\b\s*)+"
    r"(?:template|sample|example|format)?\s*$",
    re.IGNORECASE,
)


def _phone(lines: list[str]) -> str:
    for line in lines:
        for m in _PHONE.finditer(line):
            digits = sum(c.isdigit() for c in m.group(0))
            if 9 <= digits <= 15 and not find_range(m.group(0)):
                return m.group(0).strip()[:40]
    return ""


def _links(text: str) -> tuple[list[Profile], str]:
    profiles: list[Profile] = []
    seen: set[str] = set()
    for m in _PROFILE.finditer(text):
        network = _NETWORKS[m.group("net").lower()]
        if network not in seen and len(profiles) < 10:
            seen.add(network)
            profiles.append(Profile(network=network, username=m.group("user")[:200], url=m.group(0)[:200]))
    url = ""
    for m in _URL.finditer(text):
        found = m.group(0).rstrip(".")
        start = m.start()
        if "@" in text[max(0, start - 1) : start + 1] or _PROFILE.search(found) or "indeed.com" in found.lower():
            continue
        url = found[:200]
        break
    return profiles, url


def _location(contact: list[str]) -> Location:
    for line in contact[:12]:
        for part in re.split(r"\s*[|•·]\s*|\s+-\s+", line):
            m = _CITY_REGION.search(part)
            if m and (is_location(m.group(0)) or US_STATE.match(m.group(2))):
                return Location(city=m.group(1)[:200], region=m.group(2)[:200])
    return Location()
