"""Compile the skills taxonomy: `python -m app.skills.build` rewrites `data/taxonomy.json`; `--check` exits 1 on drift.

Sources (vendored in `sources/`, see LICENSES.md): the hand curation first (it wins every conflict), then GitHub
explore topics, linguist languages, ESCO knowledge concepts and O*NET technology examples. A source entry joins an
existing skill when one of its names normalises to a known alias, otherwise it becomes a new skill if it passes the
filters below. Aliases taken from the sources drop the harmful ones, generic words and ordinary English words.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TypedDict

from app.skills import curation
from app.skills.taxonomy import DATA_FILE, GATE_CASE, GATE_CONTEXT, GATE_LOOSE, GATE_SAFE, normalize

SOURCES = Path(__file__).parent / "sources"
_MARKERS = (("~~", GATE_LOOSE), ("~", GATE_CONTEXT), ("=", GATE_CASE))
_ACRONYM_RE = re.compile(r"^[A-Z][A-Z0-9/&.+#-]{1,7}$")
_PLURAL_ACRONYM_RE = re.compile(r"^[A-Z][A-Z0-9]{1,5}[A-RT-Z0-9]$")  # an all-capitals name that takes a plural "s"
_PAREN_RE = re.compile(r"\s*\(([^)]*)\)\s*")
_VENDORS = (
    "Adobe Systems",
    "Adobe",
    "Amazon Web Services",
    "Amazon",
    "Apache",
    "Apple",
    "Atlassian",
    "Autodesk",
    "Bentley",
    "Cisco",
    "Corel",
    "Dassault Systemes",
    "ESRI",
    "Google",
    "HashiCorp",
    "IBM",
    "Intuit",
    "McNeel",
    "Microsoft",
    "National Instruments",
    "Oracle",
    "PTC",
    "Red Hat",
    "SAP",
    "StataCorp",
    "The MathWorks",
    "MathWorks",
    "Thomson Reuters",
    "Trimble",
    "Unity Technologies",
    "Unreal Technology",
    "Mozilla",
    "Meta",
)


class Compiled(TypedDict):
    format: int
    skills: list[list[str]]
    phrases: dict[str, object]  # alias -> skill index, or [index, gate, form, ...] for a gated alias
    aliases: dict[str, int]  # aliases only `canonical()` knows


class Registry:
    """Skills in the order they were added, with the alias table and the extractor's phrases."""

    def __init__(self) -> None:
        self.skills: list[list[str]] = []
        self.names: dict[str, int] = {}
        self.aliases: dict[str, int] = {}
        self.phrases: dict[str, tuple[int, tuple[str, ...]]] = {}
        self.passive: set[int] = set()  # skills only `canonical()` knows: the extractor never looks for them

    def new(self, name: str, category: str) -> int:
        if name in self.names:
            return self.names[name]
        self.names[name] = len(self.skills)
        self.skills.append([name, category])
        return len(self.skills) - 1

    def find(self, names: Iterable[str]) -> int | None:
        for name in names:
            idx = self.aliases.get(normalize(name))
            if idx is not None:
                return idx
        return None

    def alias(self, idx: int, norm: str, gate: int | None, forms: tuple[str, ...] = ()) -> None:
        """Register `norm` for skill `idx`; the first owner and the first rule win. `gate` None: canonical-only."""
        if not norm or self.aliases.setdefault(norm, idx) != idx:
            return
        if gate is None or idx in self.passive or norm in self.phrases:
            return
        self.phrases[norm] = (gate, tuple(sorted(set(forms))))

    def to_json(self) -> Compiled:
        """Aliases the extractor looks for map to `[skill, gate, forms...]` (a safe one to the bare index)."""
        phrases: dict[str, object] = {}
        for norm, (gate, forms) in sorted(self.phrases.items()):
            idx = self.aliases[norm]
            phrases[norm] = idx if gate == GATE_SAFE else [idx, gate, *forms]
        passive = {k: v for k, v in sorted(self.aliases.items()) if k not in self.phrases}
        return {"format": 1, "skills": self.skills, "phrases": phrases, "aliases": passive}


def _rows(name: str) -> Iterator[dict[str, str]]:
    with (SOURCES / name).open(newline="", encoding="utf-8") as f:
        yield from csv.DictReader(f)


def _split(value: str, sep: str = "|") -> list[str]:
    return [v.strip() for v in value.split(sep) if v.strip()]


# ---- curated entries ------------------------------------------------------------------------------------------
def add_curated(reg: Registry) -> None:
    for line in curation.CORE.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        name, category, aliases = (part.strip() for part in line.split("|"))
        if name in reg.names:
            raise ValueError(f"curation lists {name!r} twice")
        idx = reg.new(name, category)
        gated: dict[str, tuple[int, set[str]]] = {}
        plain: list[str] = []
        canonical_only: list[str] = []
        for raw in _split(aliases, ","):
            if raw.startswith("^"):
                canonical_only.append(normalize(raw[1:]))
                continue
            for marker, gate in _MARKERS:
                if raw.startswith(marker):
                    form = raw[len(marker) :]
                    prev_gate, forms = gated.get(normalize(form), (gate, set()))
                    gated[normalize(form)] = (max(gate, prev_gate), forms | {form})
                    if gate == GATE_CASE and _PLURAL_ACRONYM_RE.match(form):  # "VLANs", "SDKs", "LLMs"
                        plural = form + "s"
                        prev_gate, forms = gated.get(normalize(plural), (gate, set()))
                        gated[normalize(plural)] = (max(gate, prev_gate), forms | {plural})
                    break
            else:
                plain.append(normalize(raw))
        name_norm = normalize(name)
        if name_norm not in gated and name_norm not in canonical_only:
            plain.insert(0, name_norm)
        for norm in plain:
            reg.alias(idx, norm, GATE_SAFE)
        for norm, (gate, forms) in gated.items():
            reg.alias(idx, norm, gate, tuple(forms))
        for norm in canonical_only:
            reg.alias(idx, norm, None)


# ---- filters for names and aliases that come from the sources -----------------------------------------------
def source_gate(raw: str, source: str) -> tuple[str, int | None, tuple[str, ...]] | None:
    """How a source's name or alias is used: (normalised, gate or None for canonical-only, forms), or dropped."""
    raw = raw.strip()
    norm = normalize(raw)
    if not norm or norm in curation.STOP_ALIASES or norm in curation.HARMFUL_ALIASES.get(source, ()):
        return None
    if norm in curation.HARMFUL_ALIASES.get("*", ()):
        return None
    tokens = norm.split(" ")
    letters = re.sub(r"[^a-z]", "", norm)
    if len(norm) <= 2 or len(letters) <= 1:
        return None
    if len(tokens) == 1 and norm in curation.COMMON_WORDS:
        return None
    if all(t in curation.COMMON_WORDS or t.isdigit() for t in tokens):
        return (norm, None, ())  # a phrase of ordinary words ("Action Game"): only for canonical()
    if len(tokens) == 1 and raw.isalpha() and not raw.islower():
        # A one-word brand from a source ("Ghidra", "LifeCycle", "POLLUTE") counts as written; in lower case only
        # inside a list of skills.
        return (norm, GATE_CASE, tuple(sorted({raw, raw.upper(), raw[:1].upper() + raw[1:].lower()})))
    if len(tokens) == 1 and _ACRONYM_RE.match(raw):
        return (norm, GATE_CASE, (raw,))
    return (norm, GATE_SAFE, ())


def add_source_names(reg: Registry, idx: int, names: Iterable[str], source: str, match: bool) -> None:
    for raw in names:
        gated = source_gate(raw, source)
        if gated is None:
            continue
        norm, gate, forms = gated
        reg.alias(idx, norm, gate if match else None, forms)


def _strip_parens(label: str) -> tuple[str, list[str]]:
    inner = _PAREN_RE.findall(label)
    return _PAREN_RE.sub(" ", label).strip(), inner


# ---- GitHub explore ---------------------------------------------------------------------------------------------
def add_explore(reg: Registry, languages: set[str]) -> None:
    for row in _rows("github_explore_topics.csv"):
        topic, display = row["topic"], row["display_name"] or row["topic"]
        bare, inner = _strip_parens(display)
        names = [display, bare, topic, *inner]
        aliases = [a for a in _split(row["aliases"])]
        idx = reg.find([display, bare, topic])
        if idx is None:
            category = curation.EXPLORE_CATEGORY.get(topic)
            if category is None and normalize(bare) in languages:
                category = "language"
            if category is None:
                continue
            idx = reg.new(bare, category)
        add_source_names(reg, idx, [*names, *aliases], "explore", match=True)


# ---- linguist -----------------------------------------------------------------------------------------------------
def linguist_languages() -> set[str]:
    return {normalize(r["name"]) for r in _rows("linguist_languages.csv") if r["type"] == "programming"}


def add_linguist(reg: Registry, confirmed: set[str]) -> None:
    """Programming languages. One that no other source names is matched only when its name cannot be a word."""
    for row in _rows("linguist_languages.csv"):
        names = [row["name"], *_split(row["aliases"])]
        idx = reg.find([row["name"]])
        if idx is None:
            if row["type"] != "programming":
                continue
            idx = reg.new(row["name"], "language")
            if normalize(row["name"]) not in confirmed and not _distinct_shape(row["name"]):
                reg.passive.add(idx)
        add_source_names(reg, idx, names, "linguist", match=True)


def _distinct_shape(name: str) -> bool:
    """Names no dictionary word looks like: inner capitals, digits or symbols ("DTrace", "Modula-2", "ColdFusion")."""
    return any(ch.isupper() for ch in name[1:]) or any(not ch.isalpha() for ch in name.replace(" ", ""))


# ---- ESCO -----------------------------------------------------------------------------------------------------------
def add_esco(reg: Registry) -> None:
    """Knowledge concepts: proper names become tools; lower-case topics stay canonical-only unless curated."""
    for row in _rows("esco_1_2_0_digital_transversal_skills.csv"):
        if row["skillType"] != "knowledge":
            continue
        label, inner = _strip_parens(row["preferredLabel"])
        alt = _split(row["altLabels"], " | ")
        idx = reg.find([label, row["preferredLabel"]])
        proper = any(ch.isupper() for ch in label)
        if idx is None:
            category = _esco_category(row["broaderConceptPT"], inner) if proper else "knowledge"
            idx = reg.new(label if proper else label[:1].upper() + label[1:], category)
            if not proper:
                reg.passive.add(idx)  # a topic ("incremental development"): too loose a phrase to look for
        add_source_names(reg, idx, [label, *alt], "esco", match=True)


def _esco_category(broader: str, inner: list[str]) -> str:
    text = (broader + " " + " ".join(inner)).lower()
    for needle, category in curation.ESCO_BROADER_CATEGORY:
        if needle in text:
            return category
    return "tool"


# ---- O*NET ----------------------------------------------------------------------------------------------------------
def onet_names(example: str) -> tuple[list[str], bool]:
    """Candidate names for one O*NET example, best first, and whether it is a generic descriptor."""
    name = re.sub(r"\s+software$", "", example.strip(), flags=re.IGNORECASE)
    name, inner = _strip_parens(name)
    words = name.split()
    acronym = words[-1] if len(words) >= 3 and _initials_match(words[-1], words[:-1]) else None
    if acronym:
        words = words[:-1]
    long_name = " ".join(words)
    generic = len(words) == 1 and normalize(long_name) in curation.COMMON_WORDS
    if len(words) >= 2 and words[0][:1].isupper() and all(w.islower() for w in words[1:]):
        generic = True  # "Accounting software", "Inventory management systems"
    if words and words[0][:1].islower():
        generic = True
    if acronym:
        generic = False  # "Structured query language SQL": the acronym names it
    names = [long_name]
    for vendor in _VENDORS:
        if long_name.startswith(vendor + " ") and len(long_name) > len(vendor) + 2:
            names.append(long_name[len(vendor) + 1 :])
            break
    if acronym:
        names.append(acronym)
    names.extend(inner)
    if example != long_name:
        names.append(example)
    return names, generic


def _initials_match(acronym: str, words: list[str]) -> bool:
    """True for "Structured query language SQL" or "Amazon Simple Storage Service S3", not "Software Group AQUA3D"."""
    if not _ACRONYM_RE.match(acronym):
        return False
    letters = [ch for ch in acronym.lower() if ch.isalpha()]
    initials = iter(w[0].lower() for w in words if w)
    return bool(letters) and all(any(ch == i for i in initials) for ch in letters)


def add_onet(reg: Registry) -> None:
    for row in _rows("onet_29_3_technology_skills.csv"):
        names, generic = onet_names(row["example"])
        idx = reg.find(names)
        if idx is None:
            if generic:
                continue
            display = names[1] if len(names) > 1 and _distinct_product(names[1]) else names[0]
            category = curation.ONET_COMMODITY_CATEGORY.get(row["commodity_title"], "tool")
            idx = reg.new(display, category)
        add_source_names(reg, idx, names, "onet", match=True)


def _distinct_product(name: str) -> bool:
    """True when a product name without its vendor still reads as a name ("Photoshop", not "Project")."""
    norm = normalize(name)
    return len(norm) >= 4 and not all(t in curation.COMMON_WORDS for t in norm.split(" "))


# ---- the whole build ------------------------------------------------------------------------------------------------
def build() -> Compiled:
    reg = Registry()
    add_curated(reg)
    languages = linguist_languages()
    add_explore(reg, languages)
    confirmed = set(reg.aliases) | _onet_and_esco_keys()
    add_linguist(reg, confirmed)
    add_esco(reg)
    add_onet(reg)
    return reg.to_json()


def _onet_and_esco_keys() -> set[str]:
    keys: set[str] = set()
    for row in _rows("onet_29_3_technology_skills.csv"):
        keys.update(normalize(n) for n in onet_names(row["example"])[0])
    for row in _rows("esco_1_2_0_digital_transversal_skills.csv"):
        keys.add(normalize(_strip_parens(row["preferredLabel"])[0]))
    return keys


def render(data: Compiled) -> bytes:
    """The compiled file's exact bytes: one skill or alias per line, so a diff shows what changed."""

    def dump(value: object) -> str:
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))

    skills = ",\n".join(dump(skill) for skill in data["skills"])
    phrases = ",\n".join(f"{dump(k)}:{dump(v)}" for k, v in data["phrases"].items())
    aliases = ",\n".join(f"{dump(k)}:{dump(v)}" for k, v in data["aliases"].items())
    sections = [f'"skills":[\n{skills}\n]', f'"phrases":{{\n{phrases}\n}}', f'"aliases":{{\n{aliases}\n}}']
    head = '{"format":' + str(data["format"]) + ",\n"
    return (head + ",\n".join(sections) + "}\n").encode()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--check", action="store_true", help="exit 1 when the committed file differs from a build")
    args = parser.parse_args(argv)
    compiled = render(build())
    if args.check:
        current = DATA_FILE.read_bytes() if DATA_FILE.exists() else b""
        if current != compiled:
            print(f"{DATA_FILE} is out of date: run `python -m app.skills.build`", file=sys.stderr)
            return 1
        print(f"{DATA_FILE.name} is up to date")
        return 0
    DATA_FILE.parent.mkdir(parents=True, exist_ok=True)
    DATA_FILE.write_bytes(compiled)
    data = json.loads(compiled)
    print(
        f"wrote {DATA_FILE} ({len(compiled) // 1024} KB, {len(data['skills'])} skills, {len(data['phrases'])} phrases)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
