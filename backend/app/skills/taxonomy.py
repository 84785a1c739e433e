"""The compiled skills taxonomy: canonical names, aliases, categories and the matcher's phrase rules.

`data/taxonomy.json` is produced by `python -m app.skills.build` from the vendored sources and the hand
curation; this module only reads it. Names and aliases are compared in a normal form (`normalize`): lower
case, `-`, `.`, `_`, `/` and spaces are one separator, while `C++`, `C#`, `F#` and a leading `.NET` keep their
symbols so they never collapse into `C`, `F` or the word "net".
"""

from __future__ import annotations

import functools
import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

DATA_FILE = Path(__file__).parent / "data" / "taxonomy.json"

# One token: a word that starts with a dot where no letter or digit precedes it (".net"), a run of letters with an
# optional "++" or "#" ("c++", "c#"), or digits with trailing letters ("10g", "3d"). Letters followed by digits
# split ("java8" -> "java 8") so glued versions still find the skill.
TOKEN_RE = re.compile(r"(?<![^\W_])\.[^\W\d_]+|[^\W\d_]+(?:\+\+|#)?|\d+[^\W\d_]*")
_VERSION_RE = re.compile(r"^(?:v|version|r|ver)?\d+[a-z]{0,2}$|^(?:v|version|ver)$")
# Words that qualify a skill name without naming another skill ("Python programming", "Postgres database").
_GENERIC_SUFFIXES = ("programming language", "language", "programming", "framework", "library", "database", "db")

_PARENS_RE = re.compile(r"\([^)]*\)")
GATE_SAFE, GATE_CASE, GATE_CONTEXT, GATE_LOOSE = 0, 1, 2, 3


def normalize(text: str) -> str:
    """The matcher's normal form of a name or a text: lower-case tokens joined by single spaces."""
    return " ".join(TOKEN_RE.findall(text.lower()))


def strip_version(norm: str) -> str:
    """Drop trailing version tokens from a normalised name ("python 3 11" -> "python", "oracle 10g" -> "oracle")."""
    tokens = norm.split(" ")
    while len(tokens) > 1 and _VERSION_RE.match(tokens[-1]):
        tokens.pop()
    return " ".join(tokens)


@dataclass(frozen=True, slots=True)
class Phrase:
    """One alias the extractor looks for, with the rule that decides whether a match counts."""

    skill: int
    gate: int = GATE_SAFE
    forms: tuple[str, ...] = ()  # the exact surface forms a case-sensitive or gated alias must have


@dataclass
class Taxonomy:
    version: str
    names: list[str]
    categories: list[str]
    aliases: dict[str, int]
    phrases: dict[str, Phrase]
    _by_name: dict[str, int] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self._by_name = {name: i for i, name in enumerate(self.names)}

    @classmethod
    def from_dict(cls, data: dict[str, Any], version: str) -> Taxonomy:
        skills: list[list[str]] = data["skills"]
        phrases: dict[str, Phrase] = {}
        aliases: dict[str, int] = dict(data["aliases"])
        for alias, rule in data["phrases"].items():
            phrase = Phrase(rule) if isinstance(rule, int) else Phrase(rule[0], rule[1], tuple(rule[2:]))
            phrases[alias] = phrase
            aliases[alias] = phrase.skill
        return cls(
            version=version,
            names=[s[0] for s in skills],
            categories=[s[1] for s in skills],
            aliases=aliases,
            phrases=phrases,
        )

    def canonical(self, name: str) -> str | None:
        """Map any alias, casing or versioned form ("reactjs", "k8s", "Postgres 15") to the canonical name."""
        idx = self.lookup(name)
        return None if idx is None else self.names[idx]

    def lookup(self, name: str) -> int | None:
        """Index of the skill `name` names, trying it whole, without versions, qualifiers and "(…)" notes."""
        for variant in (name, _PARENS_RE.sub(" ", name)):
            norm = normalize(variant)
            for candidate in _candidates(norm) if norm else ():
                idx = self.aliases.get(candidate)
                if idx is not None:
                    return idx
        return None

    def category(self, canonical: str) -> str | None:
        idx = self._by_name.get(canonical)
        if idx is None:
            idx = self.lookup(canonical)
        return None if idx is None else self.categories[idx]

    def __contains__(self, canonical: object) -> bool:
        return isinstance(canonical, str) and canonical in self._by_name

    def __len__(self) -> int:
        return len(self.names)


def _candidates(norm: str) -> list[str]:
    out = [norm]
    bare = strip_version(norm)
    if bare != norm:
        out.append(bare)
    for base in (norm, bare):
        for suffix in _GENERIC_SUFFIXES:
            if base.endswith(" " + suffix):
                stem = strip_version(base[: -len(suffix) - 1])
                if stem:
                    out.append(stem)
    return out


def load_taxonomy(raw: bytes) -> Taxonomy:
    """Build a `Taxonomy` from the compiled file's bytes; the version is a short hash of those bytes."""
    return Taxonomy.from_dict(json.loads(raw), hashlib.sha256(raw).hexdigest()[:12])


@functools.cache
def get_taxonomy() -> Taxonomy:
    """The compiled taxonomy, loaded once per process."""
    return load_taxonomy(DATA_FILE.read_bytes())
