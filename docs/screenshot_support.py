"""What every screenshot script shares: a temporary home, its own settings, the demo plan book, Qt offscreen."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
OUT = Path(__file__).parent / "screenshots"


@dataclass
class Demo:
    app: Any  # QApplication
    book: Any  # PlanBook
    ids: dict[str, int]  # sample plan name → plan number
    home: Path


@contextmanager
def demo_app() -> Iterator[Demo]:
    """The app on a fresh demo plan book in a temporary folder; nothing of yours is read or written."""
    with tempfile.TemporaryDirectory() as folder:
        home = Path(folder)
        os.environ.update(XDG_CONFIG_HOME=str(home / "config"), XDG_DATA_HOME=str(home / "data"))
        from PySide6.QtCore import QSettings

        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(home / "config"))
        from pipdesk.gui.shell.app import application
        from pipdesk.services.samples import DEMO_PLAN_NAMES, add_demo_plans
        from pipdesk.store import PlanBook

        app = application()
        book = PlanBook.open(home / "demo.pipdesk")
        ids = dict(zip(DEMO_PLAN_NAMES, add_demo_plans(book), strict=True))
        OUT.mkdir(exist_ok=True)
        yield Demo(app=app, book=book, ids=ids, home=home)


def save_shot(app: Any, widget: Any, name: str) -> Path:
    """Let Qt settle, then grab ``widget`` to ``docs/screenshots/<name>.png``."""
    for _ in range(3):
        app.processEvents()
    path = OUT / f"{name}.png"
    widget.grab().save(str(path))
    print(f"wrote {path.relative_to(OUT.parent.parent)}")
    return path
