#!/usr/bin/env python3
"""Run the resume structure parser over the shared dev resumes and score it with the shared scorer.

Each resume goes through `parse_resume` (normalized text and sections, as an upload does), then `parse_structure`.
Most dev texts were flattened when the dataset was made: line breaks became runs of two or more spaces, which
`normalize_text` then collapses into one long line. A PDF or DOCX upload keeps its lines, so the scored run turns
those runs back into line breaks first ("lines"); a second summary line scores the texts exactly as stored
("flat"), which is what a TXT upload of such a text gets today. `--flat` scores (and prints) only the flat run.
`--gold FILE.jsonl` scores another file of the same shape (a held-out split).
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BACKEND = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(BACKEND))

from app.resumes.parsing import ResumeParseError, parse_resume  # noqa: E402
from app.resumes.structure import parse_structure  # noqa: E402

_BREAK = re.compile(r" {2,}")


def _predict(gold: Path, pred: Path, flat: bool) -> float:
    slowest = 0.0
    with gold.open() as src, pred.open("w") as dst:
        for line in src:
            if not line.strip():
                continue
            doc = json.loads(line)
            text = doc["text"] if flat else _BREAK.sub("\n", doc["text"])
            try:
                parsed = parse_resume(text.encode())
            except ResumeParseError:
                resume: dict[str, object] = {}
            else:
                started = time.perf_counter()
                resume = parse_structure(parsed.text, parsed.sections).dump()
                slowest = max(slowest, time.perf_counter() - started)
            dst.write(json.dumps({"id": doc["id"], "resume": resume}) + "\n")
    return slowest


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--shared", type=Path, default=BACKEND.parent.parent / "shared", help="the shared/ folder")
    parser.add_argument("--gold", type=Path, default=None, help="a JSONL of the dev set's shape to score instead")
    parser.add_argument("--out", type=Path, default=None, help="where to write predictions (default: a temp dir)")
    parser.add_argument("--flat", action="store_true", help="keep the dataset's flattened line breaks")
    args = parser.parse_args()
    eval_dir = args.shared / "data" / "eval"
    score_py = eval_dir / "score_structure.py"
    gold = args.gold or eval_dir / "dotin_resumes.dev.jsonl"
    if not score_py.exists() or not gold.exists():
        print(f"skipped: no structure dev set at {eval_dir} (it lives in the shared/ folder beside the repository)")
        return 0
    out_dir = args.out or Path(tempfile.mkdtemp(prefix="structure-eval-"))
    out_dir.mkdir(parents=True, exist_ok=True)
    modes = [True] if args.flat else [False, True]
    for flat in modes:
        pred = out_dir / f"structure.{'flat' if flat else 'lines'}.pred.jsonl"
        slowest = _predict(gold, pred, flat)
        proc = subprocess.run(  # noqa: S603
            [sys.executable, str(score_py), str(gold), str(pred)], capture_output=True, text=True, check=True
        )
        report = json.loads(proc.stdout)
        if flat == modes[0]:
            print(json.dumps(report, indent=1))
        parts = [f"name {report['name']:.3f}", f"email {report['email']:.3f}"]
        for kind in ("employers", "titles", "institutions"):
            parts.append(f"{kind} P {report[kind]['precision']:.3f} R {report[kind]['recall']:.3f}")
        mode = "flat" if flat else "lines"
        print(f"structure ({mode}): " + "  ".join(parts) + f"  slowest {slowest * 1000:.0f} ms")
    print(f"predictions in {out_dir}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
