"""Every module of pipdesk sits in a layer, and imports only what its layer may: checked on the source.

The table here is the one in docs/architecture.md. Inside the GUI, a feature package (``gui/plan``,
``gui/timeline``, …) uses ``gui/common``, the compiled forms and the layers below, never another
feature; only the shell puts features together.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).parents[1]
PACKAGE = ROOT / "pipdesk"

QT = {"PySide6", "shiboken6"}
SQL = {"sqlite3", "sqlcipher3", "sqlite_utils"}
REPORTLAB = {"reportlab"}

#: layer → (the pipdesk layers it may import besides itself, third-party packages it may not import)
LAYERS: dict[str, tuple[set[str], set[str]]] = {
    "domain": (set(), QT | SQL | REPORTLAB),
    "system": ({"domain"}, QT | SQL | REPORTLAB),
    "planfile": ({"domain"}, QT | SQL | REPORTLAB),
    "store": ({"domain", "system"}, QT | REPORTLAB),
    "reports": ({"domain", "system"}, QT | SQL),
    "services": ({"domain", "system", "planfile", "store", "reports"}, QT),
    "gui": ({"domain", "system", "planfile", "store", "reports", "services"}, set()),
    "cli": ({"domain", "system", "planfile", "store", "reports", "services", "gui"}, set()),
}

#: The GUI's own packages: what each may import of the GUI besides itself.
GUI_FEATURES = {
    "plan",
    "plans",
    "timeline",
    "checkins",
    "outcome",
    "week",
    "documents",
    "pause",
    "subjectaccess",
    "casefile",
    "records",
}
GUI_PACKAGES: dict[str, set[str]] = {
    "forms": {"common"},  # a form promotes a common widget (the list editor)
    "common": {"forms"},
    **{feature: {"common", "forms"} for feature in GUI_FEATURES},
    "shell": {"common", "forms", *GUI_FEATURES},
}


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def layer_of(module: str) -> str | None:
    parts = module.split(".")
    if module == "pipdesk":
        return "version"  # pipdesk/__init__.py holds only the version, which any layer may read
    if module in {"pipdesk.cli", "pipdesk.__main__"}:
        return "cli"
    if len(parts) > 2 and parts[1] in LAYERS:  # a module inside a layer's package
        return parts[1]
    if len(parts) == 2 and parts[1] in LAYERS and (PACKAGE / parts[1]).is_dir():
        return parts[1]
    return None


def gui_package_of(module: str) -> str | None:
    parts = module.split(".")
    return parts[2] if len(parts) > 2 and parts[1] == "gui" else None


def modules() -> dict[str, Path]:
    return {module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def imports(path: Path, known: set[str]) -> Iterator[str]:
    """Every module ``path`` imports, anywhere in it; ``from a import b`` counts as ``a.b`` when that is a module."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for alias in node.names:
                submodule = f"{node.module}.{alias.name}"
                yield submodule if submodule in known else node.module


def violations() -> list[str]:
    found = []
    known = set(modules())
    for module, path in modules().items():
        layer = layer_of(module)
        if layer is None:
            found.append(f"{module} is in no layer")
            continue
        allowed, banned = LAYERS.get(layer, (set(), set()))
        for name in imports(path, known):
            top = name.split(".")[0]
            if top in banned:
                found.append(f"{module} ({layer}) imports {name}")
            if top != "pipdesk":
                continue
            target = layer_of(name)
            if target not in {None, "version", layer, *allowed}:
                found.append(f"{module} ({layer}) imports {name} ({target})")
            source_package, target_package = gui_package_of(module), gui_package_of(name)
            if (
                layer == target == "gui"
                and source_package is not None
                and target_package is not None
                and source_package != target_package
                and target_package not in GUI_PACKAGES.get(source_package, set())
            ):
                found.append(f"{module} (gui/{source_package}) imports {name} (gui/{target_package})")
    return found


def import_graph() -> dict[str, set[str]]:
    known = set(modules())
    graph: dict[str, set[str]] = {}
    for module, path in modules().items():
        graph[module] = {name for name in imports(path, known) if name in known and name != module}
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected groups of more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in graph.get(node, ()):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return sorted(groups)


def without_package_inits(graph: dict[str, set[str]]) -> dict[str, set[str]]:
    """A package's ``__init__`` re-exporting its modules is not a cycle with them: its names are the package's face."""
    return {
        module: {target for target in targets if not module.startswith(target + ".")}
        for module, targets in graph.items()
    }


def test_every_module_is_in_a_layer_and_imports_only_what_its_layer_may() -> None:
    assert violations() == []


def test_no_module_imports_itself_back_through_others() -> None:
    assert cycles(without_package_inits(import_graph())) == []


def test_the_layer_table_matches_docs_architecture() -> None:
    text = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    for layer, (allowed, _banned) in LAYERS.items():
        row = next((line for line in text.splitlines() if line.startswith(f"| `{layer}")), None)
        assert row is not None, f"docs/architecture.md has no row for {layer}"
        may_use = row.rstrip(" |").rsplit("|", 1)[-1]
        named = {name for name in LAYERS if f"`{name}`" in may_use}
        assert named == allowed, f"{layer}: the docs say {sorted(named)}, the test {sorted(allowed)}"
    for package, allowed in GUI_PACKAGES.items():
        row = next((line for line in text.splitlines() if line.startswith(f"| `gui/{package}")), None)
        assert row is not None, f"docs/architecture.md has no row for gui/{package}"
        may_use = row.rstrip(" |").rsplit("|", 1)[-1]
        named = {name for name in GUI_PACKAGES if f"`gui/{name}`" in may_use}
        if "every feature" in may_use:
            named |= GUI_FEATURES
        assert named == allowed, f"gui/{package}: the docs say {sorted(named)}, the test {sorted(allowed)}"


def test_the_checks_catch_a_forbidden_import_a_stray_module_and_a_cycle(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text("from PySide6.QtCore import QObject\nimport sqlite_utils\ndef f():\n    import pipdesk.cli\n")
    assert set(imports(bad, set())) >= {"PySide6.QtCore", "sqlite_utils", "pipdesk.cli"}
    assert layer_of("pipdesk.stray") is None
    assert layer_of("pipdesk.gui.timeline.view") == "gui"
    assert gui_package_of("pipdesk.gui.timeline.view") == "timeline"
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": set()}) == []


def test_only_the_driver_module_imports_an_sqlite_module() -> None:
    """Every connection is SQLCipher's, so every ``except sqlite3.Error`` must name SQLCipher's errors."""
    driver = PACKAGE / "store" / "driver.py"
    known = set(modules())
    found = [
        f"{path.relative_to(ROOT)} imports {name}"
        for path in sorted(PACKAGE.rglob("*.py"))
        if path != driver
        for name in imports(path, known)
        if name.split(".")[0] in {"sqlite3", "sqlcipher3", "pysqlite3"}
    ]
    assert found == []


def test_sqlite_utils_runs_on_the_same_driver_as_the_plan_books() -> None:
    import sqlite_utils.utils

    from pipdesk.store.driver import check_sqlite_utils, sqlite3

    check_sqlite_utils()
    assert sqlite_utils.utils.OperationalError is sqlite3.OperationalError
    version = sqlite3.connect(":memory:").execute("PRAGMA cipher_version").fetchone()  # None in plain SQLite
    assert version is not None and version[0].startswith("4.")
