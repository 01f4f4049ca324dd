"""The app's settings (QSettings, INI format): window geometry, splitters, plan books used."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from PySide6.QtCore import QSettings

from pipdesk.system.safe_write import make_private_folder, write_new_private_file

MAX_RECENT = 8


def settings() -> QSettings:
    store = QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "pipdesk", "pipdesk")
    _make_private(Path(store.fileName()))
    return store


def _make_private(ini: Path) -> None:
    """The settings file (0600) and its folder (0700) made before Qt writes them, as Qt keeps a file's mode."""
    with contextlib.suppress(OSError):  # settings that cannot be saved are not worth stopping pipdesk for
        make_private_folder(ini.parent, own=True)
        write_new_private_file(ini)
        if os.name != "nt":
            os.chmod(ini, 0o600)


def recent_plan_books() -> list[Path]:
    value = settings().value("recent_plan_books", [])
    names: list[str] = [value] if isinstance(value, str) else [str(v) for v in value] if isinstance(value, list) else []
    return [Path(name) for name in names if name]


def remember_plan_book(path: Path) -> None:
    store = settings()
    resolved = str(path.resolve())
    names = [resolved, *(str(p) for p in recent_plan_books() if str(p) != resolved)][:MAX_RECENT]
    store.setValue("recent_plan_books", names)
    store.setValue("last_plan_book", resolved)


def last_plan_book() -> Path | None:
    value = settings().value("last_plan_book", "")
    return Path(str(value)) if value else None
