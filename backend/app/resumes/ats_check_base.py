"""What the resume check's parts share: a finding (what an ATS does with the file, and how to fix it) and the facts
a file reader hands back."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Severity = Literal["error", "warning", "ok"]

# The fix for every "the text cannot be read" finding: the same advice whatever the cause.
EXPORT_WITH_TEXT = (
    "Open the resume in the editor you wrote it in (Word, Google Docs, Pages, LibreOffice) and save or export it "
    "as a PDF from there, or upload it as a DOCX. Do not scan or photograph a printout, and do not use 'Print to "
    "image' or 'Save as picture'."
)


@dataclass(frozen=True, slots=True)
class Finding:
    """One thing the check looked at: `fix` says what to do, and is None when nothing needs doing."""

    code: str
    severity: Severity
    title: str
    detail: str
    fix: str | None = None


@dataclass(slots=True)
class FileFacts:
    """What reading the file itself (not its text) found: findings on layout, fonts and text, the page count when
    the file records it, and whether an ATS gets any text out of it at all."""

    findings: list[Finding] = field(default_factory=list)
    pages: int | None = None
    readable: bool = True


def ok(code: str, title: str, detail: str) -> Finding:
    return Finding(code, "ok", title, detail)


def warning(code: str, title: str, detail: str, fix: str) -> Finding:
    return Finding(code, "warning", title, detail, fix)


def error(code: str, title: str, detail: str, fix: str) -> Finding:
    return Finding(code, "error", title, detail, fix)


def plural(count: int, word: str, many: str | None = None) -> str:
    return f"{count} {word if count == 1 else (many or word + 's')}"


def page_list(pages: list[int]) -> str:
    """ "page 2", "pages 1 and 3", "pages 1, 2 and 4" (pages numbered from 1)."""
    if len(pages) == 1:
        return f"page {pages[0]}"
    return "pages " + ", ".join(str(p) for p in pages[:-1]) + f" and {pages[-1]}"
