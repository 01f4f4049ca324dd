"""Plan files on disk: read one to import, write one to export; the same steps for the command line and the window."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from pipdesk.domain import PipdeskError, Plan
from pipdesk.planfile import MAX_PLAN_FILE_BYTES, dump_plan_file, parse_plan_file
from pipdesk.system.safe_write import write_private_file


class PlanFileUnreadable(PipdeskError):
    """A plan file that cannot be read at all: missing, a folder, too large or not permitted. Nothing was read."""

    def __init__(self, path: Path, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(f"{path}: {reason}")


def read_plan_file(path: Path) -> Plan:
    """The plan the file at ``path`` holds.

    Raises :class:`PlanFileUnreadable` when the file cannot be read (a file over
    :data:`~pipdesk.planfile.MAX_PLAN_FILE_BYTES` is not read at all), and :class:`PlanInvalid`
    listing every problem with its JSON path when it is not a plan file pipdesk can import.
    """
    return parse_plan_file(_read_bytes(path))


def _read_bytes(path: Path) -> bytes:
    """The file's bytes, refused unread when it is a folder or larger than a plan file may be."""
    try:
        if path.is_dir():
            raise PlanFileUnreadable(path, "is a folder, not a plan file")
        if path.stat().st_size > MAX_PLAN_FILE_BYTES:
            raise PlanFileUnreadable(path, f"is larger than {MAX_PLAN_FILE_BYTES // 1024 // 1024} MB; not a plan file")
        return path.read_bytes()
    except FileNotFoundError:
        raise PlanFileUnreadable(path, "no such file") from None
    except OSError as error:
        raise PlanFileUnreadable(path, f"cannot be read ({error.strerror})") from None


def write_plan_file(path: Path | str, plan: Plan, *, exported_at: dt.datetime | None = None) -> None:
    """Write ``plan`` as a plan file at ``path`` (``-``: standard output), whole or not at all, private to the user.

    ``exported_at`` records the export time in the file; without it the same plan gives the same
    bytes. Raises :class:`PipdeskError`, nothing written, where :func:`write_private_file` refuses.
    """
    write_private_file(path, dump_plan_file(plan, exported_at=exported_at).encode("utf-8"))
