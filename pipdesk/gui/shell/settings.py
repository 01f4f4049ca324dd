"""The app's settings (QSettings, INI format): every key declared once here, with its default.

Nothing else in pipdesk names a settings key: the window, the plan book's opening and the new plan
dialog read and write them through the functions below.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Generic, TypeVar

from PySide6.QtCore import QByteArray, QSettings, QSize, Qt

from pipdesk.domain.defaults import DEFAULT_RETENTION_YEARS, DEFAULT_SUSTAINED, RETENTION_YEARS_RANGE
from pipdesk.gui.common.theme import Theme
from pipdesk.system.safe_write import make_private_folder, write_new_private_file

if TYPE_CHECKING:
    from pipdesk.reports import Organisation

T = TypeVar("T")

MAX_RECENT = 8


@dataclass(frozen=True)
class Setting(Generic[T]):
    """One key of the settings file, its default, and how a stored value is read back as its type."""

    key: str
    default: T
    parse: Callable[[object], T]

    def read(self) -> T:
        """The stored value, or the default when there is none or it does not read as one."""
        return self._parsed(_to_read().value(self.key, None))

    def write(self, value: T) -> None:
        store = settings()
        stored = store.value(self.key, None)
        # The same value again (the plan book at every opening): the settings file is left alone.
        if stored is None or self._parsed(stored) != value:
            store.setValue(self.key, value)

    def _parsed(self, stored: object) -> T:
        if stored is None:
            return self.default
        try:
            return self.parse(stored)
        except (TypeError, ValueError):
            return self.default


def _int(value: object) -> int:
    return int(str(value))


def _names(value: object) -> list[str]:
    """A list of strings; an INI list of one reads back as a string."""
    return [value] if isinstance(value, str) else [str(v) for v in value] if isinstance(value, list) else []


def _bytes(value: object) -> QByteArray:
    if not isinstance(value, QByteArray):
        raise TypeError(value)
    return value


def _theme(value: object) -> str:
    return Theme(str(value)).value


#: The colours pipdesk shows: the system's scheme, or light, dark or high contrast (Preferences).
THEME = Setting("appearance/theme", Theme.SYSTEM.value, _theme)
#: The main window's place and size, and where its splitter sits (empty: never saved).
WINDOW_GEOMETRY = Setting("window/geometry", QByteArray(), _bytes)
WINDOW_SPLITTER = Setting("window/splitter", QByteArray(), _bytes)
#: How many backups of each plan book are kept.
KEEP_BACKUPS = Setting("backups/keep", 10, _int)
#: How many of an objective's last measured check-ins must reach the target for the suggested
#: result "met" (Preferences › Outcome); the domain is given it, it never reads settings.
SUSTAINED_CHECKINS = Setting("outcome/sustained_checkins", DEFAULT_SUSTAINED, _int)
#: How many years after it closed a plan is kept before This week lists it to erase or anonymise (Preferences).
RETENTION_YEARS = Setting("retention/years", DEFAULT_RETENTION_YEARS, _int)
#: The manager's name, offered in the next new plan.
MANAGER_NAME = Setting("manager_name", "", str)
#: The organisation every document is printed for (Preferences › Organisation): its name, its logo as a
#: PNG (copied in, scaled to fit a header, so the file chosen may move or go) and a footer line.
ORGANISATION_NAME = Setting("organisation/name", "", str)
ORGANISATION_LOGO = Setting("organisation/logo", QByteArray(), _bytes)
ORGANISATION_FOOTER = Setting("organisation/footer", "", str)
#: The plan books opened, newest first, and the one opened last.
RECENT_PLAN_BOOKS = Setting("recent_plan_books", list[str](), _names)
LAST_PLAN_BOOK = Setting("last_plan_book", "", str)


def last_plan_setting(book: Path) -> Setting[int]:
    """The plan shown last in the plan book at ``book`` (0: none)."""
    return Setting(f"last_plan/{book}", 0, _int)


def settings() -> QSettings:
    """The settings file, to write: made private first (:func:`_make_private`)."""
    store = _to_read()
    _make_private(Path(store.fileName()))
    return store


def _to_read() -> QSettings:
    """The settings file, to read: Qt writes nothing for that, so nothing is made private (the launch reads ~10)."""
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "pipdesk", "pipdesk")


def _make_private(ini: Path) -> None:
    """The settings file (0600) and its folder (0700) made before Qt writes them, as Qt keeps a file's mode."""
    with contextlib.suppress(OSError):  # settings that cannot be saved are not worth stopping pipdesk for
        make_private_folder(ini.parent, own=True)
        write_new_private_file(ini)
        if os.name != "nt":
            os.chmod(ini, 0o600)


def keep_backups() -> int:
    return max(1, KEEP_BACKUPS.read())


def sustained_checkins() -> int:
    """N of "met at the last N measured check-ins": at least 1, at most ``MAX_SUSTAINED``."""
    return min(MAX_SUSTAINED, max(1, SUSTAINED_CHECKINS.read()))


MAX_SUSTAINED = 10


def retention_years() -> int:
    """The retention period in years, within :data:`RETENTION_YEARS_RANGE`."""
    low, high = RETENTION_YEARS_RANGE
    return min(high, max(low, RETENTION_YEARS.read()))


def organisation() -> Organisation | None:
    """The letterhead for the documents printed or exported from the window; ``None`` when none is set."""
    logo = bytes(ORGANISATION_LOGO.read().data())
    from pipdesk.reports import Organisation  # the documents' module loads with the first document, not at start

    chosen = Organisation(ORGANISATION_NAME.read(), logo or None, ORGANISATION_FOOTER.read())
    return chosen if chosen else None


#: A logo is kept at most this big (pixels): sharp in a 9 mm-high header, small in the settings file.
LOGO_SIZE = QSize(900, 300)


def logo_png(path: Path) -> bytes:
    """The image at ``path`` (PNG, SVG, JPEG…) as PNG bytes, scaled down to :data:`LOGO_SIZE`.

    Raises ValueError, saying why, when the file does not read as an image."""
    from PySide6.QtCore import QBuffer  # with a logo chosen in Preferences, not at every launch (#21)
    from PySide6.QtGui import QImage, QImageReader

    reader = QImageReader(str(path))
    image = reader.read()
    if image.isNull():
        raise ValueError(f"{path.name} could not be read as an image ({reader.errorString()})")
    if image.width() > LOGO_SIZE.width() or image.height() > LOGO_SIZE.height():
        image = image.scaled(LOGO_SIZE, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QBuffer.OpenModeFlag.WriteOnly)
    image.convertToFormat(QImage.Format.Format_ARGB32).save(buffer, "PNG")  # type: ignore[call-overload]  # the stubs want bytes; Qt wants str
    return bytes(data.data())


def recent_plan_books() -> list[Path]:
    return [Path(name) for name in RECENT_PLAN_BOOKS.read() if name]


#: Plan books opened without being remembered (the sample plans): they never hide the manager's own.
_NOT_REMEMBERED: set[str] = set()


def never_remember(path: Path) -> None:
    """``path`` (the sample plans) never becomes the last plan book nor joins the recent ones."""
    _NOT_REMEMBERED.add(str(path.resolve()))


def remember_plan_book(path: Path) -> None:
    resolved = str(path.resolve())
    if resolved in _NOT_REMEMBERED:
        return
    names = [resolved, *(str(p) for p in recent_plan_books() if str(p) != resolved)][:MAX_RECENT]
    RECENT_PLAN_BOOKS.write(names)
    LAST_PLAN_BOOK.write(resolved)


def last_plan_book() -> Path | None:
    value = LAST_PLAN_BOOK.read()
    return Path(value) if value else None


def first_plan_book(path: Path | None) -> Path:
    """The plan book the window opens at launch: ``path``, else the one used last (if still there), else the default."""
    from pipdesk.store import default_plan_book_path

    last = last_plan_book()
    return path or (last if last is not None and last.exists() else None) or default_plan_book_path()
