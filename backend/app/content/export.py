"""DOCX (python-docx) and PDF (fpdf2) from a document's Markdown: headings, paragraphs, bullet lists, **bold**.

The PDF embeds DejaVu Sans, shipped in `fonts/` with its licence: the built-in PDF fonts are Latin-1 only and
fail on "€" or curly quotes (DESIGN §9), and a user's install must not depend on the system's fonts."""

from __future__ import annotations

import io
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from docx import Document
from docx.shared import Pt
from fpdf import FPDF

FONTS = Path(__file__).parent / "fonts"
FORMATS = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
}
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


def to_docx(title: str, markdown: str) -> bytes:
    doc = Document()
    style = doc.styles["Normal"]
    style.font.name = "Calibri"
    style.font.size = Pt(11)
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


class _Pdf(FPDF):
    def __init__(self, title: str) -> None:
        super().__init__(format="A4")
        self.set_title(title)
        self.set_creator("Career Copilot")
        self.add_font("DejaVu", "", str(FONTS / "DejaVuSans.ttf"))
        self.add_font("DejaVu", "B", str(FONTS / "DejaVuSans-Bold.ttf"))
        self.set_margins(22, 20, 22)
        self.set_auto_page_break(auto=True, margin=20)
        self.add_page()

    def rich(self, text: str, size: float, line: float) -> None:
        for piece, bold in _runs(text):
            self.set_font("DejaVu", "B" if bold else "", size)
            self.write(line, piece)
        self.ln(line)


def to_pdf(title: str, markdown: str) -> bytes:
    pdf = _Pdf(title)
    blocks = parse_markdown(markdown)
    if not blocks or blocks[0].kind != "h1":
        blocks.insert(0, Block("h1", title))
    sizes = {"h1": (17.0, 8.5, 3.0), "h2": (12.5, 6.5, 1.5), "h3": (11.0, 6.0, 1.0)}
    previous = ""
    for block in blocks:
        if block.kind in sizes:
            size, line, after = sizes[block.kind]
            if previous:
                pdf.ln(3)
            pdf.set_font("DejaVu", "B", size)
            pdf.multi_cell(0, line, _BOLD.sub(r"\1", block.text), new_x="LMARGIN", new_y="NEXT")
            if block.kind == "h2":
                y = pdf.get_y() + 0.5
                pdf.set_draw_color(170, 170, 170)
                pdf.line(pdf.l_margin, y, pdf.w - pdf.r_margin, y)
            pdf.ln(after)
        elif block.kind == "li":
            indent = 6.0
            pdf.set_font("DejaVu", "", 10.5)
            pdf.set_x(pdf.l_margin + 1.5)
            pdf.cell(indent - 1.5, 5.4, "\u2022")
            left = pdf.l_margin
            pdf.set_left_margin(left + indent)
            pdf.rich(block.text, 10.5, 5.4)
            pdf.set_left_margin(left)
            pdf.ln(0.8)
        else:
            if previous in ("p", "li"):
                pdf.ln(2.2)
            pdf.rich(block.text, 10.5, 5.4)
        previous = block.kind
    return bytes(pdf.output())


def export(fmt: str, title: str, markdown: str) -> bytes:
    return to_pdf(title, markdown) if fmt == "pdf" else to_docx(title, markdown)


_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f\x7f]+')


def filename(title: str, fmt: str) -> str:
    """The document's title as a file name ("Cover letter \u2013 Acme \u2013 Backend Engineer.pdf")."""
    clean = " ".join(_UNSAFE.sub(" ", title).split()).strip(" .") or "Document"
    return f"{clean[:150]}.{fmt}"


def content_disposition(name: str) -> str:
    """An ASCII fallback for old clients and the exact name in `filename*` (RFC 6266 / 5987)."""
    ascii_name = unicodedata.normalize("NFKD", name.replace("\u2013", "-").replace("\u2014", "-"))
    ascii_name = ascii_name.encode("ascii", "ignore").decode().replace('"', "").replace("\\", "") or "document"
    return f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(name, safe='')}"
