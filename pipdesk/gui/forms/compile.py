"""Compile every ``ui/*.ui`` form to ``pipdesk/gui/forms/ui_<name>.py`` with pyside6-uic."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path

FORMS = Path(__file__).parent
UI = FORMS.parent.parent.parent / "ui"


def uic_command() -> list[str]:
    beside_python = Path(sys.executable).with_name("pyside6-uic")
    return [str(beside_python) if beside_python.exists() else shutil.which("pyside6-uic") or "pyside6-uic"]


def compiled(ui_file: Path) -> str:
    """What pyside6-uic makes of ``ui_file``, without its header comment (it names the uic version)."""
    result = subprocess.run([*uic_command(), str(ui_file)], capture_output=True, text=True, check=True)
    return strip_header(without_unused_imports(result.stdout))


def without_unused_imports(source: str) -> str:
    """``source`` importing only the Qt names it uses.

    pyside6-uic imports a fixed list of QtCore and QtGui classes whatever the form uses; PySide6 makes each
    class (and its enums) on first import, and the unused ones (QGradient's 180 presets, QPainter, QImage...)
    cost about 8 ms of the window's start (#21)."""
    tree = ast.parse(source)
    used = {node.id for node in ast.walk(tree) if isinstance(node, ast.Name)}
    lines = source.splitlines(keepends=True)
    for node in reversed(tree.body):  # from the end, so the line numbers above stay right
        if not isinstance(node, ast.ImportFrom):
            continue
        names = [alias.name for alias in node.names if (alias.asname or alias.name) in used]
        statement = [f"from {node.module} import {', '.join(names)}\n"] if names else []
        lines[node.lineno - 1 : node.end_lineno] = statement
    return "".join(lines)


def strip_header(source: str) -> str:
    lines = source.splitlines(keepends=True)
    while lines and (lines[0].startswith("#") or not lines[0].strip()):
        lines.pop(0)
    return "# Generated from ui/ by pyside6-uic (python -m pipdesk.gui.forms.compile). Do not edit.\n\n" + "".join(lines)


def target(ui_file: Path) -> Path:
    return FORMS / f"ui_{ui_file.stem}.py"


def main() -> None:
    for ui_file in sorted(UI.glob("*.ui")):
        target(ui_file).write_text(compiled(ui_file), encoding="utf-8")
        print(f"{ui_file.name} → {target(ui_file).relative_to(FORMS.parent.parent.parent)}")


if __name__ == "__main__":
    main()
