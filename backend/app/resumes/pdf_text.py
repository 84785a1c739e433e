"""Text of a PDF in reading order, with the checks that keep a hostile PDF from costing much.

pypdf first answers the cheap questions (damaged? password? how many pages? how much does it inflate to?); then
pdfminer, the engine under pdfplumber, gives each glyph's position and `layout` orders them. pdfminer is driven
directly so a page can be stopped mid-way when the time or glyph budget runs out."""

from __future__ import annotations

import re
import time
from io import BytesIO
from typing import Any

from pdfminer.converter import PDFPageAggregator
from pdfminer.layout import LTChar
from pdfminer.pdfcolor import PDFColorSpace
from pdfminer.pdfdocument import PDFDocument, PDFEncryptionError
from pdfminer.pdffont import PDFFont, PDFUnicodeNotDefined
from pdfminer.pdfinterp import PDFGraphicState, PDFPageInterpreter, PDFResourceManager
from pdfminer.pdfpage import PDFPage
from pdfminer.pdfparser import PDFParser
from pdfminer.utils import Matrix, Rect, apply_matrix_rect
from pypdf import PasswordType, PdfReader
from pypdf.errors import LimitReachedError
from pypdf.generic import IndirectObject, StreamObject

from app.resumes.errors import ResumeParseError, damaged
from app.resumes.layout import Box, page_lines

MAX_PDF_PAGES = 20
MAX_INFLATED_BYTES = 40 * 1024 * 1024  # all non-image streams together, decompressed
MAX_GLYPHS = 200_000  # a dense page holds about 5,000
MAX_CONTENT_STREAMS = 5_000  # page contents plus every drawing of a form (icons, logos): tens in a resume
TIME_BUDGET_SECONDS = 8.0

ENCRYPTED = "This PDF is password-protected. Remove the password and upload it again."
NO_TEXT = (
    "This PDF has no extractable text (it looks like a scanned image). Upload a PDF exported from a word "
    "processor, a DOCX or a TXT file."
)
UNDECODABLE = (
    "The text in this PDF could not be decoded (its fonts carry no character map). Export it again from your "
    "word processor, or upload a DOCX or TXT file."
)
TOO_COMPLEX = "This PDF is too complex to read in reasonable time. Export a simpler PDF, or upload a DOCX or TXT file."
_PAGE_NUMBER = re.compile(r"^(page\s+\d+(\s*(of|/)\s*\d+)?|-\s*\d+\s*-|\d+\s*/\s*\d+)$", re.IGNORECASE)


class _Budget:
    """Time, glyphs and content streams left for the whole document; checked inside pdfminer's loops."""

    def __init__(self) -> None:
        self.deadline = time.monotonic() + TIME_BUDGET_SECONDS
        self.glyphs = 0
        self.streams = 0

    def check(self) -> None:
        if time.monotonic() > self.deadline or self.glyphs > MAX_GLYPHS or self.streams > MAX_CONTENT_STREAMS:
            raise ResumeParseError(TOO_COMPLEX, "pdf_too_complex")


class _GlyphDevice(PDFPageAggregator):
    """Records each glyph as a Box in top-down page coordinates (rather than building pdfminer's layout objects,
    which costs more than the rest of the reading) and checks the budget as it goes."""

    budget: _Budget
    glyphs: list[Box]
    page_width: float
    page_height: float

    def begin_page(self, page: PDFPage, ctm: Matrix) -> None:
        super().begin_page(page, ctm)
        self.glyphs = []
        self.page_width, self.page_height = self.cur_item.width, self.cur_item.height

    def render_char(self, matrix: Matrix, font: PDFFont, fontsize: float, scaling: float, rise: float, cid: int,
                    ncs: PDFColorSpace, graphicstate: PDFGraphicState) -> float:  # fmt: skip
        self.budget.glyphs += 1
        if self.budget.glyphs % 2000 == 0:
            self.budget.check()
        if font.is_vertical():  # rare (vertical CJK): let pdfminer place it
            advance = super().render_char(matrix, font, fontsize, scaling, rise, cid, ncs, graphicstate)
            char = self.cur_item._objs[-1]
            if isinstance(char, LTChar):
                self._add(char.get_text(), char.bbox)
            return advance
        try:
            text = font.to_unichr(cid)
        except PDFUnicodeNotDefined:
            text = self.handle_undefined_char(font, cid)
        advance = font.char_width(cid) * fontsize * scaling
        low = font.get_descent() * fontsize + rise
        self._add(text, apply_matrix_rect(matrix, (0, low, advance, low + fontsize)))
        return advance

    def _add(self, text: str, box: Rect) -> None:
        x0, y0, x1, y1 = box
        if max(x0, x1) < 0 or min(x0, x1) > self.page_width or max(y0, y1) < 0 or min(y0, y1) > self.page_height:
            return  # drawn off the page: nobody reading the PDF sees it
        self.glyphs.append(Box(text, min(x0, x1), max(x0, x1), self.page_height - max(y0, y1),
                               self.page_height - min(y0, y1)))  # fmt: skip

    def paint_path(self, *args: Any, **kwargs: Any) -> None:
        self.budget.check()  # shapes carry no text: only counted against the time budget


class _BoundedInterpreter(PDFPageInterpreter):
    """Checks the budget before each content stream, so nested forms cannot multiply the work unseen."""

    def execute(self, streams: Any) -> None:
        device = self.device
        if isinstance(device, _GlyphDevice):
            device.budget.streams += 1
            device.budget.check()
        super().execute(streams)


def extract_pdf(data: bytes) -> tuple[str, int]:
    """(text in reading order, page count); raises ResumeParseError with the reason."""
    pages = _check(data)
    try:
        text = _read_text(data)
    except ResumeParseError:
        raise
    except PDFEncryptionError as exc:
        raise ResumeParseError(ENCRYPTED, "pdf_encrypted") from exc
    except Exception as exc:  # pdfminer raises many kinds of errors on broken files
        raise damaged("PDF") from exc
    letters = sum(c.isalpha() for c in text)
    if text.count("(cid:") * 4 > max(len(text.split()), 1):
        raise ResumeParseError(UNDECODABLE, "pdf_undecodable")
    if letters < 20:
        raise ResumeParseError(NO_TEXT, "pdf_no_text")
    return text, pages


def _check(data: bytes) -> int:
    """Refuse damaged, password-protected, over-long and over-inflating PDFs; return the page count."""
    if data.rfind(b"%%EOF") < 0:  # cut off before its trailer: a truncated upload
        raise damaged("PDF")
    try:
        reader = PdfReader(BytesIO(data), strict=False)
        if reader.is_encrypted and reader.decrypt("") == PasswordType.NOT_DECRYPTED:
            raise ResumeParseError(ENCRYPTED, "pdf_encrypted")
        pages = len(reader.pages)
        if pages > MAX_PDF_PAGES:
            raise ResumeParseError(
                f"This PDF has {pages} pages; a resume can have at most {MAX_PDF_PAGES}.", "pdf_too_many_pages"
            )
        _check_inflated_size(reader)
    except ResumeParseError:
        raise
    except LimitReachedError as exc:
        raise ResumeParseError(TOO_COMPLEX, "pdf_too_complex") from exc
    except Exception as exc:
        raise damaged("PDF") from exc
    if pages == 0:
        raise damaged("PDF")
    return pages


def _check_inflated_size(reader: PdfReader) -> None:
    """pdfminer inflates streams without a limit: refuse a PDF whose streams would inflate past the budget."""
    left = MAX_INFLATED_BYTES
    for generation, objects in reader.xref.items():
        for number in objects:
            obj = reader.get_object(IndirectObject(number, generation, reader))
            if not isinstance(obj, StreamObject) or obj.get("/Subtype") == "/Image":
                continue
            left -= len(obj.get_data())
            if left < 0:
                raise ResumeParseError(TOO_COMPLEX, "pdf_too_complex")


def _read_text(data: bytes) -> str:
    document = PDFDocument(PDFParser(BytesIO(data)), password="")
    resources = PDFResourceManager(caching=True)
    device = _GlyphDevice(resources, laparams=None)
    device.budget = _Budget()
    interpreter = _BoundedInterpreter(resources, device)
    pages: list[str] = []
    for number, page in enumerate(PDFPage.create_pages(document)):
        if number >= MAX_PDF_PAGES:
            break
        interpreter.process_page(page)
        lines = page_lines(device.glyphs)
        pages.append("\n".join(_without_page_numbers(lines)))
    return "\n\n".join(pages)


def _without_page_numbers(lines: list[str]) -> list[str]:
    content = [i for i, line in enumerate(lines) if line.strip()]
    drop = {i for i in (content[:1] + content[-1:]) if _PAGE_NUMBER.match(lines[i].strip())}
    return [line for i, line in enumerate(lines) if i not in drop]
