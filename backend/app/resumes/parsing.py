"""Read an uploaded resume (PDF, DOCX or TXT, decided by content) into text and sections.

Every refusal is a ResumeParseError whose message a person can act on; no other exception escapes
`parse_resume`. The work is CPU-bound and blocking: call it through `asyncio.to_thread`."""

from __future__ import annotations

import codecs
import re
import unicodedata
import zipfile
from dataclasses import dataclass
from io import BytesIO
from typing import Literal

from app.resumes.errors import ResumeParseError
from app.resumes.sections import split_sections

__all__ = ["MAX_RESUME_BYTES", "ParsedResume", "ResumeParseError", "parse_resume", "require_some_text", "sniff_type"]

Kind = Literal["pdf", "docx", "txt"]
MAX_RESUME_BYTES = 5 * 1024 * 1024
CONTENT_TYPES: dict[Kind, str] = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "txt": "text/plain",
}
EMPTY = "This file is empty."
NOT_TEXT = "This doesn't look like a text file."
UPLOAD_INSTEAD = "Upload a PDF, DOCX or TXT file."

_SIGNATURES: list[tuple[bytes, str]] = [
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"MZ", "a Windows program"),
    (b"\x7fELF", "a Linux program"),
    (b"\xcf\xfa\xed\xfe", "a macOS program"),
    (b"\xce\xfa\xed\xfe", "a macOS program"),
    (b"\xca\xfe\xba\xbe", "a program"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"BZh", "a bzip2 archive"),
    (b"\xfd7zXZ\x00", "an xz archive"),
    (b"{\\rtf", "an RTF document"),
    (b"\x00\x00\x01\x00", "an icon image"),
]
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
_INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
_SPACE_RUN = re.compile(r" {2,}")
MIN_LETTERS = 10  # fewer is no resume: a one-byte file, a stray note (a PDF has its own, higher, bar for "no text")
FLAT_CHARS_PER_BREAK = 200  # fewer line breaks than one per this many characters: the breaks were lost
FLAT_MIN_RUNS = 5


@dataclass
class ParsedResume:
    kind: Kind
    content_type: str
    text: str
    sections: dict[str, str]
    pages: int


def parse_resume(data: bytes) -> ParsedResume:
    """Text (columns kept apart, tables kept) and sections of a resume; raises ResumeParseError."""
    kind = sniff_type(data)
    pages = 1
    # Each reader (pdfminer and pypdf, python-docx) loads with the first file of its kind, not with the app.
    if kind == "pdf":
        from app.resumes.pdf_text import extract_pdf
    elif kind == "docx":
        from app.resumes.docx_text import extract_docx
    try:
        if kind == "pdf":
            raw, pages = extract_pdf(data)
        elif kind == "docx":
            raw, pages = extract_docx(data)
        else:
            raw = restore_line_breaks(decode_text(data))
    except ResumeParseError:
        raise
    except Exception as exc:  # a reader bug must still reach the user as a refusal, not a crash
        raise ResumeParseError(f"This {kind.upper()} could not be read.", f"{kind}_unreadable") from exc
    text = normalize_text(raw)
    if not text:
        raise ResumeParseError(EMPTY if kind == "txt" else "This document contains no text.", "empty_file")
    return ParsedResume(kind, CONTENT_TYPES[kind], text, split_sections(text), pages)


def require_some_text(text: str) -> None:
    """Refuse a read file with almost no letters as a resume (parse_resume itself reads any text it is given)."""
    letters = sum(c.isalpha() for c in text)
    if letters < MIN_LETTERS:
        raise ResumeParseError(
            f"This file holds almost no text ({letters} letter{'' if letters == 1 else 's'}), so it cannot be a "
            "resume. Check that you chose the right file.",
            "too_little_text",
        )


def sniff_type(data: bytes) -> Kind:
    """The file's type from its content (the name is not trusted); refuses anything but PDF, DOCX and text."""
    if len(data) > MAX_RESUME_BYTES:
        raise ResumeParseError(f"This file is larger than {MAX_RESUME_BYTES // (1024 * 1024)} MB.", "file_too_large")
    if not data.strip():
        raise ResumeParseError(EMPTY, "empty_file")
    if b"%PDF-" in data[:1024]:
        return "pdf"
    if data.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return _sniff_zip(data)
    if data.startswith(_OLE):
        raise _unsupported_office(data)
    what = _binary_signature(data)
    if what:
        raise ResumeParseError(f"This is {what}, not a resume document. {UPLOAD_INSTEAD}", "unsupported_type")
    decode_text(data)
    return "txt"


def _binary_signature(data: bytes) -> str | None:
    for magic, what in _SIGNATURES:
        if data.startswith(magic):
            return what
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "a WebP image"
    if data[4:8] == b"ftyp":
        return "a HEIC image or a video" if data[8:12] in (b"heic", b"heix", b"mif1") else "a video or audio file"
    if data[257:262] == b"ustar":
        return "a tar archive"
    return None


def _sniff_zip(data: bytes) -> Kind:
    try:
        names = set(zipfile.ZipFile(BytesIO(data)).namelist())
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError) as exc:
        raise ResumeParseError(
            "This file looks like a DOCX or ZIP archive but is damaged and could not be read.", "docx_damaged"
        ) from exc
    if "word/document.xml" in names:
        return "docx"
    if "xl/workbook.xml" in names:
        what = "an Excel workbook"
    elif "ppt/presentation.xml" in names:
        what = "a PowerPoint presentation"
    elif "mimetype" in names and "content.xml" in names:
        what = "an OpenDocument file (save it as DOCX or PDF first)"
    elif "Index/Document.iwa" in names:
        what = "an Apple Pages document (export it as DOCX or PDF first)"
    else:
        what = "a ZIP archive"
    raise ResumeParseError(f"This is {what}, not a Word document (DOCX). {UPLOAD_INSTEAD}", "unsupported_type")


def _unsupported_office(data: bytes) -> ResumeParseError:
    if "EncryptedPackage".encode("utf-16-le") in data:
        return ResumeParseError(
            "This Word document is password-protected. Remove the password and upload it again.", "docx_encrypted"
        )
    if "WordDocument".encode("utf-16-le") in data:
        what = "a legacy Word document (.doc)"
    else:
        what = "a legacy Office file (.xls, .ppt or .doc)"
    return ResumeParseError(f"This is {what}. Save it as DOCX or PDF and upload it again.", "unsupported_type")


def decode_text(data: bytes) -> str:
    """Decode a text file: UTF-8 (with or without BOM), UTF-16/32 with BOM (or UTF-16 without), else cp1252."""
    encoding = _bom_encoding(data) or _utf16_without_bom(data)
    if encoding is None:
        if b"\x00" in data:
            raise ResumeParseError(NOT_TEXT, "not_text")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            try:
                text = data.decode("cp1252")
            except UnicodeDecodeError as exc:
                raise ResumeParseError(NOT_TEXT, "not_text") from exc
    else:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as exc:
            raise ResumeParseError(NOT_TEXT, "not_text") from exc
    if len(_CONTROL.findall(text)) > max(len(text) // 100, 2):
        raise ResumeParseError(NOT_TEXT, "not_text")
    return text


def restore_line_breaks(text: str) -> str:
    """A text file whose line breaks became runs of spaces (a copy out of a form field, a flattened export) gets
    them back: when it has fewer than one line break per 200 characters and many runs of two or more spaces,
    each run becomes a line break, so the sections and roles can be read as written. Other texts are unchanged;
    PDF and DOCX readers keep their own lines and never come here."""
    t = text.replace("\r\n", "\n").replace("\r", "\n")
    breaks = t.count("\n")
    if len(t) < FLAT_CHARS_PER_BREAK or breaks * FLAT_CHARS_PER_BREAK >= len(t):
        return text
    runs = sum(1 for _ in _SPACE_RUN.finditer(t))
    if runs < max(FLAT_MIN_RUNS, breaks * 2, len(t) // (FLAT_CHARS_PER_BREAK * 2)):
        return text
    return _SPACE_RUN.sub("\n", t)


def _bom_encoding(data: bytes) -> str | None:
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return "utf-32"
    if data.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    return None


def _utf16_without_bom(data: bytes) -> str | None:
    """Text saved as UTF-16 without a BOM: mostly-ASCII text has a NUL in every other byte."""
    sample = data[:4096]
    if len(sample) < 8 or len(sample) % 2:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    half = len(sample) // 2
    if odd > 0.7 * half and even < 0.05 * half:
        return "utf-16-le"
    if even > 0.7 * half and odd < 0.05 * half:
        return "utf-16-be"
    return None


def normalize_text(raw: str) -> str:
    """One form for every reader: compatibility forms folded (ligatures, no-break spaces), invisible characters
    dropped, spaces collapsed, at most one blank line in a row."""
    text = unicodedata.normalize("NFKC", raw.replace("\r\n", "\n").replace("\r", "\n"))
    text = _INVISIBLE.sub("", text)
    text = _CONTROL.sub(" ", text.replace("\t", " ").replace("\f", "\n").replace("\v", "\n"))
    lines = [" ".join(line.split()) for line in text.split("\n")]
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    return "\n".join(out).strip()
