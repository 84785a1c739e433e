"""The map in docs/architecture.md matches the code: every path it names exists, every backend package and
frontend feature folder is in it, its URL table names the modules that really serve each `/api/v1/<x>`, and
every "docs/design.md §n" cited in the code resolves to a section there (issue "One house")."""

from __future__ import annotations

import re
from pathlib import Path

from fastapi.routing import APIRoute, APIWebSocketRoute

from app.main import create_app
from tests.conftest import make_settings

REPO = Path(__file__).resolve().parents[2]
ARCHITECTURE = REPO / "docs" / "architecture.md"
DESIGN = REPO / "docs" / "design.md"
DESCRIPTION_COLUMN = 28  # a line whose text starts this far right continues the description above it


def _block(name: str) -> str:
    text = ARCHITECTURE.read_text()
    found = re.search(rf"<!-- {name}:start -->\n(.*?)<!-- {name}:end -->", text, re.S)
    assert found, f"docs/architecture.md lost its {name} markers"
    return found.group(1)


def folder_map() -> list[str]:
    """The repository paths the folder map names ("backend/app/jobs/", "backend/app/main.py", ...)."""
    stack: list[tuple[int, str]] = []
    paths: list[str] = []
    for line in _block("folder-map").splitlines():
        if not line.strip() or line.startswith("```"):
            continue
        indent = len(line) - len(line.lstrip())
        if indent >= DESCRIPTION_COLUMN:
            continue
        names = re.split(r"\s{2,}", line.strip(), maxsplit=1)[0]
        while stack and stack[-1][0] >= indent:
            stack.pop()
        parent = "".join(name for _, name in stack)
        entries = [n.strip() for n in names.split(",")]
        paths += [parent + n for n in entries]
        if len(entries) == 1 and entries[0].endswith("/"):
            stack.append((indent, entries[0]))
    return paths


def test_every_path_in_the_folder_map_exists() -> None:
    paths = folder_map()
    assert len(paths) > 40 and "backend/app/jobs/" in paths and "frontend/src/features/board/" in paths
    missing = [p for p in paths if not (REPO / p).exists()]
    assert missing == [], "docs/architecture.md names paths that do not exist"


def test_every_backend_package_and_frontend_feature_is_in_the_map() -> None:
    paths = set(folder_map())
    packages = {f"backend/app/{d.name}/" for d in (REPO / "backend/app").iterdir() if (d / "__init__.py").exists()}
    features = {f"frontend/src/features/{d.name}/" for d in (REPO / "frontend/src/features").iterdir() if d.is_dir()}
    assert len(packages) > 15 and len(features) > 15
    assert sorted(packages - paths) == [], "packages missing from the folder map in docs/architecture.md"
    assert sorted(features - paths) == [], "feature folders missing from the folder map in docs/architecture.md"


def test_the_url_table_names_the_modules_that_serve_each_prefix(tmp_path: Path) -> None:
    documented: dict[str, set[str]] = {}
    for row in _block("url-map").splitlines():
        cells = [c.strip() for c in row.strip().strip("|").split("|")]
        if len(cells) == 2 and cells[0].startswith("`") and not cells[0].startswith("`/"):
            documented[cells[0].strip("`")] = set(re.findall(r"`(app/[\w/]+\.py)`", cells[1]))
    app = create_app(make_settings("sqlite:///:memory:", tmp_path))
    served: dict[str, set[str]] = {}
    for route in app.routes:
        if isinstance(route, APIRoute | APIWebSocketRoute) and route.path.startswith("/api/v1/"):
            prefix = route.path.split("/")[3]
            served.setdefault(prefix, set()).add(route.endpoint.__module__.replace(".", "/") + ".py")
    assert len(served) > 15
    assert documented == served, "update the URL table in docs/architecture.md"


def test_design_citations_resolve_inside_the_repository() -> None:
    sections = set(re.findall(r"^## (\d+)\. ", DESIGN.read_text(), re.M))
    assert {"1", "3", "4", "6", "9"} <= sections
    cited: dict[str, set[str]] = {}
    stale: list[str] = []
    roots = [REPO / "backend" / "app", REPO / "backend" / "tests", REPO / "frontend" / "src", REPO / "docs"]
    for root in roots:
        for path in root.rglob("*"):
            if path.suffix not in {".py", ".ts", ".tsx", ".md"} or path == DESIGN or "node_modules" in path.parts:
                continue
            text = path.read_text(errors="ignore")
            for number in re.findall(r"docs/design\.md §(\d+)", text):
                cited.setdefault(number, set()).add(str(path.relative_to(REPO)))
            if re.search(r"DESIGN(\.md)? ?§", text):
                stale.append(str(path.relative_to(REPO)))
    assert cited, "no citations found: the pattern above no longer matches how the code cites the design"
    assert sorted(stale) == [], 'cite the design as "docs/design.md §n" (a clone has no DESIGN.md)'
    unresolved = {n: sorted(p) for n, p in cited.items() if n not in sections}
    assert unresolved == {}, "citations of sections docs/design.md does not have"
