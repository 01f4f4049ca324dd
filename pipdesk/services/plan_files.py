"""Plan files on disk: read one to import, write one to export; the same steps for the command line and the window.

A plan with attachments has their files in a folder beside the plan file (docs/plan-format.md,
"Attached files"): ``Alex.json`` and ``Alex.attachments/<sha256>``.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import hashlib
import os
import re
import stat
from collections.abc import Callable
from pathlib import Path

from pipdesk.domain import PipdeskError, Plan, PlanInvalid, Problem
from pipdesk.domain.attachments import Placed, every_attachment
from pipdesk.domain.model import MAX_ATTACHMENT_BYTES
from pipdesk.planfile import MAX_PLAN_FILE_BYTES, dump_plan_file, parse_plan_file
from pipdesk.store import PlanBook
from pipdesk.system.safe_write import write_private_file

#: What the folder of a plan file's attachments is named after: the plan file's name less its extension.
ATTACHMENTS_SUFFIX = ".attachments"
_SHA256_NAME = re.compile(r"[0-9a-f]{64}")


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


def attachments_folder(path: Path) -> Path:
    """Where the files of the plan file at ``path`` are: ``Alex.json`` → ``Alex.attachments``."""
    return path.with_name(path.stem + ATTACHMENTS_SUFFIX)


def read_attachment_files(path: Path, plan: Plan) -> dict[str, bytes]:
    """The bytes of every file ``plan`` (read from ``path``) attaches, by SHA-256, each checked.

    Raises :class:`PlanInvalid` naming each attachment whose file is missing, of another size or
    another SHA-256 (by its path in the plan file), so that nothing is imported.
    """
    folder = attachments_folder(path)
    found: dict[str, bytes] = {}
    problems: list[Problem] = []
    for where, placed in _paths(plan):
        attachment = placed.attachment
        if attachment.sha256 in found:
            continue
        file = folder / attachment.sha256
        try:
            data = _read_sidecar(file)
        except OSError as error:
            reason = "no such file" if isinstance(error, FileNotFoundError) else str(error.strerror or error)
            problems.append(
                Problem((*where, "sha256"), f"The file of “{attachment.name}” cannot be read: {file} ({reason})")
            )
            continue
        if len(data) != attachment.size:
            message = (
                f"The file of “{attachment.name}” ({file}) holds {len(data):,} bytes; "
                f"the plan file says {attachment.size:,}"
            )
            problems.append(Problem((*where, "size"), message))
        elif hashlib.sha256(data).hexdigest() != attachment.sha256:
            message = f"The file of “{attachment.name}” ({file}) does not match its SHA-256: it was changed or replaced"
            problems.append(Problem((*where, "sha256"), message))
        else:
            found[attachment.sha256] = data
    if problems:
        raise PlanInvalid(problems, intro=f"{path}: its attached files do not match it; nothing was imported")
    return found


def _read_sidecar(file: Path) -> bytes:
    """The bytes of a plain file, never read through a symbolic link, from a FIFO or a device, nor
    beyond the largest attachment: a plan file from elsewhere cannot make
    the import wait, fill memory or bring in another file of the reader's."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    if file.is_symlink():
        raise OSError("a symbolic link, not a plain file")
    try:
        fd = os.open(file, flags)
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise OSError("a symbolic link, not a plain file") from None
        raise
    with os.fdopen(fd, "rb") as handle:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise OSError("not a plain file")
        if st.st_size > MAX_ATTACHMENT_BYTES:
            raise OSError("larger than an attachment may be")
        return handle.read(MAX_ATTACHMENT_BYTES + 1)


def _paths(plan: Plan) -> list[tuple[tuple[str | int, ...], Placed]]:
    """Each attachment with its path in the plan file (``plan.checkins[2].attachments[0]``)."""
    counters: dict[tuple[str, int], int] = {}
    found: list[tuple[tuple[str | int, ...], Placed]] = []
    for placed in every_attachment(plan):
        key = (placed.owner, placed.index)
        number = counters.get(key, 0)
        counters[key] = number + 1
        prefix: tuple[str | int, ...] = {
            "plan": ("plan",),
            "concern": ("plan", "concerns", placed.index),
            "checkin": ("plan", "checkins", placed.index),
            "outcome": ("plan", "outcome"),
        }[placed.owner]
        found.append(((*prefix, "attachments", number), placed))
    return found


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


def import_plan_file(book: PlanBook, path: Path) -> int:
    """Add the plan of the plan file at ``path``, with its attached files, to ``book``; the plan's number.

    Raises as :func:`read_plan_file` and :func:`read_attachment_files` do, before anything is added.
    """
    plan = read_plan_file(path)
    files = read_attachment_files(path, plan)
    for data in files.values():
        book.add_attachment_content(data)
    return book.add(plan)


def write_plan_file(
    path: Path | str,
    plan: Plan,
    *,
    exported_at: dt.datetime | None = None,
    attachment_content: Callable[[str], bytes] | None = None,
) -> None:
    """Write ``plan`` as a plan file at ``path`` (``-``: standard output), whole or not at all, private to the user.

    ``exported_at`` records the export time in the file; without it the same plan gives the same
    bytes. A plan with attachments has their files written first, into the folder beside it, each
    read with ``attachment_content`` (the plan book's); it cannot go to standard output. Raises
    :class:`PipdeskError`, the plan file not written, where :func:`write_private_file` refuses.
    """
    digests = sorted({placed.attachment.sha256 for placed in every_attachment(plan)})
    if digests:
        if str(path) == "-" or attachment_content is None:
            raise PipdeskError(
                "This plan has attached files: it is written to a file, with its files in a folder beside it, "
                "not to standard output"
            )
        folder = attachments_folder(Path(path))
        try:
            folder.mkdir(mode=0o700, exist_ok=True)
        except OSError as error:
            raise PipdeskError(
                f"{folder}: the folder for the attached files cannot be made ({error.strerror})"
            ) from None
        for digest in digests:
            write_private_file(folder / digest, attachment_content(digest))
    write_private_file(path, dump_plan_file(plan, exported_at=exported_at).encode("utf-8"))
    if str(path) != "-":
        _remove_stale_files(attachments_folder(Path(path)), set(digests))


def _remove_stale_files(folder: Path, kept: set[str]) -> None:
    """Take out of ``folder`` the files an earlier export to the same name left (named by a SHA-256 this
    plan does not attach), so no other plan's file goes with the plan file; the folder too once empty.
    Files of other names are the user's: left where they are."""
    try:
        entries = list(folder.iterdir())
    except OSError:
        return  # no folder (or none to read): nothing stale beside the plan file
    for entry in entries:
        if _SHA256_NAME.fullmatch(entry.name) and entry.name not in kept:
            with contextlib.suppress(OSError):
                entry.unlink()
    if not kept:
        with contextlib.suppress(OSError):
            folder.rmdir()  # refused while it still holds the user's files
