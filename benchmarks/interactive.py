"""Measures, in one process, what a manager waits for in the window: typing a search, opening a plan, a PDF.

Run by ``benchmarks/run.py`` (``interactive.py BOOK [--search-only]``); prints one JSON object of
timings in seconds. BOOK is a copy it may write to: the plans with many check-ins are added to it.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import resource
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication

from pipdesk.domain import Checkin, Plan, Progress, Status, plan_problems
from pipdesk.domain.schedule import generate_schedule
from pipdesk.gui.common.scripted_prompter import ScriptedPrompter
from pipdesk.gui.shell.app import application
from pipdesk.gui.shell.main_window import MainWindow
from pipdesk.services.samples import generate_plans
from pipdesk.store import PlanBook

SEARCHES = ("Moreno", "Иванов", "Παπα", "王", "dana", "late")


def plan_with_checkins(count: int, status: Status, seed: int) -> Plan:
    """A generated plan of ``status`` given ``count`` check-ins (one a day), each with progress on every objective."""
    today = dt.date.today()
    plan = next(p for p in generate_plans(200, seed=seed) if p.status is status and p.objectives)
    if status is Status.CLOSED:
        end = today - dt.timedelta(days=10)
        start = end - dt.timedelta(days=count + 20)
    else:
        start = today - dt.timedelta(days=count + 5)
        end = today + dt.timedelta(days=30)
    plan.start_date, plan.end_date = start, end
    for objective in plan.objectives:
        objective.due_date = end
    plan.checkin_every_days = 7
    plan.milestones = generate_schedule(start, end, 7)
    for milestone in plan.milestones:
        milestone.done = milestone.date < today
    plan.checkins = [
        Checkin(
            date=start + dt.timedelta(days=i + 1),
            notes=f"Check-in {i + 1}: went through the numbers and the open items.",
            next_steps="Keep going.",
            progress=[
                Progress(objective=o.key, value=(o.baseline or 0) + i % 7, rating="on_track") for o in plan.objectives
            ],
        )
        for i in range(count)
    ]
    plan.revisions = []
    assert not plan_problems(plan), plan_problems(plan)
    return plan


def timed(action: object) -> float:
    start = time.perf_counter()
    action()  # type: ignore[operator]
    return time.perf_counter() - start


def main(path: Path, search_only: bool = False) -> dict[str, object]:
    app = application()
    results: dict[str, object] = {}

    start = time.perf_counter()
    window = MainWindow(PlanBook.open(path), prompter=ScriptedPrompter())
    window.resize(1440, 900)
    window.show()
    app.processEvents()
    results["window_ready"] = time.perf_counter() - start
    results["plans"] = window.plans.rowCount()
    results["peak_rss_mb_window_open"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    # Typing in the search field: from the keystroke to the list filtered and painted.
    edit = window.ui.searchEdit
    keystrokes = []
    for word in SEARCHES:
        edit.clear()
        app.processEvents()
        for length in range(1, len(word) + 1):

            def type_one(text: str = word[:length]) -> None:
                edit.setText(text)
                app.processEvents()

            keystrokes.append(timed(type_one))
    edit.clear()
    app.processEvents()
    results["keystroke_median"] = statistics.median(keystrokes)
    results["keystroke_max"] = max(keystrokes)
    if search_only:
        return results

    # Opening a plan and showing each of its views; a new plan each time (the window keeps sessions).
    book = window.book
    assert book is not None
    many = [book.add(plan_with_checkins(200, Status.ACTIVE, seed)) for seed in range(6)]
    usual = [s.id for s in book.summaries() if s.status is Status.ACTIVE][:6]
    window.refresh_plans()
    app.processEvents()
    tabs = window.ui.viewTabs

    def open_in_every_view(plan_id: int) -> None:
        window.select_plan(plan_id)
        app.processEvents()
        for index in range(tabs.count()):
            tabs.setCurrentIndex(index)
            app.processEvents()
        tabs.setCurrentIndex(0)
        app.processEvents()

    open_in_every_view(usual[0])  # the first opening loads QtCharts
    results["open_usual_median"] = statistics.median(timed(lambda i=i: open_in_every_view(i)) for i in usual[1:])
    results["open_200_median"] = statistics.median(timed(lambda i=i: open_in_every_view(i)) for i in many[1:])
    results["checkins_usual"] = len(book.get(usual[1]).checkins)

    # PDF documents, in process, after one warm-up each (fonts register on the first document).
    from pipdesk.reports import ReportOptions, render_outcome, render_plan

    options = ReportOptions(printed_on=dt.date.today())
    active, closed = plan_with_checkins(12, Status.ACTIVE, 1), plan_with_checkins(12, Status.CLOSED, 2)
    for render, plan, key in ((render_plan, active, "pdf_plan"), (render_outcome, closed, "pdf_outcome")):
        render(plan, options)
        results[f"{key}_median"] = statistics.median(timed(lambda r=render, p=plan: r(p, options)) for _ in range(7))

    results["peak_rss_mb_end"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    window.close()
    QApplication.processEvents()
    return results


if __name__ == "__main__":
    print(json.dumps(main(Path(sys.argv[1]), search_only="--search-only" in sys.argv)), flush=True)
    os._exit(0)  # skip tearing down Qt at interpreter exit: it has nothing left to measure or save
