"""Every bad plan book is answered with a clear message, exit 2 on the command line, and left as it was."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from pipdesk.cli import main
from pipdesk.store import PlanBook, PlanBookError
from pipdesk.store.connection import PlanBookReadOnly, open_database
from pipdesk.store.driver import sqlite3

from conftest import load_sample, sample_path

ROOT = Path(__file__).parents[2]


def _sha256(path: Path) -> str:
    if path.is_dir():
        return "a folder"
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _whole_book(path: Path) -> None:
    """A plan book with the sample plans, checkpointed: one self-contained file."""
    with PlanBook.open(path) as book:
        for name in ("alex-delivery-active", "beth-communication-closed", "carl-skills-extended"):
            book.add(load_sample(name))


def _truncated(path: Path) -> None:
    whole = path.with_name("whole.pipdesk")
    _whole_book(whole)
    path.write_bytes(whole.read_bytes()[: whole.stat().st_size // 2])


def _corrupted(path: Path) -> None:
    """Bytes flipped inside pages after the header: the b-tree page headers of pages 2 to 6."""
    _whole_book(path)
    data = bytearray(path.read_bytes())
    page_size = int.from_bytes(data[16:18], "big")
    for page in range(1, 6):
        start = page * page_size
        for offset in range(start, start + 12):
            data[offset] ^= 0xA5
    path.write_bytes(bytes(data))


def _newer(path: Path) -> None:
    _whole_book(path)
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES ('pipdesk', '9000_future', 'x')"
    )
    conn.close()


def _read_only(path: Path) -> None:
    _whole_book(path)
    path.chmod(0o400)


BAD_FILES: dict[str, tuple[Callable[[Path], object], str]] = {
    "folder": (lambda p: p.mkdir(), "is a folder, not a plan book"),
    "empty": (lambda p: p.write_bytes(b""), "is an empty file, not a plan book"),
    "not-sqlite": (lambda p: p.write_text("Name,Plan\nAlex,delivery\n"), "is not a plan book (it is not an SQLite"),
    "truncated": (_truncated, "is damaged: the file is cut short"),
    "corrupted": (_corrupted, "is damaged"),
    "newer-version": (_newer, "was written by a newer version of pipdesk"),
    "read-only": (_read_only, "is read-only, so nothing could be saved to it"),
}


@pytest.fixture(params=sorted(BAD_FILES))
def bad_file(request: pytest.FixtureRequest, tmp_path: Path) -> tuple[Path, str]:
    make, message = BAD_FILES[request.param]
    path = tmp_path / "plans.pipdesk"
    make(path)
    return path, message


def _cli(*args: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pipdesk", *map(str, args)], capture_output=True, text=True, cwd=ROOT, timeout=60
    )


def _folder_listing(path: Path) -> list[str]:
    return sorted(p.name for p in path.parent.iterdir())


def test_the_store_refuses_each_bad_file_with_its_reason_and_leaves_it_untouched(bad_file: tuple[Path, str]) -> None:
    path, message = bad_file
    before, listing = _sha256(path), _folder_listing(path)
    with pytest.raises(PlanBookError) as refused:
        PlanBook.open(path)
    assert str(refused.value).startswith(f"{path}: ")
    assert message in str(refused.value)
    assert "\n" not in str(refused.value)
    assert _sha256(path) == before
    assert _folder_listing(path) == listing  # no -wal, -shm or lock file left beside it


@pytest.mark.parametrize("command", ["list", "import"])
def test_the_command_line_says_why_exits_2_and_writes_nothing(bad_file: tuple[Path, str], command: str) -> None:
    path, message = bad_file
    before, listing = _sha256(path), _folder_listing(path)
    args = (
        ["list", "--db", path] if command == "list" else ["import", sample_path("alex-delivery-active"), "--db", path]
    )
    result = _cli(*args)
    assert result.returncode == 2, result.stderr
    assert result.stderr.startswith(f"pipdesk: {path}: ")
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr
    assert result.stdout == ""
    assert _sha256(path) == before
    assert _folder_listing(path) == listing


def test_a_read_only_plan_book_is_refused_rather_than_opened_for_edits_that_cannot_be_saved(tmp_path: Path) -> None:
    path = tmp_path / "plans.pipdesk"
    _read_only(path)
    with pytest.raises(PlanBookReadOnly, match="make the file writable, or open a copy of it"):
        open_database(path)
    path.chmod(0o600)
    with PlanBook.open(path) as book:
        assert book.count() == 3


#: Opens the plan book named on the command line and says what came of it.
_OPEN_AND_SAY = """
import sys
from pipdesk.store import PlanBook, PlanBookError
try:
    PlanBook.open(sys.argv[1]).close()
    print("opened")
except PlanBookError as error:
    print(error)
"""


def _open_as_a_user(path: Path) -> str:
    """What opening ``path`` says in a process that cannot override file modes, as any user but root.

    As root (as in CI) the process runs without the capabilities to override file modes
    (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH), through util-linux's setpriv.
    """
    as_user = [sys.executable, "-c", _OPEN_AND_SAY, str(path)]
    if os.geteuid() == 0:
        setpriv = shutil.which("setpriv")
        assert setpriv is not None, "as root, this test needs setpriv (util-linux) to drop the override"
        as_user = [setpriv, "--bounding-set", "-dac_override,-dac_read_search", *as_user]
    result = subprocess.run(as_user, capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_a_plan_book_in_a_read_only_folder_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "shared"
    folder.mkdir()
    path = folder / "plans.pipdesk"
    _whole_book(path)
    before, listing = _sha256(path), _folder_listing(path)
    folder.chmod(0o500)
    try:
        said = _open_as_a_user(path)
    finally:
        folder.chmod(0o700)
    assert said.startswith(f"{path}: ") and "pipdesk cannot create files in its folder" in said, said
    assert _sha256(path) == before
    assert _folder_listing(path) == listing


def _fill_the_disk(db: sqlite3.Connection) -> None:
    """The plan book may not grow by one page more: as a full disk answers SQLite."""
    pages = db.execute("PRAGMA page_count").fetchone()[0]
    db.execute(f"PRAGMA max_page_count = {pages}")


def test_a_write_on_a_full_disk_fails_clearly_and_keeps_everything_saved_before(book: PlanBook) -> None:
    before = [book.get(plan_id) for plan_id in book.plan_ids()]
    _fill_the_disk(book.db.conn)
    big = load_sample("alex-delivery-active")
    big.context = "A long account of the context. " * 20_000
    with pytest.raises(sqlite3.OperationalError, match="disk is full") as failed:
        book.add(big)
    from pipdesk.store.connection import explain_database_error

    assert explain_database_error(failed.value) == "the disk is full; free some space and try again"
    assert [book.get(plan_id) for plan_id in book.plan_ids()] == before
    assert book.db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    assert not book.db.conn.in_transaction
    book.db.execute("PRAGMA max_page_count = 1073741823")
    book.add(big)  # space again: the same write goes through
    assert book.count() == len(before) + 1


def test_the_command_line_says_the_disk_is_full_and_exits_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "plans.pipdesk"
    _whole_book(path)
    import pipdesk.store.plan_book as plan_book_module

    real_open = open_database

    def open_on_a_full_disk(*args: object, **kwargs: object) -> object:
        db = real_open(*args, **kwargs)  # type: ignore[arg-type]
        _fill_the_disk(db.conn)
        return db

    monkeypatch.setattr(plan_book_module, "open_database", open_on_a_full_disk)
    big = tmp_path / "big.json"
    plan = load_sample("alex-delivery-active")
    plan.context = "A long account of the context. " * 20_000
    from pipdesk.planfile import dump_plan_file

    big.write_text(dump_plan_file(plan), encoding="utf-8")
    assert main(["import", str(big), "--db", str(path)]) == 2
    err = capsys.readouterr().err
    assert err == "pipdesk: nothing was changed: the disk is full; free some space and try again\n"
    monkeypatch.undo()
    with PlanBook.open(path) as book:
        assert book.count() == 3
        assert book.db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
