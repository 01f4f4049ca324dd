"""The mid-plan evaluation and the final review ask their questions where the manager writes.

The questions are the placeholders of the form's text boxes and a guidance line at its top, following
the kind chosen; they are never saved. A mid-plan evaluation saved at risk or off track suggests
reviewing the support or extending the plan, naming the objectives that are not on track.
"""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QPlainTextEdit
from pytestqt.qtbot import QtBot

from pipdesk.domain import Checkin, CheckinKind, Progress, Rating, vocabulary
from pipdesk.gui.checkins.commands import log_checkin, new_checkin
from pipdesk.gui.checkins.form_dialog import TEXT_EDITS, CheckinFormDialog
from pipdesk.gui.common.scripted_prompter import ScriptedPrompter
from pipdesk.gui.common.session import PlanSession
from pipdesk.store import PlanBook

from conftest import ALEX, TODAY

MEETING = dt.date(2026, 11, 30)
FIELDS = tuple(TEXT_EDITS)


def edit(dialog: CheckinFormDialog, field: str) -> QPlainTextEdit:
    widget: QPlainTextEdit = getattr(dialog.ui, TEXT_EDITS[field])
    return widget


def choose(dialog: CheckinFormDialog, kind: CheckinKind) -> None:
    dialog.ui.kindCombo.setCurrentIndex(dialog.ui.kindCombo.findData(kind.value))


def test_the_questions_follow_the_kind_chosen(qtbot: QtBot, book: PlanBook) -> None:
    dialog = CheckinFormDialog(book.get(ALEX), TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)

    for kind in (CheckinKind.MIDPOINT, CheckinKind.FINAL, CheckinKind.CHECKIN, CheckinKind.MIDPOINT):
        choose(dialog, kind)
        questions = vocabulary.checkin_questions(kind)
        assert dialog.ui.guidanceLabel.isVisible() is bool(questions.get("guidance"))
        assert dialog.ui.guidanceLabel.text() == questions.get("guidance", "")
        assert {f: edit(dialog, f).placeholderText() for f in FIELDS} == {f: questions.get(f, "") for f in FIELDS}

    # The mid-plan evaluation asks the three questions: on track? change the support? extend?
    mid = vocabulary.checkin_questions(CheckinKind.MIDPOINT)
    asked = " ".join(mid.values()).lower()
    assert all(words in asked for words in ("on track", "support", "extend")), asked
    final = vocabulary.checkin_questions(CheckinKind.FINAL)
    for questions in (mid, final):
        assert set(questions) == {"guidance", *FIELDS}, "a question in every box, and only in boxes that exist"
        assert all(questions.values())
    assert final["notes"] != mid["notes"]
    assert vocabulary.checkin_questions(CheckinKind.CHECKIN) == {}


def test_the_questions_of_an_evaluation_left_unanswered_are_never_saved(
    qtbot: QtBot, book: PlanBook, prompter: ScriptedPrompter
) -> None:
    session = PlanSession(book, ALEX)

    def fill(dialog: QDialog) -> bool:
        assert isinstance(dialog, CheckinFormDialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        choose(dialog, CheckinKind.MIDPOINT)
        assert edit(dialog, "notes").placeholderText()
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        return dialog.result() == QDialog.DialogCode.Accepted

    prompter.expect("dialog", fill)
    logged = new_checkin(session, prompter, lambda: MEETING)
    assert logged is not None
    stored = book.get(ALEX).checkins[-1]
    assert (stored.date, stored.kind) == (MEETING, CheckinKind.MIDPOINT)
    assert {f: getattr(stored, f) for f in FIELDS} == dict.fromkeys(FIELDS, "")


def _evaluation(kind: CheckinKind, estimates: Rating, reports: Rating = Rating.MET) -> Checkin:
    return Checkin(
        date=MEETING,
        kind=kind,
        progress=[
            Progress(objective="on-time", value=88, rating=Rating.ON_TRACK),
            Progress(objective="status-reports", value=0, rating=reports),
            Progress(objective="estimates", value=24, rating=estimates),
        ],
    )


def test_an_evaluation_at_risk_suggests_reviewing_the_support_or_extending_naming_the_objectives(
    qtbot: QtBot, book: PlanBook, prompter: ScriptedPrompter
) -> None:
    session = PlanSession(book, ALEX)
    checkin = _evaluation(CheckinKind.MIDPOINT, Rating.AT_RISK, reports=Rating.OFF_TRACK)
    assert log_checkin(session, prompter, checkin)
    assert book.get(ALEX).checkins[-1] == checkin
    [suggestion] = [s for s in prompter.shown if s.kind == "info"]
    text = suggestion.text
    assert "Estimate within 20% of actual effort" in text and "Send a written status report every Friday" in text
    assert "Deliver milestones on the agreed date" not in text, "an objective on track is not named"
    assert "support" in text.lower() and "extend" in text.lower()
    assert not prompter.warnings()


@pytest.mark.parametrize(
    ("kind", "rating"),
    [
        (CheckinKind.MIDPOINT, Rating.ON_TRACK),
        (CheckinKind.CHECKIN, Rating.AT_RISK),
        (CheckinKind.CHECKIN, Rating.OFF_TRACK),
    ],
    ids=["mid-plan on track", "check-in at risk", "check-in off track"],
)
def test_no_suggestion_for_an_evaluation_on_track_or_an_ordinary_check_in(
    qtbot: QtBot, book: PlanBook, prompter: ScriptedPrompter, kind: CheckinKind, rating: Rating
) -> None:
    session = PlanSession(book, ALEX)
    assert log_checkin(session, prompter, _evaluation(kind, rating))
    assert prompter.shown == []
