"""The tailored resume: the user's own resume in Markdown, reordered to lead with what the job asks for.

The summary gains a first sentence about the matching skills, the skills section lists the job's skills first,
and within each role the bullets are ranked by how much they share with the job's skills and duties. Nothing is
added that the profile and resume do not hold: the job's skills the user lacks go to `missing_skills` in the
report, never into the resume. The diff is taken against the same resume rendered without tailoring, so it shows
only what tailoring changed."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from typing import Any

from app.content.inputs import Inputs, key
from app.content.letter import and_list
from app.skills.extractor import extract_skills
from app.skills.taxonomy import get_taxonomy

PROMPT_VERSION = "tailor-offline-v1"
_BULLET = re.compile(r"^\s*(?:[-*\u2022\u25aa\u2023\u25e6\u25cf\u25a0\u2013]|\d+[.)])\s+")
_SPLIT_SKILLS = re.compile(r"\s*(?:[,;|•·]|\s-\s|\n)\s*")
_WORD = re.compile(r"[a-z][a-z+#.]{2,}")
_STOP = {"and", "the", "for", "with", "our", "your", "you", "will", "into", "from", "that", "this", "are", "was",
         "were", "have", "has", "its", "their", "across", "using", "over", "more", "new", "all"}  # fmt: skip
SECTION_TITLES = {
    "summary": "Summary", "skills": "Skills", "experience": "Experience", "projects": "Projects",
    "education": "Education", "certifications": "Certifications", "other": "Other",
}  # fmt: skip


@dataclass
class Tailored:
    text: str
    original: str
    missing_skills: list[str]
    matching_skills: list[str]
    moved_bullets: int = 0
    notes: list[str] = field(default_factory=list)


def _words(text: str) -> set[str]:
    return {w.strip(".") for w in _WORD.findall(text.lower())} - _STOP


def _skill_items(text: str) -> list[str]:
    items = []
    for raw in _SPLIT_SKILLS.split(text):
        item = re.sub(r"^[A-Za-z &/]{2,30}:\s*", "", _BULLET.sub("", raw)).strip(" .")
        if item and len(item.split()) <= 5:
            items.append(item)
    return items


def _blocks(body: str) -> list[tuple[str, list[str]]]:
    """(header line, its bullets) groups; text before the first header has an empty header."""
    blocks: list[tuple[str, list[str]]] = []
    for line in (ln.rstrip() for ln in body.splitlines()):
        if not line.strip():
            continue
        if _BULLET.match(line):
            if not blocks:
                blocks.append(("", []))
            blocks[-1][1].append(_BULLET.sub("", line).strip())
        else:
            blocks.append((line.strip(), []))
    return blocks


def _render_blocks(blocks: list[tuple[str, list[str]]]) -> list[str]:
    out: list[str] = []
    for header, bullets in blocks:
        if header:
            out.append(f"**{header}**" if bullets else header)
        out.extend(f"- {b}" for b in bullets)
    return out


class _Ranker:
    def __init__(self, inputs: Inputs) -> None:
        self.job_skills = {key(s) for s in inputs.job_skills}
        self.duty_words = _words(" ".join(inputs.responsibilities))

    def score(self, bullet: str) -> int:
        skills = {key(s) for s in extract_skills(bullet, "resume")}
        return 3 * len(skills & self.job_skills) + len(_words(bullet) & self.duty_words)

    def rank(self, blocks: list[tuple[str, list[str]]]) -> tuple[list[tuple[str, list[str]]], int]:
        moved = 0
        ranked = []
        for header, bullets in blocks:
            ordered = sorted(bullets, key=self.score, reverse=True)  # stable: ties keep the resume's order
            moved += sum(1 for a, b in zip(bullets, ordered, strict=True) if a != b)
            ranked.append((header, ordered))
        return ranked, moved


def _skills_list(inputs: Inputs) -> list[str]:
    taxonomy = get_taxonomy()
    listed = _skill_items(inputs.sections.get("skills") or "")
    names: list[str] = []
    seen: set[str] = set()
    for name in [*listed, *inputs.user_skills]:
        canonical = taxonomy.canonical(name) or name
        if key(canonical) not in seen and key(name) not in seen:
            seen.update({key(canonical), key(name)})
            names.append(name)
    return names


def render(inputs: Inputs, *, tailored: bool) -> tuple[str, int, list[str]]:
    """The resume as Markdown; tailored or as written. Returns the text, bullets moved and the matching skills."""
    taxonomy = get_taxonomy()
    sections = inputs.sections
    contact = [ln.strip() for ln in (sections.get("contact") or "").splitlines() if ln.strip()]
    name = inputs.name or (contact[0] if contact else "Resume")
    contact = [c for c in contact if key(c) != key(name)]
    lines = [f"# {name}"]
    if contact:
        lines += ["", " · ".join(contact)]
    job_keys = {key(s) for s in inputs.job_skills}
    skills = _skills_list(inputs)
    matching = [s for s in skills if key(taxonomy.canonical(s) or s) in job_keys]
    summary = " ".join((sections.get("summary") or "").split())
    if tailored and matching:
        lead = f"Hands-on experience with {and_list([f'**{s}**' for s in matching[:4]])}."
        summary = f"{lead} {summary}".strip()
    if summary:
        lines += ["", "## Summary", "", summary]
    if skills:
        lines += ["", "## Skills", ""]
        if tailored and matching:
            rest = [s for s in skills if s not in matching]
            lines.append(f"- **Most relevant:** {', '.join(matching)}")
            if rest:
                lines.append(f"- **Also:** {', '.join(rest)}")
        else:
            lines.append(", ".join(skills))
    moved = 0
    ranker = _Ranker(inputs)
    for section in ("experience", "projects", "education", "certifications", "other"):
        body = sections.get(section) or ""
        if not body.strip():
            continue
        blocks = _blocks(body)
        if tailored and section in ("experience", "projects"):
            blocks, n = ranker.rank(blocks)
            moved += n
        lines += ["", f"## {SECTION_TITLES[section]}", "", *_render_blocks(blocks)]
    return "\n".join(lines).strip() + "\n", moved, matching


def tailor_resume(inputs: Inputs) -> Tailored:
    """The tailored Markdown, the untailored rendering it is compared with, and the honest gaps."""
    original, _, _ = render(inputs, tailored=False)
    text, moved, matching = render(inputs, tailored=True)
    notes = []
    if not inputs.sections:
        notes.append("No ready resume was found; this version is built from your profile's skills only.")
    return Tailored(
        text=text,
        original=original,
        missing_skills=inputs.missing_skills,
        matching_skills=matching,
        moved_bullets=moved,
        notes=notes,
    )


def line_diff(original: str, current: str) -> list[dict[str, Any]]:
    """Line operations turning the untailored resume into the current text: equal, insert and delete."""
    a, b = original.splitlines(), current.splitlines()
    ops: list[dict[str, Any]] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            ops += [{"op": "equal", "text": line} for line in a[i1:i2]]
            continue
        if tag in ("delete", "replace"):
            ops += [{"op": "delete", "text": line} for line in a[i1:i2]]
        if tag in ("insert", "replace"):
            ops += [{"op": "insert", "text": line} for line in b[j1:j2]]
    return ops
