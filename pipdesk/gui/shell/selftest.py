"""``pipdesk selftest``: the smoke test of an installed or bundled pipdesk.

Offscreen, in a temporary folder, touching no plan book, setting or log of the person running
it: creates a plan book, imports a sample plan, opens the main window and every view, logs a
check-in, exports each PDF and reads it back, and round-trips the plan file. Prints one line per
step; exits 0 when every step passed, 1 with the reason of the first that did not.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from pipdesk.domain import Plan
    from pipdesk.gui.shell.main_window import MainWindow

SAMPLE = "alex-delivery-active"
TODAY = dt.date(2026, 11, 30)  # the sample's next scheduled check-in


class SelftestFailed(Exception):
    pass


def _check(condition: bool, reason: str) -> None:
    if not condition:
        raise SelftestFailed(reason)


def run_selftest(out: TextIO = sys.stdout) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory(prefix="pipdesk-selftest-") as folder:
        home = Path(folder)
        for variable, sub in (("XDG_CONFIG_HOME", "config"), ("XDG_DATA_HOME", "data"), ("XDG_STATE_HOME", "state")):
            os.environ[variable] = str(home / sub)
        # Windows and macOS keep settings elsewhere: QSettings is pointed into the temporary folder too.
        return _Selftest(home, out).run()


class _Selftest:
    def __init__(self, home: Path, out: TextIO) -> None:
        self.home = home
        self.out = out
        self.state: dict[str, object] = {}

    def say(self, text: str) -> None:
        print(text, file=self.out, flush=True)

    def run(self) -> int:
        from pipdesk import __version__

        self.say(f"pipdesk {__version__} selftest in {self.home}")
        steps: list[tuple[str, Callable[[], str]]] = [
            ("start Qt offscreen", self.start_qt),
            ("create a plan book", self.create_book),
            ("import a sample plan", self.import_sample),
            ("open the main window", self.open_window),
            ("open every view", self.open_views),
            ("open the user guide", self.open_guide),
            ("log a check-in", self.log_checkin),
            ("export each PDF", self.export_pdfs),
            ("round-trip the plan file", self.round_trip),
            ("encrypt a plan book", self.encrypt_book),
        ]
        started = time.perf_counter()
        for name, step in steps:
            try:
                detail = step()
            except Exception as error:  # the selftest reports every failure as a line, never a traceback
                reason = str(error) if isinstance(error, SelftestFailed) else f"{type(error).__name__}: {error}"
                self.say(f"FAILED  {name}: {reason}")
                if not isinstance(error, SelftestFailed):
                    self.say("".join(traceback.format_exception(error)[-3:]).rstrip())
                self.close()
                return 1
            self.say(f"ok      {name}{': ' + detail if detail else ''}")
        self.close()
        self.say(f"all {len(steps)} steps passed in {time.perf_counter() - started:.1f} s")
        return 0

    def start_qt(self) -> str:
        from PySide6.QtCore import QSettings

        from pipdesk.gui.shell.app import application, log_qt_messages

        log_qt_messages()
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(self.home / "config"))
        app = application()
        self.state["app"] = app
        return f"Qt {__import__('PySide6.QtCore', fromlist=['qVersion']).qVersion()}, platform {app.platformName()}"

    def create_book(self) -> str:
        from pipdesk.store import PlanBook

        path = self.home / "selftest.pipdesk"
        book = PlanBook.open(path)
        self.state["book"] = book
        mode = oct(path.stat().st_mode & 0o777)
        _check(os.name == "nt" or mode == "0o600", f"the plan book has mode {mode}, not 0o600")
        return f"{path.name}, mode {mode}"

    def import_sample(self) -> str:
        from importlib import resources

        from pipdesk.domain import vocabulary
        from pipdesk.planfile import parse_plan_file
        from pipdesk.store import PlanBook

        data = resources.files("pipdesk.services.demo_plans").joinpath(f"{SAMPLE}.json").read_bytes()
        plan = parse_plan_file(data)
        book = self.state["book"]
        assert isinstance(book, PlanBook)
        plan_id = book.add(plan)
        _check(book.get(plan_id) == plan, "the plan read back differs from the plan imported")
        self.state["plan_id"] = plan_id
        return f"{plan.employee.name}, {vocabulary.count(len(plan.checkins), 'check-in')}"

    def open_window(self) -> str:
        from pipdesk.gui.common.scripted_prompter import ScriptedPrompter
        from pipdesk.gui.shell.main_window import MainWindow
        from pipdesk.store import PlanBook

        book = self.state["book"]
        assert isinstance(book, PlanBook)
        prompter = ScriptedPrompter()
        window = MainWindow(book, prompter=prompter, today=lambda: TODAY, templates_folder=self.home / "templates")
        window.resize(1280, 800)
        window.show()
        self._process_events()
        _check(window.session is not None, "no plan is shown in the main window")
        self.state["window"] = window
        self.state["prompter"] = prompter
        return f"{window.proxy.rowCount()} plan listed"

    def open_views(self) -> str:
        window = self._window()
        plan_id = self.state["plan_id"]
        assert isinstance(plan_id, int)
        _check(window.select_plan(plan_id), "the imported plan is not in the plan list")
        tabs = window.ui.viewTabs
        names = []
        for index in range(tabs.count()):
            tabs.setCurrentIndex(index)
            self._process_events()
            _check(tabs.currentWidget().isVisible(), f"the {tabs.tabText(index)} view is not shown")
            names.append(tabs.tabText(index))
        tabs.setCurrentIndex(0)
        progress = window.checkins.progress
        _check(progress is not None, "the progress charts were not built when the Check-ins tab opened")
        assert progress is not None
        from PySide6.QtCharts import QChartView

        charts = len(progress.findChildren(QChartView))
        _check(charts > 0, "the progress view has no charts")
        return ", ".join(names) + f" ({charts} progress charts)"

    def open_guide(self) -> str:
        """Help › User guide: the shipped guide opens, with its chapters and its pictures."""
        from pipdesk.gui.shell.help_browser import HelpBrowser, anchors, guide_path
        from pipdesk.gui.shell.help_menu import ACTION_NAME

        window = self._window()
        _check(guide_path().is_file(), f"the user guide is missing: {guide_path()}")
        getattr(window.ui, ACTION_NAME).trigger()  # made in code, not in the form
        self._process_events()
        browser = window.findChild(HelpBrowser, "helpBrowser")
        _check(browser is not None and browser.isVisible(), "Help › User guide showed no guide")
        assert browser is not None
        chapters = anchors(browser.browser)
        _check("objectives" in chapters, "the user guide has no Objectives chapter")
        pictures = sorted((guide_path().parent / "screenshots").glob("*.png"))
        _check(bool(pictures), "the user guide's screenshots are missing")
        browser.close()
        return f"{len(chapters)} chapters, {len(pictures)} pictures"

    def log_checkin(self) -> str:
        from pipdesk.domain import Checkin, Progress, Rating
        from pipdesk.domain.schedule import mark_done_for_checkin

        window = self._window()
        session = window.session
        assert session is not None
        plan = session.plan
        checkin = Checkin(
            date=TODAY,
            attendees=f"{plan.employee.name}, {plan.manager.name}",
            notes="Selftest check-in.",
            progress=[Progress(objective=o.key, value=o.target, rating=Rating.MET) for o in plan.objectives],
        )

        def log(draft: Plan) -> None:
            draft.checkins.append(checkin)
            draft.milestones = mark_done_for_checkin(
                draft.milestones, checkin.date, checkin.kind, draft.checkin_every_days
            )

        problems = session.change("Log check-in", log)
        _check(not problems, "; ".join(str(p) for p in problems))
        stored = session.book.get(session.plan_id)
        _check(stored.checkins[-1] == checkin, "the check-in was not saved")
        done = [m.title for m in stored.milestones if m.date == TODAY and m.done]
        _check(bool(done), f"no scheduled milestone on {TODAY.isoformat()} was marked done")
        return f"{TODAY.isoformat()}, fulfils “{done[0]}”"

    def export_pdfs(self) -> str:
        from pipdesk.gui.documents.printing import load_pdf
        from pipdesk.reports import DocumentKind, ReportOptions, render

        window = self._window()
        assert window.session is not None
        plan = window.session.plan
        pages = []
        for kind in DocumentKind:
            index = len(plan.checkins) - 1 if kind is DocumentKind.CHECKIN else None
            data = render(kind, plan, ReportOptions(employee_copy=True, printed_on=TODAY), checkin_index=index)
            _check(data.startswith(b"%PDF-"), f"the {kind.value} document is not a PDF")
            document, buffer = load_pdf(data)
            pages.append(f"{kind.value} {document.pageCount()} p.")
            document.close()
            buffer.close()
        return ", ".join(pages)

    def round_trip(self) -> str:
        from pipdesk.planfile import dump_plan_file, parse_plan_file

        window = self._window()
        assert window.session is not None
        text = dump_plan_file(window.session.plan)
        _check(dump_plan_file(parse_plan_file(text)) == text, "export → import → export changed the file")
        return f"{len(text.encode())} bytes, identical"

    def encrypt_book(self) -> str:
        """SQLCipher, with the OpenSSL built into it, works here: encrypt, reopen, decrypt."""
        from pipdesk.store import PlanBook
        from pipdesk.store.connection import PassphraseNeeded, is_encrypted
        from pipdesk.store.encryption import change_passphrase

        window = self._window()
        assert window.session is not None
        plan = window.session.plan
        path, passphrase = self.home / "encrypted.pipdesk", "selftest passphrase"
        with PlanBook.open(path, passphrase=passphrase) as book:
            plan_id = book.add(plan)
            version = book.db.execute("PRAGMA cipher_version").fetchone()[0]
        _check(is_encrypted(path) and plan.employee.name.encode() not in path.read_bytes(), "the file is not encrypted")
        try:
            PlanBook.open(path, create=False).close()
            _check(False, "the encrypted plan book opened without its passphrase")
        except PassphraseNeeded:
            pass
        change_passphrase(path, passphrase, None)
        with PlanBook.open(path, create=False) as book:
            _check(book.get(plan_id) == plan, "the plan read back after decrypting differs")
        return f"SQLCipher {version}"

    def _window(self) -> MainWindow:
        from pipdesk.gui.shell.main_window import MainWindow

        window = self.state.get("window")
        _check(window is not None, "the main window is not open")
        assert isinstance(window, MainWindow)
        return window

    def _process_events(self) -> None:
        from PySide6.QtWidgets import QApplication

        for _ in range(3):
            QApplication.processEvents()

    def close(self) -> None:
        window = self.state.pop("window", None)
        if window is not None:
            window.close()  # type: ignore[attr-defined]
        book = self.state.pop("book", None)
        if book is not None:
            with contextlib.suppress(Exception):  # already closed with the window
                book.close()  # type: ignore[attr-defined]
