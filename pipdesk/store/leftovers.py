"""What a pipdesk killed mid-task leaves beside a plan book or among its backups: found, said and removed.

pipdesk writes a plan book's new versions and copies under names of their own, then renames them
into place. A crash before the rename leaves them; these are the names (``NAME`` is the plan book's
file name, ``plans.pipdesk``; ``XXXXXXXX`` eight random letters, digits or ``_``):

- ``.NAME.passphrase-XXXXXXXX/``: a passphrase being set, changed or removed (store/encryption.py);
- ``.NAME.restoring-XXXXXXXX/``: a backup being restored as the plan book ``NAME`` (store/backups.py);
- ``.NAME.XXXXXXXX/``: either of those, as pipdesk named them before it had these names;
- ``.NAME.creating-…``: a new plan book being created (a file or a folder);
- ``.NAME.XXXXXXXX``: a file being written whole by pipdesk/system/safe_write.py;
- in the backups folder, ``.STEM-YYYYMMDD-HHMMSS[-N].pipdesk.XXXXXXXX.partial``: a backup being taken.

Each, with the ``-journal``, ``-wal`` and ``-shm`` files SQLite keeps beside it, is one
:class:`Leftover`. Those beside the plan book are its writer's while the plan book's lock is held;
a backup being taken holds a shared lock on the backups folder. :func:`remove_leftovers` removes
only those whose lock it can take, so nothing a running pipdesk is still writing is touched.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import enum
import math
import os
import re
import shutil
import sys
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from pipdesk.domain import vocabulary
from pipdesk.domain.attachments import size_text
from pipdesk.store.connection import LOCK_SUFFIX, PLAN_BOOK_SUFFIX, PlanBookError, _BookLock
from pipdesk.store.database import Database
from pipdesk.store.plan_book import PlanBook
from pipdesk.system.safe_write import SQLITE_MAGIC

#: Prefixes after ``.NAME.`` of the staging folders pipdesk names; :func:`staging_prefix` builds them.
PASSPHRASE_STAGING = "passphrase-"
RESTORE_STAGING = "restoring-"
CREATION_STAGING = "creating-"
#: The suffix of a backup being taken (store/backups.py), after ``.BACKUP_NAME.XXXXXXXX``.
PARTIAL_SUFFIX = ".partial"

_RANDOM = r"[a-z0-9_]{8}"  # tempfile's names: eight of "abcdefghijklmnopqrstuvwxyz0123456789_"
_SQLITE_COMPANIONS = ("-journal", "-wal", "-shm")


class LeftoverKind(enum.Enum):
    """What pipdesk was doing when it was stopped, in the manager's words."""

    PASSPHRASE_CHANGE = "an unfinished passphrase change"
    RESTORE = "an unfinished restore from a backup"
    PASSPHRASE_CHANGE_OR_RESTORE = "an unfinished passphrase change or restore from a backup"
    CREATION = "an unfinished new plan book"
    SAVE = "an unfinished save of a file"
    BACKUP = "an unfinished backup"


class Content(enum.Enum):
    """Whether a leftover holds plans anyone can read."""

    UNENCRYPTED = "unencrypted"
    ENCRYPTED = "encrypted"
    EMPTY = "empty"


@dataclass(frozen=True)
class Leftover:
    """A file or folder a pipdesk stopped mid-task left; ``companions`` are SQLite's files beside it."""

    path: Path
    kind: LeftoverKind
    modified: dt.datetime
    size: int
    content: Content
    #: The plan book whose lock its writer held, or ``None`` for a backup (the backups folder's lock).
    guarded_by: Path | None
    companions: tuple[Path, ...] = ()

    @property
    def unencrypted(self) -> bool:
        return self.content is Content.UNENCRYPTED

    def describe(self) -> str:
        """``an unfinished passphrase change from 2025-03-04 10:21, unencrypted, 11.0 MB (.plans.pipdesk.…)``."""
        when = f"{self.modified:%Y-%m-%d %H:%M}"
        return f"{self.kind.value} from {when}, {self.content.value}, {size_text(self.size)} ({self.path.name})"


def staging_prefix(book_name: str, kind: str) -> str:
    """``.plans.pipdesk.passphrase-``: the prefix for ``tempfile.mkdtemp`` beside the plan book ``book_name``."""
    return f".{book_name}.{kind}"


def find_leftovers(book_path: Path, backups_folder: Path | None = None) -> list[Leftover]:
    """Every leftover of the plan book at ``book_path`` beside it, and in ``backups_folder`` when given.

    Looks only; whether each is still being written shows when :func:`remove_leftovers` tries its lock.
    """
    book_path = Path(book_path)
    found = _beside(book_path)
    if backups_folder is not None:
        found += _among_backups(Path(backups_folder), book_path.stem)
    return found


def remove_leftovers(book: PlanBook | Database | Path, leftovers: Iterable[Leftover]) -> list[Leftover]:
    """Remove the ``leftovers`` no running pipdesk is still writing; return those removed.

    ``book`` is the plan book they belong to: open (its lock held here, so no one else is writing
    beside it), or a path, whose lock is taken for the while (a plan book open elsewhere keeps its
    leftovers). A file that may hold unencrypted plans is overwritten with zeros before it is
    unlinked, unless another name links to it. Never raises: what cannot be removed stays.
    """
    book_path, held = _book_of(book)
    removed: list[Leftover] = []
    leftovers = list(leftovers)
    guards = {left.guarded_by for left in leftovers if left.guarded_by is not None}
    with contextlib.ExitStack() as locks:
        free: set[Path] = set()
        for guard in guards:
            if held and guard.resolve() == book_path.resolve():
                free.add(guard)
                continue
            with contextlib.suppress(PlanBookError):
                locks.callback(_BookLock.acquire(guard).release)
                free.add(guard)
        for left in leftovers:
            if left.guarded_by is not None and left.guarded_by not in free:
                continue
            if left.guarded_by is None:
                with _backups_folder_locked(left.path.parent) as locked:
                    if locked and _remove(left):
                        removed.append(left)
            elif _remove(left):
                removed.append(left)
    return removed


def clean_up_leftovers(book: PlanBook | Database, backups_folder: Path | None = None) -> list[Leftover]:
    """At the start: remove what pipdesk left, stopped mid-task, beside the open ``book`` and among its backups.

    Returns what was removed, for :func:`say_removed`. Run it right after opening the plan book.
    """
    book_path, _held = _book_of(book)
    try:
        return remove_leftovers(book, find_leftovers(book_path, backups_folder))
    except OSError:  # a folder that cannot be read: nothing found, nothing lost
        return []


def say_removed(removed: Sequence[Leftover]) -> str:
    """``Removed 2 files left by a pipdesk stopped mid-task: …``, for a status bar or stderr."""
    return f"Removed {vocabulary.count(len(removed), 'file')} left by a pipdesk stopped mid-task: " + "; ".join(
        left.describe() for left in removed
    )


@contextlib.contextmanager
def backup_being_written(folder: Path) -> Iterator[None]:
    """Held while a backup is written in ``folder``: its unfinished file is not a leftover meanwhile.

    A shared lock on the folder itself (``flock``), so backups of several plan books may be taken at
    once, and :func:`remove_leftovers` waits for none of them: it skips the folder's leftovers until
    the next start. On Windows a file being written cannot be removed, which guards it there.
    """
    if sys.platform == "win32":
        yield
        return
    import fcntl

    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        yield
        return
    try:
        with contextlib.suppress(OSError):  # a folder without locks (some network drives): written unguarded
            fcntl.flock(fd, fcntl.LOCK_SH)
        yield
    finally:
        os.close(fd)  # drops the lock


# Finding


def _beside(book_path: Path) -> list[Leftover]:
    folder, name = book_path.parent, book_path.name
    prefix = f".{name}."
    entries = _entries(folder)
    found: list[Leftover] = []
    for entry_name, entry in sorted(entries.items()):
        kind: LeftoverKind | None = None
        guard = book_path
        if entry_name.startswith(prefix):
            rest = entry_name[len(prefix) :]
            if _is_companion(entry_name, entries):
                continue
            if entry.is_dir() and not entry.is_symlink() and _holds_only_staging(entry, name):
                if re.fullmatch(re.escape(PASSPHRASE_STAGING) + _RANDOM, rest):
                    kind = LeftoverKind.PASSPHRASE_CHANGE
                elif re.fullmatch(re.escape(RESTORE_STAGING) + _RANDOM, rest):
                    kind = LeftoverKind.RESTORE
                elif re.fullmatch(_RANDOM, rest):
                    kind = LeftoverKind.PASSPHRASE_CHANGE_OR_RESTORE
            if rest.startswith(CREATION_STAGING):
                kind = LeftoverKind.CREATION
            elif re.fullmatch(_RANDOM, rest) and entry.is_file():
                kind = LeftoverKind.SAVE
        else:
            # A restore as another new plan book in this folder: guarded by that plan book's lock.
            restoring = re.fullmatch(
                r"\.(.+" + re.escape(PLAN_BOOK_SUFFIX) + r")\." + re.escape(RESTORE_STAGING) + _RANDOM, entry_name
            )
            if restoring is not None and entry.is_dir() and not entry.is_symlink():
                kind, guard = LeftoverKind.RESTORE, folder / restoring.group(1)
        if kind is not None:
            found.append(_leftover(entry, kind, guard, entries))
    return found


def _entries(folder: Path) -> dict[str, Path]:
    """The folder's entries by name; none when it cannot be read (nothing to clean up that can be seen)."""
    try:
        return {entry.name: entry for entry in folder.iterdir()}
    except OSError:
        return {}


def _among_backups(folder: Path, stem: str) -> list[Leftover]:
    pattern = re.compile(
        r"\."
        + re.escape(stem)
        + r"-\d{8}-\d{6}(?:-\d+)?"
        + re.escape(PLAN_BOOK_SUFFIX)
        + r"\."
        + _RANDOM
        + re.escape(PARTIAL_SUFFIX)
    )
    entries = _entries(folder)
    found: list[Leftover] = []
    for entry_name, entry in sorted(entries.items()):
        if pattern.fullmatch(entry_name) or (
            # SQLite's files beside an unfinished backup whose own file is gone already
            any(entry_name.endswith(s) and pattern.fullmatch(entry_name[: -len(s)]) for s in _SQLITE_COMPANIONS)
            and not _is_companion(entry_name, entries)
        ):
            found.append(_leftover(entry, LeftoverKind.BACKUP, None, entries))
    return found


def _holds_only_staging(folder: Path, name: str) -> bool:
    """Whether ``folder`` holds nothing but what pipdesk stages in it: the plan book ``name`` and its partial copy."""
    staged = re.compile(
        "(?:" + re.escape(name) + "|" + re.escape(f".{name}.") + _RANDOM + re.escape(PARTIAL_SUFFIX) + ")"
        "(?:-journal|-wal|-shm|" + re.escape(LOCK_SUFFIX) + ")?"
    )
    try:
        return all(staged.fullmatch(entry.name) and not entry.is_dir() for entry in folder.iterdir())
    except OSError:
        return False


def _is_companion(entry_name: str, entries: dict[str, Path]) -> bool:
    return any(entry_name.endswith(s) and entry_name[: -len(s)] in entries for s in _SQLITE_COMPANIONS)


def _leftover(entry: Path, kind: LeftoverKind, guard: Path | None, entries: dict[str, Path]) -> Leftover:
    companions = tuple(entries[entry.name + s] for s in _SQLITE_COMPANIONS if entry.name + s in entries)
    files = [path for item in (entry, *companions) for path in _files_in(item)]
    sizes, times = [], [0.0]
    for path in {entry, *files}:
        with contextlib.suppress(OSError):
            status = path.lstat()
            times.append(status.st_mtime)
            if path in files:
                sizes.append(status.st_size)
    if entry.is_dir() and not entry.is_symlink():
        # The would-be plan book inside; SQLite's journals hold pages of the same kind.
        main = [path for path in files if not path.name.endswith(_SQLITE_COMPANIONS)]
    else:
        main = [entry] if entry.is_file() else []
    return Leftover(
        path=entry,
        kind=kind,
        modified=dt.datetime.fromtimestamp(max(times)),
        size=sum(sizes),
        content=_content_of(main),
        guarded_by=guard,
        companions=companions,
    )


def _files_in(item: Path) -> list[Path]:
    if item.is_symlink() or not item.is_dir():
        return [item]
    return [Path(top) / name for top, _dirs, names in os.walk(item) for name in names]


def _content_of(files: Sequence[Path]) -> Content:
    """Unencrypted when any file is plain SQLite or holds a page that is not random bytes (SQLCipher's are)."""
    content = Content.EMPTY
    for path in files:
        try:
            size = path.lstat().st_size
            with path.open("rb") as handle:
                if handle.read(len(SQLITE_MAGIC)) == SQLITE_MAGIC:
                    return Content.UNENCRYPTED
                # A backup is written first page last: sample pages spread over the whole file.
                for offset in sorted({size * k // 16 // 4096 * 4096 for k in range(16)}):
                    handle.seek(offset)
                    page = handle.read(4096)
                    if not page.strip(b"\x00"):
                        continue  # not written yet: holds nothing
                    if _entropy(page) < 7.5:  # random bytes: 7.95 bits a byte; text and SQLite pages far less
                        return Content.UNENCRYPTED
                    content = Content.ENCRYPTED
        except OSError:
            continue
    return content


def _entropy(data: bytes) -> float:
    total = len(data)
    return -sum(c / total * math.log2(c / total) for c in Counter(data).values())


# Removing


def _book_of(book: PlanBook | Database | Path) -> tuple[Path, bool]:
    """The plan book's path, and whether its lock is held here (it is open)."""
    if isinstance(book, Path):
        return book, False
    db = book.db if isinstance(book, PlanBook) else book
    lock = getattr(db.conn, "plan_book_lock", None)
    for _seq, name, file in db.conn.execute("PRAGMA database_list"):
        if name == "main" and file:
            return Path(file), lock is not None and lock.fd is not None
    raise PlanBookError("This plan book has no file")


@contextlib.contextmanager
def _backups_folder_locked(folder: Path) -> Iterator[bool]:
    """Whether no backup is being written in ``folder`` (held exclusively meanwhile)."""
    if sys.platform == "win32":
        yield True  # a file being written there cannot be removed
        return
    import fcntl

    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        yield False
        return
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            yield False
            return
        yield True
    finally:
        os.close(fd)


def _remove(left: Leftover) -> bool:
    # On Windows only a failed unlink shows a backup still being written: it must not be wiped first.
    wipe = left.unencrypted and (left.guarded_by is not None or sys.platform != "win32")
    try:
        for item in (*left.companions, left.path):
            if item.is_dir() and not item.is_symlink():
                if wipe:
                    for path in _files_in(item):
                        overwrite_with_zeros(path)
                shutil.rmtree(item)
            else:
                if wipe:
                    overwrite_with_zeros(item)
                item.unlink(missing_ok=True)
    except OSError:
        return False
    return True


def overwrite_with_zeros(path: Path) -> None:
    """Overwrite a regular file's bytes with zeros, unless another name (a finished backup) links to it."""
    with contextlib.suppress(OSError):
        status = path.lstat()
        if not path.is_file() or path.is_symlink() or status.st_nlink != 1:
            return
        chunk = bytes(1 << 20)
        with path.open("r+b") as handle:
            for offset in range(0, status.st_size, len(chunk)):
                handle.write(chunk[: status.st_size - offset])
            handle.flush()
            os.fsync(handle.fileno())
