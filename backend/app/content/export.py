"""DOCX (python-docx) and PDF (fpdf2) from a document's Markdown: headings, paragraphs, bullet lists, **bold**.

Three templates, all safe for applicant tracking systems: one column, the standard headings as real headings
(DOCX heading styles), real text in the body (no text in images, headers or footers, no layout tables).
`classic` is the original look, `compact` fits more on a page, `modern` colours the headings. A cover letter takes
the template's fonts and spacing; there is nothing else to it.

The PDF embeds DejaVu Sans, shipped in `fonts/` with its licence: the built-in PDF fonts are Latin-1 only and
fail on "€" or curly quotes (docs/design.md §9), and a user's install must not depend on the system's fonts."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Literal

FONTS = Path(__file__).parent / "fonts"
FORMATS = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
    "json": "application/json",  # JSON Resume, tailored resumes only (the structure, not the Markdown)
}
TemplateName = Literal["classic", "compact", "modern"]


@dataclass(frozen=True)
class Template:
    body: float  # body text, pt
    line: float  # body line height, mm (PDF)
    headings: tuple[float, float, float]  # h1, h2, h3, pt
    gap: float  # scales the space between blocks
    margins: tuple[float, float]  # left/right, top/bottom, mm
    docx_after: float  # space after a DOCX paragraph, pt
    accent: tuple[int, int, int] | None = None  # heading colour


TEMPLATES: dict[TemplateName, Template] = {
    "classic": Template(body=10.5, line=5.4, headings=(17.0, 12.5, 11.0), gap=1.0, margins=(22, 20), docx_after=6),
    "compact": Template(body=9.5, line=4.5, headings=(15.0, 11.0, 10.0), gap=0.6, margins=(15, 13), docx_after=2),
    "modern": Template(
        body=10.5, line=5.4, headings=(18.0, 12.5, 11.0), gap=1.0, margins=(20, 18), docx_after=5,
        accent=(31, 78, 121),
    ),
}  # fmt: skip
_BOLD = re.compile(r"\*\*(.+?)\*\*")
_BULLET = re.compile(r"^\s*[-*+]\s+")


@dataclass
class Block:
    kind: str  # h1 | h2 | h3 | p | li
    text: str


def parse_markdown(markdown: str) -> list[Block]:
    """The few Markdown forms our documents use; consecutive plain lines form one paragraph."""
    blocks: list[Block] = []
    paragraph: list[str] = []

    def flush() -> None:
        if paragraph:
            blocks.append(Block("p", " ".join(paragraph)))
            paragraph.clear()

    for raw in markdown.splitlines():
        line = raw.strip()
        heading = re.match(r"^(#{1,3})\s+(.*)$", line)
        if not line:
            flush()
        elif heading:
            flush()
            blocks.append(Block(f"h{len(heading.group(1))}", heading.group(2).strip()))
        elif _BULLET.match(line):
            flush()
            blocks.append(Block("li", _BULLET.sub("", line)))
        elif line.startswith("**") and line.endswith("**") and line.count("**") == 2:
            flush()
            blocks.append(Block("p", line))  # an entry header ("**Engineer, Acme (2019 - 2024)**") on its own
        else:
            paragraph.append(line)
    flush()
    return blocks


def _runs(text: str) -> list[tuple[str, bool]]:
    """Text split into (piece, bold) runs."""
    out: list[tuple[str, bool]] = []
    pos = 0
    for match in _BOLD.finditer(text):
        if match.start() > pos:
            out.append((text[pos : match.start()], False))
        out.append((match.group(1), True))
        pos = match.end()
    if pos < len(text):
        out.append((text[pos:], False))
    return out


# Characters XML 1.0 cannot hold (python-docx refuses them): a control character pasted into a document is dropped.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def to_docx(title: str, markdown: str, template: TemplateName = "classic") -> bytes:
    title, markdown = _NOT_XML.sub("", title), _NOT_XML.sub("", markdown)
    t = TEMPLATES[template]
    from docx import Document
    from docx.shared import Mm, Pt, RGBColor

    doc = Document()
    section = doc.sections[0]
    section.left_margin = section.right_margin = Mm(t.margins[0])
    section.top_margin = section.bottom_margin = Mm(t.margins[1])
    style = doc.styles["Normal"]
    style.font.name = "Calibri"
    style.font.size = Pt(t.body)
    style.paragraph_format.space_after = Pt(t.docx_after)
    for level, size in enumerate(t.headings, start=1):
        heading = doc.styles[f"Heading {level}"]
        heading.font.size = Pt(size)
        heading.paragraph_format.space_before = Pt(t.docx_after * (3 - level + 1))
        heading.paragraph_format.space_after = Pt(t.docx_after)
        if t.accent is not None:
            heading.font.color.rgb = RGBColor(*t.accent)
    doc.core_properties.title = title
    blocks = parse_markdown(markdown)
    if not blocks or blocks[0].kind != "h1":
        doc.add_heading(title, level=1)
    for block in blocks:
        if block.kind.startswith("h"):
            doc.add_heading(_BOLD.sub(r"\1", block.text), level=int(block.kind[1]))
            continue
        para = doc.add_paragraph(style="List Bullet" if block.kind == "li" else None)
        for piece, bold in _runs(block.text):
            para.add_run(piece).bold = bold
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


@cache
def _pdf_class() -> Any:
    """The PDF writer class (fpdf loads with the first PDF export)."""
    from fpdf import FPDF  # fpdf and python-docx load on the first export, not with the app (start-up time)

    class _Pdf(FPDF):
        def __init__(self, title: str, t: Template) -> None:
            super().__init__(format="A4")
            self.set_title(title)
            self.set_creator("Career Copilot")
            self.add_font("DejaVu", "", str(FONTS / "DejaVuSans.ttf"))
            self.add_font("DejaVu", "B", str(FONTS / "DejaVuSans-Bold.ttf"))
            self.set_margins(t.margins[0], t.margins[1], t.margins[0])
            self.set_auto_page_break(auto=True, margin=t.margins[1])
            self.add_page()

        def rich(self, text: str, size: float, line: float) -> None:
            for piece, bold in _runs(text):
                self.set_font("DejaVu", "B" if bold else "", size)
                self.write(line, piece)
            self.ln(line)

    return _Pdf


def to_pdf(title: str, markdown: str, template: TemplateName = "classic") -> bytes:
    t = TEMPLATES[template]
    pdf = _pdf_class()(title, t)
    blocks = parse_markdown(markdown)
    if not blocks or blocks[0].kind != "h1":
        blocks.insert(0, Block("h1", title))
    gap = t.gap
    sizes = {
        "h1": (t.headings[0], t.headings[0] / 2, 3.0 * gap),
        "h2": (t.headings[1], t.headings[1] / 1.9, 1.5 * gap),
        "h3": (t.headings[2], t.headings[2] / 1.85, 1.0 * gap),
    }
    previous = ""
    for block in blocks:
        if block.kind in sizes:
            size, line, after = sizes[block.kind]
            if previous:
                pdf.ln(3 * gap)
            pdf.set_font("DejaVu", "B", size)
            if t.accent is not None and block.kind != "h3":
                pdf.set_text_color(*t.accent)
            pdf.multi_cell(0, line, _BOLD.sub(r"\1", block.text), new_x="LMARGIN", new_y="NEXT")
            pdf.set_text_color(0, 0, 0)
            if block.kind == "h2":
                y = pdf.get_y() + 0.5
                pdf.set_draw_color(*(t.accent or (170, 170, 170)))
                pdf.line(pdf.l_margin, y, pdf.w - pdf.r_margin, y)
            pdf.ln(after)
        elif block.kind == "li":
            indent = 6.0
            pdf.set_font("DejaVu", "", t.body)
            pdf.set_x(pdf.l_margin + 1.5)
            pdf.cell(indent - 1.5, t.line, "\u2022")
            left = pdf.l_margin
            pdf.set_left_margin(left + indent)
            pdf.rich(block.text, t.body, t.line)
            pdf.set_left_margin(left)
            pdf.ln(0.8 * gap)
        else:
            if previous in ("p", "li"):
                pdf.ln(2.2 * gap)
            pdf.rich(block.text, t.body, t.line)
        previous = block.kind
    return bytes(pdf.output())


def export_document(fmt: str, title: str, markdown: str, template: TemplateName = "classic") -> bytes:
    """The document's Markdown as PDF or DOCX in one of the ATS-safe templates."""
    return to_pdf(title, markdown, template) if fmt == "pdf" else to_docx(title, markdown, template)


_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f\x7f]+')


def filename(title: str, fmt: str) -> str:
    """The document's title as a file name ("Cover letter \u2013 Acme \u2013 Backend Engineer.pdf")."""
    clean = " ".join(_UNSAFE.sub(" ", title).split()).strip(" .") or "Document"
    return f"{clean[:150]}.{fmt}"
