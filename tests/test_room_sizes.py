"""Rooms stay small: a GUI module past 500 lines or a class past 300 is doing more than one job (STYLE.md)."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).parents[1]
GUI = ROOT / "pipdesk" / "gui"
FORMS = GUI / "forms"  # generated from ui/*.ui

MODULE_LINES = 500
CLASS_LINES = 300
MAIN_WINDOW_LINES = 300


def _sources() -> list[Path]:
    return [path for path in sorted(GUI.rglob("*.py")) if FORMS not in path.parents]


def _classes(path: Path) -> dict[str, int]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {
        node.name: (node.end_lineno or node.lineno) - node.lineno + 1
        for node in ast.walk(tree)
        if isinstance(node, ast.ClassDef)
    }


def test_no_gui_module_is_over_500_lines() -> None:
    sizes = {
        path.relative_to(ROOT).as_posix(): len(path.read_text(encoding="utf-8").splitlines()) for path in _sources()
    }
    assert {name: lines for name, lines in sizes.items() if lines > MODULE_LINES} == {}


def test_no_gui_class_is_over_300_lines_and_the_main_window_is_a_frame() -> None:
    found = {
        f"{path.relative_to(ROOT).as_posix()}:{name}": lines
        for path in _sources()
        for name, lines in _classes(path).items()
        if lines > CLASS_LINES
    }
    assert found == {}
    assert _classes(GUI / "shell" / "main_window.py")["MainWindow"] <= MAIN_WINDOW_LINES


def test_the_measure_counts_a_class_from_its_first_to_its_last_line(tmp_path: Path) -> None:
    module = tmp_path / "m.py"
    module.write_text("class A:\n    x = 1\n\n    def f(self):\n        return 2\n")
    assert _classes(module) == {"A": 5}
