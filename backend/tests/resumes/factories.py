"""Resume files generated in memory: PDFs with fpdf2, DOCX with python-docx, and broken files of every kind."""

from __future__ import annotations

import io
import struct
import zipfile
import zlib

from docx import Document
from docx.oxml import parse_xml
from fpdf import FPDF
from fpdf.enums import EncryptionMethod

NAME = "Jane Example"
CONTACT = "jane@example.com | +1 555 0100 | github.com/jane"
SUMMARY = "Backend engineer who builds reliable data platforms and mentors teams across time zones."
SIDE_SKILLS = ["Python", "Kubernetes", "PostgreSQL", "Terraform", "Apache Kafka", "Docker", "Go", "Redis", "AWS"]
EXPERIENCE = [
    "Designed an event pipeline that moved billing records between four services without losing a message.",
    "Led the migration of twelve services from virtual machines to a managed cluster in under six months.",
    "Cut the nightly reporting job from three hours to twenty minutes by rewriting the slowest queries.",
    "Mentored five junior engineers and ran the weekly design review for the platform group.",
    "Introduced contract tests between teams, which halved the number of failed releases in a year.",
    "Built an internal command line tool that engineers use every day to create new services.",
]
EDUCATION = "B.Sc. Computer Science, State University, 2014"


def _pdf() -> FPDF:
    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(auto=True, margin=15)
    pdf.set_margins(15, 15, 15)
    return pdf


def _heading(pdf: FPDF, text: str, x: float | None = None, w: float = 0) -> None:
    pdf.set_font("Helvetica", "B", 12)
    if x is not None:
        pdf.set_x(x)
    pdf.cell(w, 7, text, new_x="LMARGIN" if x is None else "LEFT", new_y="NEXT")
    pdf.set_font("Helvetica", size=10)


def one_column_pdf(pages: int = 1) -> bytes:
    """A plain resume; with pages=2 the experience runs onto a second page."""
    pdf = _pdf()
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 18)
    pdf.cell(0, 10, NAME, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", size=10)
    pdf.cell(0, 6, CONTACT, new_x="LMARGIN", new_y="NEXT")
    _heading(pdf, "SUMMARY")
    pdf.multi_cell(0, 5, SUMMARY, new_x="LMARGIN", new_y="NEXT")
    _heading(pdf, "EXPERIENCE")
    for job in range(pages * 3):
        pdf.cell(0, 6, f"Senior Engineer, Company {job} (2019 - 2024)", new_x="LMARGIN", new_y="NEXT")
        for sentence in EXPERIENCE:
            pdf.multi_cell(0, 5, "- " + sentence, new_x="LMARGIN", new_y="NEXT")
        if pages > 1 and job == 2:
            pdf.add_page()
    _heading(pdf, "EDUCATION")
    pdf.cell(0, 6, EDUCATION, new_x="LMARGIN", new_y="NEXT")
    _heading(pdf, "Technical Skills")
    pdf.multi_cell(0, 5, ", ".join(SIDE_SKILLS), new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


LONG_SUMMARY = " ".join([SUMMARY] * 4)


def two_column_pdf(*, summary: bool = False, side_on_right: bool = False) -> bytes:
    """A name across the top, a narrow left column listing skills, a wide right column of experience; the two
    columns use different line heights so their baselines never line up. With summary, a paragraph of several
    lines runs across the page above the columns."""
    pdf = _pdf()
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 18)
    pdf.cell(0, 10, NAME, align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", size=10)
    pdf.cell(0, 6, CONTACT, align="C", new_x="LMARGIN", new_y="NEXT")
    if summary:
        pdf.multi_cell(0, 5, LONG_SUMMARY, new_x="LMARGIN", new_y="NEXT")
    top = pdf.get_y() + 4
    side_x, main_x = (145, 15) if side_on_right else (15, 75)
    pdf.set_xy(side_x, top)
    _heading(pdf, "SKILLS", x=side_x, w=50)
    for skill in SIDE_SKILLS * 2:
        pdf.set_x(side_x)
        pdf.cell(50, 5.5, skill, new_x="LEFT", new_y="NEXT")
    _heading(pdf, "EDUCATION", x=side_x, w=50)
    pdf.set_x(side_x)
    pdf.multi_cell(50, 5.5, EDUCATION, new_x="LEFT", new_y="NEXT")
    pdf.set_xy(main_x, top)
    _heading(pdf, "EXPERIENCE", x=main_x, w=120)
    for job in range(3):
        pdf.set_x(main_x)
        pdf.cell(120, 6.5, f"Staff Engineer, Company {job} (2019 - 2024)", new_x="LEFT", new_y="NEXT")
        for sentence in EXPERIENCE[job * 2 : job * 2 + 2]:
            pdf.set_x(main_x)
            pdf.multi_cell(120, 4.7, sentence, new_x="LEFT", new_y="NEXT")
    return bytes(pdf.output())


def right_aligned_dates_pdf() -> bytes:
    """One column whose job lines carry right-aligned dates: must not be read as two columns."""
    pdf = _pdf()
    pdf.add_page()
    pdf.set_font("Helvetica", size=10)
    pdf.cell(0, 8, NAME, new_x="LMARGIN", new_y="NEXT")
    _heading(pdf, "EXPERIENCE")
    for job in range(4):
        pdf.cell(120, 6, f"Engineer, Company {job}")
        pdf.cell(0, 6, f"{2010 + job * 3} - {2013 + job * 3}", align="R", new_x="LMARGIN", new_y="NEXT")
        for sentence in EXPERIENCE[job : job + 2]:
            pdf.multi_cell(0, 5, "- " + sentence, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def many_pages_pdf(pages: int) -> bytes:
    pdf = _pdf()
    pdf.set_font("Helvetica", size=10)
    for n in range(pages):
        pdf.add_page()
        pdf.cell(0, 6, f"Page {n + 1}: {SUMMARY}")
    return bytes(pdf.output())


def encrypted_pdf(user_password: str, method: EncryptionMethod = EncryptionMethod.AES_128) -> bytes:
    """Encrypted with `method`; an empty user password opens without asking."""
    pdf = _pdf()
    pdf.set_encryption(owner_password="owner-secret", user_password=user_password, encryption_method=method)
    pdf.add_page()
    pdf.set_font("Helvetica", size=10)
    pdf.multi_cell(0, 5, f"{NAME}\n{CONTACT}\nEXPERIENCE\n" + "\n".join(EXPERIENCE), new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def tiny_png(width: int = 4, height: int = 4) -> bytes:
    """A grey PNG built from bytes (no imaging library needed)."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    raw = b"".join(b"\x00" + b"\x80" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")


def scanned_pdf() -> bytes:
    """What a scanner makes: an image and some shapes, no text layer."""
    pdf = _pdf()
    pdf.add_page()
    pdf.image(io.BytesIO(tiny_png()), x=10, y=10, w=190)
    for n in range(20):
        pdf.rect(20, 20 + n * 12, 150, 4, style="F")
    pdf.line(10, 280, 200, 280)
    return bytes(pdf.output())


def docx_resume(*, layout_table: bool = False) -> bytes:
    """Headings, paragraphs, a skills table (row per category), a header with the email and a footer. With
    layout_table, a one-row table holds a side column (skills) beside the main column (experience)."""
    doc = Document()
    doc.sections[0].header.paragraphs[0].text = "jane@example.com | +1 555 0100"
    doc.sections[0].footer.paragraphs[0].text = "References available on request"
    doc.add_heading(NAME, level=0)
    doc.add_heading("Professional Summary", level=1)
    doc.add_paragraph(SUMMARY)
    if layout_table:
        table = doc.add_table(rows=1, cols=2)
        side, main = table.cell(0, 0), table.cell(0, 1)
        side.paragraphs[0].text = "SKILLS"
        for skill in SIDE_SKILLS:
            side.add_paragraph(skill)
        main.paragraphs[0].text = "EXPERIENCE"
        for sentence in EXPERIENCE:
            main.add_paragraph(sentence, style="List Bullet")
    else:
        doc.add_heading("Work History", level=1)
        for sentence in EXPERIENCE:
            doc.add_paragraph(sentence, style="List Bullet")
        doc.add_heading("Skills & Tools", level=1)
        table = doc.add_table(rows=3, cols=2)
        rows = [("Languages", "TypeScript, Rust"), ("Cloud", "AWS, Terraform"), ("Data", "PostgreSQL, Redis")]
        for r, (category, skills) in enumerate(rows):
            table.cell(r, 0).text, table.cell(r, 1).text = category, skills
    doc.add_heading("Education", level=1)
    doc.add_paragraph(EDUCATION)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def rezip(docx: bytes, extra: dict[str, bytes] | None = None, drop: tuple[str, ...] = (),
          replace: dict[str, bytes] | None = None) -> bytes:  # fmt: skip
    """The DOCX with members added, removed or replaced (all deflated)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(docx)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            if info.filename in drop:
                continue
            dst.writestr(info.filename, (replace or {}).get(info.filename, src.read(info.filename)))
        for name, body in (extra or {}).items():
            dst.writestr(name, body)
    return out.getvalue()


def zip_of(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, body in members.items():
            z.writestr(name, body)
    return out.getvalue()


TXT_RESUME = f"""{NAME}
{CONTACT}

Summary
{SUMMARY}

Professional Experience
Senior Engineer, Acme Corp (2019 - 2024)
- {EXPERIENCE[0]}
- {EXPERIENCE[1]}

Education
{EDUCATION}

Skills: Python, Go, Docker, Terraform, AWS
"""


W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
MC_NS = 'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
V_NS = 'xmlns:v="urn:schemas-microsoft-com:vml"'


def docx_with_template_parts() -> bytes:
    """What resume templates do: contact details in a content control, a side column in a text box (drawn both
    as a modern shape and as its VML fallback), a field instruction that is not text, a deleted run."""
    doc = Document()
    body = doc.element.body
    sect = body[-1]  # sectPr stays last
    blocks = [
        f'<w:sdt {W_NS}><w:sdtPr><w:alias w:val="Contact"/></w:sdtPr><w:sdtContent>'
        "<w:p><w:r><w:t>jane@example.com</w:t></w:r></w:p></w:sdtContent></w:sdt>",
        f"<w:p {W_NS} {MC_NS} {V_NS}><w:r><w:t>Profile photo</w:t></w:r><w:r><mc:AlternateContent>"
        '<mc:Choice Requires="wps"><w:drawing><w:txbxContent><w:p><w:r><w:t>SKILLS</w:t></w:r></w:p>'
        "<w:p><w:r><w:t>Kubernetes</w:t></w:r></w:p></w:txbxContent></w:drawing></mc:Choice>"
        "<mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent><w:p><w:r><w:t>SKILLS</w:t></w:r></w:p>"
        "<w:p><w:r><w:t>Kubernetes</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback>"
        "</mc:AlternateContent></w:r></w:p>",
        f'<w:p {W_NS}><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> HYPERLINK "https://x.example"'
        '</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>My site</w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r><w:del><w:r><w:delText>Removed words</w:delText></w:r></w:del>'
        "<w:r><w:t>Python</w:t><w:tab/><w:t>Go</w:t><w:br/><w:t>Rust</w:t></w:r></w:p>",
    ]
    for xml in blocks:
        sect.addprevious(parse_xml(xml))
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def handmade_pdf(objects: list[bytes]) -> bytes:
    """A PDF from raw object bodies (object 1 must be the catalog), with a correct cross-reference table."""
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def stream(body: bytes, extra: bytes = b"") -> bytes:
    packed = zlib.compress(body, 9)
    return b"<< /Length %d /Filter /FlateDecode %s >>\nstream\n" % (len(packed), extra) + packed + b"\nendstream"


def inflating_pdf(inflated_bytes: int) -> bytes:
    """One page of text plus an unused stream that inflates to `inflated_bytes` (a decompression bomb)."""
    content = b"BT /F1 12 Tf 72 720 Td (Jane Example, engineer with Python and Kubernetes) Tj ET"
    return handmade_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
            b"/Resources << /Font << /F1 5 0 R >> >> >>",
            stream(content),
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
            stream(b"\x00" * inflated_bytes),
        ]
    )


def nested_forms_pdf(depth: int, fan_out: int) -> bytes:
    """Each form draws the next one `fan_out` times: fan_out ** depth draws of the innermost text."""
    forms = []
    for level in range(depth):
        if level == depth - 1:
            body = b"BT /F1 10 Tf 0 0 Td (Python) Tj ET"
            resources = b"/Resources << /Font << /F1 4 0 R >> >>"
        else:
            body = b" ".join(b"q 1 0 0 1 %d 0 cm /X Do Q" % i for i in range(fan_out))
            resources = b"/Resources << /XObject << /X %d 0 R >> >>" % (7 + level)  # objects 7.. are forms 1..
        forms.append(stream(body, b"/Type /XObject /Subtype /Form /BBox [0 0 612 792] " + resources))
    return handmade_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 6 0 R "
            b"/Resources << /XObject << /X 5 0 R >> >> >>",
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
            *forms[:1],
            stream(b"q /X Do Q"),
            *forms[1:],
        ]
    )


def deflate_stream(head: bytes, zeros: int) -> bytes:
    """Raw deflate of `head` followed by `zeros` zero bytes, built in steps (the inflated form never exists here)."""
    packer = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
    out = [packer.compress(head)]
    block = b"\x00" * (1024 * 1024)
    for _ in range(zeros // len(block)):
        out.append(packer.compress(block))
    return b"".join([*out, packer.flush()])


def lying_zip(members: list[tuple[str, bytes, bytes]]) -> bytes:
    """A ZIP written by hand: (name, raw deflate, what the headers declare), so the headers' size and CRC describe
    the declared bytes while the stream inflates to far more."""
    local, central = io.BytesIO(), io.BytesIO()
    for name, raw, declared in members:
        fields = (20, 0, 8, 0, 0, zlib.crc32(declared), len(raw), len(declared), len(name.encode()), 0)
        offset = local.tell()
        local.write(struct.pack("<4s5H3I2H", b"PK\x03\x04", *fields) + name.encode() + raw)
        central.write(struct.pack("<4sH5H3I5HII", b"PK\x01\x02", 20, *fields, 0, 0, 0, 0, offset) + name.encode())
    directory = central.getvalue()
    end = struct.pack("<4s4H2IH", b"PK\x05\x06", 0, 0, len(members), len(members), len(directory), local.tell(), 0)
    return local.getvalue() + directory + end
