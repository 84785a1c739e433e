"""Start-up stays quick: importing the app (what `copilot serve` and every worker do first) leaves the heavy
libraries unloaded until a feature needs them. Checked by which modules are loaded, not by timing, which flakes on a
busy machine; `copilot bench --only startup` reports the times (docs/performance.md)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

BACKEND = Path(__file__).resolve().parents[1]
# Each costs from 0.1 to 1 s to import, and each serves one feature: exports (fpdf, its fontTools, python-docx), the
# LLM providers (openai), reading uploaded resumes (pdfminer, pypdf, python-docx) and migrations (alembic).
HEAVY = ("fpdf", "fontTools", "openai", "pdfminer", "pypdf", "docx", "alembic")


def _loaded_after(statement: str, data_dir: Path) -> list[str]:
    probe = (
        f"import sys; {statement}; print(__import__('json').dumps(sorted({{m.split('.')[0] for m in sys.modules}})))"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe],
        cwd=BACKEND,
        env={**os.environ, "COPILOT_DATA_DIR": str(data_dir), "DATABASE_URL": f"sqlite:///{data_dir}/app.db"},
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    ).stdout
    return [m for m in json.loads(out.splitlines()[-1]) if m in HEAVY]


@pytest.mark.parametrize(
    "statement",
    [
        "import app.main",
        "from app.main import create_app; create_app()",
        "import app.cli",
    ],
)
def test_heavy_libraries_load_when_first_used(statement: str, tmp_path: Path) -> None:
    assert _loaded_after(statement, tmp_path) == []


def test_the_probe_sees_a_heavy_library_once_a_feature_uses_it(tmp_path: Path) -> None:
    """The check above can fail: exporting a PDF loads fpdf, reading a PDF resume loads pypdf and pdfminer."""
    loaded = _loaded_after(
        "from app.content.export import to_pdf; from app.resumes.parsing import parse_resume;"
        "parse_resume(to_pdf('Resume', 'Jane Example, backend engineer'))",
        tmp_path,
    )
    assert "fpdf" in loaded and "pdfminer" in loaded and "pypdf" in loaded
