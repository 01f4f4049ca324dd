"""The Timeline view, driven as a manager would: reading it, clicking, dragging, the keyboard."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QGraphicsSimpleTextItem
from pytestqt.qtbot import QtBot

from pipdesk.domain import MilestoneKind, Rating
from pipdesk.domain.markers import Lane, Marker, MarkerState
from pipdesk.domain.schedule import generate_schedule
from pipdesk.gui.common.colours import TEXT_CONTRAST, contrast, luminance
from pipdesk.gui.common.scripted_prompter import ScriptedPrompter
from pipdesk.gui.common.session import PlanSession
from pipdesk.gui.common.theme import dark_palette
from pipdesk.gui.timeline.view import TimelineView
from pipdesk.store import PlanBook

from conftest import ALEX, BETH, CARL, DMITRY, answer_reason, load_sample, open_session

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def view(timeline_view: TimelineView) -> TimelineView:
    return timeline_view


def open_plan(view: TimelineView, book: PlanBook, plan_id: int) -> PlanSession:
    return open_session(view, book, plan_id)


def milestone(view: TimelineView, title: str) -> Marker:
    return next(m for m in view.markers() if m.lane is Lane.SCHEDULE and m.title == title)


def drag(qtbot: QtBot, view: TimelineView, marker: Marker, day: dt.date) -> None:
    """Press on the marker, move past the drag distance, then onto ``day``, and let go there."""
    viewport = view.canvas.viewport()
    start, end = view.marker_point(marker), view.day_point(marker, day)
    qtbot.mousePress(viewport, LEFT, pos=start)
    qtbot.mouseMove(viewport, pos=start + QPoint(0, 1))
    qtbot.mouseMove(viewport, pos=QPoint((start.x() + end.x()) // 2, start.y()))
    qtbot.mouseMove(viewport, pos=end)
    qtbot.mouseRelease(viewport, LEFT, pos=end)


def issued_to_draft(book: PlanBook) -> int:
    """Dmitry's draft with the schedule it would get when issued."""
    plan = book.get(DMITRY)
    plan.milestones = generate_schedule(plan.start_date, plan.end_date, plan.checkin_every_days or 7)
    book.save(DMITRY, plan)
    return DMITRY


# What is on it


def test_alex_timeline_shows_every_milestone_check_in_and_due_date(view: TimelineView, book: PlanBook) -> None:
    open_plan(view, book, ALEX)
    markers = view.markers()
    schedule = [m for m in markers if m.lane is Lane.SCHEDULE]
    assert Counter(m.kind for m in schedule) == {"kickoff": 1, "checkin": 11, "midpoint": 1, "final": 1}
    assert Counter(m.state for m in schedule) == {MarkerState.DONE: 10, MarkerState.PLANNED: 4}
    held = [m for m in markers if m.lane is Lane.CHECKINS]
    assert [m.state for m in held] == [MarkerState.HELD] * 8
    # Coloured by the worst rating: at risk for the first two weeks, then on track (met counts as better).
    assert [m.rating for m in held] == [Rating.AT_RISK] * 2 + [Rating.ON_TRACK] * 6
    assert [m.kind for m in held].count("midpoint") == 1
    assert [m.date for m in markers if m.lane is Lane.OBJECTIVES] == [
        dt.date(2026, 12, 21),
        dt.date(2026, 11, 30),
        dt.date(2026, 12, 21),
    ]
    # Two support actions have a due date, both given; the others have none and are not drawn.
    assert [(m.index, m.state) for m in markers if m.lane is Lane.SUPPORT] == [
        (0, MarkerState.DONE),
        (1, MarkerState.DONE),
    ]
    assert view.original_end() is None
    assert all(view.canvas.marker_item(m.key) is not None for m in markers)


def test_carl_timeline_shows_the_extension_and_the_missed_final_review(view: TimelineView, book: PlanBook) -> None:
    open_plan(view, book, CARL)
    schedule = [m for m in view.markers() if m.lane is Lane.SCHEDULE]
    assert [(m.kind, m.state) for m in schedule] == [
        ("kickoff", MarkerState.DONE),
        ("midpoint", MarkerState.DONE),
        ("final", MarkerState.DONE),
        ("final", MarkerState.OVERDUE),
    ]
    assert view.original_end() == dt.date(2026, 8, 31)
    held = [m for m in view.markers() if m.lane is Lane.CHECKINS]
    assert [m.rating for m in held] == [Rating.AT_RISK, Rating.OFF_TRACK, Rating.AT_RISK]
    assert "Overdue" in view.canvas.marker_item(schedule[-1].key).toolTip()  # type: ignore[union-attr]


def test_nothing_is_overdue_on_a_closed_plan_and_it_cannot_be_edited(view: TimelineView, book: PlanBook) -> None:
    open_plan(view, book, BETH)
    assert MarkerState.OVERDUE not in {m.state for m in view.markers()}
    ui = view.ui
    assert not ui.addMilestoneButton.isEnabled()
    view.select_marker(milestone(view, "Check-in 1"))
    assert not ui.renameMilestoneButton.isEnabled() and not ui.removeMilestoneButton.isEnabled()


def test_a_draft_has_nothing_overdue_and_says_how_it_gets_a_schedule(view: TimelineView, book: PlanBook) -> None:
    open_plan(view, book, DMITRY)
    assert [m for m in view.markers() if m.lane is Lane.SCHEDULE] == []
    texts = [item.text() for item in view.canvas.scene().items() if isinstance(item, QGraphicsSimpleTextItem)]
    assert any(text.startswith("No milestones yet") for text in texts)


def test_no_plan_shows_an_empty_timeline(view: TimelineView, book: PlanBook) -> None:
    open_plan(view, book, ALEX)
    view.set_session(None)
    assert view.markers() == [] and view.canvas.drawn is None
    assert not view.ui.fitButton.isEnabled()


# Clicking and dragging


def test_clicking_a_milestone_or_a_check_in_asks_to_open_it(qtbot: QtBot, view: TimelineView, book: PlanBook) -> None:
    open_plan(view, book, ALEX)
    viewport = view.canvas.viewport()
    midpoint = milestone(view, "Mid-plan evaluation")
    with qtbot.waitSignal(view.canvas.activated) as opened:
        qtbot.mouseClick(viewport, LEFT, pos=view.marker_point(midpoint))
    assert opened.args == [midpoint] and [midpoint.index] == [12]
    assert view.selected_marker() == midpoint
    third = [m for m in view.markers() if m.lane is Lane.CHECKINS][2]
    with qtbot.waitSignal(view.checkin_activated) as opened:
        qtbot.mouseClick(viewport, LEFT, pos=view.marker_point(third))
    assert opened.args == [2]


def test_dragging_a_milestone_of_a_draft_moves_it_at_once(
    qtbot: QtBot, view: TimelineView, book: PlanBook, prompter: ScriptedPrompter
) -> None:
    plan_id = issued_to_draft(book)
    session = open_plan(view, book, plan_id)
    first = milestone(view, "Weekly check-in 1")
    assert first.date == dt.date(2026, 12, 8)
    with qtbot.assertNotEmitted(view.canvas.activated):
        drag(qtbot, view, first, dt.date(2026, 12, 10))
    stored = book.get(plan_id).milestones[first.index]
    assert (stored.title, stored.date) == ("Weekly check-in 1", dt.date(2026, 12, 10))
    assert book.get(plan_id).revisions == [] and prompter.shown == []
    assert milestone(view, "Weekly check-in 1").date == dt.date(2026, 12, 10)
    session.undo_stack.undo()
    assert book.get(plan_id).milestones[first.index].date == dt.date(2026, 12, 8)


def test_dragging_a_milestone_of_an_issued_plan_asks_why_and_keeps_a_revision(
    qtbot: QtBot, view: TimelineView, book: PlanBook, prompter: ScriptedPrompter
) -> None:
    open_plan(view, book, ALEX)
    ninth = milestone(view, "Weekly check-in 9")
    prompter.expect("dialog", answer_reason("Alex is on a training course that Monday."))
    drag(qtbot, view, ninth, dt.date(2026, 12, 2))
    plan = book.get(ALEX)
    assert plan.milestones[ninth.index].date == dt.date(2026, 12, 2)
    revision = plan.revisions[-1]
    assert (revision.field, revision.old, revision.new, revision.reason) == (
        "milestones.Weekly check-in 9.date",
        "2026-11-30",
        "2026-12-02",
        "Alex is on a training course that Monday.",
    )
    assert prompter.shown[-1].kind == "dialog" and not prompter.answers


def test_cancelling_the_reason_puts_the_milestone_back(
    qtbot: QtBot, view: TimelineView, book: PlanBook, prompter: ScriptedPrompter
) -> None:
    open_plan(view, book, ALEX)
    final = milestone(view, "Final review")
    before = view.marker_point(final)
    prompter.expect("dialog", lambda _dialog: False)
    drag(qtbot, view, final, dt.date(2026, 12, 17))
    assert book.get(ALEX).milestones[final.index].date == dt.date(2026, 12, 21)
    assert milestone(view, "Final review").date == dt.date(2026, 12, 21)
    assert view.marker_point(final) == before


def test_a_milestone_cannot_be_dragged_out_of_the_plan_period(
    qtbot: QtBot, view: TimelineView, book: PlanBook, prompter: ScriptedPrompter
) -> None:
    open_plan(view, book, ALEX)
    final = milestone(view, "Final review")
    view.zoom_out()
    prompter.expect("dialog", answer_reason("Final review earlier."))
    drag(qtbot, view, final, dt.date(2026, 12, 28))  # past the end: held at the end, so no change
    assert book.get(ALEX).milestones[final.index].date == dt.date(2026, 12, 21)
    assert prompter.answers, "nothing changed, so nothing was asked"


def test_a_held_milestone_does_not_move(qtbot: QtBot, view: TimelineView, book: PlanBook) -> None:
    open_plan(view, book, ALEX)
    kickoff = milestone(view, "Plan issued and discussed")
    drag(qtbot, view, kickoff, dt.date(2026, 10, 2))
    assert book.get(ALEX).milestones[kickoff.index].date == dt.date(2026, 9, 28)


# The keyboard


def test_arrow_keys_walk_the_markers_and_enter_opens(qtbot: QtBot, view: TimelineView, book: PlanBook) -> None:
    open_plan(view, book, ALEX)
    canvas = view.canvas
    canvas.setFocus()
    qtbot.keyClick(canvas, Qt.Key.Key_Right)
    assert view.selected_marker() == milestone(view, "Plan issued and discussed")
    qtbot.keyClick(canvas, Qt.Key.Key_Right)
    assert view.selected_marker() == milestone(view, "Weekly check-in 1")
    qtbot.keyClick(canvas, Qt.Key.Key_Right)  # the check-in held that day comes after the schedule's
    selected = view.selected_marker()
    assert selected is not None and (selected.lane, selected.index) == (Lane.CHECKINS, 0)
    with qtbot.waitSignal(view.checkin_activated) as opened:
        qtbot.keyClick(canvas, Qt.Key.Key_Return)
    assert opened.args == [0]
    qtbot.keyClick(canvas, Qt.Key.Key_End)
    assert view.selected_marker() == milestone(view, "Final review")
    qtbot.keyClick(canvas, Qt.Key.Key_Left)
    assert view.selected_marker() == milestone(view, "Weekly check-in 11")
    with qtbot.waitSignal(view.canvas.activated) as opened:
        qtbot.keyClick(canvas, Qt.Key.Key_Enter)
    assert opened.args == [milestone(view, "Weekly check-in 11")] and [opened.args[0].index] == [11]


def test_ctrl_arrows_move_the_selected_milestone_by_a_day(
    qtbot: QtBot, view: TimelineView, book: PlanBook, prompter: ScriptedPrompter
) -> None:
    plan_id = issued_to_draft(book)
    session = open_plan(view, book, plan_id)
    second = milestone(view, "Weekly check-in 2")
    view.select_marker(second)
    view.canvas.setFocus()
    for _ in range(2):
        qtbot.keyClick(view.canvas, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(view.canvas, Qt.Key.Key_Left, Qt.KeyboardModifier.ControlModifier)
    assert book.get(plan_id).milestones[second.index].date == second.date + dt.timedelta(days=1)
    assert view.selected_marker() is not None and view.selected_marker().key == second.key  # type: ignore[union-attr]
    session.undo_stack.undo()  # the nudges of one milestone are one step
    assert book.get(plan_id).milestones[second.index].date == second.date
    assert prompter.shown == []


def test_ctrl_arrow_on_an_issued_plan_asks_why(
    qtbot: QtBot, view: TimelineView, book: PlanBook, prompter: ScriptedPrompter
) -> None:
    open_plan(view, book, ALEX)
    view.select_marker(milestone(view, "Weekly check-in 10"))
    prompter.expect("dialog", answer_reason("Team offsite on Monday."))
    view.canvas.setFocus()
    qtbot.keyClick(view.canvas, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    revision = book.get(ALEX).revisions[-1]
    assert (revision.field, revision.new) == ("milestones.Weekly check-in 10.date", "2026-12-08")


# Adding, renaming, removing


def test_add_rename_and_remove_a_milestone_of_a_draft(
    qtbot: QtBot, view: TimelineView, book: PlanBook, prompter: ScriptedPrompter
) -> None:
    plan_id = issued_to_draft(book)
    open_plan(view, book, plan_id)
    count = len(book.get(plan_id).milestones)

    prompter.expect("ask_text", "  Meet HR  ")
    qtbot.mouseClick(view.ui.addMilestoneButton, LEFT)
    plan = book.get(plan_id)
    added = next(m for m in plan.milestones if m.title == "Meet HR")
    assert (added.kind, added.date, len(plan.milestones)) == (MilestoneKind.CUSTOM, plan.start_date, count + 1)
    selected = view.selected_marker()
    assert selected is not None and selected.title == "Meet HR"

    prompter.expect("ask_text", "Meet HR and the union representative")
    qtbot.mouseClick(view.ui.renameMilestoneButton, LEFT)
    assert "Meet HR and the union representative" in [m.title for m in book.get(plan_id).milestones]

    view.canvas.setFocus()
    qtbot.keyClick(view.canvas, Qt.Key.Key_Delete)
    assert len(book.get(plan_id).milestones) == count
    assert book.get(plan_id).revisions == []


def test_removing_a_milestone_of_an_issued_plan_asks_why(
    qtbot: QtBot, view: TimelineView, book: PlanBook, prompter: ScriptedPrompter
) -> None:
    open_plan(view, book, ALEX)
    view.select_marker(milestone(view, "Weekly check-in 11"))
    prompter.expect("dialog", answer_reason("Christmas week: the final review is the week after."))
    qtbot.mouseClick(view.ui.removeMilestoneButton, LEFT)
    plan = book.get(ALEX)
    assert "Weekly check-in 11" not in [m.title for m in plan.milestones]
    assert (plan.revisions[-1].field, plan.revisions[-1].old, plan.revisions[-1].new) == (
        "milestones",
        "Weekly check-in 11",
        None,
    )


def test_renaming_to_nothing_changes_nothing(
    qtbot: QtBot, view: TimelineView, book: PlanBook, prompter: ScriptedPrompter
) -> None:
    open_plan(view, book, ALEX)
    view.select_marker(milestone(view, "Final review"))
    prompter.expect("ask_text", "   ")
    view.canvas.setFocus()
    qtbot.keyClick(view.canvas, Qt.Key.Key_F2)
    assert not prompter.answers, "the name was asked"
    assert book.get(ALEX) == load_sample("alex-delivery-active")


def test_key_h_marks_the_selected_milestone_held_and_again_not_held(
    qtbot: QtBot, view: TimelineView, book: PlanBook, prompter: ScriptedPrompter
) -> None:
    open_plan(view, book, ALEX)
    view.select_marker(milestone(view, "Weekly check-in 11"))
    prompter.expect("dialog", answer_reason("Held in the corridor; nothing to log."))
    view.canvas.setFocus()
    qtbot.keyClick(view.canvas, Qt.Key.Key_H)
    assert milestone(view, "Weekly check-in 11").state is MarkerState.DONE
    assert view.selected_marker() == milestone(view, "Weekly check-in 11")
    prompter.expect("dialog", answer_reason("Marked by mistake."))
    qtbot.keyClick(view.canvas, Qt.Key.Key_H)
    assert milestone(view, "Weekly check-in 11").state is MarkerState.PLANNED
    assert [r.new for r in book.get(ALEX).revisions[-2:]] == ["Held", "Not held"]


# Zoom


def test_zoom_in_out_and_fit(qtbot: QtBot, view: TimelineView, book: PlanBook) -> None:
    open_plan(view, book, ALEX)
    fitted = view.pixels_per_day
    assert view.canvas.horizontalScrollBar().maximum() == 0, "the whole plan fits"
    qtbot.mouseClick(view.ui.zoomInButton, LEFT)
    qtbot.mouseClick(view.ui.zoomInButton, LEFT)
    assert view.pixels_per_day == pytest.approx(fitted * 1.4**2)
    assert view.canvas.horizontalScrollBar().maximum() > 0
    qtbot.mouseClick(view.ui.zoomOutButton, LEFT)
    assert view.pixels_per_day == pytest.approx(fitted * 1.4)
    qtbot.mouseClick(view.ui.fitButton, LEFT)
    assert view.pixels_per_day == pytest.approx(fitted)
    view.resize(900, 420)
    qtbot.waitUntil(lambda: view.pixels_per_day < fitted)


def _most_common(image: QImage, area: QRect) -> QColor:
    counts = Counter(
        image.pixel(x, y) for x in range(area.left(), area.right() + 1) for y in range(area.top(), area.bottom() + 1)
    )
    return QColor.fromRgb(counts.most_common(1)[0][0])


def _drawn_contrast(image: QImage, area: QRect) -> float:
    """The contrast of the text drawn in ``area``: its strongest pixel against the background around it."""
    back = _most_common(image, area)
    pixels = {
        image.pixel(x, y) for x in range(area.left(), area.right() + 1) for y in range(area.top(), area.bottom() + 1)
    }
    return max(contrast(QColor.fromRgb(pixel), back) for pixel in pixels)


DARK_PALETTES = {"pipdesk's dark theme": dark_palette, "a dark system palette": lambda: QPalette(QColor("#303030"))}


@pytest.mark.parametrize("make", DARK_PALETTES.values(), ids=list(DARK_PALETTES))
def test_every_plan_draws_dark_in_a_dark_palette_with_text_that_keeps_its_contrast(
    qtbot: QtBot, view: TimelineView, book: PlanBook, make: Callable[[], QPalette]
) -> None:
    view.setPalette(make())
    for plan_id in (ALEX, BETH, CARL, DMITRY):
        open_plan(view, book, plan_id)
        image = view.canvas.viewport().grab().toImage()
        whole = image.rect()
        assert luminance(_most_common(image, whole)) < 0.05, f"plan {plan_id}: the timeline was not drawn dark"
        texts = [
            item
            for item in view.canvas.scene().items()
            if isinstance(item, QGraphicsSimpleTextItem) and item.isVisible() and item.text().strip()
        ]
        assert len(texts) >= 8, "the months, the days and the lanes are labelled"
        for item in texts:
            area = view.canvas.mapFromScene(item.sceneBoundingRect()).boundingRect().intersected(whole)
            if area.width() < 4 or area.height() < 4:
                continue  # scrolled out of sight
            drawn = _drawn_contrast(image, area)
            assert drawn >= TEXT_CONTRAST, f"plan {plan_id}: {item.text()!r} drawn at {drawn:.2f}:1"


@pytest.mark.parametrize("width", [1200, 700, 420])
def test_the_footers_pills_never_cover_each_other(view: TimelineView, book: PlanBook, width: int) -> None:
    """Today's pill at the edge and the original end's (an extended plan past its end) stack, not overlap."""
    from pipdesk.gui.timeline.items import Pill

    view.resize(width, 420)
    open_plan(view, book, CARL)
    pills = [item for item in view.canvas.scene().items() if isinstance(item, Pill)]
    assert {pill.text.split()[0] for pill in pills} == {"Original", "Today"}
    rects = [pill.sceneBoundingRect() for pill in pills]
    assert not rects[0].intersects(rects[1]), [(p.text, r) for p, r in zip(pills, rects, strict=True)]
    scene = view.canvas.scene().sceneRect()
    assert all(rect.bottom() <= scene.bottom() for rect in rects), (scene, rects)  # a pill below is in view
