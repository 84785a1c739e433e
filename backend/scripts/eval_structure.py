#!/usr/bin/env python3
"""Run the resume structure parser over the shared dev resumes and score it with the shared scorer.

Each resume goes through the product path exactly as a TXT upload does (`copilot resume parse FILE`): its bytes
through `parse_resume` (decoding, line breaks restored when a text arrives flattened, normalized text and sections),
then `parse_structure`. Most dev texts were flattened when the dataset was made (line breaks became runs of two or
more spaces); `parse_resume` itself puts them back, so this script does no restoring of its own.
`--gold FILE.jsonl` scores another file of the same shape (a held-out split).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BACKEND = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(BACKEND))

from app.resumes.parsing import ResumeParseError, parse_resume  # noqa: E402
from app.resumes.structure import parse_structure  # noqa: E402


def _predict(gold: Path, pred: Path) -> float:
    slowest = 0.0
    with gold.open() as src, pred.open("w") as dst:
        for line in src:
            if not line.strip():
                continue
            doc = json.loads(line)
            try:
                parsed = parse_resume(doc["text"].encode())
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
    args = parser.parse_args()
    eval_dir = args.shared / "data" / "eval"
    score_py = eval_dir / "score_structure.py"
    gold = args.gold or eval_dir / "dotin_resumes.dev.jsonl"
    if not score_py.exists() or not gold.exists():
        print(f"skipped: no structure dev set at {eval_dir} (it lives in the shared/ folder beside the repository)")
        return 0
    out_dir = args.out or Path(tempfile.mkdtemp(prefix="structure-eval-"))
    out_dir.mkdir(parents=True, exist_ok=True)
    pred = out_dir / "structure.pred.jsonl"
    slowest = _predict(gold, pred)
    proc = subprocess.run(  # noqa: S603
        [sys.executable, str(score_py), str(gold), str(pred)], capture_output=True, text=True, check=True
    )
    report = json.loads(proc.stdout)
    print(json.dumps(report, indent=1))
    parts = [f"name {report['name']:.3f}", f"email {report['email']:.3f}"]
    for kind in ("employers", "titles", "institutions"):
        parts.append(f"{kind} P {report[kind]['precision']:.3f} R {report[kind]['recall']:.3f}")
    print("structure (product path): " + "  ".join(parts) + f"  slowest {slowest * 1000:.0f} ms")
    print(f"predictions in {out_dir}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
