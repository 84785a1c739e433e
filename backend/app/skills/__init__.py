"""Skills: the compiled taxonomy and the offline extractor of skills and responsibilities."""

from __future__ import annotations

from dataclasses import dataclass, field

from app.skills.extractor import Kind, extract_skills
from app.skills.responsibilities import extract_responsibilities

__all__ = ["Extraction", "Kind", "extract", "extract_responsibilities", "extract_skills"]


@dataclass
class Extraction:
    skills: list[str] = field(default_factory=list)
    responsibilities: list[str] = field(default_factory=list)


def extract(text: str, kind: Kind = "jd") -> Extraction:
    """Skills (canonical names) and, for a job description, its main responsibilities."""
    responsibilities = extract_responsibilities(text) if kind == "jd" else []
    return Extraction(skills=extract_skills(text, kind), responsibilities=responsibilities)
