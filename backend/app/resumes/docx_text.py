"""Text of a DOCX: body paragraphs and tables in document order, text boxes, content controls, headers, footers.

The ZIP is measured before python-docx unpacks anything (a small upload may inflate to gigabytes): first by its
declared sizes, then by inflating each member in steps with a hard cap (`core/archives.py`), and python-docx reads
the members so inflated, repacked uncompressed, never the upload itself. A part with a document type declaration is
refused before any XML is parsed: Word never writes one (the Open Packaging Conventions forbid it), and it is how a file
asks for entity expansion ("billion laughs") or external entities (XXE); lxml resolves neither, but it would keep the
text up to an entity and drop the rest of the run. The body is
walked as XML rather than through python-docx's paragraph list, which skips content controls and text boxes,
where resume templates often keep the contact block or a side column."""

from __future__ import annotations

import re
import zipfile
from io import BytesIO
from typing import Any

import docx
from docx.opc.part import XmlPart

from app.core.archives import ArchiveDamaged, ArchiveTooLarge, read_members, stored_zip
from app.resumes.errors import ResumeParseError, damaged

MAX_UNPACKED_BYTES = 50 * 1024 * 1024
MAX_MEMBERS = 1000
MAX_RATIO = 100
RATIO_CHECKED_FROM_BYTES = 1024 * 1024

HAS_DTD = (
    "This DOCX contains XML that Word never writes (a document type declaration), so it was not read. Save it again "
    "from your word processor, or upload a PDF or TXT file."
)
TOO_LARGE = "This DOCX is too large when unpacked. Remove large embedded files, or upload a PDF or TXT file instead."
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_SKIPPED = {W + "pPr", W + "rPr", W + "tblPr", W + "tcPr", W + "trPr", W + "sdtPr", W + "del", W + "moveFrom",
            W + "instrText", W + "delText", MC_FALLBACK}  # fmt: skip
_WRAPPERS = {W + "customXml", W + "ins", W + "moveTo", W + "smartTag"}
_WORD_MAIN = b"wordprocessingml.document.main+xml"
_DOCTYPE = tuple("<!DOCTYPE".encode(encoding) for encoding in ("utf-8", "utf-16-le", "utf-16-be"))
_OTHER_WORD = {
    b"ms-word.document.macroEnabled.main+xml": "a macro-enabled Word document (.docm)",
    b"wordprocessingml.template.main+xml": "a Word template (.dotx)",
    b"ms-word.template.macroEnabledTemplate.main+xml": "a Word template (.dotm)",
}


def check_zip(data: bytes) -> zipfile.ZipFile:
    """Open the ZIP and refuse it when it unpacks too large, too compressed or into too many files."""
    try:
        archive = zipfile.ZipFile(BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError) as exc:
        raise damaged("DOCX") from exc
    if len(members) > MAX_MEMBERS:
        raise ResumeParseError(f"This DOCX holds more than {MAX_MEMBERS} files; it is not a resume.", "docx_too_large")
    if sum(m.file_size for m in members) > MAX_UNPACKED_BYTES:
        raise ResumeParseError(TOO_LARGE, "docx_too_large")
    for m in members:
        if m.file_size > RATIO_CHECKED_FROM_BYTES and m.file_size > MAX_RATIO * max(m.compress_size, 1):
            raise ResumeParseError(TOO_LARGE, "docx_too_large")
    return archive


def extract_docx(data: bytes) -> tuple[str, int]:
    """(text, page count as Word last saved it, else 1); raises ResumeParseError with the reason."""
    archive = check_zip(data)
    try:
        members = read_members(data, archive, max_members=MAX_MEMBERS, max_total=MAX_UNPACKED_BYTES)
    except ArchiveTooLarge as exc:
        raise ResumeParseError(TOO_LARGE, "docx_too_large") from exc
    except ArchiveDamaged as exc:
        raise damaged("DOCX") from exc
    xml_parts = (body for name, body in members.items() if name.endswith((".xml", ".rels")))
    if any(marker in body for body in xml_parts for marker in _DOCTYPE):
        raise ResumeParseError(HAS_DTD, "docx_dtd")
    content_types = members.get("[Content_Types].xml")
    if content_types is None:
        raise damaged("DOCX")
    if _WORD_MAIN not in content_types:
        for marker, what in _OTHER_WORD.items():
            if marker in content_types:
                message = f"This is {what}. Save it as a regular DOCX and upload it again."
                raise ResumeParseError(message, "docx_variant")
        raise damaged("DOCX")
    try:
        document = docx.Document(BytesIO(stored_zip(members)))
        parts = list(document.part.package.iter_parts())
        body = _blocks(document.element.body)
        headers = _part_lines(parts, "/word/header")
        footers = _part_lines(parts, "/word/footer")
    except Exception as exc:  # python-docx and lxml raise many kinds of errors on broken parts
        raise damaged("DOCX") from exc
    # Headers and footers first: templates keep the name and contact details there, rarely anything else.
    lines = [*headers, *footers, "", *body]
    return "\n".join(lines), _pages(members.get("docProps/app.xml"))


def _part_lines(parts: list[Any], prefix: str) -> list[str]:
    """Lines of every header (or footer) part, each distinct line once (sections often repeat them)."""
    seen: set[str] = set()
    out: list[str] = []
    for part in sorted((p for p in parts if isinstance(p, XmlPart)), key=lambda p: str(p.partname)):
        if not str(part.partname).startswith(prefix):
            continue
        for line in _blocks(part.element):
            if line.strip() and line not in seen:
                seen.add(line)
                out.append(line)
    return out


def _blocks(container: Any) -> list[str]:
    """Lines of a block container (body, cell, header, text box) in document order."""
    out: list[str] = []
    for child in container:
        tag = child.tag
        if tag == W + "p":
            out.extend(_paragraph(child))
        elif tag == W + "tbl":
            out.extend(_table(child))
        elif tag == W + "sdt":
            content = child.find(W + "sdtContent")
            if content is not None:
                out.extend(_blocks(content))
        elif tag in _WRAPPERS:
            out.extend(_blocks(child))
    return out


def _paragraph(p: Any) -> list[str]:
    parts: list[str] = []
    boxes: list[str] = []

    def walk(element: Any) -> None:
        for child in element:
            tag = child.tag
            if not isinstance(tag, str) or tag in _SKIPPED:
                continue
            if tag == W + "t":
                parts.append(child.text or "")
            elif tag == W + "tab":
                parts.append("\t")
            elif tag in (W + "br", W + "cr"):
                parts.append("\n")
            elif tag == W + "noBreakHyphen":
                parts.append("-")
            elif tag == W + "txbxContent":
                boxes.extend(["", *_blocks(child), ""])
            else:
                walk(child)

    walk(p)
    return [*"".join(parts).split("\n"), *boxes]


def _table(tbl: Any) -> list[str]:
    """A row of one-line cells is one line, cells joined by " | "; a row of longer cells (a layout table, say a
    side column beside the main one) is read cell by cell, so each column stays together."""
    out: list[str] = []
    for row in _children(tbl, "tr"):
        cells = [[line for line in _blocks(tc) if line.strip()] for tc in _children(row, "tc")]
        cells = [c for c in cells if c]
        if not cells:
            continue
        if all(len(c) == 1 for c in cells):
            out.append(" | ".join(c[0].strip() for c in cells))
        else:
            for c in cells:
                out.extend([*c, ""])
    return [*out, ""]


def _children(element: Any, name: str) -> list[Any]:
    """Direct children named `name`, looking through content controls and custom XML wrappers."""
    found: list[Any] = []
    for child in element:
        if child.tag == W + name:
            found.append(child)
        elif child.tag == W + "sdt":
            content = child.find(W + "sdtContent")
            if content is not None:
                found.extend(_children(content, name))
        elif child.tag in _WRAPPERS:
            found.extend(_children(child, name))
    return found


def _pages(app: bytes | None) -> int:
    match = re.search(rb"<(?:\w+:)?Pages>(\d{1,4})</", app or b"")
    return max(int(match.group(1)), 1) if match else 1
