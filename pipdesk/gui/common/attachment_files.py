"""An attached file taken out of the plan book: opened from a private temporary copy, or saved where the person says.

A copy to open is written into a folder only its owner may enter (mode 0700, under the system's
temporary folder), as a file only its owner may read (mode 0600), under its own name made safe.
Every copy is removed when pipdesk quits: the removal is registered once, on the application's
``aboutToQuit`` and with :mod:`atexit` for an exit that skips it.
"""

from __future__ import annotations

import atexit
import os
import re
import shutil
import tempfile
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices

from pipdesk.domain import Attachment
from pipdesk.system.safe_write import write_private_file

_COPIES: list[Path] = []  # the one folder holding every copy, once made
_UNSAFE = re.compile(r"[\x00-\x1f\x7f/\\:*?\"<>|]")


def safe_name(name: str) -> str:
    """``name`` as a file name any system takes: no folders, control or reserved characters, no leading dot."""
    cleaned = _UNSAFE.sub("_", name).strip().lstrip(".").strip()
    stem, dot, suffix = cleaned.rpartition(".")
    if len(cleaned.encode()) > 200:  # most file systems allow 255 bytes; keep the type's suffix
        keep = suffix[:20] if dot else ""
        head = (stem if dot else cleaned).encode()[: 190 - len(keep.encode())].decode(errors="ignore")
        cleaned = f"{head}.{keep}" if keep else head
    return cleaned or "attached file"


def copies_folder() -> Path:
    """The private folder (0700) holding this run's copies; made, and its removal registered, on first use."""
    if not _COPIES:
        _COPIES.append(Path(tempfile.mkdtemp(prefix="pipdesk-files-")))  # mkdtemp makes it 0700
        atexit.register(remove_private_copies)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(remove_private_copies)
    return _COPIES[0]


def private_copy(attachment: Attachment, data: bytes) -> Path:
    """Write ``data`` to a new private copy named after ``attachment``; its path."""
    folder = Path(tempfile.mkdtemp(dir=copies_folder()))  # one folder a copy: two files may share a name
    path = folder / safe_name(attachment.name)
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "wb") as file:
        file.write(data)
    return path


def remove_private_copies() -> None:
    """Remove every copy made to open a file (when pipdesk quits)."""
    while _COPIES:
        shutil.rmtree(_COPIES.pop(), ignore_errors=True)


def open_copy(attachment: Attachment, data: bytes) -> bool:
    """Open a private copy of the file with the program the system uses for its type; false when none would."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(private_copy(attachment, data))))


def save_copy(path: Path, data: bytes) -> None:
    """Write the file's bytes to ``path`` (readable by its owner only); :class:`PipdeskError` if it may not be."""
    write_private_file(path, data)
