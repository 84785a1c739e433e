"""Unpack an untrusted ZIP (an uploaded DOCX, an imported export) with a hard cap on the bytes actually produced.

The sizes in a ZIP's headers are the uploader's claims. `zipfile`'s `read()` inflates a member's whole compressed
stream in one call and only then cuts it to the declared size, so a 1 MB member can allocate a gigabyte first.
Here each member is inflated in small steps and refused as soon as it produces more than its header declared or
more than the archive's remaining budget. Only stored and deflated members are read: bzip2 and LZMA members are
inflated by `zipfile` without any output limit, and no DOCX or export of ours uses them."""

from __future__ import annotations

import struct
import zipfile
import zlib
from io import BytesIO

__all__ = ["ArchiveDamaged", "ArchiveError", "ArchiveTooLarge", "open_archive", "read_members", "stored_zip"]

CHUNK = 64 * 1024
_LOCAL_HEADER = struct.Struct("<4s22xHH")  # signature, (version .. sizes), name length, extra length
_ENCRYPTED = 0x1


class ArchiveError(Exception):
    """The archive cannot be unpacked safely; the message names the member and the reason (for logs)."""


class ArchiveDamaged(ArchiveError):
    pass


class ArchiveTooLarge(ArchiveError):
    pass


def open_archive(data: bytes) -> zipfile.ZipFile:
    """The ZIP's directory (nothing is inflated); raises ArchiveDamaged."""
    try:
        archive = zipfile.ZipFile(BytesIO(data))
        archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError) as exc:
        raise ArchiveDamaged(f"not a readable ZIP ({exc})") from exc
    return archive


def read_members(data: bytes, archive: zipfile.ZipFile, *, max_members: int, max_total: int) -> dict[str, bytes]:
    """Every file member's bytes, inflated in steps; refuses more than `max_members` members, more than
    `max_total` bytes produced in all, or a member that produces more than its header declares."""
    infos = [i for i in archive.infolist() if not i.is_dir()]
    if len(infos) > max_members:
        raise ArchiveTooLarge(f"more than {max_members} members")
    out: dict[str, bytes] = {}
    left = max_total
    for info in infos:
        body = _inflate(data, info, left)
        left -= len(body)
        out[info.filename] = body
    return out


def stored_zip(members: dict[str, bytes]) -> bytes:
    """A ZIP of `members`, uncompressed: a reader given it has nothing left to inflate."""
    buffer = BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_STORED) as archive:
        for name, body in members.items():
            archive.writestr(name, body)
    return buffer.getvalue()


def _inflate(data: bytes, info: zipfile.ZipInfo, budget: int) -> bytes:
    name = info.filename
    if info.flag_bits & _ENCRYPTED:
        raise ArchiveDamaged(f"{name} is encrypted")
    if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        raise ArchiveDamaged(f"{name} uses an unsupported compression method ({info.compress_type})")
    start = info.header_offset + _LOCAL_HEADER.size
    try:
        signature, name_length, extra_length = _LOCAL_HEADER.unpack_from(data, info.header_offset)
    except struct.error as exc:
        raise ArchiveDamaged(f"{name} has no local header") from exc
    if signature != b"PK\x03\x04":
        raise ArchiveDamaged(f"{name} has no local header")
    start += name_length + extra_length
    raw = memoryview(data)[start : start + info.compress_size]
    # The declared size bounds the member; the budget bounds the archive. Whichever is smaller is the cap.
    cap = min(info.file_size, budget)
    stored = info.compress_type == zipfile.ZIP_STORED
    body = bytes(raw[: cap + 1]) if stored else _inflate_stream(raw, cap, name)
    if len(body) > cap:
        if cap == budget:
            raise ArchiveTooLarge(f"{name} takes the archive past {budget} bytes unpacked")
        raise ArchiveTooLarge(f"{name} unpacks to more than the {info.file_size} bytes its header declares")
    if len(body) != info.file_size or zlib.crc32(body) != info.CRC:
        raise ArchiveDamaged(f"{name} fails its size or checksum")
    return body


def _inflate_stream(raw: memoryview, cap: int, name: str) -> bytes:
    """At most cap + 1 bytes of a raw deflate stream, fed CHUNK bytes at a time and drawn CHUNK bytes at a time."""
    inflater = zlib.decompressobj(-zlib.MAX_WBITS)
    out = bytearray()
    position = 0
    try:
        while not inflater.eof and len(out) <= cap:
            pending = inflater.unconsumed_tail
            if not pending:  # an empty chunk at the end still draws output zlib holds back
                pending = bytes(raw[position : position + CHUNK])
                position += len(pending)
            # max_length is never 0 here (0 would mean "no limit")
            produced = inflater.decompress(pending, min(CHUNK, cap + 1 - len(out)))
            if not produced and not pending:
                break
            out += produced
    except zlib.error as exc:
        raise ArchiveDamaged(f"{name} is not valid deflate data ({exc})") from exc
    if not inflater.eof and len(out) <= cap:
        raise ArchiveDamaged(f"{name} ends early")
    return bytes(out)
