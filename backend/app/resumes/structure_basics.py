"""A resume's basics (JSON Resume `basics`): the name, the headline under it, e-mail, phone, links and the place,
read from the lines before the first section. Part of `structure.py`; every string is cut from the text."""

# ruff: noqa: RUF001  -- resume text is made of dashes, curly quotes and bullets

from __future__ import annotations

import re

from app.resumes.jsonresume import Basics, Location, Profile
from app.resumes.sections import heading_key
from app.resumes.structure_dates import find_range
from app.resumes.structure_text import (
    US_STATE,
    clean,
    is_glyph_only,
    is_location,
    is_title,
    looks_like_header,
    section_lines,
    strip_bullet,
    title_score,
    word_set,
)

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


def basics(text: str, sections: dict[str, str]) -> Basics:
    head = [ln.strip() for ln in text.splitlines()[:40] if ln.strip()]
    contact = [ln.strip() for ln in section_lines(sections.get("contact")) if ln.strip()] or head[:8]
    name, name_at = _name(head[:12])
    email = _EMAIL.search(text)
    phone = _phone(contact) or _phone(head)
    profiles, url = _links(text[:20_000])
    summary = " ".join(
        strip_bullet(ln) for ln in section_lines(sections.get("summary")) if ln.strip() and not is_glyph_only(ln)
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
