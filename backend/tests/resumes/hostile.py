"""Hostile files generated in memory, in milliseconds: archives and PDFs that claim one size and inflate to another,
XML that asks for entity expansion or outside files, polyglots, and exports with unsafe member names.

A gigabyte of zeros is never built: after a full flush a deflate compressor is in the same state before every
megabyte of zeros, so the compressed megabyte is made once and repeated; the checksums are computed in steps."""

from __future__ import annotations

import io
import json
import struct
import zipfile
import zlib
from dataclasses import dataclass
from functools import cache

from tests.resumes import factories as f

MIB = 1024 * 1024
GIB = 1024 * MIB
_ZEROS = bytes(MIB)
WORD_XML_PARTS = ("word/document.xml", "docProps/app.xml", "docProps/core.xml", "[Content_Types].xml")


@cache
def _repeating_block() -> tuple[bytes, bytes, bytes]:
    """(start after a first megabyte of zeros, each further megabyte, the end) of a raw deflate stream of zeros."""
    packer = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
    first = packer.compress(_ZEROS) + packer.flush(zlib.Z_FULL_FLUSH)
    block = packer.compress(_ZEROS) + packer.flush(zlib.Z_FULL_FLUSH)
    assert block == packer.compress(_ZEROS) + packer.flush(zlib.Z_FULL_FLUSH)
    return first, block, packer.flush()


def deflated(head: bytes, zeros: int = 0) -> bytes:
    """Raw deflate of `head` followed by `zeros` zero bytes (a whole number of MiB)."""
    packer = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
    if not zeros:
        return packer.compress(head) + packer.flush()
    assert zeros % MIB == 0
    start = packer.compress(head) + packer.flush(zlib.Z_FULL_FLUSH)
    first, block, end = _repeating_block()
    if not head:
        start = b""
    # the first megabyte after `head` may refer back into it; from the second on the window holds only zeros
    lead = packer.compress(_ZEROS) + packer.flush(zlib.Z_FULL_FLUSH) if head else first
    return start + lead + block * (zeros // MIB - 1) + end


def crc32(head: bytes, zeros: int = 0) -> int:
    crc = zlib.crc32(head)
    for _ in range(zeros // MIB):
        crc = zlib.crc32(_ZEROS, crc)
    return crc


def zlib_stream(head: bytes, zeros: int = 0) -> bytes:
    """What a PDF's FlateDecode holds: the zlib header, the raw deflate, the Adler-32 of all it inflates to."""
    adler = zlib.adler32(head)
    for _ in range(zeros // MIB):
        adler = zlib.adler32(_ZEROS, adler)
    return b"\x78\xda" + deflated(head, zeros) + struct.pack(">I", adler)


@dataclass(frozen=True)
class Member:
    """One ZIP member as its headers describe it: `size` and `crc` are what they claim, `raw` what is stored."""

    name: bytes
    raw: bytes
    size: int
    crc: int
    method: int = zipfile.ZIP_DEFLATED


def member(name: str | bytes, body: bytes, zeros: int = 0) -> Member:
    """An honest member: `body` then `zeros` zero bytes, deflated, with true size and CRC."""
    raw_name = name.encode() if isinstance(name, str) else name
    return Member(raw_name, deflated(body, zeros), len(body) + zeros, crc32(body, zeros))


def zip_file(members: list[Member]) -> bytes:
    """A ZIP written by hand, so names (a NUL, `..`) and sizes are exactly what the test says."""
    local, central = io.BytesIO(), io.BytesIO()
    for m in members:
        fields = (20, 0, m.method, 0, 0, m.crc, len(m.raw), m.size, len(m.name), 0)
        offset = local.tell()
        local.write(struct.pack("<4s5H3I2H", b"PK\x03\x04", *fields) + m.name + m.raw)
        central.write(struct.pack("<4sH5H3I5HII", b"PK\x01\x02", 20, *fields, 0, 0, 0, 0, offset) + m.name)
    directory = central.getvalue()
    end = struct.pack("<4s4H2IH", b"PK\x05\x06", 0, 0, len(members), len(members), len(directory), local.tell(), 0)
    return local.getvalue() + directory + end


# --- DOCX ------------------------------------------------------------------------------------------------------


@cache
def docx_parts() -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(f.docx_resume())) as z:
        return {i.filename: z.read(i) for i in z.infolist()}


def docx(replace: dict[str, bytes] | None = None, extra: list[Member] | None = None) -> bytes:
    parts = {**docx_parts(), **(replace or {})}
    return zip_file([member(name, body) for name, body in parts.items()] + (extra or []))


def lying_docx(zeros: int = GIB) -> bytes:
    """word/document.xml's headers give its true size and CRC; its stream goes on for `zeros` more bytes."""
    body = docx_parts()["word/document.xml"]
    lie = Member(b"word/document.xml", deflated(body, zeros), len(body), zlib.crc32(body))
    return zip_file([member(n, b) for n, b in docx_parts().items() if n != "word/document.xml"] + [lie])


def zip_bomb_docx(zeros: int = GIB) -> bytes:
    """A DOCX with an honest member of `zeros` zero bytes: a thousandfold compression ratio."""
    return docx(extra=[member("word/media/image1.png", b"", zeros)])


def nested_zip(levels: int = 2, fan_out: int = 10, zeros: int = 10 * MIB) -> bytes:
    """ZIPs of ZIPs ("42.zip"): each level holds `fan_out` copies of the one below; the innermost members are
    `zeros` zero bytes, fan_out ** levels * zeros in all."""
    inner = zip_file([member(f"part{i}.bin", b"", zeros) for i in range(fan_out)])
    for _ in range(levels - 1):
        inner = zip_file([member(f"level{i}.zip", inner) for i in range(fan_out)])
    return inner


def docx_with_nested_zip() -> bytes:
    """A real resume embedding a ZIP of ZIPs, as Word embeds a package: only the outer level may be unpacked."""
    return docx(extra=[member("word/embeddings/package.zip", nested_zip())])


def with_doctype(xml: bytes, doctype: bytes, reference: bytes = b"") -> bytes:
    """`xml` with a DOCTYPE after its declaration and `reference` (an entity) inside its first text or element."""
    end = xml.index(b"?>") + 2 if xml.startswith(b"<?xml") else 0
    out = xml[:end] + doctype + xml[end:]
    if reference:
        at = out.index(b"<w:t>") + 5 if b"<w:t>" in out else out.index(b">", out.index(b"<", len(doctype) + end)) + 1
        out = out[:at] + reference + out[at:]
    return out


BILLION_LAUGHS = (
    b"<!DOCTYPE lolz ["
    + b'<!ENTITY lol0 "lol">'
    + b"".join(b'<!ENTITY lol%d "%s">' % (n, b"&lol%d;" % (n - 1) * 10) for n in range(1, 10))
    + b"]>"
)


def billion_laughs_docx(part: str) -> bytes:
    """Ten levels of ten: the entity `&lol9;` stands for 10**9 'lol's."""
    return docx(replace={part: with_doctype(docx_parts()[part], BILLION_LAUGHS, b"&lol9;")})


def xxe_docx(system_id: str, part: str = "word/document.xml") -> bytes:
    doctype = b'<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "%s">]>' % system_id.encode()
    return docx(replace={part: with_doctype(docx_parts()[part], doctype, b"&xxe;")})


def external_dtd_docx(url: str) -> bytes:
    """A DOCTYPE naming an outside DTD and a parameter entity that loads another."""
    doctype = b'<!DOCTYPE w:document SYSTEM "%s" [<!ENTITY %% remote SYSTEM "%s/param"> %%remote;]>' % (
        url.encode(),
        url.encode(),
    )
    return docx(replace={"word/document.xml": with_doctype(docx_parts()["word/document.xml"], doctype)})


# --- PDF -------------------------------------------------------------------------------------------------------

TEXT = b"BT /F1 12 Tf 72 720 Td (Jane Example, engineer with Python and Kubernetes) Tj ET\n"
HTML_PAGE = (
    b"<!DOCTYPE html><html><head><script>alert(document.cookie)</script></head>"
    b"<body><h1>Grace Example</h1><p>Backend engineer: Python, Kubernetes, PostgreSQL</p></body></html>"
)


def _zlib_object(head: bytes, zeros: int, extra: bytes = b"") -> bytes:
    packed = zlib_stream(head, zeros)
    return b"<< /Length %d /Filter /FlateDecode %s >>\nstream\n" % (len(packed), extra) + packed + b"\nendstream"


def _one_page(contents: bytes, extra: bytes = b"") -> bytes:
    return f.handmade_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
            b"/Resources << /Font << /F1 5 0 R >> >> >>",
            contents,
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
            *([extra] if extra else []),
        ]
    )


def flate_bomb_pdf(zeros: int = GIB) -> bytes:
    """One page of text and a stream nothing uses that inflates to `zeros` zero bytes."""
    return _one_page(f.stream(TEXT), _zlib_object(b"", zeros))


def content_marked_image_pdf(zeros: int = GIB) -> bytes:
    """The page's own content stream, labelled an image (images are not counted against the inflate budget):
    text, then `zeros` zero bytes."""
    return _one_page(_zlib_object(TEXT, zeros, b"/Subtype /Image /Width 1 /Height 1"))


def content_pdf(body: bytes) -> bytes:
    """A page whose content stream is the text and then `body` (deflated: a repetitive body takes a few kB)."""
    return _one_page(f.stream(TEXT + body))


# --- Your data: an export to import ------------------------------------------------------------------------------


def export_zip(members: list[Member]) -> bytes:
    manifest = json.dumps({"format": "career-copilot-export", "format_version": 1}).encode()
    return zip_file([member("manifest.json", manifest), *members])


def skills_json(names: list[str]) -> bytes:
    return json.dumps([{"name": n, "source": "manual"} for n in names]).encode()


def deep_notification(depth: int) -> bytes:
    """A notification whose data holds lists `depth` deep."""
    value = b"[" * depth + b"]" * depth
    return b'[{"type": "note", "title": "Deep", "body": "", "data": {"deep": ' + value + b"}}]"
