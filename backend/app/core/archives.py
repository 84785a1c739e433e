"""Unpack an untrusted ZIP (an uploaded DOCX, an imported export) with a hard cap on the bytes actually produced.

The sizes in a ZIP's headers are the uploader's claims. `zipfile`'s `read()` inflates a member's whole compressed
stream in one call and only then cuts it to the declared size, so a 1 MB member can allocate a gigabyte first.
Here each member is inflated in small steps and refused as soon as it produces more than its header declared or
more than the archive's remaining budget. Only stored and deflated members are read: bzip2 and LZMA members are
inflated by `zipfile` without any output limit, and no DOCX, export or backup of ours uses them. A member whose
name could point outside the folder it is unpacked into (absolute, `..`, a backslash, a NUL, which `zipfile` silently
cuts the name at) is refused, whether or not the caller writes files."""

from __future__ import annotations

import re
import struct
import zipfile
import zlib
from collections.abc import Iterator
from io import BytesIO
from typing import BinaryIO

__all__ = [
    "ArchiveDamaged",
    "ArchiveError",
    "ArchiveTooLarge",
    "check_name",
    "copy_member",
    "open_archive",
    "read_members",
    "stored_zip",
]

CHUNK = 64 * 1024
_LOCAL_HEADER = struct.Struct("<4s22xHH")  # signature, (version .. sizes), name length, extra length
_ENCRYPTED = 0x1
_DRIVE = re.compile(r"^[A-Za-z]:")


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
    for info in infos:
        check_name(info)
    out: dict[str, bytes] = {}
    left = max_total
    source = BytesIO(data)
    for info in infos:
        body = b"".join(_member_chunks(source, info, left))
        left -= len(body)
        out[info.filename] = body
    return out


def copy_member(source: BinaryIO, info: zipfile.ZipInfo, out: BinaryIO, budget: int) -> int:
    """Write one member to `out` in CHUNK-sized steps, never holding it whole (a database dump may be gigabytes);
    refuses it as soon as it produces more than its header declares or than `budget`. Returns the bytes written."""
    check_name(info)
    written = 0
    for chunk in _member_chunks(source, info, budget):
        out.write(chunk)
        written += len(chunk)
    return written


def check_name(info: zipfile.ZipInfo) -> None:
    """Refuse a member name that is absolute, climbs out with `..`, uses backslashes or a drive, or holds a NUL."""
    name = info.orig_filename
    parts = name.split("/")
    if "\x00" in name or "\\" in name or name.startswith("/") or _DRIVE.match(name) or ".." in parts:
        raise ArchiveDamaged(f"{name!r} has an unsafe name")


def stored_zip(members: dict[str, bytes]) -> bytes:
    """A ZIP of `members`, uncompressed: a reader given it has nothing left to inflate."""
    buffer = BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_STORED) as archive:
        for name, body in members.items():
            archive.writestr(name, body)
    return buffer.getvalue()


def _member_chunks(source: BinaryIO, info: zipfile.ZipInfo, budget: int) -> Iterator[bytes]:
    """The member's bytes, at most CHUNK at a time; checked against its declared size, the budget and its CRC."""
    name = info.filename
    if info.flag_bits & _ENCRYPTED:
        raise ArchiveDamaged(f"{name} is encrypted")
    if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        raise ArchiveDamaged(f"{name} uses an unsupported compression method ({info.compress_type})")
    source.seek(info.header_offset)
    try:
        signature, name_length, extra_length = _LOCAL_HEADER.unpack(source.read(_LOCAL_HEADER.size))
    except struct.error as exc:
        raise ArchiveDamaged(f"{name} has no local header") from exc
    if signature != b"PK\x03\x04":
        raise ArchiveDamaged(f"{name} has no local header")
    source.seek(name_length + extra_length, 1)
    # The declared size bounds the member; the budget bounds the archive. Whichever is smaller is the cap.
    cap = min(info.file_size, budget)
    produced = 0
    crc = 0
    for chunk in _raw_chunks(source, info.compress_size, info.compress_type == zipfile.ZIP_STORED, cap, name):
        produced += len(chunk)
        if produced > cap:
            if cap == budget:
                raise ArchiveTooLarge(f"{name} takes the archive past {budget} bytes unpacked")
            raise ArchiveTooLarge(f"{name} unpacks to more than the {info.file_size} bytes its header declares")
        crc = zlib.crc32(chunk, crc)
        yield chunk
    if produced != info.file_size or crc != info.CRC:
        raise ArchiveDamaged(f"{name} fails its size or checksum")


def _raw_chunks(source: BinaryIO, size: int, stored: bool, cap: int, name: str) -> Iterator[bytes]:
    """At most cap + 1 bytes of the member's `size` bytes of data, read CHUNK bytes at a time."""
    if stored:
        left = min(size, cap + 1)
        while left:
            chunk = source.read(min(CHUNK, left))
            if not chunk:
                return
            left -= len(chunk)
            yield chunk
        return
    yield from _inflate_stream(source, size, cap, name)


def _inflate_stream(source: BinaryIO, size: int, cap: int, name: str) -> Iterator[bytes]:
    """At most cap + 1 bytes of a raw deflate stream, fed CHUNK bytes at a time and drawn CHUNK bytes at a time."""
    inflater = zlib.decompressobj(-zlib.MAX_WBITS)
    left = size
    produced = 0
    try:
        while not inflater.eof and produced <= cap:
            pending = inflater.unconsumed_tail
            if not pending and left:
                pending = source.read(min(CHUNK, left))
                left = left - len(pending) if pending else 0
            # max_length is never 0 here (0 would mean "no limit"); an empty input at the end still draws the
            # output zlib holds back
            produced_now = inflater.decompress(pending, min(CHUNK, cap + 1 - produced))
            if not produced_now and not pending:
                break
            produced += len(produced_now)
            yield produced_now
    except zlib.error as exc:
        raise ArchiveDamaged(f"{name} is not valid deflate data ({exc})") from exc
    if not inflater.eof and produced <= cap:
        raise ArchiveDamaged(f"{name} ends early")
