"""Line breaks put back into a resume that arrives as one long line (a text export whose line breaks were lost).

Breaks go where a reader would see one: before a bullet, around a date range, around a section heading written
in capitals or title case, after a sentence, and after a job title that runs into the first sentence of its role
("Sales Representative Key Responsibilities: ..."). Only whitespace is replaced, so every line is text from the
resume."""

from __future__ import annotations

import re

from app.resumes.sections import HEADINGS
from app.resumes.structure_dates import RANGE
from app.resumes.structure_text import is_title

FLAT_MIN_CHARS = 400  # a line this long in a text with almost no lines is a flattened resume

_BULLET = re.compile(r"\s+(?=[•●▪◦➢✓■►\uf0b7\uf0a7\uf076\uf0d8\uf0fc]\s)")
_SENTENCE = re.compile(r"(?<=[a-z0-9%)][.!?])\s+(?=[A-Z])")
_HEADING_NAMES = sorted(
    {name for name in HEADINGS if len(name) > 4 and name not in ("work", "career", "details", "about", "tools")},
    key=len,
    reverse=True,
)
_HEADING = re.compile(
    "|".join(rf"\b{re.escape(name.upper())}\b|\b{re.escape(name.title())}\b" for name in _HEADING_NAMES)
)
_TITLE_RUN = re.compile(r"^((?:[A-Z][\w&/'.-]*\s+){0,5}[A-Z][\w&/'.-]*)\s+(?=[A-Z])")


def is_flat(text: str) -> bool:
    lines = [ln for ln in text.splitlines() if ln.strip()]
    return bool(lines) and len(lines) <= 3 and max(len(ln) for ln in lines) >= FLAT_MIN_CHARS


def unflatten(text: str) -> str:
    """The text with line breaks put back when it is flat; any other text is returned as it is."""
    if not is_flat(text):
        return text
    out = _BULLET.sub("\n", text)
    out = RANGE.sub(lambda m: f"\n{m.group(0)}\n", out)
    out = _HEADING.sub(lambda m: f"\n{m.group(0)}\n", out)
    out = _SENTENCE.sub("\n", out)
    lines: list[str] = []
    for raw in out.splitlines():
        line = raw.strip()
        if not line:
            continue
        lines.extend(_split_title(line))
    return "\n".join(lines)


def _split_title(line: str) -> list[str]:
    """ "Sales Manager Responsible for business development" → the title, then the sentence."""
    m = _TITLE_RUN.match(line)
    if not m or len(line) - m.end() < 20:
        return [line]
    words = m.group(1).split()
    for end in range(len(words), 0, -1):  # the longest run of capitalised words that ends in a role word
        head = " ".join(words[:end])
        if is_title(head) and is_title(words[end - 1]):
            rest = line[len(head) :].strip()
            return [head, rest] if rest else [line]
    return [line]
