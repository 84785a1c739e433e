"""Text of a PDF in reading order, with the checks that keep a hostile PDF from costing much.

pypdf first answers the cheap questions (damaged? password? how many pages? how much does it inflate to?); then
pdfminer, the engine under pdfplumber, gives each glyph's position and `layout` orders them. pdfminer is driven
directly so a page can be stopped mid-way when the time or glyph budget runs out.

pdfminer was not written for hostile files: it inflates a stream with no limit (and a damaged one byte by byte, in
quadratic time), and its content parser keeps every nesting level, operand and saved graphics state it is given. So
pdfminer inflates nothing here: it reads each stream as pypdf decoded it, under pypdf's output limits, and image
streams (which the size check does not count) as empty; and its content parser counts every token against the
budget and refuses runaway nesting, operand stacks and saved states."""

from __future__ import annotations

import re
import time
from collections.abc import Sequence
from io import BytesIO
from typing import Any

from pdfminer.converter import PDFPageAggregator
from pdfminer.layout import LTChar
from pdfminer.pdfcolor import PDFColorSpace
from pdfminer.pdfdocument import PDFDocument, PDFEncryptionError
from pdfminer.pdffont import PDFFont, PDFUnicodeNotDefined
from pdfminer.pdfinterp import PDFContentParser, PDFGraphicState, PDFPageInterpreter, PDFResourceManager, PDFStackT
from pdfminer.pdfpage import PDFPage
from pdfminer.pdfparser import PDFParser
from pdfminer.pdftypes import PDFStream, stream_value
from pdfminer.psexceptions import PSEOF
from pdfminer.psparser import PSKeyword, PSStackEntry, keyword_name
from pdfminer.utils import Matrix, Rect, apply_matrix_rect
from pypdf import PasswordType, PdfReader, apply_configuration
from pypdf.errors import LimitReachedError
from pypdf.generic import IndirectObject, StreamObject

from app.resumes.errors import ResumeParseError, damaged
from app.resumes.layout import Box, page_lines

MAX_PDF_PAGES = 20
MAX_INFLATED_BYTES = 40 * 1024 * 1024  # all non-image streams together, decompressed
MAX_GLYPHS = 200_000  # a dense page holds about 5,000
MAX_CONTENT_STREAMS = 5_000  # page contents plus every drawing of a form (icons, logos): tens in a resume
MAX_CONTENT_TOKENS = 2_000_000  # operators and operands of every content stream; a dense page has tens of thousands
MAX_NESTING = 32  # arrays and dictionaries inside a content stream; text arrays and marked content need 2 or 3
MAX_SAVED_STATES = 1_000  # graphics states saved (q) and not yet restored; real files stay under a few dozen
MAX_OPERANDS = 128  # operands waiting for an operator; none takes more than 33
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


def _too_complex() -> ResumeParseError:
    return ResumeParseError(TOO_COMPLEX, "pdf_too_complex")


class _Budget:
    """Time, glyphs, content streams and tokens left for the whole document; checked inside pdfminer's loops."""

    def __init__(self) -> None:
        self.deadline = time.monotonic() + TIME_BUDGET_SECONDS
        self.glyphs = 0
        self.streams = 0
        self.tokens = 0

    def check(self) -> None:
        if (
            time.monotonic() > self.deadline
            or self.glyphs > MAX_GLYPHS
            or self.streams > MAX_CONTENT_STREAMS
            or self.tokens > MAX_CONTENT_TOKENS
        ):
            raise _too_complex()


class _Document(PDFDocument):
    """Hands pdfminer each stream as pypdf decoded it (under pypdf's limits); any other stream reads as empty."""

    def __init__(self, parser: PDFParser, decoded: dict[tuple[int, int], bytes]) -> None:
        self.decoded = decoded  # before pdfminer's own set-up, which already reads objects
        super().__init__(parser, password="")

    def getobj(self, objid: int) -> object:
        obj = super().getobj(objid)
        if isinstance(obj, PDFStream) and obj.data is None:
            obj.data, obj.rawdata = self.decoded.get((objid, obj.genno or 0), b""), None
        return obj


class _BoundedContentParser(PDFContentParser):
    """pdfminer's content parser, with every token counted against the budget and nesting refused past a limit.
    The clock is also read as it steps through its buffer: one endless token (a run of bytes that are neither space
    nor delimiter, or inline image data) is built up without a push."""

    def __init__(self, streams: Sequence[object], budget: _Budget) -> None:
        self.budget = budget
        self.steps = 0
        super().__init__(streams)

    def fillbuf(self) -> bool:
        self.steps += 1
        if self.steps % 256 == 0:
            self.budget.check()
        return super().fillbuf()

    def push(self, *objs: PSStackEntry[PSKeyword | PDFStream]) -> None:
        self._count()
        super().push(*objs)

    def start_type(self, pos: int, type: str) -> None:
        if len(self.context) >= MAX_NESTING:
            raise _too_complex()
        self._count()
        super().start_type(pos, type)

    def _count(self) -> None:
        self.budget.tokens += 1
        if self.budget.tokens % 1000 == 0:
            self.budget.check()


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
    """Checks the budget before each content stream, so nested forms cannot multiply the work unseen, and parses it
    with the bounded parser; saved graphics states and waiting operands are capped."""

    def execute(self, streams: Sequence[object]) -> None:
        # pdfminer's own loop (a stream already being drawn further up is skipped), with the bounded parser
        device = self.device
        assert isinstance(device, _GlyphDevice)
        device.budget.streams += 1
        device.budget.check()
        self.stream_ids.clear()
        valid: list[PDFStream] = []
        for obj in streams:
            stream = stream_value(obj)
            if stream.objid is not None and stream.objid not in self.parent_stream_ids:
                valid.append(stream)
                self.stream_ids.add(stream.objid)
        try:
            parser = _BoundedContentParser(valid, device.budget)
        except PSEOF:
            return
        while True:
            try:
                _, obj = parser.nextobject()
            except PSEOF:
                break
            if isinstance(obj, PSKeyword):
                self._operator(keyword_name(obj))
            else:
                self.push(obj)

    def _operator(self, name: str) -> None:
        method = getattr(self, "do_" + name.replace("*", "_a").replace('"', "_w").replace("'", "_q"), None)
        if method is None:
            return
        count = method.__code__.co_argcount - 1
        if not count:
            method()
            return
        args = self.pop(count)
        if len(args) == count:
            method(*args)

    def push(self, obj: PDFStackT) -> None:
        self.argstack.append(obj)
        if len(self.argstack) > MAX_OPERANDS:  # operands no operator took; pdfminer's pop copies the whole stack
            del self.argstack[: -MAX_OPERANDS // 2]

    def do_q(self) -> None:
        if len(self.gstack) >= MAX_SAVED_STATES:
            raise _too_complex()
        super().do_q()


def extract_pdf(data: bytes) -> tuple[str, int]:
    """(text in reading order, page count); raises ResumeParseError with the reason."""
    pages, decoded = _check(data)
    try:
        text = _read_text(data, decoded)
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


def _check(data: bytes) -> tuple[int, dict[tuple[int, int], bytes]]:
    """Refuse damaged, password-protected, over-long and over-inflating PDFs; return the page count and the decoded
    streams."""
    if data.rfind(b"%%EOF") < 0:  # cut off before its trailer: a truncated upload
        raise damaged("PDF")
    try:
        # pypdf stops one stream at the whole document's budget (by default at 75 MB, twice that)
        limit = MAX_INFLATED_BYTES + 1
        with apply_configuration(
            zlib_maximum_output_length=limit,
            lzw_maximum_output_length=limit,
            run_length_maximum_output_length=limit,
            brotli_maximum_output_length=limit,
        ):
            reader = PdfReader(BytesIO(data), strict=False)
            if reader.is_encrypted and reader.decrypt("") == PasswordType.NOT_DECRYPTED:
                raise ResumeParseError(ENCRYPTED, "pdf_encrypted")
            pages = len(reader.pages)
            if pages > MAX_PDF_PAGES:
                raise ResumeParseError(
                    f"This PDF has {pages} pages; a resume can have at most {MAX_PDF_PAGES}.", "pdf_too_many_pages"
                )
            decoded = _decoded_streams(reader)
    except ResumeParseError:
        raise
    except LimitReachedError as exc:
        raise _too_complex() from exc
    except Exception as exc:
        raise damaged("PDF") from exc
    if pages == 0:
        raise damaged("PDF")
    return pages, decoded


def _decoded_streams(reader: PdfReader) -> dict[tuple[int, int], bytes]:
    """Every stream but the images (pdfminer never needs their pixels), decoded, by object number and generation;
    refuses a PDF whose streams together inflate past the budget."""
    left = MAX_INFLATED_BYTES
    decoded: dict[tuple[int, int], bytes] = {}
    for generation, objects in reader.xref.items():
        for number in objects:
            obj = reader.get_object(IndirectObject(number, generation, reader))
            if not isinstance(obj, StreamObject) or obj.get("/Subtype") == "/Image":
                continue
            body = obj.get_data()
            left -= len(body)
            if left < 0:
                raise _too_complex()
            decoded[number, generation] = body
    return decoded


def _read_text(data: bytes, decoded: dict[tuple[int, int], bytes]) -> str:
    document = _Document(PDFParser(BytesIO(data)), decoded)
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
