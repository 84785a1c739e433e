"""A resume's text and sections read into structure (JSON Resume): who, which roles where and when, what was done.

PLACEHOLDER: being rewritten (issue #18). The signature is the contract."""

from __future__ import annotations

import re

from app.resumes.jsonresume import Basics, JsonResume

STRUCTURE_VERSION = "s0"
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")


def parse_structure(text: str, sections: dict[str, str]) -> JsonResume:
    """The structure of a resume from its normalized text and its sections (app/resumes/sections.py)."""
    email = _EMAIL.search(text)
    first = next((ln.strip() for ln in text.splitlines() if ln.strip()), "")
    return JsonResume(basics=Basics(name=first[:200], email=email.group(0) if email else ""))
