"""A posting's main duties, offline: the items of its "Responsibilities" / "What you'll do" / "The role" section.

Postings arrive as plain text with "- " bullets and blank-line paragraphs. A header is a short line (or the part of
a line before a colon) naming a section; the duties section runs until the next header. Without one, bullets that
open with an action verb and sentences that say "you will …" / "responsible for …" outside the requirements and
benefits sections are taken instead.
"""

from __future__ import annotations

import re


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_BULLET_RE = re.compile(
    r"^\s*(?:[-\u2013\u2014*\u2022\u00b7\u25aa\u25e6\u2023\u25cf\u25cb\u25a0\u25a1\u27a2\u27a4\u25ba\u2713\u2714\u261e>+]+|\(?\d{1,2}[.)]|\(?[a-z][.)])\s+"
)
_MARKUP_RE = re.compile(r"^[#*_\s]+|[*_\s]+$")
_SPACE_RE = re.compile(r"\s+")
_SENTENCE_RE = re.compile(r"(?<=[.!?;])\s+(?=[A-Z(\"'])")
_APOSTROPHE = "['\u2019]"
_DUTY_HEADER_RE = re.compile(
    r"^(?:(?:key|main|your|primary|core|job|the|essential|principal|major|daily|role)\s+)*"
    r"(?:responsibilities|duties|accountabilities|tasks|responsibilities and duties|duties and responsibilities)\b"
    rf"|^what\s+(?:you{_APOSTROPHE}ll|you\s+will|you{_APOSTROPHE}ll\s+be|you\s+will\s+be|will\s+you)\s+"
    r"(?:do|doing|work\s+on|working\s+on|own|achieve|be\s+doing)\b"
    r"|^(?:about\s+)?(?:the|this|your)\s+(?:role|position|job|opportunity|mission|impact)\b"
    r"|^(?:role|position|job)\s+(?:description|summary|overview|purpose|profile)\b"
    r"|^in\s+this\s+(?:role|position|job)\b|^day[\s-]+to[\s-]+day\b|^a\s+day\s+in\s+the\s+life\b"
    rf"|^how\s+you{_APOSTROPHE}?(?:ll|\s+will)\s+(?:contribute|help|make\s+an\s+impact)\b"
    r"|^what\s+the\s+(?:job|role)\s+involves\b|^your\s+(?:tasks|day|challenge|challenges)\b"
    r"|^(?:the\s+)?job\b$|^you\s+will\b(?!.*\b(?:need|have|bring)\b)",
    re.IGNORECASE,
)
_OTHER_HEADER_RE = re.compile(
    r"^(?:(?:key|minimum|basic|preferred|desired|required|essential|technical|our|your|the|nice[\s-]+to[\s-]+have|"
    r"bonus|additional|must[\s-]+have)\s+)*(?:requirements|qualifications|skills|experience|competencies|"
    r"profile|education|attributes|abilities|knowledge|background)\b"
    rf"|^(?:what|who)\s+(?:we{_APOSTROPHE}re|we\s+are|you\s+are|you{_APOSTROPHE}re|we)\s+"
    r"(?:looking\s+for|offer|need|bring|provide|seek)\b"
    rf"|^what\s+you\s+(?:bring|need|have|offer|can\s+expect|get)\b|^what\s+you{_APOSTROPHE}ll\s+(?:bring|need|get|love)\b"
    r"|^(?:about|who)\s+(?:you|us|we\s+are|the\s+company|the\s+team|our\s+team|company|[A-Z<][\w<>-]*)\b"
    r"|^(?:why\s+(?:join|work|you\s+should)|benefits|perks|compensation|salary|pay|we\s+offer|our\s+offer|"
    r"how\s+to\s+apply|application|to\s+apply|equal\s+opportunity|eeo|diversity|location|tech(?:nology)?\s+stack|"
    r"our\s+stack|stack|tools|technologies|nice\s+to\s+have|bonus\s+points|must\s+haves?|the\s+perks|"
    r"company\s+description|job\s+benefits|job\s+type|contract|hours|start\s+date|interview\s+process|"
    r"the\s+team|our\s+team|the\s+company|our\s+company|culture|our\s+values|values)\b",
    re.IGNORECASE,
)
_CUE_RE = re.compile(
    r"^(?:as\s+an?\s+[\w\s/-]{1,40}?,?\s+)?(?:in\s+this\s+(?:role|position),?\s+)?"
    rf"(?:(?:you\s+will\s+be|you{_APOSTROPHE}ll\s+be|you\s+are|the\s+\w+\s+is|will\s+be)\s+responsible\s+for|"
    r"responsible\s+for|your\s+(?:main\s+)?(?:responsibilities|duties|tasks)\s+(?:will\s+)?(?:include|are|involve)|"
    rf"duties\s+include|tasks\s+include|you{_APOSTROPHE}ll|you\s+will|you\s+are\s+going\s+to)\s+",
    re.IGNORECASE,
)
_SKIP_AFTER_CUE = re.compile(r"^(?:be\s+)?(?:expected\s+to|able\s+to|required\s+to|need\s+to|have|bring|get)\b", re.I)
_VERBS = _words(
    """
    act administer advise advocate align analyse analyze answer apply architect assess assist audit automate balance
    brainstorm build calculate champion check coach collaborate collect communicate compile conduct configure
    consult contribute coordinate create curate debug define deliver deploy design detect develop diagnose direct
    document draft drive educate enable engage engineer ensure establish estimate evaluate execute expand facilitate
    forecast formulate foster gather grow guide handle help hire identify implement improve influence inform
    initiate innovate inspect install instrument integrate interpret interview investigate lead liaise maintain
    manage map measure mentor migrate model modernise modernize monitor negotiate onboard operate optimise optimize
    orchestrate organise organize own oversee participate partner perform plan prepare present prioritise
    prioritize process produce program promote propose prototype provide publish recommend reconcile recruit
    refactor release report represent research resolve respond review run scale schedule scope secure serve set
    shape ship solve source spearhead specify streamline structure supervise support survey teach test track train
    translate troubleshoot tune update upgrade validate verify work write
    """
)
_CONJUNCTIONS = frozenset({"and", "but", "or", "nor", "including", "etc", "so", "also"})
_MIN_WORDS, _MAX_CHARS = 3, 320


def extract_responsibilities(text: str, limit: int = 12) -> list[str]:
    """The posting's main duties as cleaned sentences, in order; [] when none are recognisable."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    sections = _sections(lines)
    items: list[str] = []
    if any(kind == "duty" for kind, _ in sections):
        for kind, body in sections:
            if kind == "duty":
                items.extend(_items(body, strict=False))
    else:
        for kind, body in sections:
            if kind != "other":
                items.extend(_items(body, strict=True))
    out: list[str] = []
    seen: set[str] = set()
    for item in items:
        key = item.lower()
        if key not in seen:
            seen.add(key)
            out.append(item)
        if len(out) >= limit:
            break
    return out


def _sections(lines: list[str]) -> list[tuple[str, list[str]]]:
    """Split into (kind, lines) runs; kind is "duty", "other" or "none" (before any header)."""
    sections: list[tuple[str, list[str]]] = [("none", [])]
    for line in lines:
        header, rest = _header(line)
        if header is None:
            sections[-1][1].append(line)
            continue
        sections.append((header, [rest] if rest else []))
    return sections


def _header(line: str) -> tuple[str | None, str]:
    """The section kind a header line opens, and any content after its colon."""
    if _BULLET_RE.match(line) and not line.lstrip().startswith(("#", "*")):
        return None, ""
    bare = _MARKUP_RE.sub("", line).strip()
    head, colon, rest = bare.partition(":")
    head = head.strip()
    if not head or len(head.split()) > 8 or (not colon and (len(bare) > 70 or bare.endswith((".", ",", ";")))):
        return None, ""
    if _DUTY_HEADER_RE.match(head) and (colon or len(head.split()) <= 6):
        return "duty", rest.strip()
    if _OTHER_HEADER_RE.match(head):
        return "other", rest.strip()
    return None, ""


def _items(body: list[str], strict: bool) -> list[str]:
    """Duty items of a section: each bullet, or each sentence of a paragraph (with a cue or a verb when strict)."""
    out: list[str] = []
    for raw in body:
        if not raw.strip():
            continue
        bullet = _BULLET_RE.match(raw) is not None
        line = _BULLET_RE.sub("", raw, count=1).strip()
        pieces = [line] if bullet and len(line) <= _MAX_CHARS else _SENTENCE_RE.split(line)
        for piece in pieces:
            item = _clean(piece, need_cue=strict or not bullet)
            if item:
                out.append(item)
    return out


def _clean(piece: str, need_cue: bool) -> str | None:
    text = _SPACE_RE.sub(" ", piece).strip().strip(";,:").strip()
    cue = _CUE_RE.match(text)
    if cue:
        text = text[cue.end() :]
        if _SKIP_AFTER_CUE.match(text):
            return None
    text = re.sub(r"^be\s+(?=\w+ing\b)", "", text, flags=re.IGNORECASE)
    first = re.sub(r"[^a-z]", "", text.split(" ", 1)[0].lower()) if text else ""
    if first in _CONJUNCTIONS:
        return None
    if need_cue and not cue and not _is_verb(first):
        return None
    text = text.rstrip(".!;,: ").strip()
    if len(text.split()) < _MIN_WORDS or text.endswith("?"):
        return None
    if len(text) > _MAX_CHARS:
        text = text[:_MAX_CHARS].rsplit(" ", 1)[0] + "…"
    return text[0].upper() + text[1:]


def _is_verb(word: str) -> bool:
    """An action verb in base, third-person or -ing form ("design", "designs", "designing", "managing")."""
    stems = {word, word[:-1], word[:-2], word[:-3], word[:-3] + "e"}
    return not _VERBS.isdisjoint(stems) and (word in _VERBS or word.endswith(("s", "ing")))
