"""The first screen at launch (docs/performance.md): the plan list and This week paint before anything else
loads; once painted, the plan book's check of every page and its backup start and the last plan opens."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from pipdesk.gui.common.scripted_prompter import ScriptedPrompter
from pipdesk.gui.shell.main_window import start_window
from pipdesk.store import PlanBook

from conftest import SAMPLE_NAMES, load_sample

TODAY = load_sample("alex-delivery-active").start_date

#: What the first screen never loads: the plan's models and rows, sqlite-utils, the documents, the charts,
#: and the views of a plan. Each loads when a plan is opened or a document made.
NOT_AT_FIRST_PAINT = (
    "pydantic",
    "sqlite_utils",
    "reportlab",
    "PySide6.QtCharts",
    "PySide6.QtPdf",
    "pipdesk.domain.model",
    "pipdesk.store.rows",
    "pipdesk.gui.plan.editor",
    "pipdesk.gui.timeline.view",
    "pipdesk.gui.checkins.log",
    "pipdesk.gui.outcome.view",
    "pipdesk.gui.shell.preferences_dialog",
    # Nor the clean-up of a crash's leftovers and the backups, which wait for the paint.
    "pipdesk.store.leftovers",
    "pipdesk.store.backups",
    # Nor, for a plan book this small, the worker that reads a large one's first screen ahead.
    "pipdesk.store.read_ahead",
    # Nor the actions' table (their keys, tips and commands: the form's own states until then).
    "pipdesk.gui.shell.actions",
    "pipdesk.gui.shell.action_states",
    # Nor what waits for the paint: listening for later launches (QtNetwork), the log file (Qt's offscreen
    # platform warns at every launch), backups' threads, the passphrase dialog of an encrypted plan book.
    "PySide6.QtNetwork",
    "logging.handlers",
    "concurrent.futures",
    "pipdesk.gui.forms.ui_passphrase_dialog",
)

_AT_FIRST_PAINT = """
import json, sys
from pathlib import Path
from PySide6.QtCore import QEvent
from pipdesk.gui.shell import app

loaded = []
original = app.AfterFirstPaint.eventFilter

def at_paint(self, watched, event):
    if event.type() == QEvent.Type.Paint and not loaded:
        loaded.extend(sys.modules)  # a lazy_module not used yet is not among them
    return original(self, watched, event)

app.AfterFirstPaint.eventFilter = at_paint
app.run_app(Path(sys.argv[1]))
print(json.dumps(sorted(set(loaded))))
"""


def _launch_env(tmp_path: Path, runtime_folder: Path, *, quit_when_shown: bool) -> dict[str, str]:
    """A pipdesk of its own: its folders under ``tmp_path``; quitting once painted or not."""
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "HOME": str(tmp_path / "home"),
        "XDG_CONFIG_HOME": str(tmp_path / "home" / "config"),
        "XDG_DATA_HOME": str(tmp_path / "home" / "data"),
        "XDG_STATE_HOME": str(tmp_path / "home" / "state"),
        "XDG_RUNTIME_DIR": str(runtime_folder),
    }
    env.pop("PIPDESK_QUIT_WHEN_SHOWN", None)
    return {**env, "PIPDESK_QUIT_WHEN_SHOWN": "1"} if quit_when_shown else env


def _book_of_samples(path: Path) -> Path:
    with PlanBook.open(path) as book:
        book.add_many(load_sample(name) for name in SAMPLE_NAMES)
    return path


def test_the_first_screen_paints_without_the_plans_models_storage_views_or_documents(
    tmp_path: Path, runtime_folder: Path
) -> None:
    book = _book_of_samples(tmp_path / "plans.pipdesk")
    env = _launch_env(tmp_path, runtime_folder, quit_when_shown=True)
    result = subprocess.run(
        [sys.executable, "-c", _AT_FIRST_PAINT, str(book)], capture_output=True, text=True, env=env, check=True
    )
    assert result.stdout.startswith("shown at "), "the window says when it is painted (benchmarks/run.py reads it)"
    loaded = set(json.loads(result.stdout.strip().splitlines()[-1]))
    assert "pipdesk.gui.week.view" in loaded and "pipdesk.store.due" in loaded  # the first screen itself
    assert sorted(loaded & set(NOT_AT_FIRST_PAINT)) == []


_COLLECTOR = """
import gc, json, sys
from PySide6.QtWidgets import QApplication
import pipdesk.cli
from pipdesk.gui.shell import app

seen = {"before": gc.get_threshold()}
run = app.AfterFirstPaint._run

def at_paint(self):
    seen["painted"] = gc.get_threshold()  # before what waits for the paint
    run(self)
    seen["after"] = gc.get_threshold()
    QApplication.quit()

app.AfterFirstPaint._run = at_paint
code = pipdesk.cli.main(["--db", sys.argv[1]])
seen["end"] = gc.get_threshold()
print(json.dumps(seen))
sys.exit(code)
"""


def test_the_collector_waits_until_the_first_paint_then_collects_as_before(
    tmp_path: Path, runtime_folder: Path
) -> None:
    """A launch makes tens of thousands of objects it keeps: the collector ran ~70 times before the paint to find
    next to nothing (#21); after the paint (and in whatever runs pipdesk's main) the thresholds are as before."""
    book = _book_of_samples(tmp_path / "plans.pipdesk")
    env = _launch_env(tmp_path, runtime_folder, quit_when_shown=False)
    result = subprocess.run(
        [sys.executable, "-c", _COLLECTOR, str(book)], capture_output=True, text=True, env=env, timeout=60
    )
    assert result.returncode == 0, result.stderr
    seen = {key: tuple(value) for key, value in json.loads(result.stdout.strip().splitlines()[-1]).items()}
    assert seen["painted"][0] >= 50_000 and seen["painted"][1:] == seen["before"][1:]
    assert seen["after"] == seen["end"] == seen["before"]


def test_this_week_is_in_front_and_the_rest_waits_for_the_first_paint(qtbot: QtBot, tmp_path: Path) -> None:
    path = _book_of_samples(tmp_path / "plans.pipdesk")
    backups = tmp_path / "backups"
    window = start_window(path, prompter=ScriptedPrompter(), today=lambda: TODAY, backups_folder=backups)
    qtbot.addWidget(window)
    assert window.this_week.model.items(), "the samples have something due on their first day"
    assert window.ui.stack.currentWidget() is window.ui.thisWeekPage
    assert window.plans.rowCount() == 4
    assert window.session is None and window._plan_views is None  # no plan read, no view made yet
    assert window.ui.actionNewPlan.isEnabled() and window.ui.actionImportPlan.isEnabled()
    assert not window.ui.actionNewCheckin.isEnabled()  # no plan is open yet
    qtbot.wait(200)
    assert not backups.exists(), "the backup waits for the first paint"
    window.window_painted()
    assert window.session is not None and window._plan_views is not None
    assert window.ui.stack.currentWidget() is window.ui.thisWeekPage  # still in front
    selected = window.ui.planTable.selectionModel().selectedRows()
    assert [index.row() for index in selected] == [0]
    qtbot.waitUntil(lambda: backups.exists() and any(backups.rglob("*.pipdesk")), timeout=10000)
    assert window.book is not None
    window.book.add(load_sample("carl-skills-extended"))  # the check passed: the plan book takes writes
    assert window.book.count() == 5


def test_the_plan_book_opened_before_the_window_shows_the_same_first_screen_read_on_a_worker_thread(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """At launch the plan book opens before the window is made and its plan list and This week are read on a
    worker thread meanwhile (open_files.open_ahead): the window shows what it shows reading them itself."""
    from pipdesk.gui.shell.open_files import open_ahead
    from pipdesk.store import read_ahead

    path = _book_of_samples(tmp_path / "plans.pipdesk")
    answered: list[str] = []
    take = read_ahead.ReadAhead.take

    def spy(self: read_ahead.ReadAhead, what: str, asked: tuple[object, ...], mark: object) -> object:
        rows = take(self, what, asked, mark)
        answered.extend([what] if rows is not None else [])
        return rows

    monkeypatch.setattr(read_ahead.ReadAhead, "take", spy)
    shown = []
    for ahead in (False, True):
        opened = open_ahead(path, None, today=TODAY, from_bytes=0) if ahead else None
        prompter = ScriptedPrompter()
        window = start_window(
            path, opened=opened, prompter=prompter, today=lambda: TODAY, backups_folder=tmp_path / "backups"
        )
        qtbot.addWidget(window)
        assert window.book is not None and (opened is None or window.book is opened), prompter.shown
        shown.append(
            (
                [window.plans.cell(row, 0, 0) for row in window.plans.rows],
                window.this_week.model.items(),
                window.ui.stack.currentWidget() is window.ui.thisWeekPage,
            )
        )
        window.close_book()  # the plan book is open in one window at a time
    assert shown[0] == shown[1] and shown[0][1] and shown[0][2]
    assert answered == ["summaries", "due", "retention"]


def test_only_a_large_plan_book_is_read_ahead(tmp_path: Path) -> None:
    from pipdesk.gui.shell.open_files import READ_AHEAD_FROM_BYTES, open_ahead

    path = _book_of_samples(tmp_path / "plans.pipdesk")
    assert path.stat().st_size < READ_AHEAD_FROM_BYTES
    small = open_ahead(path, None, today=TODAY)
    assert small is not None and small._ahead is None  # read on the window's thread: starting the worker costs more
    small.close()
    large = open_ahead(path, None, today=TODAY, from_bytes=path.stat().st_size)
    assert large is not None and large._ahead is not None
    large.summaries(search_text=False)
    large.close()


def test_with_nothing_due_the_plan_opens_before_the_first_paint(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "plans.pipdesk"
    with PlanBook.open(path) as book:
        book.add(load_sample("dmitry-punctuality-draft"))  # a draft: nothing is due
    window = start_window(path, prompter=ScriptedPrompter(), today=lambda: TODAY, backups_folder=tmp_path / "b")
    qtbot.addWidget(window)
    assert not window.this_week.model.items()
    assert window.session is not None  # the plan page is the first screen: its plan is read before it shows
    assert window.ui.stack.currentWidget() is window.ui.planPage


def test_what_waits_for_the_first_paint_runs_once_painted_and_at_the_latest_after_a_while(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QWidget

    from pipdesk.gui.shell.app import AfterFirstPaint

    shown, hidden = QWidget(), QWidget()
    qtbot.addWidget(shown)
    qtbot.addWidget(hidden)
    runs: list[str] = []
    AfterFirstPaint(shown, lambda: runs.append("shown"))
    AfterFirstPaint(hidden, lambda: runs.append("never painted"))  # a window started minimised, say
    shown.show()
    qtbot.waitUntil(lambda: runs == ["shown"], timeout=1000)
    shown.update()
    qtbot.wait(100)
    assert runs == ["shown"], "once, not at every paint"
    qtbot.waitUntil(lambda: runs == ["shown", "never painted"], timeout=AfterFirstPaint.LATEST_MS + 1000)


def test_qts_messages_before_the_first_paint_are_logged_after_it_in_order(monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtCore import qInstallMessageHandler, qWarning

    from pipdesk.gui.shell import app

    logged: list[tuple[int, str]] = []
    monkeypatch.setattr(app, "_log_qt_message", lambda level, message: logged.append((level, message)))
    app.log_qt_messages(wait=True)
    try:
        qWarning("first")
        qWarning("second")
        assert logged == []  # kept until the paint: the log is not opened before it
        app.write_early_qt_messages()
        assert logged == [(30, "first"), (30, "second")]
        qWarning("third")
        assert logged[-1] == (30, "third")  # after the paint, each as it comes
        app.write_early_qt_messages()
        assert len(logged) == 3  # nothing written twice
    finally:
        qInstallMessageHandler(None)
        app.write_early_qt_messages()


def test_the_windows_get_pipdesk_s_icon_drawn_from_its_svg(qtbot: QtBot) -> None:
    """Set once the first screen is painted (``run_app``), from the SVG in resources/: it draws at any size."""
    from PySide6.QtWidgets import QApplication

    from pipdesk.gui.shell.app import show_icon

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    show_icon(app)
    for size in (16, 64, 256):
        image = app.windowIcon().pixmap(size, size).toImage()
        assert image.width() == size and not image.isNull()
        assert image.pixelColor(size // 2, size // 2).alpha() > 0  # drawn, not an empty square
