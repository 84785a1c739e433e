#!/usr/bin/env python3
"""Run the offline skill extractor over the shared dev sets and score it with the shared scorer.

`--gold FILE.jsonl` scores a held-out file instead (lines `{"id","kind","text","skills"}`, kind "jd" or "resume"),
one report per kind, e.g. `--gold tests/skills/fixtures/heldout_batch3.jsonl`.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

BACKEND = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(BACKEND))

from app.skills.extractor import extract_skills  # noqa: E402

SETS = (("jobs", "skillspan_jobs.dev.jsonl", "jd"), ("resumes", "dotin_resumes.dev.jsonl", "resume"))


def _score(score_py: Path, gold: Path, label: str, kind: str, out_dir: Path, full: bool) -> None:
    pred = out_dir / f"{label}.pred.jsonl"
    with gold.open() as src, pred.open("w") as dst:
        for line in src:
            if line.strip():
                doc = json.loads(line)
                dst.write(json.dumps({"id": doc["id"], "skills": extract_skills(doc["text"], kind)}) + "\n")  # type: ignore[arg-type]
    proc = subprocess.run(  # noqa: S603
        [sys.executable, str(score_py), str(gold), str(pred)],
        capture_output=True,
        text=True,
        check=True,
    )
    report = json.loads(proc.stdout)
    print(f"{label:8s} precision {report['precision']:.3f}  recall {report['recall']:.3f}  f1 {report['f1']:.3f}")
    if full:
        print(json.dumps(report, indent=1))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--shared", type=Path, default=BACKEND.parent.parent / "shared", help="the shared/ folder")
    parser.add_argument("--out", type=Path, default=None, help="where to write predictions (default: a temp dir)")
    parser.add_argument("--gold", type=Path, default=None, help="a held-out JSONL with a `kind` per line")
    parser.add_argument("--full", action="store_true", help="print the scorer's whole report")
    args = parser.parse_args()
    eval_dir = args.shared / "data" / "eval"
    score_py = eval_dir / "score.py"
    if not score_py.exists():
        print(f"skipped: no dev sets at {eval_dir} (they live in the shared/ folder beside the repository)")
        return 0
    out_dir = args.out or Path(tempfile.mkdtemp(prefix="skills-eval-"))
    out_dir.mkdir(parents=True, exist_ok=True)
    if args.gold:
        docs = [json.loads(line) for line in args.gold.read_text().splitlines() if line.strip()]
        for label, kind in (("jobs", "jd"), ("resumes", "resume")):
            gold = out_dir / f"{label}.gold.jsonl"
            gold.write_text("".join(json.dumps(d) + "\n" for d in docs if d["kind"] == kind))
            _score(score_py, gold, label, kind, out_dir, args.full)
    else:
        for label, name, kind in SETS:
            _score(score_py, eval_dir / name, label, kind, out_dir, args.full)
    print(f"predictions in {out_dir}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
