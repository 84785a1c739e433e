#!/usr/bin/env python3
"""The import rules of `app` (decision 018), checked on the real import graph (grimp, import-linter's engine).

Rules, each violation one line `rule: importer -> imported`:
- `cycle`: no cycles between packages. Nodes are `app.<package>` (and `app.api.v1`, the routers, apart from
  `app.api`'s plumbing); an edge inside a strongly connected component of that graph is a violation.
- `core`: `app.core` imports nothing of the app outside itself.
- `models`: `app.models` imports only itself and `app.core`.
- `cli`: nothing outside the `app.cli` package imports it.
- `layer`: inside a package, a repository imports no service, router or tasks module, and a service no router.
- `sql`: a service, router or tasks module builds no SQL (imports no statement builder such as `select` or `func`
  from SQLAlchemy) and runs none (`session.execute/scalar/scalars`): SQL lives in repositories (or a domain's named
  data module, such as `applications/rollups.py`, that its services call).

Today's violations are listed in `backend/import-allowlist.txt`; the list may only shrink: a violation not on it
fails, and so does a line on it that no longer occurs (remove it). `make lint` runs this; so does
`tests/test_architecture.py`.
"""

from __future__ import annotations

import ast
import sys
from collections import defaultdict
from pathlib import Path

BACKEND = Path(__file__).resolve().parents[1]
ALLOWLIST = BACKEND / "import-allowlist.txt"
_LOWER = {"repository": ("service", "router", "tasks"), "service": ("router",)}
_SQL_BUILDERS = {"select", "update", "delete", "insert", "func", "exists", "text", "and_", "or_", "not_", "case",
                 "literal", "literal_column", "union", "union_all", "tuple_", "bindparam", "column"}  # fmt: skip
_SQL_RUNNERS = {"execute", "scalar", "scalars", "stream", "stream_scalars"}


def _node(module: str) -> str:
    if module == "app.api.v1" or module.startswith("app.api.v1."):
        return "app.api.v1"
    return ".".join(module.split(".")[:2])


def _role(module: str) -> str | None:
    last = module.rsplit(".", 1)[-1]
    for role in ("repository", "service", "router", "tasks"):
        if last == role or last.startswith(f"{role}_") or last.endswith(f"_{role}"):
            return role
    return None


def _cycles(graph: dict[str, set[str]]) -> list[set[str]]:
    """Strongly connected components of more than one node (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[set[str]] = []
    counter = 0
    for root in sorted(graph):
        if root in index:
            continue
        work = [(root, iter(sorted(graph.get(root, ()))))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph.get(child, ())))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = set()
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.add(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(component)
    return found


def sql_in(path: Path) -> list[str]:
    """What in this module builds or runs SQL: `from sqlalchemy import select`, `session.execute(...)`."""
    found: list[str] = []
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] == "sqlalchemy":
            found += [f"imports {a.name} from {node.module}" for a in node.names if a.name in _SQL_BUILDERS]
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in _SQL_RUNNERS:
            owner = node.func.value
            if isinstance(owner, ast.Name) and owner.id in ("session", "conn", "connection", "db"):
                found.append(f"line {node.lineno}: {owner.id}.{node.func.attr}(...)")
    return found


def violations() -> dict[str, list[str]]:
    """Each violation, with the module imports behind it (for the message)."""
    import grimp

    graph = grimp.build_graph("app", cache_dir=None)
    out: dict[str, list[str]] = defaultdict(list)
    edges: dict[tuple[str, str], list[str]] = defaultdict(list)
    for module in sorted(graph.modules):
        for imported in sorted(graph.find_modules_directly_imported_by(module)):
            a, b = _node(module), _node(imported)
            if a != b and b != "app" and a != "app":
                edges[(a, b)].append(f"{module} -> {imported}")
            if a == "app.core" and b != "app.core":
                out[f"core: {module} -> {imported}"].append(f"{module} -> {imported}")
            if a == "app.models" and b not in ("app.models", "app.core"):
                out[f"models: {module} -> {imported}"].append(f"{module} -> {imported}")
            if b == "app.cli" and a != "app.cli":
                out[f"cli: {module} -> {imported}"].append(f"{module} -> {imported}")
            lower, upper = _role(module), _role(imported)
            if a == b and lower in _LOWER and upper in _LOWER[lower]:
                out[f"layer: {module} -> {imported}"].append(f"{module} -> {imported}")
    for module in sorted(graph.modules):
        if _role(module) in ("service", "router", "tasks"):
            path = BACKEND / (module.replace(".", "/") + ".py")
            if path.exists() and (why := sql_in(path)):
                out[f"sql: {module}"].extend(why)
    packages: dict[str, set[str]] = defaultdict(set)
    for a, b in edges:
        packages[a].add(b)
    for component in _cycles(packages):
        for (a, b), why in edges.items():
            if a in component and b in component:
                out[f"cycle: {a} -> {b}"].extend(why)
    return dict(out)


def allowed() -> set[str]:
    lines = ALLOWLIST.read_text().splitlines() if ALLOWLIST.exists() else []
    return {line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")}


def report() -> tuple[list[str], list[str]]:
    """(new violations with their imports, allowlist lines that no longer occur)."""
    found = violations()
    allow = allowed()
    new = [f"{v}\n    " + "\n    ".join(found[v][:5]) for v in sorted(found) if v not in allow]
    gone = sorted(allow - set(found))
    return new, gone


def main() -> int:
    new, gone = report()
    for line in new:
        print(f"import rule broken: {line}")
    for line in gone:
        print(f"no longer broken, remove from {ALLOWLIST.name}: {line}")
    if not new and not gone:
        print(f"import rules hold ({len(allowed())} known violations allowed, see {ALLOWLIST.name})")
    return 1 if new or gone else 0


if __name__ == "__main__":
    sys.path.insert(0, str(BACKEND))
    raise SystemExit(main())
