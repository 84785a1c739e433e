"""Where and on what terms a posting can be worked: remote/hybrid/onsite, visa sponsorship, and the hard rules on
location, citizenship, work authorisation and security clearance (see `requirements.py`).

These rules can hide a job from a user, so each needs an explicit phrase: a requirement word ("must", "only",
"required") next to a place, or a sponsorship sentence about visas. A time zone ("EU timezones", "overlap with US
hours") states working hours, not residence, and creates no rule; neither does "This position is based in London"
(the job's place, already in its location) nor "Remote (United States)" without "only".
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from app.jobs.requirements_rules import trim
from app.jobs.requirements_sections import Unit, lower

Remote = Literal["remote", "hybrid", "onsite"]
Sponsorship = Literal["none", "offered"]
LocationKind = Literal["located_in", "citizenship", "work_authorization", "clearance"]
MAX_LOCATION_RULES = 10


@dataclass(frozen=True)
class LocationRule:
    kind: LocationKind
    place: str | None  # "EU", "United States", "Germany", "UK"... (None for clearance)
    text: str


# Canonical place → its names as nouns ("in Germany"); adjectives ("German citizens") only count for citizenship, so
# "German only" (a language) is no place. `_CASED` abbreviations are matched as written ("US", never "us").
_PLACES: dict[str, tuple[str, ...]] = {
    "United States": ("united states of america", "united states", "america"), "UK": ("united kingdom",
    "great britain", "britain", "england"), "EU": ("european union", "eu member states", "eu member state"),
    "Europe": ("europe",), "EEA": ("european economic area",), "Canada": ("canada",), "Germany": ("germany",),
    "France": ("france",), "Netherlands": ("the netherlands", "netherlands"), "Spain": ("spain",),
    "Portugal": ("portugal",), "Italy": ("italy",), "Ireland": ("ireland",), "Poland": ("poland",),
    "Romania": ("romania",), "Sweden": ("sweden",), "Norway": ("norway",), "Denmark": ("denmark",),
    "Finland": ("finland",), "Switzerland": ("switzerland",), "Austria": ("austria",), "Belgium": ("belgium",),
    "Australia": ("australia",), "New Zealand": ("new zealand",), "India": ("india",), "Israel": ("israel",),
    "Japan": ("japan",), "Singapore": ("singapore",), "Brazil": ("brazil",), "Mexico": ("mexico",),
    "Argentina": ("argentina",), "Colombia": ("colombia",), "South Africa": ("south africa",),
    "Philippines": ("the philippines", "philippines"), "Ukraine": ("ukraine",), "Czechia": ("czech republic",
    "czechia"), "Greece": ("greece",), "Hungary": ("hungary",), "China": ("china",), "Estonia": ("estonia",),
    "Scotland": ("scotland",), "North America": ("north america",), "Latin America": ("latin america", "latam"),
    "APAC": ("asia pacific",), "EMEA": ("emea",),
}  # fmt: skip
_ADJECTIVES: dict[str, str] = {
    "american": "United States", "british": "UK", "european": "EU", "canadian": "Canada", "german": "Germany",
    "french": "France", "dutch": "Netherlands", "spanish": "Spain", "portuguese": "Portugal", "italian": "Italy",
    "irish": "Ireland", "polish": "Poland", "swedish": "Sweden", "norwegian": "Norway", "danish": "Denmark",
    "finnish": "Finland", "swiss": "Switzerland", "austrian": "Austria", "australian": "Australia",
    "indian": "India", "israeli": "Israel", "japanese": "Japan", "singaporean": "Singapore",
    "brazilian": "Brazil", "mexican": "Mexico", "south african": "South Africa", "new zealand": "New Zealand",
}  # fmt: skip
_CASED: dict[str, str] = {
    "US": "United States", "U.S.": "United States", "USA": "United States", "U.S.A.": "United States",
    "U.S": "United States", "UK": "UK", "U.K.": "UK", "EU": "EU", "E.U.": "EU", "EEA": "EEA", "UAE": "UAE",
    "NZ": "New Zealand", "LATAM": "Latin America", "APAC": "APAC", "EMEA": "EMEA", "DACH": "DACH",
}  # fmt: skip
_BY_NAME = {name: place for place, names in _PLACES.items() for name in names}


def _alternation(names: Iterable[str]) -> str:
    return "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))


_NOUN = rf"(?:(?i:{_alternation(_BY_NAME)})|{_alternation(_CASED)})(?![\w])"
_ADJ = rf"(?:(?i:{_alternation(_ADJECTIVES)})|{_alternation(_CASED)})(?![\w])"
_NOUN_RE = re.compile(_NOUN)
_PLACE_AT = re.compile(rf"(?i:the\s)?(?P<place>{_NOUN})")
_MORE_PLACE = re.compile(r"(?:,\s?|\s(?:or|and|and/or)\s|\s?/\s?)")


def place_of(name: str) -> str:
    return _CASED.get(name) or _BY_NAME.get(name.lower()) or _ADJECTIVES.get(name.lower()) or name


def _places_at(text: str, start: int, named: bool = False) -> list[str]:
    """The places written from `start`: "the US or Canada" → ["United States", "Canada"]; with `named`, also places
    the gazetteer does not know, as written ("New York or the Bay Area")."""
    out: list[str] = []
    intro = _LIST_INTRO.match(text, start)
    position = intro.end() if intro else start
    while len(out) < 4:
        match = _PLACE_AT.match(text, position) or (_NAMED.match(text, position) if named else None)
        if match is None:
            break
        if _HOURS.match(text, match.end()):
            break  # "based in US time zones", "able to work in UK hours": working hours, not a place
        if "place" in match.groupdict():
            out.append(place_of(match.group("place")))
        else:
            name = match.group("name").rstrip(".'\u2019-")
            if not name or not _NOT_NAMED.isdisjoint(name.lower().split()):
                break
            out.append(name)
        more = _MORE_PLACE.match(text, match.end())
        if more is None:
            break
        position = more.end()
    return out


# Regions a rule may name, by the countries of the gazetteer they hold (EU: its member states above; Europe: those
# and the rest of Europe). A user's place inside one meets a rule naming it.
_EU = frozenset(
    [
        "Germany",
        "France",
        "Netherlands",
        "Spain",
        "Portugal",
        "Italy",
        "Ireland",
        "Poland",
        "Romania",
        "Sweden",
        "Denmark",
        "Finland",
        "Austria",
        "Belgium",
        "Czechia",
        "Greece",
        "Hungary",
        "Estonia",
    ]
)
_REGIONS: dict[str, frozenset[str]] = {
    "EU": _EU,
    "EEA": _EU | {"Norway"},
    "Europe": _EU | {"UK", "Scotland", "Norway", "Switzerland", "Ukraine", "EU", "EEA", "DACH"},
    "EMEA": _EU
    | {
        "UK",
        "Scotland",
        "Norway",
        "Switzerland",
        "Ukraine",
        "Israel",
        "South Africa",
        "UAE",
        "EU",
        "EEA",
        "Europe",
        "DACH",
    },
    "DACH": frozenset({"Germany", "Austria", "Switzerland"}),
    "UK": frozenset({"Scotland"}),
    "North America": frozenset({"United States", "Canada", "Mexico"}),
    "Latin America": frozenset({"Mexico", "Brazil", "Argentina", "Colombia"}),
    "APAC": frozenset({"Australia", "New Zealand", "India", "Japan", "Singapore", "Philippines", "China"}),
}


@functools.lru_cache(maxsize=1024)
def places_in(text: str) -> frozenset[str]:
    """The gazetteer's places a user's own words name ("Berlin, Germany" → {"Germany"}; "the EU" → {"EU"})."""
    return frozenset(place_of(match.group(0)) for match in _NOUN_RE.finditer(text[:200]))


def place_covers(rule_place: str, mine: frozenset[str]) -> bool | None:
    """Whether a user in `mine` meets a rule naming `rule_place`; None when neither names a known place."""
    if not mine or (rule_place not in _PLACES and rule_place not in _CASED.values() and rule_place not in _REGIONS):
        return None
    inside = _REGIONS.get(rule_place, frozenset())
    return any(p == rule_place or p in inside for p in mine)


_LIST_INTRO = re.compile(
    r"(?i:one\sof\s(?:the\sfollowing|these)|the\sfollowing|these)(?:\s(?i:countries|locations|states|regions))?:?\s?"
)
_HOURS = re.compile(r"\s?(?i:time\s?zones?|hours|business\shours|working\shours|overlap)\b")
# After "must be located in": a place the gazetteer does not know, as written ("Berlin", "the Bay Area").
_NAMED = re.compile(r"(?:the\s|our\s)?(?P<name>[A-Z][\w.'\u2019-]*(?:\s[A-Z][\w.'\u2019-]*){0,2})")
_NOT_NAMED = frozenset({"time", "zone", "timezone", "timezones", "hours", "office", "offices", "one", "any", "all", "a",
                        "an", "the", "our", "this", "that", "your", "order", "person"})  # fmt: skip


_LOCATED = re.compile(
    r"\b(?:(?:must|need\sto|needs\sto|have\sto|has\sto|required\sto|should|will\sneed\sto|you're|you\sare|"
    r"you\u2019re)\s(?:currently\s|already\s|physically\s|permanently\s)?(?:be\s)?(?:located|based|living|residing|"
    r"resident|reside|live)|only\s(?:open\sto|accepting|considering|hiring|available\sto)\s(?:candidates\s|"
    r"applicants\s|people\s|residents\s|talent\s)?(?:who\sare\s)?(?:located\s|based\s|living\s|residing\s)?)"
    r"\s?(?:in|within|from|of)\s",
    re.IGNORECASE,
)
_ONLY = re.compile(
    rf"(?<![\w.])(?P<place>{_NOUN})[\s-](?i:(?:based\s(?:candidates|applicants)\s)?(?:residents\s)?only)\b"
)
_PEOPLE = re.compile(r"\b(?:remote|candidates?|applicants?|residents?|based|located|hire|hiring|applications?|"
                     r"open\sto|eligible|work|role|position|job)\b")  # fmt: skip
_CITIZEN = re.compile(
    rf"(?<![\w.])(?P<place>{_NOUN}|{_ADJ})\s(?i:citizens?|citizenship|nationals|nationality)\b"
    rf"|\b(?i:an?\s)(?P<one>{_NOUN}|{_ADJ})\s(?i:national)\b"
    rf"|\b(?i:citizens?|citizenship|nationals?)\s(?i:of|in)\s(?i:the\s)?(?P<of>{_NOUN})"
)
_CITIZEN_NEED = re.compile(r"\b(?:must|required|requires|require|requirement|only|need|needs|eligible|hold|possess|"
                           r"mandatory|have\sto|citizens?\sor|restricted|limited)\b")  # fmt: skip
_AUTHORIZED = re.compile(
    r"\b(?:authori[sz]ed|eligible|permitted|entitled|allowed|legally\sable|right|authori[sz]ation|permission|"
    r"eligibility|legally)\s(?:to\s)?(?:legally\s)?(?:work|be\semployed|live\sand\swork)\s"
    r"(?:permanently\s|full[\s-]time\s)?"
    r"(?:in|within|for)\s|\bwork\s(?:permit|authori[sz]ation|visa)\s(?:for|in)\s",
    re.IGNORECASE,
)
_AUTHORIZED_ADJ = re.compile(
    rf"(?<![\w.])(?P<place>{_NOUN})\s(?i:work\s(?:authori[sz]ation|permit|visa)|right\sto\swork)"
)
_NEED = re.compile(r"\b(?:must|required|require|requires|need|needs|only|should|have\sto|necessary|mandatory|"
                   r"prerequisite|valid|proof|you\shave|you\shold|applicants|candidates)\b")  # fmt: skip
_CLEARANCE = re.compile(
    r"\b(?:security|secret|top[\s-]secret|ts/sci|ts|sc|dv|nv1|nv2|baseline|public[\s-]trust|government|federal|dod)"
    r"[\s-](?:level\s)?clearances?\b|\bsecurity[\s-]cleared\b|\bts/sci\b",
    re.IGNORECASE,
)
_NOT_CLEARANCE = re.compile(r"\b(?:no|not|without)\s(?:\w+\s){0,2}clearance|clearance\s(?:is\s)?not\s")


def location_rules(units: Iterable[Unit], title: str) -> list[LocationRule]:
    """Location, citizenship, work-authorisation and clearance rules, each once per (kind, place). Rules of one
    kind are alternatives ("located in the US or Canada" is two rules; either satisfies it)."""
    out: list[LocationRule] = []
    seen: set[tuple[str, str | None]] = set()

    def add(kind: LocationKind, place: str | None, text: str, at: int) -> None:
        if (kind, place) not in seen and len(out) < MAX_LOCATION_RULES:
            seen.add((kind, place))
            out.append(LocationRule(kind, place, trim(text, at)))

    for text, span in [(title, None), *((u.text, u.optional) for u in units)]:
        if len(out) >= MAX_LOCATION_RULES:
            break
        low = lower(text)
        if span is not None and span[0] == 0:
            continue  # "Ideally based in the EU", "Clearance is a plus": a wish, not a rule
        found: list[tuple[LocationKind, str | None, int]] = []
        if "only" in low and _PEOPLE.search(low):
            found += [("located_in", place_of(m.group("place")), m.start()) for m in _ONLY.finditer(text)]
        if any(w in low for w in ("locat", "based", "resid", "live", "only")):
            found += [("located_in", p, m.start()) for m in _LOCATED.finditer(text)
                      for p in _places_at(text, m.end(), named=True)]  # fmt: skip
        if any(w in low for w in ("citizen", "national")) and _CITIZEN_NEED.search(low):
            found += [("citizenship", place_of(m.group("place") or m.group("of") or m.group("one")), m.start())
                      for m in _CITIZEN.finditer(text)]  # fmt: skip
        if "work" in low and _NEED.search(low):
            found += [("work_authorization", p, m.start()) for m in _AUTHORIZED.finditer(text)
                      for p in _places_at(text, m.end())[:1]]  # fmt: skip
            found += [("work_authorization", place_of(m.group("place")), m.start())
                      for m in _AUTHORIZED_ADJ.finditer(text)]  # fmt: skip
        if "clear" in low and not _NOT_CLEARANCE.search(low) and (m := _CLEARANCE.search(text)):
            found.append(("clearance", None, m.start()))
        for kind, place, at in found:
            if span is None or at < span[0]:  # "…, ideally based in the EU" wishes for the rest of the sentence
                add(kind, place, text, at)
    return out


_N = r"(?:[1-5]|one|two|three|four|five)"
_DAYS_NUMBER = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5}
_OFFICE_DAYS = re.compile(
    rf"\b(?P<a>{_N})(?:\s?(?:-|\u2013|to|or)\s?{_N})?\s(?:days?|x)\s(?:a\s|per\s|each\s|every\s|/\s?)?(?:week\s)?"
    r"(?:in|at|from|on)\s(?:the\s|our\s|an\s|a\s)?(?:[\w.-]+\s){0,2}?(?:office|offices|hq|headquarters|studio|site|"
    r"campus)\b"
    rf"|\b(?:in[\s-]office|in[\s-]person|on[\s-]?site|office)\s(?:for\s)?(?:at\sleast\s)?(?P<b>{_N})"
    rf"(?:\s?(?:-|\u2013|to)\s?{_N})?\s(?:days?|x)\b"
)
_HOME_DAYS = re.compile(
    rf"\b(?P<n>{_N})(?:\s?(?:-|\u2013|to|or)\s?{_N})?\s(?:days?|x)\s(?:a\s|per\s|each\s|every\s|/\s?)?(?:week\s)?"
    r"(?:from\shome|remote(?:ly)?|wfh|of\s(?:remote\swork|home\soffice|working\sfrom\shome))\b"
)


def _days(number: str) -> int:
    return int(number) if number.isdigit() else _DAYS_NUMBER.get(number, 0)


_HYBRID = re.compile(
    r"\bhybrid\b(?![\s-](?:cloud|clouds|multi|apps?|applications?|mobile|infrastructure|architectures?|vehicles?|"
    r"cars?|solutions?|networks?|integration|systems?|it|data|deployments?|search|ai|models?|approach|events?|"
    r"environments?\sacross|threats?|engines?|warfare|electric|development))"
)
_REMOTE = re.compile(
    r"\b(?:fully|100\s?%|completely|entirely|totally|permanently)[\s-]remote(?:ly)?\b"
    r"|(?<!not\s)\bremote[\s-](?:first|only)\b"
    r"|\b(?:fully|100\s?%|full[\s-]time)\s(?:work\sfrom\shome|wfh|home[\s-]based)\b"
    r"|\b(?:this|the)\s(?:role|position|job|opportunity)\s(?:is|will\sbe|can\sbe)\s(?:a\s)?(?:fully\s)?remote\b"
    r"|\bwork\s(?:fully\s)?remotely\b|\bwork\sfrom\sanywhere\b|\bremote\s(?:role|position|job|opportunity)\b"
    r"|\b(?:are|is)\sa\s(?:fully[\s-])?remote\s(?:company|team|role|position|job)\b"
)
_ONSITE = re.compile(
    r"\b(?:on[\s-]?site|in[\s-]office|in[\s-]person|office[\s-]based)\s(?:role|position|job|only|requirement)\b"
    r"|\b(?:this|the)\s(?:role|position|job)\s(?:is|will\sbe)\s(?:an?\s)?(?:fully\s)?(?:on[\s-]?site|in[\s-]office|"
    r"in[\s-]person|office[\s-]based)\b|\bnot\s(?:a\s)?(?:fully\s)?remote\b(?![\s-](?:first|friendly))"
    r"|\bno\sremote\b|\bnon[\s-]remote\b"
    r"|\bremote\s(?:work\s|working\s)?(?:is\s)?not\s(?:possible|available|an\soption|offered)\b"
    r"|\bfully\s(?:on[\s-]?site|in[\s-]office|in[\s-]person)\b"
)
_LABEL = re.compile(
    r"^(?:location|workplace(?:\stype)?|work(?:ing)?\s(?:model|arrangement|mode|location|style|setup|type|place)|"
    r"job\stype|remote|type|where)\s?:\s?(?P<v>remote|fully\sremote|100\s?%\sremote|hybrid|on[\s-]?site|in[\s-]office|"
    r"office[\s-]based|in[\s-]person|yes)\b"
    r"|^(?P<alone>remote|hybrid|on[\s-]?site)(?:\s?[(\-\u2013\u2014,:/|]|\s(?:in|within|from|only|role|position|job|"
    r"opportunity|ok)\b|$)"
)
_TITLE_MODE = re.compile(
    r"\b(?P<remote>remote)\b(?!\s(?:sensing|monitoring|patient|pilot|operat\w*|control\w*))"
    r"|\b(?P<hybrid>hybrid)\b|\b(?P<onsite>on[\s-]?site|in[\s-]office)\b"
)
# Sentences that describe other roles or exceptions ("Many teams do offer hybrid options") decide nothing.
_CONDITIONAL = re.compile(
    r"\b(?:if|unless|except|exceptional|some\sroles|some\spositions|many\steams|certain\sroles|may|might|depending|"
    r"occasional|occasionally)\b"
)


_MODES: dict[str, Remote] = {"remote": "remote", "hybrid": "hybrid", "onsite": "onsite"}


def _mode(word: str) -> Remote:
    word = word.lower()
    return "hybrid" if word.startswith("hybrid") else "onsite" if "remote" not in word and word != "yes" else "remote"


def remote_mode(units: Iterable[Unit], title: str) -> Remote | None:
    """Remote, hybrid or onsite: from the title, else a label ("Location: Remote", a line "Hybrid"), else the
    sentences. Office days decide between hybrid (1-4) and onsite (5); a hybrid sentence outweighs a remote one;
    remote and onsite sentences together say nothing."""
    low_title = lower(title)
    title_mode = _TITLE_MODE.search(low_title)
    if title_mode and "not remote" not in low_title:
        return _MODES[title_mode.lastgroup or "remote"]
    found: set[Remote] = set()
    for unit in units:
        low = lower(unit.text).strip(" -*\u2022")
        label = _LABEL.match(low)
        if label and (label.group("v") or (len(low) <= 80 and not _ONSITE.search(low))):
            return _mode(label.group("v") or label.group("alone"))
        if not any(w in low for w in ("remot", "hybrid", "office", "site", "person", "anywhere", "day", "home")):
            continue
        if _CONDITIONAL.search(low):
            continue
        days = _OFFICE_DAYS.search(low)
        if days:
            found.add("onsite" if _days(days.group("a") or days.group("b")) == 5 else "hybrid")
        home = _HOME_DAYS.search(low)
        if home:
            found.add("remote" if _days(home.group("n")) == 5 else "hybrid")
        if _HYBRID.search(low):
            found.add("hybrid")
        if _ONSITE.search(low):
            found.add("onsite")
        elif _REMOTE.search(low):
            found.add("remote")
    if "hybrid" in found:
        return "hybrid"
    return next(iter(found)) if len(found) == 1 else None


_VISA = re.compile(
    r"\b(?:visas?|immigration|h-?1b|work\s(?:permits?|authori[sz]ation)|right\sto\swork|authori[sz]ed\sto\swork|"
    r"green\scard|employment|relocat\w*|candidates|applicants|this\s(?:role|position|job)|at\sthis\stime|"
    r"now\sor\sin\sthe\sfuture)\b"
)
_VISA_STRICT = re.compile(r"\b(?:visas?|immigration|h-?1b|work\s(?:permits?|visas?)|relocat\w*)\b")
_NO_SPONSOR = re.compile(
    r"\b(?:unable|not\sable|cannot|can\snot|can't|can\u2019t|won't|won\u2019t|will\snot|do\snot|don't|don\u2019t|"
    r"does\snot|doesn't|not\sin\sa\sposition|no\slonger|not\scurrently)\s(?:to\s)?(?:currently\s|presently\s)?"
    r"(?:offer\s|provide\s|support\s|consider\s)?(?:visa\s|immigration\s|employment\s|work\s|h-?1b\s)?sponsor"
    r"|\bno\s(?:visa\s|immigration\s|h-?1b\s|work\svisa\s|employment\s)?sponsorship\b"
    r"|\bsponsorship\s(?:is\s|will\s|can\s)?not\s(?:be\s)?(?:available|offered|provided|possible|an\soption|"
    r"supported)\b|\bsponsorship\s(?:is\s)?unavailable\b"
    r"|\bwithout\s(?:the\s)?(?:need\s(?:for|of)\s)?(?:current\sor\sfuture\s|present\sor\sfuture\s|any\s|employer\s|"
    r"company\s)?(?:visa\s|immigration\s|employer\s|h-?1b\s)?sponsorship\b"
    r"|\b(?:not|never)\s(?:now\sor\sin\sthe\sfuture\s)?(?:require|need)\s(?:current\sor\sfuture\s|any\s|employer\s)?"
    r"(?:visa\s|immigration\s|employer\s)?sponsorship\b"
    r"|\b(?:not\seligible|ineligible|not\squalify)\sfor\s(?:visa\s|immigration\s)?sponsorship\b"
    r"|\brequir\w{1,3}\s(?:visa\s|immigration\s)?sponsorship\s(?:now\sor\sin\sthe\sfuture\s)?(?:will\snot|won't|"
    r"cannot|are\snot|is\snot)\b"
)
_OFFER_SPONSOR = re.compile(
    r"\b(?:visa|immigration|h-?1b|work\spermit)\s(?:sponsorship|support|assistance|sponsor)\b"
    r"|\b(?:we|will|can|able\sto|happy\sto|glad\sto|willing\sto|do|does)\s(?:offer\s|provide\s|support\s)?"
    r"(?:visa\s)?sponsor(?:ship|s)?\b|\bsponsorship\s(?:is\s)?(?:available|offered|provided|possible)\b"
    r"|\b(?:support|help|assist)\s(?:you\s)?(?:with|in)\s(?:your\s)?(?:case\sof\s)?(?:relocation\sand\s)?visa\b"
)
_SPONSOR_LABEL = re.compile(r"^(?:visa\s)?sponsorship\s?[:\-\u2013]\s?(?P<v>no|not\savailable|none|n/a|unavailable|"
                            r"yes|available|offered|provided)\b")  # fmt: skip


def sponsorship(units: Iterable[Unit]) -> Sponsorship | None:
    """ "none" or "offered" when a sentence about visas says so; None when nothing (or both) is said."""
    found: set[Sponsorship] = set()
    for unit in units:
        low = lower(unit.text).strip(" -*\u2022")
        if "sponsor" not in low and "visa" not in low:
            continue
        label = _SPONSOR_LABEL.match(low)
        if label:
            found.add("offered" if label.group("v") in ("yes", "available", "offered", "provided") else "none")
        elif _NO_SPONSOR.search(low) and (_VISA.search(low) or low.startswith(("sponsorship", "visa"))):
            found.add("none")
        elif _OFFER_SPONSOR.search(low) and _VISA_STRICT.search(low):
            found.add("offered")
    return next(iter(found)) if len(found) == 1 else None
