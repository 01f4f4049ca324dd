"""The app's settings (QSettings, INI format): window geometry, splitters, plan books used."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

MAX_RECENT = 8


def settings() -> QSettings:
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "pipdesk", "pipdesk")


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
