#!/usr/bin/env python3
"""No source file under backend/app or frontend/src is over 500 lines (issue "One house"): a file that long holds
several things that want names of their own. Generated files (the API client's schema) and data files are exempt;
so are tests under backend/tests, which read best as one file per subject. Run by `make lint`."""

from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
LIMIT = 500
ROOTS = (REPO / "backend" / "app", REPO / "frontend" / "src")
SUFFIXES = {".py", ".ts", ".tsx", ".css"}
GENERATED = {REPO / "frontend" / "src" / "client" / "schema.d.ts"}


def oversized(roots: tuple[Path, ...] = ROOTS) -> list[tuple[str, int]]:
    found = []
    for root in roots:
        for path in sorted(root.rglob("*")):
            if path.suffix not in SUFFIXES or path in GENERATED or "node_modules" in path.parts:
                continue
            lines = path.read_text(encoding="utf-8", errors="replace").count("\n")
            if lines > LIMIT:
                found.append((str(path.relative_to(REPO) if path.is_relative_to(REPO) else path), lines))
    return found


def main() -> int:
    found = oversized()
    for name, lines in found:
        print(f"{name}: {lines} lines (at most {LIMIT}; split it by what its parts do)", file=sys.stderr)
    if found:
        return 1
    print(f"no source file over {LIMIT} lines")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
