"""The import rules of decision 018 hold, apart from the violations `import-allowlist.txt` lists, and that list
only shrinks (a line that no longer occurs must go). The rules themselves are checked on a small graph."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

BACKEND = Path(__file__).resolve().parents[1]


def _checker() -> ModuleType:
    spec = importlib.util.spec_from_file_location("check_imports", BACKEND / "scripts" / "check_imports.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["check_imports"] = module
    spec.loader.exec_module(module)
    return module


def test_import_rules_hold_apart_from_the_allowlist() -> None:
    new, gone = _checker().report()
    assert new == [], "imports that break the rules of decision 018:\n" + "\n".join(new)
    assert gone == [], "no longer broken: remove these lines from import-allowlist.txt:\n" + "\n".join(gone)


def test_cycles_are_found_between_packages_only() -> None:
    checker = _checker()
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}, "e": {"e"}}
    assert checker._cycles(graph) == [{"a", "b", "c"}]  # d only points in; a self-import is no cycle
    assert checker._node("app.api.v1.ws") == "app.api.v1" and checker._node("app.api.deps") == "app.api"
    assert checker._node("app.match.discover") == "app.match"
    assert [checker._role(m) for m in ("app.jobs.repository", "app.jobs.sources_service", "app.match.router")] == [
        "repository",
        "service",
        "router",
    ]


def _script(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, BACKEND / "scripts" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def test_no_source_file_is_over_500_lines() -> None:
    assert _script("check_sizes").oversized() == []


def test_the_size_check_finds_a_long_file_and_skips_generated_ones(tmp_path: Path) -> None:
    sizes = _script("check_sizes")
    (tmp_path / "long.py").write_text("x = 1\n" * 501)
    (tmp_path / "short.tsx").write_text("const x = 1;\n" * 500)
    (tmp_path / "notes.md").write_text("line\n" * 900)  # not source
    assert [(Path(name).name, n) for name, n in sizes.oversized((tmp_path,))] == [("long.py", 501)]


def test_the_sql_rule_finds_statements_built_or_run_outside_repositories(tmp_path: Path) -> None:
    checker = _checker()
    service = tmp_path / "service.py"
    service.write_text(
        "from sqlalchemy import select, func\n"
        "from sqlalchemy.ext.asyncio import AsyncSession\n"
        "async def count(session: AsyncSession) -> int:\n"
        "    return await session.scalar(select(func.count()))\n"
    )
    assert checker.sql_in(service) == [
        "imports select from sqlalchemy",
        "imports func from sqlalchemy",
        "line 4: session.scalar(...)",
    ]
    clean = tmp_path / "clean.py"
    clean.write_text(
        "from sqlalchemy.ext.asyncio import AsyncSession\n"
        "from app.x import repository\n"
        "async def count(session: AsyncSession) -> int:\n"
        "    row = await session.get(object, 1)\n"  # unit of work: allowed
        "    return await repository.count(session)\n"
    )
    assert checker.sql_in(clean) == []
