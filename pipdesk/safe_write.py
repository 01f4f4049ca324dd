"""Write a file whole or not at all, readable by the user only: exports of confidential plans."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from pipdesk.domain import PipdeskError


def write_private_file(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder, then rename it (mode 0600)."""
    folder = path.parent if str(path.parent) else Path(".")
    if path.is_dir():
        raise PipdeskError(f"{path}: is a folder")
    try:
        fd, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=folder)
    except OSError as error:
        raise PipdeskError(f"{path}: cannot write here ({error.strerror})") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, 0o600)
        os.replace(temporary, path)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        raise PipdeskError(f"{path}: cannot be written ({error.strerror})") from None


def fsync_file(path: Path) -> None:
    """Wait until ``path``'s bytes are on the disk."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_folder(folder: Path) -> None:
    """Wait until a rename or a new name in ``folder`` is on the disk (POSIX; Windows has no such call)."""
    if os.name == "nt":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
