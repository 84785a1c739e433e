#!/usr/bin/env python3
"""Score "How well do I fit?" against the labelled match dev set: ROC AUC of fits ranked above non-fits.

The dev set is `scripts/match_dev/labels.json` (facts per resume and posting) read with the written rule in
`scripts/match_dev/RULE.md`; this script computes every pair's label from those facts. Resumes come from the shared
dotin dev set, postings from the shared job-board fixtures (parsed with the app's adapters) and the SkillSpan dev set
(titles from labels.json). For each resume it writes a temp resume file and a postings JSONL (`{"id","text"}`, text =
title, blank line, description) and runs the product path, `copilot match score --resume FILE --jsonl POSTINGS`,
which prints one `{"id","score","parts"}` line per posting.

Reported: ROC AUC per resume (where it has both classes), pooled over all pairs, and the mean per-resume AUC; the
same for two baselines computed here: (a) the share of the posting's skills found in the resume
(`extract_skills`), (b) title-word overlap between the posting title and the resume's designations.
`--scorer baseline` ranks with baseline (a) instead of the CLI (a stand-in); `--labels-only` prints the labels.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

BACKEND = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(BACKEND))

LABELS = BACKEND / "scripts" / "match_dev" / "labels.json"
LEVELS = ("intern", "junior", "mid", "senior", "lead", "manager")
SOFTWARE = "software"
TITLE_STOP = {
    "a", "an", "and", "the", "of", "for", "in", "on", "at", "to", "with", "m", "f", "d", "w", "x", "job", "full",
    "time", "remote", "all", "genders", "i", "ii", "iii",
}  # fmt: skip


@dataclass
class Posting:
    id: str
    title: str
    description: str

    @property
    def text(self) -> str:
        return f"{self.title}\n\n{self.description}"


@dataclass
class Resume:
    id: str
    text: str
    designations: list[str] = field(default_factory=list)


# ---- the rule (RULE.md) ----------------------------------------------------------------------------------------


def level_range(value: str) -> tuple[int, int]:
    """`"mid"` -> (2, 2); `"mid-senior"` -> (2, 3)."""
    parts = value.split("-")
    lo, hi = LEVELS.index(parts[0]), LEVELS.index(parts[-1])
    return min(lo, hi), max(lo, hi)


def distance(resume_level: str, posting_level: str) -> int:
    level = LEVELS.index(resume_level)
    lo, hi = level_range(posting_level)
    return 0 if lo <= level <= hi else min(abs(level - lo), abs(level - hi))


def tracks_compatible(resume: dict[str, Any], posting: dict[str, Any]) -> bool:
    track = posting.get("track", "general")
    mine = set(resume.get("tracks", []))
    if track == "general" or LEVELS.index(resume["seniority"]) <= LEVELS.index("junior") or track in mine:
        return True
    sides = {"backend", "frontend"}
    return (track == "fullstack" and bool(mine & sides)) or ("fullstack" in mine and track in sides)


def rule_label(resume: dict[str, Any], posting: dict[str, Any]) -> tuple[int, str]:
    """The label and, for a 0, the first failed condition."""
    mine = {resume["family"], *resume.get("also", [])}
    theirs = {posting["family"], *posting.get("also", [])}
    if not mine & theirs:
        return 0, "family"
    if distance(resume["seniority"], posting["seniority"]) > 1:
        return 0, "seniority"
    if SOFTWARE in mine and SOFTWARE in theirs and not tracks_compatible(resume, posting):
        return 0, "track"
    missing = [item for item in posting.get("requires", []) if item not in resume.get("has", [])]
    if missing:
        return 0, "requires " + ", ".join(missing)
    return 1, ""


def compute_labels(spec: dict[str, Any]) -> dict[tuple[str, str], tuple[int, str]]:
    labels = {
        (rid, pid): rule_label(resume, posting)
        for rid, resume in spec["resumes"].items()
        for pid, posting in spec["postings"].items()
    }
    for override in spec.get("overrides", []):
        labels[(override["resume"], override["posting"])] = (int(override["label"]), "override: " + override["why"])
    return labels


# ---- documents ------------------------------------------------------------------------------------------------


def _adapter_for(stem: str, names: Iterable[str]) -> str | None:
    base = stem.removesuffix(".example")
    if base.startswith("hn_"):
        return "hn_whoishiring"
    return next((name for name in sorted(names, key=len, reverse=True) if base.startswith(name)), None)


def fixture_postings(folder: Path) -> dict[str, Posting]:
    from app.jobs.sources.registry import all_sources
    from app.jobs.text import html_to_text, sanitize_html

    sources = all_sources()
    found: dict[str, Posting] = {}
    for path in sorted(folder.glob("*.json")):
        stem = path.name.removesuffix(".json")
        name = _adapter_for(stem, sources)
        if name is None:
            continue
        for job in sources[name].parse(json.loads(path.read_text())):
            text = job.description_text or (
                html_to_text(sanitize_html(job.description_html)) if job.description_html else ""
            )
            found[f"{stem}:{job.source_id}"] = Posting(f"{stem}:{job.source_id}", job.title.strip(), text.strip())
    return found


def load_documents(shared: Path, spec: dict[str, Any]) -> tuple[list[Resume], list[Posting], list[str]]:
    eval_dir = shared / "data" / "eval"
    problems: list[str] = []
    fixtures = fixture_postings(shared / "fixtures" / "job_boards")
    skillspan = {}
    for line in (eval_dir / "skillspan_jobs.dev.jsonl").read_text().splitlines():
        if line.strip():
            doc = json.loads(line)
            skillspan[doc["id"]] = doc["text"]
    postings: list[Posting] = []
    for pid, facts in spec["postings"].items():
        if facts["source"] == "skillspan":
            if pid not in skillspan:
                problems.append(f"posting {pid} is not in the SkillSpan dev set")
                continue
            postings.append(Posting(pid, facts["title"], skillspan[pid].strip()))
        elif pid in fixtures:
            postings.append(fixtures[pid])
        else:
            problems.append(f"posting {pid} is not produced by the fixtures' adapters")
    wanted = spec["resumes"]
    resumes: dict[str, Resume] = {}
    for line in (eval_dir / "dotin_resumes.dev.jsonl").read_text().splitlines():
        if line.strip():
            doc = json.loads(line)
            if doc["id"] in wanted:
                designations = doc.get("structure", {}).get("designations", [])
                resumes[doc["id"]] = Resume(doc["id"], doc["text"], designations)
    problems += [f"resume {rid} is not in the dotin dev set" for rid in wanted if rid not in resumes]
    return [resumes[rid] for rid in wanted if rid in resumes], postings, problems


# ---- scores ---------------------------------------------------------------------------------------------------

Scores = dict[tuple[str, str], float]


def skills_share_scores(resumes: list[Resume], postings: list[Posting]) -> Scores:
    """Baseline (a): the share of the posting's extracted skills that the resume's extracted skills contain."""
    from app.skills.extractor import extract_skills

    wanted = {p.id: {s.lower() for s in extract_skills(p.text, "jd")} for p in postings}
    scores: Scores = {}
    for resume in resumes:
        have = {s.lower() for s in extract_skills(resume.text, "resume")}
        for posting in postings:
            need = wanted[posting.id]
            scores[(resume.id, posting.id)] = len(need & have) / len(need) if need else 0.0
    return scores


def _title_words(text: str) -> set[str]:
    return {
        w for w in re.findall(r"[a-z0-9+#]+", text.lower()) if (w not in TITLE_STOP and len(w) > 1) or w in {"c", "r"}
    }


def title_overlap_scores(resumes: list[Resume], postings: list[Posting]) -> Scores:
    """Baseline (b): the share of the posting title's words found in the resume's designations (job titles)."""
    scores: Scores = {}
    for resume in resumes:
        held = set().union(*(_title_words(d) for d in resume.designations)) if resume.designations else set()
        for posting in postings:
            words = _title_words(posting.title)
            scores[(resume.id, posting.id)] = len(words & held) / len(words) if words else 0.0
    return scores


def copilot_path() -> Path:
    return Path(sys.executable).parent / "copilot"


def cli_scores(
    resumes: list[Resume], postings: list[Posting], copilot: Path, out_dir: Path
) -> tuple[Scores, dict[tuple[str, str], Any]]:
    """The product path: one `copilot match score` run per resume over all postings."""
    jsonl = out_dir / "postings.jsonl"
    jsonl.write_text("".join(json.dumps({"id": p.id, "text": p.text}) + "\n" for p in postings))
    scores: Scores = {}
    parts: dict[tuple[str, str], Any] = {}
    for resume in resumes:
        resume_file = out_dir / f"{resume.id}.txt"
        resume_file.write_text(resume.text)
        command = [str(copilot), "match", "score", "--resume", str(resume_file), "--jsonl", str(jsonl)]
        proc = subprocess.run(command, capture_output=True, text=True, check=False)  # noqa: S603
        if proc.returncode != 0:
            raise RuntimeError(f"{' '.join(command)} exited {proc.returncode}:\n{proc.stderr.strip()[-2000:]}")
        for line in proc.stdout.splitlines():
            if line.strip().startswith("{"):
                row = json.loads(line)
                scores[(resume.id, str(row["id"]))] = float(row["score"])
                parts[(resume.id, str(row["id"]))] = row.get("parts", {})
        missing = [p.id for p in postings if (resume.id, p.id) not in scores]
        if missing:
            raise RuntimeError(f"no score for {len(missing)} postings with resume {resume.id}, e.g. {missing[:3]}")
    return scores, parts


# ---- AUC ------------------------------------------------------------------------------------------------------


def auc(pairs: Iterable[tuple[float, int]]) -> float | None:
    """ROC AUC as the Mann-Whitney statistic: P(score of a positive > score of a negative), ties count 0.5."""
    rows = sorted(pairs)
    n_pos = sum(label for _, label in rows)
    n_neg = len(rows) - n_pos
    if not n_pos or not n_neg:
        return None
    rank_sum, i = 0.0, 0
    while i < len(rows):  # average ranks (1-based) over each run of tied scores
        j = i
        while j < len(rows) and rows[j][0] == rows[i][0]:
            j += 1
        rank_sum += sum(label for _, label in rows[i:j]) * (i + 1 + j) / 2
        i = j
    return (rank_sum - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg)


def auc_report(scores: Scores, labels: dict[tuple[str, str], int], resume_ids: list[str]) -> dict[str, Any]:
    per_resume = {
        rid: auc((scores[key], label) for key, label in labels.items() if key[0] == rid) for rid in resume_ids
    }
    defined = [v for v in per_resume.values() if v is not None]
    return {
        "pooled": auc((scores[key], label) for key, label in labels.items()),
        "mean_per_resume": sum(defined) / len(defined) if defined else None,
        "per_resume": per_resume,
    }


def worst_pairs(scores: Scores, labels: dict[tuple[str, str], int], n: int) -> list[tuple[float, tuple[str, str], int]]:
    """Pairs ranked most wrongly within their resume: for a fit, the share of that resume's non-fits scored above it;
    for a non-fit, the share of its fits scored below it (ties count half, as in the AUC)."""
    by_resume: dict[str, dict[int, list[float]]] = {}
    for (rid, pid), label in labels.items():
        by_resume.setdefault(rid, {0: [], 1: []})[label].append(scores[(rid, pid)])
    rows = []
    for key, label in labels.items():
        score, other = scores[key], by_resume[key[0]][1 - label]
        if not other:
            continue
        above = sum(1 for s in other if (s > score if label else s < score))
        ties = sum(1 for s in other if s == score)
        rows.append(((above + ties / 2) / len(other), key, label))
    rows.sort(key=lambda row: (-row[0], row[1]))
    return rows[:n]


# ---- main -----------------------------------------------------------------------------------------------------


def _fmt(value: float | None) -> str:
    return "  n/a" if value is None else f"{value:.3f}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", type=Path, default=BACKEND.parent.parent / "shared", help="the shared/ folder")
    parser.add_argument("--labels", type=Path, default=LABELS, help="the dev set's facts (labels.json)")
    parser.add_argument(
        "--scorer", choices=("cli", "baseline"), default="cli", help="cli: copilot match score; baseline: (a)"
    )
    parser.add_argument("--copilot", type=Path, default=None, help="the copilot script (default: beside python)")
    parser.add_argument("--out", type=Path, default=None, help="where to write the resume/posting files")
    parser.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    parser.add_argument("--show-errors", type=int, default=0, metavar="N", help="list the N worst-ranked pairs")
    parser.add_argument("--labels-only", action="store_true", help="print every pair's label and stop")
    args = parser.parse_args()

    spec = json.loads(args.labels.read_text())
    if not (args.shared / "data" / "eval" / "dotin_resumes.dev.jsonl").exists():
        print(f"skipped: no dev sets at {args.shared} (the shared/ folder beside the repository)")
        return 0
    resumes, postings, problems = load_documents(args.shared, spec)
    for problem in problems:
        print(f"warning: {problem}", file=sys.stderr)
    present = {(r.id, p.id) for r in resumes for p in postings}
    computed = compute_labels(spec)
    labels = {key: value[0] for key, value in computed.items() if key in present}
    stored = {(rid, pid) for rid, pids in spec.get("positives", {}).items() for pid in pids}
    computed_pos = {key for key, (label, _) in computed.items() if label}
    if "positives" in spec and stored != computed_pos:
        print(
            f"warning: labels.json `positives` differ from the rule's labels ({len(stored - computed_pos)} stale, "
            f"{len(computed_pos - stored)} missing): regenerate them from --labels-only",
            file=sys.stderr,
        )
    titles = {p.id: p.title for p in postings}

    if args.labels_only:
        for (rid, pid), (label, why) in sorted(computed.items()):
            if (rid, pid) in present:
                print(json.dumps({"resume": rid, "posting": pid, "title": titles[pid], "label": label, "why": why}))
        return 0

    baselines: dict[str, Callable[[list[Resume], list[Posting]], Scores]] = {
        "skills_share": skills_share_scores,
        "title_overlap": title_overlap_scores,
    }
    baseline_scores = {name: fn(resumes, postings) for name, fn in baselines.items()}
    parts: dict[tuple[str, str], Any] = {}
    if args.scorer == "baseline":
        scores = baseline_scores["skills_share"]
    else:
        copilot = args.copilot or copilot_path()
        if not copilot.exists():
            print(f"error: no copilot script at {copilot} (use --copilot PATH, or --scorer baseline)", file=sys.stderr)
            return 2
        out_dir = args.out or Path(tempfile.mkdtemp(prefix="match-eval-"))
        out_dir.mkdir(parents=True, exist_ok=True)
        try:
            scores, parts = cli_scores(resumes, postings, copilot, out_dir)
        except RuntimeError as exc:
            print(
                f"error: {exc}\n(--scorer baseline runs the same report with baseline (a) as the score)",
                file=sys.stderr,
            )
            return 2

    ids = [r.id for r in resumes]
    n_pos = sum(labels.values())
    per_resume_pos = {rid: sum(v for k, v in labels.items() if k[0] == rid) for rid in ids}
    figures = auc_report(scores, labels, ids)
    base_figures = {name: auc_report(s, labels, ids) for name, s in baseline_scores.items()}
    report: dict[str, Any] = {
        "scorer": "copilot match score" if args.scorer == "cli" else "baseline: skills share",
        "resumes": len(resumes),
        "postings": len(postings),
        "pairs": len(labels),
        "positives": n_pos,
        "negatives": len(labels) - n_pos,
        "positives_per_resume": per_resume_pos,
        "auc": figures,
        "baselines": base_figures,
    }
    if args.json:
        print(json.dumps(report))
    else:
        print(
            f"match dev set: {len(resumes)} resumes x {len(postings)} postings = {len(labels)} pairs, "
            f"{n_pos} fits / {len(labels) - n_pos} non-fits (rule v{spec.get('rule_version')})"
        )
        print(f"{'resume':28s} {'fits':>4s}  {'scorer':>6s}  {'skills':>6s}  {'title':>6s}")
        rows = [figures, base_figures["skills_share"], base_figures["title_overlap"]]
        for rid in ids:
            cells = "  ".join(f"{_fmt(r['per_resume'][rid]):>6s}" for r in rows)
            print(f"{rid:28s} {per_resume_pos[rid]:>4d}  {cells}")
        for name in ("pooled", "mean_per_resume"):
            print(f"{name:28s} {'':>4s}  " + "  ".join(f"{_fmt(r[name]):>6s}" for r in rows))
        print(f"scorer: {report['scorer']}; skills = baseline (a) skills share; title = baseline (b) title overlap")
    if args.show_errors:
        print("\nworst-ranked pairs (within their resume; wrong = share of the other class ranked past it):")
        for wrong, (rid, pid), label in worst_pairs(scores, labels, args.show_errors):
            kind = "fit scored low " if label else "non-fit scored high"
            print(f"  {wrong:.2f}  {kind}  {scores[(rid, pid)]:.3f}  {rid}  <- {titles[pid]!r} [{pid}]")
            if not label:
                print(f"        rule: 0 by {computed[(rid, pid)][1]}")
            if parts.get((rid, pid)):
                print(f"        parts: {json.dumps(parts[(rid, pid)])[:300]}")
    if args.scorer == "cli" and not args.json:
        print(f"inputs in {out_dir}")  # the resume and postings files, to rerun the CLI by hand
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
