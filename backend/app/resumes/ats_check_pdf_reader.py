"""Reading a PDF for the resume check: per page, its letters, the share covered by images, the shapes drawn, whether
its words stand in columns or in ruled table cells; per font, its glyphs and how many come out as garbage or icons.

The PDF is read with the text reader's own guards (`pdf_text`: pypdf's page, password and inflation checks, streams
decoded under pypdf's limits, then pdfminer driven glyph by glyph under the same time, glyph, token and stream
budget), by a device that also notes the images drawn, the straight lines and thin bars drawn (table rules), and each
glyph's font. They are private to `pdf_text` because nothing else should drive pdfminer; the check is the one other
reader, so it uses them rather than a second, unguarded copy."""

from __future__ import annotations

import contextlib
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from io import BytesIO

from pdfminer.pdfcolor import PDFColorSpace
from pdfminer.pdffont import PDFFont, PDFType3Font
from pdfminer.pdfinterp import PDFGraphicState, PDFResourceManager
from pdfminer.pdfpage import PDFPage
from pdfminer.pdfparser import PDFParser
from pdfminer.pdftypes import PDFStream
from pdfminer.utils import Matrix, PathSegment, apply_matrix_pt

from app.resumes.layout import TOP_BLOCK_CUTS_TRIED, TOP_BLOCK_SHARE, Box, cluster_lines, find_split, words_of
from app.resumes.pdf_text import MAX_PDF_PAGES, _BoundedInterpreter, _Budget, _check, _Document, _GlyphDevice

MIN_RULE = 8.0  # points; shorter strokes are bullets, underlines of a letter, icons
THIN = 3.0  # a filled bar thinner than this is a drawn line
MAX_RULES = 400  # per direction and page; a resume draws tens
MAX_CELL_TESTS = 2_000_000  # words times rules; past it the table test is skipped for that page
_ICON_FONT = re.compile(r"awesome|icon|dingbat|wingding|webding|glyph|material|emoji|ionic|feather", re.IGNORECASE)
_SUBSET = re.compile(r"^[A-Z]{6}\+")


@dataclass(slots=True)
class FontUse:
    """One font's glyphs, and how many of them an ATS cannot read as letters."""

    name: str
    embedded: bool
    glyphs: int = 0
    garbled: int = 0  # no Unicode mapping, or a replacement character
    icons: int = 0  # private-use characters, and letters or digits drawn in an icon font


@dataclass(slots=True)
class PageFacts:
    """One page: letters, the share of it images cover, shapes drawn, columns, words in side-by-side ruled cells."""

    letters: int
    image_share: float
    shapes: int
    columns: bool
    table_words: int
    words: int


@dataclass(slots=True)
class _Rules:
    horizontal: set[tuple[float, float, float]] = field(default_factory=set)  # (y, x0, x1), top-down
    vertical: set[tuple[float, float, float]] = field(default_factory=set)  # (x, top, bottom)


class _InspectingDevice(_GlyphDevice):
    """The text reader's glyph device, noting also images, rules and fonts."""

    fonts: dict[str, FontUse]
    images: list[tuple[float, float, float, float]]
    rules: _Rules
    shapes: int

    def begin_page(self, page: PDFPage, ctm: Matrix) -> None:
        super().begin_page(page, ctm)
        self.images, self.rules, self.shapes = [], _Rules(), 0

    def render_char(self, matrix: Matrix, font: PDFFont, fontsize: float, scaling: float, rise: float, cid: int,
                    ncs: PDFColorSpace, graphicstate: PDFGraphicState) -> float:  # fmt: skip
        before = len(self.glyphs)
        advance = super().render_char(matrix, font, fontsize, scaling, rise, cid, ncs, graphicstate)
        if len(self.glyphs) > before:
            self._count(font, self.glyphs[-1].text)
        return advance

    def _count(self, font: PDFFont, text: str) -> None:
        raw = str(getattr(font, "basefont", None) or getattr(font, "fontname", None) or "unnamed")
        use = self.fonts.get(raw)
        if use is None:
            descriptor = getattr(font, "descriptor", None) or {}
            embedded = isinstance(font, PDFType3Font) or any(
                key in descriptor for key in ("FontFile", "FontFile2", "FontFile3")
            )
            use = self.fonts[raw] = FontUse(_SUBSET.sub("", raw)[:80], embedded)
        use.glyphs += 1
        if text.startswith("(cid:") or "\ufffd" in text:
            use.garbled += 1
        elif any(_private_use(c) for c in text) or (_ICON_FONT.search(raw) and text.isalnum()):
            use.icons += 1

    def render_image(self, name: str, stream: PDFStream) -> None:
        item = self.cur_item  # the figure the image is drawn in, in page space
        x0, x1 = max(item.x0, 0.0), min(item.x1, self.page_width)
        y0, y1 = max(item.y0, 0.0), min(item.y1, self.page_height)
        if x1 > x0 and y1 > y0:
            self.images.append((x0, y0, x1, y1))

    def paint_path(self, gstate: PDFGraphicState, stroke: bool, fill: bool, evenodd: bool,
                   path: Sequence[PathSegment]) -> None:  # fmt: skip
        super().paint_path(gstate, stroke, fill, evenodd, path)  # the budget check
        self.shapes += 1
        if len(self.rules.horizontal) < MAX_RULES and len(self.rules.vertical) < MAX_RULES:
            with contextlib.suppress(TypeError, ValueError, IndexError):  # a malformed path: nothing to measure
                self._rules(stroke, fill, path)

    def _rules(self, stroke: bool, fill: bool, path: Sequence[PathSegment]) -> None:
        for subpath in _subpaths(path):
            points = [self._top_down(p) for p, _ in subpath]
            if stroke:
                for i in range(1, len(subpath)):
                    if subpath[i][1]:  # a straight segment from the previous point
                        self._rule(points[i - 1], points[i])
            elif fill and len(points) >= 3:
                xs, ys = [p[0] for p in points], [p[1] for p in points]
                width, height = max(xs) - min(xs), max(ys) - min(ys)
                if height <= THIN and width >= MIN_RULE:
                    self._rule((min(xs), (min(ys) + max(ys)) / 2), (max(xs), (min(ys) + max(ys)) / 2))
                elif width <= THIN and height >= MIN_RULE:
                    self._rule(((min(xs) + max(xs)) / 2, min(ys)), ((min(xs) + max(xs)) / 2, max(ys)))

    def _top_down(self, point: tuple[float, float]) -> tuple[float, float]:
        x, y = apply_matrix_pt(self.ctm, point)
        return x, self.page_height - y

    def _rule(self, a: tuple[float, float], b: tuple[float, float]) -> None:
        (ax, ay), (bx, by) = a, b
        if abs(ay - by) < 1 and abs(ax - bx) >= MIN_RULE:
            self.rules.horizontal.add((round((ay + by) / 2, 1), round(min(ax, bx), 1), round(max(ax, bx), 1)))
        elif abs(ax - bx) < 1 and abs(ay - by) >= MIN_RULE:
            self.rules.vertical.add((round((ax + bx) / 2, 1), round(min(ay, by), 1), round(max(ay, by), 1)))


def _subpaths(path: Sequence[PathSegment]) -> list[list[tuple[tuple[float, float], bool]]]:
    """Each subpath as its points, each with whether the segment reaching it is straight (curves are not rules)."""
    out: list[list[tuple[tuple[float, float], bool]]] = []
    for segment in path:
        op = segment[0]
        if op == "m":
            out.append([((float(segment[-2]), float(segment[-1])), True)])  # type: ignore[misc]
        elif out and op == "h":
            out[-1].append((out[-1][0][0], True))
        elif out and op in ("l", "c", "v", "y"):
            out[-1].append(((float(segment[-2]), float(segment[-1])), op == "l"))  # type: ignore[misc]
    return out


def _private_use(c: str) -> bool:
    code = ord(c)
    return 0xE000 <= code <= 0xF8FF or code >= 0xF0000


def read_pdf(data: bytes) -> tuple[int, list[PageFacts], dict[str, FontUse]]:
    """(page count, what each page holds, font use by font name); raises ResumeParseError when the guards refuse the
    file, and pdfminer's own errors on a damaged one."""
    page_count, decoded = _check(data)
    document = _Document(PDFParser(BytesIO(data)), decoded)
    resources = PDFResourceManager(caching=True)
    device = _InspectingDevice(resources, laparams=None)
    device.budget, device.fonts = _Budget(), {}
    interpreter = _BoundedInterpreter(resources, device)
    pages: list[PageFacts] = []
    for number, page in enumerate(PDFPage.create_pages(document)):
        if number >= MAX_PDF_PAGES:
            break
        interpreter.process_page(page)
        pages.append(_page(device))
    return page_count, pages, device.fonts


def _page(device: _InspectingDevice) -> PageFacts:
    words = words_of(device.glyphs)
    area = max(device.page_width * device.page_height, 1.0)
    covered = sum((x1 - x0) * (y1 - y0) for x0, y0, x1, y1 in device.images)
    return PageFacts(
        letters=sum(c.isalpha() for g in device.glyphs for c in g.text if not g.text.startswith("(cid:")),
        image_share=min(covered / area, 1.0),
        shapes=device.shapes,
        columns=has_columns(words),
        table_words=_table_words(words, device.rules),
        words=len(words),
    )


def has_columns(words: list[Box]) -> bool:
    """Whether the text reader splits this page into columns: at a gutter, or at one below a full-width block
    across the top (as `layout._read` looks for it)."""
    if find_split(words) is not None:
        return True
    lines = cluster_lines(words)
    upper = range(1, max(1, int(len(lines) * TOP_BLOCK_SHARE)))
    gaps = sorted(upper, key=lambda i: min(w.top for w in lines[i]) - max(w.bottom for w in lines[i - 1]))
    for cut in reversed(gaps[-TOP_BLOCK_CUTS_TRIED:]):
        if find_split([w for line in lines[cut:] for w in line], lines[cut:]) is not None:
            return True
    return False


def _table_words(words: list[Box], rules: _Rules) -> int:
    """Words in ruled cells that have another cell with words beside them on the same row."""
    horizontal, vertical = list(rules.horizontal), list(rules.vertical)
    if len(horizontal) < 2 or len(vertical) < 3 or len(words) * (len(horizontal) + len(vertical)) > MAX_CELL_TESTS:
        return 0
    cells: dict[tuple[float, float, float, float], int] = defaultdict(int)
    for w in words:
        cx, cy = (w.x0 + w.x1) / 2, w.middle
        lefts = [x for x, top, bottom in vertical if x <= w.x0 + 1 and top - 1 <= cy <= bottom + 1]
        rights = [x for x, top, bottom in vertical if x >= w.x1 - 1 and top - 1 <= cy <= bottom + 1]
        tops = [y for y, x0, x1 in horizontal if y <= w.top + 1 and x0 - 1 <= cx <= x1 + 1]
        bottoms = [y for y, x0, x1 in horizontal if y >= w.bottom - 1 and x0 - 1 <= cx <= x1 + 1]
        if lefts and rights and tops and bottoms:
            cells[(max(lefts), max(tops), min(rights), min(bottoms))] += 1
    in_rows = 0
    for (left, top, right, bottom), count in cells.items():
        beside = any(
            (l2 >= right - 1 or r2 <= left + 1) and min(bottom, b2) - max(top, t2) > 1
            for (l2, t2, r2, b2) in cells
            if (l2, t2, r2, b2) != (left, top, right, bottom)
        )
        in_rows += count if beside else 0
    return in_rows
