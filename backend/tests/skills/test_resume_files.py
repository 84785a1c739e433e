"""Skills from resume files, not just plain text: held-out resumes rendered as PDF (one column, and two columns with
the skills in a narrow side column) and as DOCX (skills in a table), parsed with `parse_resume`, then extracted.

The gold comes from the held-out fixtures (batches 3 and 4). Besides the accuracy floor, the file path must find
what the plain-text path finds: a difference means the parser lost or broke words (a wrapped "Azure DevOps
Pipelines", a table cell glued to its neighbour).
"""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from docx import Document
from fpdf import FPDF

from app.resumes.parsing import parse_resume
from app.skills import extract
from app.skills.taxonomy import get_taxonomy, normalize

FIXTURES = Path(__file__).parent / "fixtures"
RESUMES = (
    ("heldout_batch3.jsonl", "b3-cv-frontend"),
    ("heldout_batch3.jsonl", "b3-cv-devops"),
    ("heldout_batch3.jsonl", "b3-cv-qa"),
    ("heldout_batch3.jsonl", "b3-cv-bi"),
    ("heldout_batch3.jsonl", "b3-cv-ml"),
    ("heldout_batch4.jsonl", "b4-cv-dotnet"),
    ("heldout_batch4.jsonl", "b4-cv-analyst"),
)
SKILL_HEADINGS = {"skills", "technical skills", "core skills", "key skills", "skills & tools"}
FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")  # fpdf2's core fonts are latin-1 only
MIN_PRECISION = MIN_RECALL = 0.75
MAX_PATH_DIFFERENCE = 0.05  # share of skills the file path may gain or lose against the plain text


def _resumes() -> list[dict[str, object]]:
    wanted = {doc_id for _, doc_id in RESUMES}
    docs: dict[str, dict[str, object]] = {}
    for name in {name for name, _ in RESUMES}:
        for line in (FIXTURES / name).read_text().splitlines():
            if line.strip() and (doc := json.loads(line))["id"] in wanted:
                docs[str(doc["id"])] = doc
    return [docs[doc_id] for _, doc_id in RESUMES]


def _split(text: str) -> tuple[list[str], list[str], list[str]]:
    """(header lines, skills-section lines without their heading, the other lines) of a plain-text resume."""
    lines = text.strip("\n").splitlines()
    header = lines[:2]
    skills: list[str] = []
    rest: list[str] = []
    in_skills = False
    for line in lines[2:]:
        if line.strip().rstrip(":").lower() in SKILL_HEADINGS:
            in_skills = True
            continue
        if in_skills and not line.strip():
            in_skills = False
        (skills if in_skills else rest).append(line)
    assert skills, "each resume used here has a skills section"
    return header, skills, rest


def _pdf() -> FPDF:
    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(auto=True, margin=15)
    pdf.set_margins(15, 15, 15)
    if FONT.exists():
        pdf.add_font("Body", "", str(FONT))
        pdf.add_font("Body", "B", str(FONT))
    pdf.add_page()
    return pdf


def _font(pdf: FPDF, size: float, bold: bool = False) -> None:
    family = "Body" if FONT.exists() else "Helvetica"
    pdf.set_font(family, "B" if bold else "", size)


def _safe(pdf: FPDF, text: str) -> str:
    return text if FONT.exists() else text.encode("latin-1", "replace").decode("latin-1")


def one_column_pdf(text: str) -> bytes:
    pdf = _pdf()
    header, skills, rest = _split(text)
    _font(pdf, 16, bold=True)
    pdf.multi_cell(0, 9, _safe(pdf, header[0]), new_x="LMARGIN", new_y="NEXT")
    _font(pdf, 10)
    for line in [*header[1:], "", "SKILLS", *skills, "", *rest]:
        pdf.multi_cell(0, 5, _safe(pdf, line) or " ", new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def two_column_pdf(text: str) -> bytes:
    """The header across the top, the skills in a 50 mm column on the left, everything else on the right."""
    pdf = _pdf()
    header, skills, rest = _split(text)
    _font(pdf, 16, bold=True)
    pdf.multi_cell(0, 9, _safe(pdf, header[0]), align="C", new_x="LMARGIN", new_y="NEXT")
    _font(pdf, 10)
    for line in header[1:]:
        pdf.multi_cell(0, 5, _safe(pdf, line), align="C", new_x="LMARGIN", new_y="NEXT")
    top = pdf.get_y() + 4
    side_x, main_x = 15, 75
    pdf.set_xy(side_x, top)
    _font(pdf, 12, bold=True)
    pdf.cell(50, 7, "SKILLS", new_x="LEFT", new_y="NEXT")
    _font(pdf, 9)
    for line in skills:
        pdf.set_x(side_x)
        pdf.multi_cell(50, 5.5, _safe(pdf, line.strip()) or " ", new_x="LEFT", new_y="NEXT")
    pdf.set_xy(main_x, top)
    _font(pdf, 10)
    for line in rest:
        pdf.set_x(main_x)
        pdf.multi_cell(120, 4.7, _safe(pdf, line) or " ", new_x="LEFT", new_y="NEXT")
    return bytes(pdf.output())


def table_docx(text: str) -> bytes:
    """Paragraphs for everything but the skills, which sit in a two-column table (label | values)."""
    header, skills, rest = _split(text)
    document = Document()
    document.add_heading(header[0], level=1)
    for line in header[1:]:
        document.add_paragraph(line)
    document.add_heading("Skills", level=2)
    table = document.add_table(rows=0, cols=2)
    for line in skills:
        item = line.strip().lstrip("\u2022-*\u00b7 ")
        label, sep, values = item.partition(":")
        row = table.add_row().cells
        row[0].text, row[1].text = (label.strip(), values.strip()) if sep else ("", item)
    for line in rest:
        document.add_paragraph(line)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


RENDERERS: dict[str, Callable[[str], bytes]] = {
    "one-column-pdf": one_column_pdf,
    "two-column-pdf": two_column_pdf,
    "table-docx": table_docx,
}


def _key(name: str) -> str:
    return get_taxonomy().canonical(name) or normalize(name)


@pytest.mark.parametrize("layout", sorted(RENDERERS))
def test_resume_files_keep_skill_accuracy(layout: str) -> None:
    tp = fp = gold_total = 0
    differences: list[str] = []
    text_total = 0
    for doc in _resumes():
        text = str(doc["text"])
        parsed = parse_resume(RENDERERS[layout](text))
        from_file = {_key(s) for s in extract(parsed.text, "resume").skills}
        from_text = {_key(s) for s in extract(text, "resume").skills}
        gold = {_key(str(g)) for g in doc["skills"]}  # type: ignore[attr-defined]
        tp += len(from_file & gold)
        fp += len(from_file - gold)
        gold_total += len(gold)
        text_total += len(from_text)
        differences += [f"{doc['id']}: -{s}" for s in sorted(from_text - from_file)]
        differences += [f"{doc['id']}: +{s}" for s in sorted(from_file - from_text)]
    precision, recall = tp / max(tp + fp, 1), tp / max(gold_total, 1)
    assert precision >= MIN_PRECISION, f"{layout}: precision {precision:.3f}"
    assert recall >= MIN_RECALL, f"{layout}: recall {recall:.3f}"
    assert len(differences) <= MAX_PATH_DIFFERENCE * text_total, f"{layout}: file vs text differ: {differences}"
