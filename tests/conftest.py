"""Shared fixtures: offscreen Qt, the sample plans, and a fresh plan book per test."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# A Python process a test starts (a pipdesk, a writer killed mid-save) imports this checkout's pipdesk, as
# the test does: not another one an installed pipdesk points to (.ci/mutation tests a copy of the checkout).
os.environ["PYTHONPATH"] = os.pathsep.join(
    [str(Path(__file__).resolve().parents[1]), *filter(None, [os.environ.get("PYTHONPATH")])]
)

from pipdesk.domain import Attachment, Plan
from pipdesk.planfile import parse_plan_file
from pipdesk.store import PlanBook

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDialog
    from pytestqt.qtbot import QtBot

    from pipdesk.gui.common.scripted_prompter import ScriptedPrompter
    from pipdesk.gui.common.session import PlanSession
    from pipdesk.gui.common.session_view import SessionView
    from pipdesk.gui.shell.main_window import MainWindow
    from pipdesk.gui.timeline.view import TimelineView

DATA = Path(__file__).parent / "data"
SAMPLES = DATA / "samples"
SAMPLE_NAMES = sorted(p.stem for p in SAMPLES.glob("*.json"))


def sample_path(name: str) -> Path:
    return SAMPLES / f"{name}.json"


def load_sample(name: str) -> Plan:
    return parse_plan_file(sample_path(name).read_bytes())


@pytest.fixture(autouse=True)
def private_user_folders(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Settings, data and logs of every test go to a folder of its own, never the developer's."""
    home = tmp_path_factory.mktemp("home")
    for variable, folder in (("XDG_CONFIG_HOME", "config"), ("XDG_DATA_HOME", "data"), ("XDG_STATE_HOME", "state")):
        monkeypatch.setenv(variable, str(home / folder))
    monkeypatch.setenv("HOME", str(home))
    try:
        from PySide6.QtCore import QSettings
    except ImportError:  # pragma: no cover - Qt is a dependency; this keeps non-GUI tests independent
        return home
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(home / "config"))
    return home


@pytest.fixture(autouse=True)
def no_real_modal_dialogs(monkeypatch: pytest.MonkeyPatch) -> None:
    """A real modal dialog would wait for a click forever: in a test it fails at once instead."""
    from PySide6.QtWidgets import QDialog, QFileDialog, QInputDialog, QMessageBox

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("a real modal dialog was opened; answer it through the ScriptedPrompter")

    monkeypatch.setattr(QDialog, "exec", refuse)
    monkeypatch.setattr(QMessageBox, "exec", refuse)
    for name in ("information", "warning", "critical", "question"):
        monkeypatch.setattr(QMessageBox, name, refuse)
    for name in ("getOpenFileName", "getSaveFileName", "getExistingDirectory"):
        monkeypatch.setattr(QFileDialog, name, refuse)
    for name in ("getText", "getItem", "getInt", "getDouble", "getMultiLineText"):
        monkeypatch.setattr(QInputDialog, name, refuse)


@pytest.fixture
def samples() -> dict[str, Plan]:
    return {name: load_sample(name) for name in SAMPLE_NAMES}


@pytest.fixture
def runtime_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The person's runtime folder (``$XDG_RUNTIME_DIR``, mode 0700), where a running pipdesk window listens."""
    folder = tmp_path / "run"
    folder.mkdir(mode=0o700)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(folder))
    return folder


@pytest.fixture
def book_path(tmp_path: Path) -> Path:
    return tmp_path / "plans.pipdesk"


@pytest.fixture
def book(book_path: Path) -> Iterator[PlanBook]:
    """A fresh plan book holding the four sample plans, in sample-name order (ids 1–4)."""
    plan_book = PlanBook.open(book_path)
    plan_book.add_many(load_sample(name) for name in SAMPLE_NAMES)
    yield plan_book
    plan_book.close()


# The GUI's shared fixtures: the day the tests live on, the sample plans' numbers, the prompter that
# answers every question, the answer to "why this change?", and a main window over the samples.

#: "Today" in the GUI tests: Alex's plan is running, Beth's closed, Carl's extended, Dmitry's a draft.
TODAY = dt.date(2026, 11, 23)
#: The numbers of the sample plans in the ``book`` fixture (sample-name order).
ALEX, BETH, CARL, DMITRY = 1, 2, 3, 4


@pytest.fixture
def prompter() -> ScriptedPrompter:
    from pipdesk.gui.common.scripted_prompter import ScriptedPrompter

    return ScriptedPrompter()


def answer_reason(text: str, seen: list[str] | None = None) -> Callable[[QDialog], bool]:
    """A scripted answer to the reason dialog: ``text`` as the reason (``seen`` collects the change it named)."""
    from pipdesk.gui.common.reason import ReasonDialog

    def fill(dialog: QDialog) -> bool:
        assert isinstance(dialog, ReasonDialog)
        if seen is not None:
            seen.append(dialog.ui.changeLabel.text())
        dialog.set_reason(text)
        assert dialog.ok.isEnabled()
        return True

    return fill


def prompter_of(window: MainWindow) -> ScriptedPrompter:
    from pipdesk.gui.common.scripted_prompter import ScriptedPrompter

    assert isinstance(window.prompter, ScriptedPrompter)
    return window.prompter


@pytest.fixture
def window(qtbot: QtBot, book: PlanBook, prompter: ScriptedPrompter) -> MainWindow:
    """The main window over the four sample plans, on :data:`TODAY`, shown at a laptop's size."""
    from pipdesk.gui.shell.main_window import MainWindow

    main = MainWindow(book, prompter=prompter, today=lambda: TODAY)
    qtbot.addWidget(main)
    main.resize(1300, 850)
    main.show()
    qtbot.waitExposed(main)
    return main


# A plan book held open by another process, as another pipdesk window (or a command) holds it.

_HOLD_PLAN_BOOK = """
import sys
from pipdesk.store import PlanBook
from pipdesk.store.connection import WINDOW_HOLDER, set_lock_holder
set_lock_holder(sys.argv[2] or WINDOW_HOLDER)
book = PlanBook.open(sys.argv[1])
print("open", flush=True)
sys.stdin.readline()
book.close()
print("closed", flush=True)
"""


class HeldPlanBook:
    """Another process holding a plan book open until it is closed or crashes; started when the book is open."""

    def __init__(self, path: Path, holder: str) -> None:
        import subprocess
        import sys

        self.process = subprocess.Popen(
            [sys.executable, "-c", _HOLD_PLAN_BOOK, str(path), holder],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            cwd=Path(__file__).parent.parent,
        )
        assert self._line() == "open"

    @property
    def pid(self) -> int:
        return self.process.pid

    def close(self) -> None:
        """The holder closes the plan book as a window does, and ends."""
        assert self.process.stdin is not None
        self.process.stdin.write("\n")
        self.process.stdin.flush()
        assert self._line() == "closed"
        self.process.wait(timeout=30)

    def crash(self) -> None:
        """The holder dies at once, leaving its lock file behind (the operating system drops the lock itself)."""
        import signal

        os.kill(self.pid, signal.SIGKILL if os.name != "nt" else signal.SIGTERM)
        self.process.wait(timeout=10)

    def end(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=10)
        for stream in (self.process.stdin, self.process.stdout):
            if stream is not None:
                stream.close()

    def _line(self) -> str:
        assert self.process.stdout is not None
        return self.process.stdout.readline().strip()


@pytest.fixture
def hold_plan_book() -> Iterator[Callable[..., HeldPlanBook]]:
    """``hold_plan_book(path, holder="")``: another process holding ``path`` open, as a window (or ``holder``)."""
    held: list[HeldPlanBook] = []

    def hold(path: Path, holder: str = "") -> HeldPlanBook:
        held.append(HeldPlanBook(path, holder))
        return held[-1]

    yield hold
    for holding in held:
        holding.end()


@pytest.fixture(autouse=True)
def log_of_this_test_only() -> Iterator[None]:
    """pipdesk's log is set up once a process, in the log folder of the moment: each test starts it again in its own."""
    from pipdesk.system.diagnostics import logger

    yield
    if logger.cache_info().currsize:
        log = logger()
        for handler in list(log.handlers):
            log.removeHandler(handler)
            handler.close()
        logger.cache_clear()


@pytest.fixture
def timeline_view(qtbot: QtBot, prompter: ScriptedPrompter) -> Iterator[TimelineView]:
    """The timeline view alone, shown at a laptop's width, on :data:`TODAY`."""
    from pipdesk.gui.timeline.view import TimelineView

    view = TimelineView(prompter, today=lambda: TODAY)
    qtbot.addWidget(view)
    view.resize(1200, 420)
    view.show()
    qtbot.waitExposed(view)
    yield view
    view.set_session(None)
    view.close()


def open_session(view: SessionView, book: PlanBook, plan_id: int) -> PlanSession:
    """Show the plan ``plan_id`` of ``book`` in ``view``; its session."""
    from pipdesk.gui.common.session import PlanSession

    session = PlanSession(book, plan_id, view)
    view.set_session(session)
    return session


@contextmanager
def mounted_tmpfs(folder: Path, options: str = "size=8m") -> Iterator[Path]:
    """A small tmpfs of ``options`` mounted on ``folder`` (made here), unmounted afterwards whatever happens:
    a disk that really fills up. Skips the test where it cannot be mounted (not root, no mount allowed)."""
    folder.mkdir()
    if os.name != "posix" or os.geteuid() != 0:
        pytest.skip("mounting a small tmpfs needs root (mount -t tmpfs)")
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(folder)], capture_output=True, text=True
    )
    if mounted.returncode != 0:
        pytest.skip(f"a small tmpfs cannot be mounted here: {mounted.stderr.strip()}")
    try:
        yield folder
    finally:
        if subprocess.run(["umount", str(folder)], capture_output=True).returncode != 0:
            subprocess.run(["umount", "-l", str(folder)], check=True)  # something still holds a file there


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """An 8 MB tmpfs, unmounted after the test whatever happens."""
    with mounted_tmpfs(tmp_path / "disk") as disk:
        yield disk


def running_plan(**fields: object) -> Plan:
    """A running plan of 28 Sep – 21 Dec 2026, reviewed by HR before it started and acknowledged on its second
    day, unless ``fields`` say otherwise (the domain's tests of outcomes and the fair process)."""
    values: dict[str, object] = {
        "title": "P",
        "status": "active",
        "employee": {"name": "E"},
        "manager": {"name": "M"},
        "start_date": dt.date(2026, 9, 28),
        "end_date": dt.date(2026, 12, 21),
        "acknowledgement": {"on": dt.date(2026, 9, 29)},
        "hr_review": {"sent_on": dt.date(2026, 9, 21), "reviewed_by": "H", "reviewed_on": dt.date(2026, 9, 24)},
    }
    values.update(fields)
    return Plan.model_validate(values)


def fill(disk: Path) -> Path:
    """Take every free byte of ``disk`` with a filler file; delete it to give the space back."""
    filler = disk / "filler"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    try:
        for chunk in (b"\0" * 65536, b"\0" * 512, b"\0"):
            with suppress(OSError):
                while True:
                    os.write(fd, chunk)
    finally:
        os.close(fd)
    assert os.statvfs(disk).f_bavail == 0
    return filler


def edit_outside_pipdesk(path: Path, *statements: str) -> None:
    """Run ``statements`` on the file with a connection of its own (foreign keys off, as the sqlite3 shell has
    them), as anyone with the file could; each must change a row."""
    from pipdesk.store.driver import sqlite3

    conn = sqlite3.connect(path, isolation_level=None)
    try:
        for statement in statements:
            assert conn.execute(statement).rowcount >= 1, statement
    finally:
        conn.close()


def read_outside_pipdesk(path: Path, sql: str) -> object:
    """The first value ``sql`` reads from the file, through a connection of its own."""
    from pipdesk.store.driver import sqlite3

    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql).fetchone()[0]
    finally:
        conn.close()


def stored_attachment(book: PlanBook, data: bytes, name: str) -> Attachment:
    """``data`` kept in ``book`` as a PDF named ``name``, as the attachment a plan lists (added 29 September 2026)."""
    return Attachment(
        name=name,
        media_type="application/pdf",
        size=len(data),
        sha256=book.add_attachment_content(data),
        added_on=dt.date(2026, 9, 29),
    )


def overwrite_root_page(path: Path, name: str) -> int:
    """The first page of the table or index ``name`` overwritten with 0xff bytes (SQLite cannot read it); its number."""
    from pipdesk.store.driver import sqlite3

    conn = sqlite3.connect(path)
    (root,) = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", [name]).fetchone()
    (page_size,) = conn.execute("PRAGMA page_size").fetchone()
    conn.close()
    data = bytearray(path.read_bytes())
    data[(root - 1) * page_size : root * page_size] = b"\xff" * page_size
    path.write_bytes(bytes(data))
    return int(root)
