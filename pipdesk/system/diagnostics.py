"""The error log: unexpected faults go to a rotating log in the platform's log folder, not to the screen."""

from __future__ import annotations

import io
import logging
import os
from functools import cache
from pathlib import Path

import platformdirs

from pipdesk.system.safe_write import make_private_folder


def log_folder() -> Path:
    return Path(platformdirs.user_log_dir("pipdesk", appauthor=False))


@cache
def logger() -> logging.Logger:
    """pipdesk's logger, writing to ``pipdesk.log`` (1 MB, 3 old files kept, readable by the user only)."""
    log = logging.getLogger("pipdesk")
    log.setLevel(logging.INFO)
    try:
        folder = log_folder()
        make_private_folder(folder, own=True)
        path = folder / "pipdesk.log"
        handler = _private_rotating_file_handler(path)
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        log.addHandler(handler)
    except OSError:
        log.addHandler(logging.NullHandler())
    return log


def _private_rotating_file_handler(path: Path) -> logging.Handler:
    """A rotating log (1 MB, 3 old files) whose every file, the first and each one after a rotation, has mode
    0600 whatever the umask. ``logging.handlers`` is loaded here, when the log is first written (#21: ~5 ms)."""
    import logging.handlers

    class PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
        def _open(self) -> io.TextIOWrapper:
            fd = os.open(self.baseFilename, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
            if os.name != "nt":
                os.fchmod(fd, 0o600)
            return open(fd, "a", encoding=self.encoding, errors=self.errors)

    return PrivateRotatingFileHandler(path, maxBytes=1_000_000, backupCount=3, encoding="utf-8")


def log_unexpected_error(error: BaseException) -> Path:
    """Write ``error`` with its traceback to the log; return the log's path to show to the person."""
    logger().error("unexpected error", exc_info=error)
    return log_folder() / "pipdesk.log"
