"""Layers import only downward: domain ← store, planfile ← reports, gui. Checked on the source."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).parent.parent / "pipdesk"

#: What each layer may not import (by top-level module name or pipdesk sub-package).
FORBIDDEN = {
    "domain": {
        "PySide6",
        "shiboken6",
        "sqlite3",
        "sqlcipher3",
        "sqlite_utils",
        "reportlab",
        "pipdesk.store",
        "pipdesk.planfile",
        "pipdesk.reports",
        "pipdesk.gui",
        "pipdesk.cli",
        "pipdesk.ics",
    },
    "planfile": {
        "PySide6",
        "shiboken6",
        "sqlite3",
        "sqlcipher3",
        "sqlite_utils",
        "reportlab",
        "pipdesk.store",
        "pipdesk.reports",
        "pipdesk.gui",
        "pipdesk.cli",
    },
    "store": {"PySide6", "shiboken6", "reportlab", "pipdesk.reports", "pipdesk.gui", "pipdesk.cli"},
    "reports": {
        "PySide6",
        "shiboken6",
        "sqlite3",
        "sqlcipher3",
        "sqlite_utils",
        "pipdesk.store",
        "pipdesk.gui",
        "pipdesk.cli",
    },
    "gui": {"pipdesk.cli"},
}


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def _violations(layer: str) -> list[str]:
    found = []
    for path in sorted((PACKAGE / layer).rglob("*.py")):
        for name in _imports(path):
            for banned in FORBIDDEN[layer]:
                if name == banned or name.startswith(banned + "."):
                    found.append(f"{path.relative_to(PACKAGE.parent)} imports {name}")
    return found


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_layer_imports_only_downward(layer: str) -> None:
    assert _violations(layer) == []


def test_the_check_catches_a_forbidden_import(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text("from PySide6.QtCore import QObject\nimport sqlite_utils\n")
    assert _imports(bad) >= {"PySide6.QtCore", "sqlite_utils"}


def test_only_the_driver_module_imports_an_sqlite_module() -> None:
    """Every connection is SQLCipher's, so every ``except sqlite3.Error`` must name SQLCipher's errors."""
    driver = PACKAGE / "store" / "driver.py"
    found = [
        f"{path.relative_to(PACKAGE.parent)} imports {name}"
        for path in sorted(PACKAGE.rglob("*.py"))
        if path != driver
        for name in _imports(path)
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
