"""Resume files for the resume check, generated in memory: clean ones, and ones with each thing an ATS trips on
(a scan, a ruled table, icons, glyphs without Unicode, Word columns, a picture instead of text)."""

from __future__ import annotations

import io

from docx import Document
from docx.oxml import parse_xml
from fpdf import FPDF
from PIL import Image, ImageDraw, ImageFont

from tests.resumes.factories import EDUCATION, EXPERIENCE, NAME, SIDE_SKILLS, SUMMARY, handmade_pdf, stream, tiny_png

EMAIL = "jane@example.com"
PHONE = "+1 555 0100"
ROLES = [
    ("Senior Engineer", "Northwind Traders", "Mar 2021 - Present"),
    ("Software Engineer", "Contoso Ltd", "Jun 2017 - Feb 2021"),
    ("Junior Developer", "Fabrikam Inc", "Sep 2014 - May 2017"),
]


def _pdf() -> FPDF:
    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(auto=True, margin=15)
    pdf.set_margins(15, 15, 15)
    pdf.add_page()
    return pdf


def _line(pdf: FPDF, text: str, size: int = 10, style: str = "", height: float = 6) -> None:
    pdf.set_font("Helvetica", style, size)
    pdf.multi_cell(0, height, text, new_x="LMARGIN", new_y="NEXT")


def clean_pdf(*, contact: str = f"{EMAIL} | {PHONE} | Leeds, UK") -> bytes:
    """One column, standard headings, each role with its dates, contact details under the name."""
    pdf = _pdf()
    _line(pdf, NAME, 18, "B", 10)
    _line(pdf, contact)
    _line(pdf, "SUMMARY", 12, "B", 8)
    _line(pdf, SUMMARY, height=5)
    _line(pdf, "EXPERIENCE", 12, "B", 8)
    for n, (title, employer, dates) in enumerate(ROLES):
        _line(pdf, f"{title}, {employer} ({dates})", style="B")
        for sentence in EXPERIENCE[n * 2 : n * 2 + 2]:
            _line(pdf, "- " + sentence, height=5)
    _line(pdf, "EDUCATION", 12, "B", 8)
    _line(pdf, EDUCATION)
    _line(pdf, "SKILLS", 12, "B", 8)
    _line(pdf, ", ".join(SIDE_SKILLS), height=5)
    return bytes(pdf.output())


def long_pdf(pages: int) -> bytes:
    """The clean resume followed by pages of further projects."""
    pdf = FPDF(format="A4")
    pdf.set_margins(15, 15, 15)
    pdf.set_auto_page_break(auto=True, margin=15)
    pdf.add_page()
    _line(pdf, NAME, 18, "B", 10)
    _line(pdf, f"{EMAIL} | {PHONE}")
    _line(pdf, "EXPERIENCE", 12, "B", 8)
    for n, (title, employer, dates) in enumerate(ROLES):
        _line(pdf, f"{title}, {employer} ({dates})", style="B")
        _line(pdf, "- " + EXPERIENCE[n], height=5)
    _line(pdf, "PROJECTS", 12, "B", 8)
    while pdf.page_no() < pages or pdf.get_y() < 100:
        _line(pdf, "- " + SUMMARY, height=5)
    return bytes(pdf.output())


def clean_docx() -> bytes:
    """One column, standard headings as Word headings, contact details in the body, roles with dates."""
    doc = Document()
    doc.add_heading(NAME, level=0)
    doc.add_paragraph(f"{EMAIL} | {PHONE} | Leeds, UK")
    doc.add_heading("Summary", level=1)
    doc.add_paragraph(SUMMARY)
    doc.add_heading("Experience", level=1)
    for n, (title, employer, dates) in enumerate(ROLES):
        doc.add_paragraph(f"{title}, {employer} ({dates})")
        for sentence in EXPERIENCE[n * 2 : n * 2 + 2]:
            doc.add_paragraph(sentence, style="List Bullet")
    doc.add_heading("Education", level=1)
    doc.add_paragraph(EDUCATION)
    doc.add_heading("Skills", level=1)
    doc.add_paragraph(", ".join(SIDE_SKILLS))
    return _saved(doc)


def scanned_pdf() -> bytes:
    """A resume as a scanner makes it: a picture of the page's text, and no text layer."""
    page = Image.new("L", (1240, 1754), 255)  # A4 at 150 dpi
    draw = ImageDraw.Draw(page)
    font = ImageFont.load_default(size=28)
    lines = [NAME, f"{EMAIL} | {PHONE}", "", "EXPERIENCE", *EXPERIENCE, "", "EDUCATION", EDUCATION]
    for n, line in enumerate(lines):
        draw.text((90, 90 + n * 44), line[:70], fill=0, font=font)
    image = io.BytesIO()
    page.save(image, format="PNG")
    pdf = FPDF(format="A4")
    pdf.add_page()
    pdf.image(io.BytesIO(image.getvalue()), x=0, y=0, w=210, h=297)
    return bytes(pdf.output())


def ruled_table_pdf() -> bytes:
    """A resume laid out in a bordered table: the section names in a narrow left column, their content in the wide
    right one, one row per section."""
    pdf = _pdf()
    _line(pdf, NAME, 18, "B", 10)
    _line(pdf, f"{EMAIL} | {PHONE}")
    pdf.set_font("Helvetica", size=10)
    rows = [
        ("Summary", SUMMARY),
        ("Experience", "\n".join(f"{t}, {e} ({d})" for t, e, d in ROLES) + "\n" + "\n".join(EXPERIENCE)),
        ("Education", EDUCATION),
        ("Skills", ", ".join(SIDE_SKILLS)),
    ]
    with pdf.table(col_widths=(40, 140), first_row_as_headings=False, borders_layout="ALL") as table:
        for label, content in rows:
            row = table.row()
            row.cell(label)
            row.cell(content)
    return bytes(pdf.output())


def _one_font_pdf(font: bytes, text: bytes, extra: list[bytes] | None = None) -> bytes:
    """A page of Helvetica text (a full resume's worth) and `text` drawn in the font F2 described by `font`."""
    body = b"BT /F1 10 Tf 72 760 Td (Jane Example) Tj 0 -14 Td (jane@example.com | +1 555 0100) Tj ET "
    y = 720
    for heading, lines in (("EXPERIENCE", EXPERIENCE), ("EDUCATION", [EDUCATION]), ("SKILLS", SIDE_SKILLS)):
        body += b"BT /F1 12 Tf 72 %d Td (%s) Tj ET " % (y, heading.encode())
        for line in lines:
            y -= 14
            body += b"BT /F1 10 Tf 72 %d Td (%s) Tj ET " % (y, line.encode())
        y -= 24
    body += b"BT /F2 10 Tf 72 60 Td " + text + b" Tj ET"
    return handmade_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
            b"/Resources << /Font << /F1 5 0 R /F2 6 0 R >> >> >>",
            stream(body),
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
            font,
            *(extra or []),
        ]
    )


def icon_font_pdf() -> bytes:
    """Contact icons drawn as letters of an icon font that is not embedded (as Font Awesome exports do)."""
    font = b"<< /Type /Font /Subtype /Type1 /BaseFont /FontAwesome /FirstChar 32 /LastChar 126 /Widths [%s] >>" % (
        b" ".join([b"600"] * 95)
    )
    return _one_font_pdf(font, b"(e p m)")


def unmapped_glyphs_pdf(glyphs: int = 400) -> bytes:
    """Text in a composite font with no Unicode map: it draws, but reads back as "(cid:N)"."""
    font = b"<< /Type /Font /Subtype /Type0 /BaseFont /ABCDEF+Mystery /Encoding /Identity-H /DescendantFonts [7 0 R] >>"
    descendant = (
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /ABCDEF+Mystery /CIDSystemInfo << /Registry (Adobe) "
        b"/Ordering (Identity) /Supplement 0 >> /FontDescriptor 8 0 R /DW 500 >>"
    )
    descriptor = (
        b"<< /Type /FontDescriptor /FontName /ABCDEF+Mystery /Flags 4 /FontBBox [0 0 1000 1000] /ItalicAngle 0 "
        b"/Ascent 800 /Descent -200 /CapHeight 700 /StemV 80 >>"
    )
    codes = b"".join(b"%04X" % (3 + n % 40) for n in range(glyphs))
    return _one_font_pdf(font, b"<" + codes + b">", [descendant, descriptor])


def docx_in_columns() -> bytes:
    """A clean DOCX whose section is set in two newspaper columns."""
    doc = Document(io.BytesIO(clean_docx()))
    sect = doc.sections[0]._sectPr
    for old in sect.findall("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}cols"):
        sect.remove(old)
    sect.append(
        parse_xml(
            '<w:cols xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" w:num="2" w:space="720"/>'
        )
    )
    return _saved(doc)


def docx_contact_in_header() -> bytes:
    """A clean DOCX except that the email and phone sit only in the page header."""
    doc = Document(io.BytesIO(clean_docx()))
    doc.paragraphs[1].text = "Leeds, UK"
    doc.sections[0].header.paragraphs[0].text = f"{EMAIL} | {PHONE}"
    return _saved(doc)


def picture_docx() -> bytes:
    """A Word document holding only a picture of the resume."""
    doc = Document()
    doc.add_picture(io.BytesIO(tiny_png(40, 60)))
    return _saved(doc)


def _saved(doc: object) -> bytes:
    out = io.BytesIO()
    doc.save(out)  # type: ignore[attr-defined]
    return out.getvalue()
