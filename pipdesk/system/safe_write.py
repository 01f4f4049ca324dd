"""Write an output file whole or not at all, readable by the user only; never over a plan book or a device.

Every file pipdesk writes for the manager (plan files, PDFs, calendars, copies) goes through
:func:`write_private_file`, which decides once, on the real file behind the path, how it may be written:

- absent, or a regular file: a temporary file beside it (mode 0600) renamed over it, so it is
  whole or untouched; a symbolic link is followed and the file it names is replaced;
- a character device or a FIFO (``/dev/null``, ``/dev/stdout``, a pipe): written to directly, as
  any Unix tool does, and left the device or FIFO it was;
- ``-``: standard output (the command line only);
- anything else (a folder, a socket, a block device): refused, nothing changed.

A regular file is refused too when it is an open plan book, its ``-wal``, ``-shm`` or lock file (by
device and inode, so a link or another spelling of the path cannot get round it), or when its
first bytes show a plan book or another SQLite database (a backup, another plan book), plain or encrypted.
"""

from __future__ import annotations

import os
import stat
import sys
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path

from pipdesk.domain import PipdeskError

STDOUT = "-"
SQLITE_MAGIC = b"SQLite format 3\x00"
#: Files pipdesk exports start with one of these; an existing file that starts otherwise with whole
#: pages of random bytes may be an encrypted plan book and is never replaced.
_EXPORT_STARTS = (b"%PDF", b"{", b"[", b"BEGIN:", b"PK")
_BOOK_COMPANIONS = ("-wal", "-shm", "-journal", ".lock")

_open_books: dict[int, Path] = {}
_open_books_guard = threading.Lock()


def protect_open_book(path: Path) -> int:
    """Record ``path`` as an open plan book: no output replaces it or its companions. Returns a key to release."""
    with _open_books_guard:
        key = max(_open_books, default=0) + 1
        _open_books[key] = Path(os.path.abspath(path))
        return key


def release_open_book(key: int) -> None:
    with _open_books_guard:
        _open_books.pop(key, None)


def _protected_files() -> Iterator[Path]:
    with _open_books_guard:
        books = list(_open_books.values())
    for book in books:
        yield book
        for suffix in _BOOK_COMPANIONS:
            yield book.with_name(book.name + suffix)


def write_private_file(path: Path | str, data: bytes) -> None:
    """Write ``data`` to ``path`` by the rule above; raise :class:`PipdeskError` (nothing changed) if it may not be."""
    if str(path) == STDOUT:
        _write_stdout(data)
        return
    path = Path(path)
    try:
        st = os.stat(path)  # follows a symbolic link: the decision is about the real file
    except FileNotFoundError:
        st = None
    except OSError as error:
        raise PipdeskError(f"{path}: cannot be written ({error.strerror})") from None
    if st is None or stat.S_ISREG(st.st_mode):
        _refuse_plan_book_companion(path)
        if st is not None:
            _refuse_plan_book(path, st)
        _replace_atomically(Path(os.path.realpath(path)), data, shown=path)
    elif stat.S_ISCHR(st.st_mode) or stat.S_ISFIFO(st.st_mode):
        _write_in_place(path, data)
    elif stat.S_ISDIR(st.st_mode):
        raise PipdeskError(f"{path}: is a folder; give a file name to write to")
    elif stat.S_ISSOCK(st.st_mode):
        raise PipdeskError(f"{path}: is a socket, not a file; nothing was written")
    elif stat.S_ISBLK(st.st_mode):
        raise PipdeskError(f"{path}: is a disk (a block device); pipdesk will not write over it")
    else:
        raise PipdeskError(f"{path}: is not a regular file; nothing was written")


def check_copy_target(path: Path) -> None:
    """The same rule for a copy of a plan book (File › Save a copy): a regular file or a new name, never an
    open plan book or one of its files; an earlier copy (another database) may be replaced. Raises
    :class:`PipdeskError`, nothing changed."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        st = None
    except OSError as error:
        raise PipdeskError(f"{path}: cannot be written ({error.strerror})") from None
    if st is not None and not stat.S_ISREG(st.st_mode):
        kind = "a folder" if stat.S_ISDIR(st.st_mode) else "not a regular file"
        raise PipdeskError(f"{path}: is {kind}; a copy of a plan book is written to a file; nothing was written")
    _refuse_plan_book_companion(path)
    if st is not None:
        _refuse_open_book(path, st)


def _refuse_plan_book_companion(path: Path) -> None:
    """A ``-wal``, ``-shm``, ``-journal`` or ``.lock`` name beside an existing file belongs to that file's database."""
    real = Path(os.path.realpath(path))
    for suffix in _BOOK_COMPANIONS:
        if real.name.endswith(suffix) and real.with_name(real.name.removesuffix(suffix)).is_file():
            raise PipdeskError(
                f"{path}: is the name of a file SQLite or pipdesk keeps beside {real.name.removesuffix(suffix)}; "
                "choose another name for the export; nothing was written"
            )


def _refuse_plan_book(path: Path, st: os.stat_result) -> None:
    _refuse_open_book(path, st)
    _refuse_database(path, st)


def _refuse_open_book(path: Path, st: os.stat_result) -> None:
    for protected in _protected_files():
        try:
            if os.path.samestat(st, os.stat(protected)):
                raise PipdeskError(
                    f"{path}: is the open plan book {protected.name} (or one of its files); "
                    "choose another name for the export; nothing was written"
                )
        except OSError:
            continue


def may_be_encrypted(size: int, header: bytes) -> bool:
    """Whether a file of ``size`` bytes starting with ``header`` may be an encrypted plan book (SQLCipher)."""
    # SQLCipher writes whole pages (4096 bytes unless told otherwise; never under 512) and puts a
    # random salt, not the SQLite magic, first.
    return size >= 512 and size % 512 == 0 and not header.startswith(SQLITE_MAGIC)


def _refuse_database(path: Path, st: os.stat_result) -> None:
    try:
        with open(path, "rb") as handle:
            head = handle.read(len(SQLITE_MAGIC))
    except OSError as error:
        raise PipdeskError(f"{path}: cannot be written ({error.strerror})") from None
    if head.startswith(SQLITE_MAGIC):
        raise PipdeskError(
            f"{path}: is a plan book or another database; pipdesk will not replace it with an export "
            "(choose another name); nothing was written"
        )
    if may_be_encrypted(st.st_size, head) and not head.lstrip().startswith(_EXPORT_STARTS):
        raise PipdeskError(
            f"{path}: may be an encrypted plan book (it holds {st.st_size} bytes of what looks like encrypted "
            "data); pipdesk will not replace it with an export (choose another name); nothing was written"
        )


def _replace_atomically(path: Path, data: bytes, *, shown: Path) -> None:
    folder = path.parent if str(path.parent) else Path(".")
    try:
        fd, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=folder)
    except OSError as error:
        raise PipdeskError(f"{shown}: cannot write here ({error.strerror})") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, 0o600)
        os.replace(temporary, path)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        raise PipdeskError(f"{shown}: cannot be written ({error.strerror})") from None


def _write_in_place(path: Path, data: bytes) -> None:
    # O_WRONLY without O_CREAT or O_TRUNC: a device or FIFO stays what it is.
    try:
        fd = os.open(path, os.O_WRONLY | getattr(os, "O_NOCTTY", 0))
    except OSError as error:
        raise PipdeskError(f"{path}: cannot be written ({error.strerror})") from None
    try:
        view = memoryview(data)
        while view:
            written = os.write(fd, view)
            view = view[written:]
    except OSError as error:
        raise PipdeskError(f"{path}: cannot be written ({error.strerror})") from None
    finally:
        os.close(fd)


def _write_stdout(data: bytes) -> None:
    try:
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    except BrokenPipeError:
        # The reader stopped early (`| head -c 5`): what it wanted it has; quiet, as Unix tools are.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except OSError as error:
        raise PipdeskError(f"standard output cannot be written ({error.strerror})") from None


def make_private_folder(folder: Path, *, own: bool = False) -> None:
    """Create ``folder`` and any missing parents with mode 0700, whatever the umask.

    ``own``: the folder is pipdesk's own (its data, settings or log folder), set to 0700 even if it
    was there already; a folder the manager chose keeps the mode it has. Raises ``OSError`` as
    ``mkdir`` does.
    """
    folder = Path(folder)
    missing: list[Path] = []
    current = folder
    while not current.exists() and current != current.parent:
        missing.append(current)
        current = current.parent
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    if own and folder not in missing:
        missing.append(folder)
    for created in missing:
        if os.name != "nt":
            os.chmod(created, 0o700)  # mkdir's mode is cut by the umask, and parents get 0777 & ~umask


def write_new_private_file(path: Path) -> None:
    """Create ``path`` empty with mode 0600 if it does not exist (a file another library then writes into)."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return
    os.close(fd)
    os.chmod(path, 0o600)


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
