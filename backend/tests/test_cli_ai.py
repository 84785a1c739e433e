"""`copilot skills extract` (both forms) and `copilot resume parse`, as docs/design.md §6 spells them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.resumes.factories import docx_resume, scanned_pdf, two_column_pdf

COPILOT = [sys.executable, "-m", "app.cli"]
POSTING = """Senior Data Engineer

What you'll do
- Build batch and streaming pipelines with Apache Spark and Kafka
- Model data in Snowflake with dbt

Requirements: Python, SQL, Airflow. We go the extra mile for our customers.
"""


def run(args: list[str], tmp_path: Path, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "COPILOT_DATA_DIR": str(tmp_path), "DATABASE_URL": f"sqlite:///{tmp_path}/cli.db",
           "LLM_PROVIDER": "offline"}  # fmt: skip
    return subprocess.run(
        [*COPILOT, *args], env=env, input=stdin, capture_output=True, text=True, timeout=120,
        cwd=Path(__file__).resolve().parents[1],
    )  # fmt: skip


def test_extract_from_stdin_prints_skills_and_responsibilities(tmp_path: Path) -> None:
    r = run(["skills", "extract", "--kind", "jd", "-"], tmp_path, stdin=POSTING)
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    assert set(out) == {"skills", "responsibilities"}
    assert {"Apache Spark", "Apache Kafka", "Snowflake", "dbt", "Python", "SQL", "Apache Airflow"} <= set(out["skills"])
    assert "Go" not in out["skills"]  # "we go the extra mile" is English
    assert any("streaming pipelines" in line for line in out["responsibilities"])


def test_extract_jsonl_prints_one_line_per_document(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    docs = [{"id": "a", "text": POSTING}, {"id": 7, "text": "Skills: Go, Rust, C++ and PostgreSQL 15"}]
    source.write_text("\n".join(json.dumps(d) for d in docs) + "\n")
    r = run(["skills", "extract", "--kind", "resume", "--jsonl", str(source)], tmp_path)
    assert r.returncode == 0, r.stderr
    lines = [json.loads(line) for line in r.stdout.splitlines()]
    assert [line["id"] for line in lines] == ["a", 7]
    assert set(lines[1]["skills"]) == {"Go", "Rust", "C++", "PostgreSQL"}


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("two-column.pdf", two_column_pdf, {"Python", "Kubernetes", "PostgreSQL"}),
        ("table.docx", docx_resume, {"TypeScript", "Rust", "PostgreSQL"}),
    ],
)
def test_resume_parse_reads_files(tmp_path: Path, name: str, content: object, expected: set[str]) -> None:
    path = tmp_path / name
    path.write_bytes(content())  # type: ignore[operator]
    r = run(["resume", "parse", str(path)], tmp_path)
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    assert set(out) == {"text", "sections", "skills", "resume"}
    assert expected <= set(out["skills"]), out["skills"]
    basics = out["resume"]["basics"]  # JSON Resume, as the issue's contract names it
    assert (basics["name"], basics["email"]) == ("Jane Example", "jane@example.com")
    assert "experience" in out["sections"]


def test_bad_input_is_exit_2_with_one_line(tmp_path: Path) -> None:
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(scanned_pdf())
    r = run(["resume", "parse", str(scan)], tmp_path)
    assert r.returncode == 2 and "no extractable text" in r.stderr and len(r.stderr.strip().splitlines()) == 1
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "no id"}\n')
    r = run(["skills", "extract", "--jsonl", str(bad)], tmp_path)
    assert r.returncode == 2 and "expected a JSON object" in r.stderr
    r = run(["skills", "extract", "--provider", "llm", "-"], tmp_path, stdin="Python")
    assert r.returncode == 2 and "no LLM is configured" in r.stderr


def test_resume_parse_reads_a_folder_as_json_lines(tmp_path: Path) -> None:
    """Many resumes in one process (start-up paid once): one line per file, a bad file reported and the rest read."""
    folder = tmp_path / "resumes"
    (folder / "more").mkdir(parents=True)
    (folder / "a-two-column.pdf").write_bytes(two_column_pdf())
    (folder / "more" / "b-table.docx").write_bytes(docx_resume())
    (folder / "c-scan.pdf").write_bytes(scanned_pdf())
    (folder / "notes.md").write_text("not a resume type")
    r = run(["resume", "parse", str(folder)], tmp_path)
    assert r.returncode == 1, r.stderr  # one file failed
    lines = [json.loads(line) for line in r.stdout.splitlines()]
    assert [Path(line["file"]).name for line in lines] == ["a-two-column.pdf", "c-scan.pdf", "b-table.docx"]
    assert {"Python", "Kubernetes"} <= set(lines[0]["skills"]) and lines[0]["resume"]["basics"][
        "name"
    ] == "Jane Example"
    assert "no extractable text" in lines[1]["error"] and "text" not in lines[1]
    assert {"TypeScript", "Rust"} <= set(lines[2]["skills"])

    one = run(["resume", "parse", "--jsonl", str(folder / "a-two-column.pdf")], tmp_path)
    assert one.returncode == 0, one.stderr
    (line,) = [json.loads(x) for x in one.stdout.splitlines()]
    assert line["file"].endswith("a-two-column.pdf") and set(line) == {"file", "text", "sections", "skills", "resume"}
