"""The plan book itself: one holder through any link, commands wait their turn, whole creation, private modes."""

from __future__ import annotations

import os
import random
import signal
import stat
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlite_utils import Migrations

from pipdesk.store import PlanBook, PlanBookError
from pipdesk.store.connection import PlanBookInUse, default_plan_book_path, lock_path_of
from pipdesk.store.migrations import MIGRATION_SET, STEPS

from conftest import HeldPlanBook, load_sample, sample_path

ROOT = Path(__file__).parents[2]


def _cli(*args: object, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pipdesk", *map(str, args)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
        env=env,
    )


@pytest.fixture
def filled_book(book_path: Path) -> Path:
    with PlanBook.open(book_path) as book:
        book.add(load_sample("alex-delivery-active"))
    return book_path


@pytest.mark.parametrize("link", ["symlink", "hardlink", "symlinked folder"])
def test_a_plan_book_open_in_a_window_is_refused_through_any_link_to_it(
    link: str, filled_book: Path, tmp_path: Path, hold_plan_book: Callable[..., HeldPlanBook]
) -> None:
    other = tmp_path / "elsewhere"
    other.mkdir()
    if link == "symlink":
        alias = other / "alias.pipdesk"
        alias.symlink_to(filled_book)
    elif link == "hardlink":
        alias = other / "alias.pipdesk"
        os.link(filled_book, alias)
    else:
        (other / "folder").symlink_to(filled_book.parent)
        alias = other / "folder" / filled_book.name
    window = hold_plan_book(filled_book)
    with pytest.raises(PlanBookInUse, match="is open in another pipdesk window"):
        PlanBook.open(alias)
    result = _cli("list", "--db", alias)
    assert result.returncode == 2 and "is open in another pipdesk window" in result.stderr
    window.close()
    with PlanBook.open(alias) as book:  # and once the window is closed, the link opens it
        assert book.count() == 1


def test_the_window_through_a_link_holds_the_book_against_its_real_name(
    filled_book: Path, tmp_path: Path, hold_plan_book: Callable[..., HeldPlanBook]
) -> None:
    alias = tmp_path / "alias.pipdesk"
    os.link(filled_book, alias)
    hold_plan_book(alias)
    with pytest.raises(PlanBookInUse):
        PlanBook.open(filled_book)


def test_commands_wait_their_turn_instead_of_calling_a_short_lock_a_window(book_path: Path) -> None:
    PlanBook.open(book_path).close()
    pairs = 8
    processes = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "pipdesk",
                "import",
                str(sample_path("alex-delivery-active")),
                "--db",
                str(book_path),
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            cwd=ROOT,
        )
        for _ in range(2 * pairs)
    ]
    failures = []
    for process in processes:
        _out, err = process.communicate(timeout=120)
        if process.returncode != 0:
            failures.append(err)
    assert failures == []
    with PlanBook.open(book_path) as book:
        assert book.count() == 2 * pairs


def test_a_command_that_holds_the_book_too_long_is_named_in_the_refusal(
    book_path: Path, monkeypatch: pytest.MonkeyPatch, hold_plan_book: Callable[..., HeldPlanBook]
) -> None:
    from pipdesk.store import connection

    PlanBook.open(book_path).close()
    hold_plan_book(book_path, "the command pipdesk import")
    monkeypatch.setattr(connection, "LOCK_WAIT_SECONDS", 0.5)
    started = time.monotonic()
    with pytest.raises(PlanBookInUse) as refused:
        PlanBook.open(book_path)
    assert time.monotonic() - started >= 0.5
    assert "is in use by the command pipdesk import, pid" in str(refused.value)
    assert "has not finished after 0.5 seconds" in str(refused.value)


def test_a_plan_book_is_created_whole_or_not_at_all(book_path: Path) -> None:
    broken = Migrations(MIGRATION_SET)
    for name, step in STEPS:  # the real steps, then one that fails halfway through creation
        broken(name=name)(step)

    @broken(name="9999_fails")
    def fails(db: object) -> None:
        raise OSError(28, "No space left on device")

    with pytest.raises((PlanBookError, OSError)):
        PlanBook.open(book_path, migrations=broken)
    assert list(book_path.parent.iterdir()) == []  # no stub, no staging file, no lock
    with PlanBook.open(book_path) as book:
        assert book.count() == 0


def test_a_creation_killed_at_any_moment_leaves_a_plan_book_or_nothing(tmp_path: Path) -> None:
    rng = random.Random(8)
    outcomes = {"whole": 0, "absent": 0}
    for run in range(12):
        path = tmp_path / f"book{run}.pipdesk"
        process = subprocess.Popen(
            [sys.executable, "-m", "pipdesk", "demo", "--db", str(path)],
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + rng.uniform(0.2, 1.2)
        while time.monotonic() < deadline and process.poll() is None:
            if path.exists() or any(tmp_path.glob(f".{path.name}.creating-*")):
                time.sleep(rng.uniform(0, 0.05))
                break
            time.sleep(0.002)
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
        if path.exists():
            result = _cli("list", "--db", path)
            assert result.returncode == 0, result.stderr
            outcomes["whole"] += 1
        else:
            outcomes["absent"] += 1
            result = _cli("demo", "--db", path)  # the next start creates it as if nothing happened
            assert result.returncode == 0, result.stderr
    assert sum(outcomes.values()) == 12


def test_the_stub_an_older_pipdesk_left_at_the_default_book_no_longer_blocks_it(monkeypatch) -> None:
    default = default_plan_book_path()
    default.parent.mkdir(parents=True)
    default.write_bytes(b"")
    with PlanBook.open(default) as book:
        assert book.count() == 0
    assert default.stat().st_size > 0


def test_a_stub_anywhere_else_is_still_refused_untouched(book_path: Path) -> None:
    book_path.write_bytes(b"")
    with pytest.raises(PlanBookError, match="empty file"):
        PlanBook.open(book_path)
    assert book_path.read_bytes() == b""


UMASK_ZERO = textwrap.dedent(
    """
    import os
    os.umask(0)
    from pathlib import Path
    from pipdesk.store import PlanBook
    from pipdesk.store.connection import default_plan_book_path
    from pipdesk.system.diagnostics import logger
    from pipdesk.gui.shell.settings import remember_plan_book
    from pipdesk.services.templates import save_as_template
    from pipdesk.planfile import parse_plan_file
    import platformdirs
    import sys
    with PlanBook.open(default_plan_book_path()) as book:
        pass
    log = logger()
    for handler in log.handlers:
        handler.maxBytes = 200
    for i in range(20):
        log.warning("line %d of the log, long enough to make it rotate", i)
    remember_plan_book(default_plan_book_path())
    plan = parse_plan_file(Path(sys.argv[1]).read_bytes())
    save_as_template(plan, "Mine", "", Path(platformdirs.user_data_dir("pipdesk", appauthor=False)) / "templates")
    """
)


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_folders_and_files_are_private_whatever_the_umask(private_user_folders: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-c", UMASK_ZERO, str(sample_path("alex-delivery-active"))],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    home = private_user_folders
    modes = {
        path.relative_to(home).as_posix(): stat.S_IMODE(path.stat().st_mode)
        for path in home.rglob("*")
        if "pipdesk" in path.relative_to(home).as_posix()
    }
    assert modes, "nothing was written"
    too_open = {name: oct(mode) for name, mode in modes.items() if mode & 0o077}
    assert too_open == {}
    assert any(name.endswith("pipdesk.log.1") for name in modes)  # a rotated log was checked too
    assert any(name.endswith("pipdesk.ini") for name in modes)
    assert any(name.endswith("mine.json") for name in modes)
    assert not lock_path_of(default_plan_book_path()).exists()


def test_a_full_disk_is_called_full_not_damaged_and_leaves_no_empty_log(tmp_path: Path) -> None:
    disk = tmp_path / "disk"
    disk.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(disk)], capture_output=True).returncode:
        pytest.skip("a small tmpfs cannot be mounted here (needs root)")
    try:
        book = disk / "plans.pipdesk"
        assert _cli("demo", "--db", book).returncode == 0
        before = book.read_bytes()
        with (disk / "filler").open("wb", buffering=0) as filler:
            try:
                while True:
                    filler.write(b"\0" * 65536)
            except OSError:
                pass
        for command in (["list"], ["export-json", "1", "-o", str(tmp_path / "out.json")]):
            result = _cli(*command, "--db", book)
            assert result.returncode == 2
            assert "the disk is full" in result.stderr and "damaged" not in result.stderr
        assert book.read_bytes() == before
        assert sorted(p.name for p in disk.iterdir()) == ["filler", "plans.pipdesk"]
    finally:
        subprocess.run(["umount", str(disk)], capture_output=True)
