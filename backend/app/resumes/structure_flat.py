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

_BULLET = re.compile(r"\s+(?=[•●▪◦➢✓■►\ue000-\uf8ff]\s)")
_SENTENCE = re.compile(r"(?<=[a-z0-9%)][.!?])\s+(?=[A-Z])")
_HEADING_NAMES = sorted(
    {name for name in HEADINGS if len(name) > 4 and name not in ("work", "career", "details", "about", "tools")},
    key=len,
    reverse=True,
)
_ONE_HEADING = "|".join(rf"{re.escape(name.upper())}|{re.escape(name.title())}" for name in _HEADING_NAMES)
# "Skills and Expertise", "Highlights of Qualifications", "Professional Experience:" are one heading each
_HEADING = re.compile(rf"\b(?:{_ONE_HEADING})\b(?:\s+(?:and|&|of|AND|OF)\s+[A-Z][A-Za-z]+)*\s*:?")
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]{1,64}@[\w-]{1,63}\.[\w.-]{0,100}\w")
_PHONE = re.compile(r"(?<![\w/])\(?\+?\d[\d ().-]{7,16}\d(?![\w/])")
_PLACE_END = re.compile(r"(?<=, [A-Z]{2})\s+(?=[A-Z][a-z])")  # "Service Group New Cityland, CA Help launch"
_O_BULLET = re.compile(r"\s+o\s+(?=[A-Z])")
_TITLE_RUN = re.compile(r"^((?:[A-Z][\w&/'.-]*\s+){0,5}[A-Z][\w&/'.-]*)\s+(?=[A-Z])")


def is_flat(text: str) -> bool:
    lines = [ln for ln in text.splitlines() if ln.strip()]
    return bool(lines) and len(lines) <= 3 and max(len(ln) for ln in lines) >= FLAT_MIN_CHARS


def unflatten(text: str) -> str:
    """The text with line breaks put back when it is flat; any other text is returned as it is."""
    if not is_flat(text):
        return text
    out = _O_BULLET.sub("\no ", _BULLET.sub("\n", text))
    out = RANGE.sub(lambda m: f"\n{m.group(0)}\n", out)
    out = _HEADING.sub(lambda m: f"\n{m.group(0)}\n", out)
    out = _EMAIL.sub(lambda m: f"{m.group(0)}\n", out)  # the headline or summary after the contact details
    out = _PHONE.sub(_phone_break, out)
    out = _PLACE_END.sub("\n", out)
    out = _SENTENCE.sub("\n", out)
    lines: list[str] = []
    raws = [ln.strip() for ln in out.splitlines() if ln.strip()]
    for k, line in enumerate(raws):
        before_dates = k + 1 < len(raws) and RANGE.match(raws[k + 1]) is not None
        for piece in _split_trailing_title(line) if before_dates else [line]:
            lines.extend(_split_title(piece))
    return "\n".join(lines)


def _phone_break(m: re.Match[str]) -> str:
    digits = sum(c.isdigit() for c in m.group(0))
    return f"{m.group(0)}\n" if 9 <= digits <= 15 and not RANGE.search(m.group(0)) else m.group(0)


def _split_trailing_title(line: str) -> list[str]:
    """ "... Food & beverage management Assistant Restaurant Manager" before its dates → the title on its own."""
    words = line.split()
    if len(words) <= 6:
        return [line]
    for start in range(len(words) - 6, len(words)):
        tail = words[start:]
        if all(w[:1].isupper() or w in ("of", "and", "&") for w in tail) and is_title(" ".join(tail)):
            head = " ".join(words[:start])
            return [head, " ".join(tail)]
    return [line]


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
