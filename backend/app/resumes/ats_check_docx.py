"""The resume check's look inside a DOCX: is there text, where does it sit (tables, text boxes, columns, the header),
and are symbols written in icon fonts.

The ZIP is opened with the text reader's guards (`docx_text.check_zip`, then `core.archives.read_members`, which
inflates in steps under a hard cap), a part with a document type declaration is refused before any XML is parsed,
and the XML is parsed by python-docx's parser, which resolves no entities and fetches nothing.

What it looks at, in the XML Word writes:
- tables (`w:tbl`): a table is used for layout when a row has two or more cells of several paragraphs each (a side
  column beside the main one), or when tables hold half the text. A small table of one-line cells (skills by
  category) is read fine and is not flagged.
- text boxes (`w:txbxContent`, counted once although Word stores each twice, as a shape and as its fallback).
- columns: a section with `w:cols` of more than one column.
- the header and footer: an email or phone number found there and nowhere in the body.
- pictures (`w:drawing`, `w:pict`) when there is (almost) no text: the resume is an image inside Word.
- symbols: `w:sym` characters and letters in icon fonts (Wingdings, Font Awesome…), which reach an ATS as odd
  characters.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from docx.oxml import parse_xml

from app.core.archives import ArchiveError, read_members
from app.resumes.ats_check_base import EXPORT_WITH_TEXT, FileFacts, Finding, error, ok, plural, warning
from app.resumes.docx_text import MAX_MEMBERS, MAX_UNPACKED_BYTES, check_zip
from app.resumes.errors import ResumeParseError

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
MAX_XML_BYTES = 10 * 1024 * 1024  # the body's XML; a resume's is well under 1 MB
MIN_LETTERS = 20
LAYOUT_CELL_LINES = 3  # paragraphs in a cell that make it a block of content, not a label
TABLE_TEXT_SHARE = 0.5
_PART = re.compile(r"^word/(header|footer)\d*\.xml$")
_DOCTYPE = tuple("<!DOCTYPE".encode(encoding) for encoding in ("utf-8", "utf-16-le", "utf-16-be"))
_ICON_FONT = re.compile(r"awesome|icon|dingbat|wingding|webding|symbol|glyph|material|emoji", re.IGNORECASE)
EMAIL = re.compile(r"[\w.+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){1,5}")
PHONE = re.compile(r"(?<![\w/])\+?\(?\d[\d ().-]{7,18}\d(?![\w/])")


@dataclass(slots=True)
class _Counts:
    letters: int = 0
    table_letters: int = 0
    box_letters: int = 0
    pictures: int = 0
    symbols: int = 0
    layout_tables: int = 0
    columns: int = 1
    text: list[str] = field(default_factory=list)


def inspect_docx(data: bytes) -> FileFacts:
    """Findings on the DOCX itself: text, tables, text boxes, columns, header and footer, symbols. Never raises;
    a DOCX the guards refuse is one error finding saying why."""
    try:
        members = _members(data)
        body = members.get("word/document.xml")
        if body is None:
            raise ResumeParseError("This DOCX has no document part.", "docx_damaged")
        if len(body) > MAX_XML_BYTES:
            return FileFacts([], _pages(members.get("docProps/app.xml")))
        document = _count(parse_xml(body))
        margins = [_count(parse_xml(part)) for name, part in sorted(members.items()) if _PART.match(name)]
    except ResumeParseError as exc:
        return FileFacts([error("text", "An ATS cannot open this DOCX", exc.message, EXPORT_WITH_TEXT)], None, False)
    except Exception:  # lxml and the archive reader raise many kinds of errors on broken parts
        detail = "This DOCX is damaged and could not be read."
        return FileFacts([error("text", "An ATS cannot open this DOCX", detail, EXPORT_WITH_TEXT)], None, False)
    pages = _pages(members.get("docProps/app.xml"))
    letters = document.letters + sum(m.letters for m in margins)
    if letters < MIN_LETTERS:
        return FileFacts([_no_text(document.pictures + sum(m.pictures for m in margins))], pages, readable=False)
    findings = [
        ok("text", "The text can be read", "This DOCX stores its text as characters, which is what an ATS reads."),
        _columns(document),
        _tables(document),
        *_text_boxes(document),
        *_margins(document, margins),
        _symbols(document, margins),
    ]
    return FileFacts(findings, pages)


def _members(data: bytes) -> dict[str, bytes]:
    archive = check_zip(data)
    try:
        members = read_members(data, archive, max_members=MAX_MEMBERS, max_total=MAX_UNPACKED_BYTES)
    except ArchiveError as exc:
        raise ResumeParseError("This DOCX is damaged or too large when unpacked.", "docx_damaged") from exc
    for name, body in members.items():
        if name.endswith((".xml", ".rels")) and any(marker in body for marker in _DOCTYPE):
            raise ResumeParseError(
                "This DOCX contains XML that Word never writes (a document type declaration).", "docx_dtd"
            )
    return members


def _count(root: Any) -> _Counts:
    counts = _Counts()
    for t in root.iter(W + "t"):
        text = t.text or ""
        ancestors = {a.tag for a in t.iterancestors()}
        if MC_FALLBACK in ancestors:
            continue  # the same text box again, drawn for older readers
        letters = sum(c.isalpha() for c in text)
        counts.letters += letters
        counts.text.append(text)
        if W + "tbl" in ancestors:
            counts.table_letters += letters
        if W + "txbxContent" in ancestors:
            counts.box_letters += letters
    for tag in (W + "drawing", W + "pict"):
        counts.pictures += sum(1 for p in root.iter(tag) if MC_FALLBACK not in {a.tag for a in p.iterancestors()})
    counts.symbols = sum(1 for _ in root.iter(W + "sym")) + _icon_runs(root)
    counts.layout_tables = sum(1 for tbl in root.iter(W + "tbl") if _lays_out(tbl))
    for cols in root.iter(W + "cols"):
        declared = cols.get(W + "num") or "1"
        count = max(int(declared) if declared.isdigit() and len(declared) < 3 else 1, len(cols.findall(W + "col")))
        counts.columns = max(counts.columns, count)
    return counts


def _icon_runs(root: Any) -> int:
    """Characters written in an icon font: they reach an ATS as the letters the font draws pictures for."""
    found = 0
    for fonts in root.iter(W + "rFonts"):
        names = " ".join(fonts.get(W + key) or "" for key in ("ascii", "hAnsi", "cs"))
        if not _ICON_FONT.search(names):
            continue
        run = fonts.getparent().getparent() if fonts.getparent() is not None else None
        if run is not None and run.tag == W + "r":
            found += sum(1 for t in run.iter(W + "t") for c in (t.text or "") if c.isalnum())
    return found


def _lays_out(tbl: Any) -> bool:
    """A row with two or more cells that each hold several paragraphs: columns built from a table."""
    for row in tbl.iter(W + "tr"):
        full = 0
        for cell in row.findall(W + "tc"):
            lines = sum(1 for p in cell.findall(W + "p") if "".join(t.text or "" for t in p.iter(W + "t")).strip())
            full += lines >= LAYOUT_CELL_LINES
        if full >= 2:
            return True
    return False


def _pages(app: bytes | None) -> int | None:
    match = re.search(rb"<(?:\w+:)?Pages>(\d{1,4})</", app or b"")
    return max(int(match.group(1)), 1) if match else None


def _no_text(pictures: int) -> Finding:
    if pictures:
        return error(
            "text",
            "This DOCX holds pictures of text, not text",
            "The resume is an image placed in a Word document, so an ATS finds no characters in it: it sees a "
            "blank resume.",
            EXPORT_WITH_TEXT,
        )
    return error("text", "This DOCX holds no text", "An ATS finds no characters in it at all.", EXPORT_WITH_TEXT)


def _columns(document: _Counts) -> Finding:
    if document.columns <= 1:
        return ok("columns", "One column", "The text runs in a single column, in the order an ATS reads it.")
    return warning(
        "columns",
        "Two or more columns",
        f"The document is set in {document.columns} newspaper-style columns. Some ATS read straight across the "
        "page and mix lines from the columns together.",
        "Set the layout back to one column (in Word: Layout → Columns → One) and put side content in sections "
        "of its own.",
    )


def _tables(document: _Counts) -> Finding:
    share = document.table_letters / max(document.letters, 1)
    if document.layout_tables or share >= TABLE_TEXT_SHARE:
        return warning(
            "tables",
            "A table lays out the page",
            f"{share:.0%} of the text sits in table cells, used to place content side by side. Many ATS read a "
            "table row by row, joining cells into one line, and some skip tables altogether.",
            "Take the content out of the table: write it as plain paragraphs and bullet lists under section "
            "headings, in one column.",
        )
    if document.table_letters:
        return ok(
            "tables",
            "Only a small table",
            f"A small table holds {share:.0%} of the text in short cells; most ATS read that correctly.",
        )
    return ok("tables", "No tables", "No text sits in a table.")


def _text_boxes(document: _Counts) -> list[Finding]:
    if not document.box_letters:
        return []
    return [
        warning(
            "text_boxes",
            "Text in text boxes",
            f"{plural(document.box_letters, 'letter')} of your resume sit in text boxes. Many ATS skip text boxes "
            "entirely, so that content is lost to them.",
            "Move the text out of the text boxes into the body of the document (cut it from the box, paste it as "
            "normal paragraphs, delete the empty box).",
        )
    ]


def _margins(document: _Counts, margins: list[_Counts]) -> list[Finding]:
    body = " ".join(document.text)
    outside = " ".join(t for m in margins for t in m.text)
    patterns = (("email", EMAIL), ("phone number", PHONE))
    moved = [what for what, pattern in patterns if pattern.search(outside) and not pattern.search(body)]
    if not moved:
        return []
    return [
        warning(
            "header_footer",
            "Contact details only in the header or footer",
            f"Your {' and '.join(moved)} {'is' if len(moved) == 1 else 'are'} in the page header or footer. Many ATS "
            "ignore headers and footers, and then find no way to contact you.",
            "Put your name, email and phone as the first lines of the document body, not in the header.",
        )
    ]


def _symbols(document: _Counts, margins: list[_Counts]) -> Finding:
    symbols = document.symbols + sum(m.symbols for m in margins)
    if not symbols:
        return ok("fonts", "Fonts give real letters", "The text uses ordinary characters an ATS can read.")
    return warning(
        "icons",
        "Icons come out as stray characters",
        f"{plural(symbols, 'symbol')} written with a symbol or icon font (Wingdings, Font Awesome…) reach an ATS as "
        "odd letters or unknown characters.",
        "Replace icons with words: 'Email:', 'Phone:', 'LinkedIn:'.",
    )
