"""The error log: unexpected faults go to a rotating log in the platform's log folder, not to the screen."""

from __future__ import annotations

import logging
import logging.handlers
import os
from functools import cache
from pathlib import Path

import platformdirs


def log_folder() -> Path:
    return Path(platformdirs.user_log_dir("pipdesk", appauthor=False))


@cache
def logger() -> logging.Logger:
    """pipdesk's logger, writing to ``pipdesk.log`` (1 MB, 3 old files kept, readable by the user only)."""
    log = logging.getLogger("pipdesk")
    log.setLevel(logging.INFO)
    try:
        folder = log_folder()
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        path = folder / "pipdesk.log"
        handler = logging.handlers.RotatingFileHandler(path, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
        os.chmod(path, 0o600)
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        log.addHandler(handler)
    except OSError:
        log.addHandler(logging.NullHandler())
    return log


def log_unexpected_error(error: BaseException) -> Path:
    """Write ``error`` with its traceback to the log; return the log's path to show to the person."""
    logger().error("unexpected error", exc_info=error)
    return log_folder() / "pipdesk.log"
