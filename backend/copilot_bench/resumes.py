"""Resume reading: the time to parse a two-page PDF resume (with a two-column first page) and a DOCX resume with
a skills table, p50/p95 over 20 runs after a warm-up."""

from __future__ import annotations

import asyncio
import io
import time
from pathlib import Path
from typing import Any

from docx import Document
from fpdf import FPDF

from app.resumes.parsing import parse_resume
from app.resumes.structure import parse_structure
from copilot_bench.common import percentiles

RUNS = 20
SKILLS = ["Python", "Kubernetes", "PostgreSQL", "Terraform", "Apache Kafka", "Docker", "Go", "Redis", "AWS", "React"]
BULLET = (
    "Built and ran the services behind {n} product areas, moving batch jobs to streams and cutting the time from "
    "an order to its invoice from hours to seconds while keeping every record auditable."
)


def two_page_pdf() -> bytes:
    """Page one: a side column of skills beside the experience; page two: one column of experience."""
    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(auto=False)
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 18)
    pdf.cell(0, 10, "Jane Example", align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", size=10)
    pdf.cell(0, 6, "jane@example.com | +1 555 0100 | github.com/jane", align="C", new_x="LMARGIN", new_y="NEXT")
    top = pdf.get_y() + 4
    pdf.set_xy(10, top)
    pdf.cell(50, 7, "SKILLS", new_x="LEFT", new_y="NEXT")
    for skill in SKILLS * 3:
        pdf.cell(50, 5.5, skill, new_x="LEFT", new_y="NEXT")
    pdf.set_xy(70, top)
    pdf.cell(130, 7, "EXPERIENCE", new_x="LEFT", new_y="NEXT")
    for n in range(9):
        pdf.multi_cell(130, 5, f"Senior Engineer, Company {n} (2015 - 2024)", new_x="LEFT", new_y="NEXT")
        pdf.multi_cell(130, 4.7, BULLET.format(n=n), new_x="LEFT", new_y="NEXT")
    pdf.add_page()
    pdf.set_font("Helvetica", size=10)
    for n in range(12):
        pdf.multi_cell(0, 5, f"Engineer, Company {n} (2008 - 2015)", new_x="LMARGIN", new_y="NEXT")
        pdf.multi_cell(0, 4.7, "- " + BULLET.format(n=n), new_x="LMARGIN", new_y="NEXT")
    pdf.cell(0, 7, "EDUCATION", new_x="LMARGIN", new_y="NEXT")
    pdf.cell(0, 6, "B.Sc. Computer Science, State University", new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def docx_resume() -> bytes:
    doc = Document()
    doc.add_heading("Jane Example", level=0)
    doc.add_paragraph("jane@example.com | +1 555 0100 | github.com/jane")
    doc.add_heading("Experience", level=1)
    for n in range(20):
        doc.add_paragraph(f"Senior Engineer, Company {n} (2015 - 2024)")
        doc.add_paragraph(BULLET.format(n=n), style="List Bullet")
    doc.add_heading("Skills", level=1)
    table = doc.add_table(rows=len(SKILLS) // 2, cols=2)
    for i, skill in enumerate(SKILLS):
        table.cell(i // 2, i % 2).text = skill
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _measure(data: bytes) -> dict[str, Any]:
    parsed = parse_resume(data)  # warm-up: imports, font caches
    structure = parse_structure(parsed.text, parsed.sections)
    samples, structure_samples = [], []
    for _ in range(RUNS):
        start = time.perf_counter()
        parse_resume(data)
        samples.append((time.perf_counter() - start) * 1000)
        start = time.perf_counter()
        parse_structure(parsed.text, parsed.sections)
        structure_samples.append((time.perf_counter() - start) * 1000)
    return {**percentiles(samples), "bytes": len(data), "pages": parsed.pages, "chars": len(parsed.text),
            "sections": sorted(parsed.sections),
            "structure": {**percentiles(structure_samples), "roles": len(structure.work),
                          "highlights": sum(len(w.highlights) for w in structure.work)}}  # fmt: skip


async def bench_resume_parse(_: Path) -> dict[str, Any]:
    pdf, docx = await asyncio.to_thread(two_page_pdf), await asyncio.to_thread(docx_resume)
    return {
        "pdf_two_page": await asyncio.to_thread(_measure, pdf),
        "docx": await asyncio.to_thread(_measure, docx),
    }
