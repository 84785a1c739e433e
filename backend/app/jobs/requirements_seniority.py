"""Seniority from a posting's title, else from the years it asks (see `requirements.py`)."""

from __future__ import annotations

import re
from typing import Literal

Seniority = Literal["intern", "junior", "mid", "senior", "lead", "principal", "manager", "director", "executive"]
SENIORITY_ORDER: tuple[Seniority, ...] = (
    "intern", "junior", "mid", "senior", "lead", "principal", "manager", "director", "executive",
)  # fmt: skip


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Seniority from the title. "Staff" is read as senior: it is a senior individual contributor without a team to
# lead, and the scale has no step between senior and lead that would fit it better.
_TITLE_LEVELS: dict[str, Seniority] = {
    "intern": "intern", "internship": "intern", "trainee": "intern", "apprentice": "intern", "werkstudent": "intern",
    "junior": "junior", "jr": "junior", "graduate": "junior",
    "mid": "mid", "intermediate": "mid", "senior": "senior", "sr": "senior", "staff": "senior",
    "lead": "lead", "principal": "principal", "distinguished": "principal", "manager": "manager",
    "director": "director", "head": "director", "vp": "executive", "svp": "executive", "evp": "executive",
    "cto": "executive", "ceo": "executive", "cfo": "executive", "coo": "executive", "cio": "executive",
    "ciso": "executive", "cpo": "executive", "chief": "executive", "president": "executive",
}  # fmt: skip
_STAFF_ROLES = _words(
    "engineer software data machine ml backend back frontend front full fullstack platform site security product "
    "research infrastructure systems mobile ios android scientist developer designer devops cloud applied ai "
    "reliability"
)
_ROMAN: dict[str, Seniority] = {"I": "junior", "II": "mid", "III": "senior"}
_TITLE_TOKEN = re.compile(r"[A-Za-z]+|[/|]|(?<=[A-Za-z])-(?=[A-Za-z])")
# "Product Manager", "Account Manager" name a job, not a level of seniority.
_ROLE_MANAGERS = _words(
    "product project program programme account accounts category case community content office property "
    "relationship success brand campaign partner partnership partnerships release delivery territory operations "
    "marketing social event events"
)


def _not_a_level(words: list[str], i: int, following: str) -> bool:
    """ "Member of Technical Staff", "Staff Accountant", "Head Chef", "Product Manager"."""
    low = words[i]
    return (
        (low == "staff" and following not in _STAFF_ROLES)
        or (low == "head" and following != "of")
        or (low == "manager" and i > 0 and words[i - 1] in _ROLE_MANAGERS)
    )


def title_seniority(title: str) -> Seniority | None:
    """The level a title names; alternatives ("Mid / Senior", "Junior-Mid") give the lower one, a combination
    ("Senior Manager", "Senior Director") the higher one."""
    tokens = _TITLE_TOKEN.findall(title[:300])
    words = [t.lower() for t in tokens]

    def following(i: int) -> str:
        j = i + 1 + (i + 1 < len(words) and words[i + 1] == "-")
        return words[j] if j < len(words) else ""

    found: list[tuple[int, Seniority]] = []
    for i, low in enumerate(words):
        level = _TITLE_LEVELS.get(low)
        if low in ("entry", "mid") and following(i) == "level":
            level = "junior" if low == "entry" else "mid"
        elif low == "co" and following(i) == "op":
            level = "intern"
        elif _not_a_level(words, i, following(i)):
            level = None
        elif low == "graduate" and following(i) in ("student", "research"):
            level = "intern"
        elif tokens[i] in _ROMAN and i:
            level = _ROMAN[tokens[i]]
        if level is not None:
            found.append((i, level))
    if found and not {"assistant", "coordinator", "secretary", "to"}.isdisjoint(words):
        found = [(i, s) for i, s in found if SENIORITY_ORDER.index(s) < SENIORITY_ORDER.index("manager")]
    if not found:
        return None
    ranks = [SENIORITY_ORDER.index(level) for _, level in found]
    (i, _), (j, _) = found[0], found[-1]
    between = words[i + 1 : j]
    alternatives = bool(between) and all(w in ("/", "|", "-", "or", "to") for w in between)
    return SENIORITY_ORDER[min(ranks) if alternatives else max(ranks)]


def years_seniority(years: int | None) -> Seniority | None:
    if years is None:
        return None
    return "junior" if years <= 1 else "mid" if years <= 4 else "senior"
