"""Files the app writes under its data directory."""

from __future__ import annotations

import unicodedata
from pathlib import Path
from urllib.parse import quote


def write_atomically(path: Path, content: bytes) -> None:
    """Write beside the target, then rename: a reader never sees half a file, a crash leaves no torn one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".partial")
    partial.write_bytes(content)
    partial.replace(path)


def content_disposition(name: str) -> str:
    """An ASCII fallback for old clients and the exact name in `filename*` (RFC 6266 / 5987)."""
    ascii_name = unicodedata.normalize("NFKD", name.replace("\u2013", "-").replace("\u2014", "-"))
    ascii_name = ascii_name.encode("ascii", "ignore").decode().replace('"', "").replace("\\", "") or "document"
    return f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(name, safe='')}"
