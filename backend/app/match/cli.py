"""`copilot match score --resume FILE --jsonl POSTINGS`: one JSON line per posting, `{"id", "score", "parts"}`.

Postings are `{"id", "text"}` lines as in the eval files; a posting's title is the first line of its text when
that line is short (as boards and the eval files write them), else the posting has no title."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer

match_cli = typer.Typer(help="How well a resume fits job postings.", no_args_is_help=True, rich_markup_mode=None)
MAX_LINE = 200_000  # characters of one postings line; longer lines are cut, as the API bounds a description


def _fail(message: str) -> None:
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(2)


@match_cli.command("score")
def match_score(
    resume: Annotated[Path, typer.Option(help="A PDF, DOCX or TXT resume")],
    jsonl: Annotated[Path, typer.Option(help='Postings, one {"id", "text"} JSON object a line ("-": stdin)')],
    skills: Annotated[str, typer.Option(help="Profile skills, comma-separated (counted as 'in your profile')")] = "",
) -> None:
    """Score every posting for one resume (offline)."""
    from app.match.service import person_from_file, score_text
    from app.resumes.errors import ResumeParseError

    try:
        data = resume.read_bytes()
    except OSError as exc:
        _fail(f"cannot read {resume}: {exc.strerror}")
        return
    try:
        person = person_from_file(data, [s.strip() for s in skills.split(",") if s.strip()])
    except ResumeParseError as exc:
        _fail(exc.message)
        return
    try:
        lines = sys.stdin if str(jsonl) == "-" else jsonl.open(encoding="utf-8", errors="replace")
    except OSError as exc:
        _fail(f"cannot read {jsonl}: {exc.strerror}")
        return
    with lines:
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                item: Any = json.loads(line[:MAX_LINE])
            except json.JSONDecodeError as exc:
                _fail(f"line {number} is not JSON ({exc.msg})")
                return
            if not isinstance(item, dict) or not isinstance(item.get("text"), str):
                _fail(f'line {number}: expected {{"id", "text"}}')
                return
            report = score_text(person, item["text"])
            parts = {
                p.key: {
                    "score": None if p.value is None else round(100 * p.value),
                    "status": p.status,
                    "detail": p.detail,
                }
                for p in report.parts
            }
            out = {"id": item.get("id"), "score": report.score, "parts": parts}
            typer.echo(json.dumps(out, ensure_ascii=False))
