"""The words of a check-in sheet's trend line: no change, up or down without a direction, and a line falling short."""

from __future__ import annotations

import datetime as dt

from pipdesk.domain import Objective
from pipdesk.domain.meetings import trend
from pipdesk.domain.progress import Point

D = dt.date
DUE = D(2026, 12, 21)


def objective(baseline: float | None, target: float | None, due: dt.date | None = DUE) -> Objective:
    return Objective(key="on-time", title="Deliver on the agreed date", baseline=baseline, target=target, due_date=due)


def values(*ys: float) -> list[Point]:
    return [(D(2026, 10, 5) + dt.timedelta(weeks=i), y) for i, y in enumerate(ys)]


def test_the_same_value_twice_is_no_change_and_a_flat_line_falls_short_of_the_target() -> None:
    assert trend(objective(55, 90), values(70, 70)) == (
        "No change since the value before; on this trend it falls short of the target by the due date"
    )
    assert trend(objective(55, 90, due=None), values(70, 70)) == "No change since the value before"


def test_without_a_direction_values_go_up_or_down_and_no_line_is_drawn() -> None:
    no_target, target_is_baseline = objective(55, None), objective(55, 55)
    for undirected in (no_target, target_is_baseline):
        assert trend(undirected, values(60, 61)) == "Up since the value before"
        assert trend(undirected, values(61, 60)) == "Down since the value before"
        assert trend(undirected, values(61, 61)) == "No change since the value before"


def test_a_line_that_falls_short_says_so_whichever_way_the_last_values_moved() -> None:
    higher_is_better = objective(55, 90)
    assert trend(higher_is_better, values(60, 61, 62, 61)) == (
        "Worse than the value before; on this trend it falls short of the target by the due date"
    )
    lower_is_better = objective(45, 20)
    assert trend(lower_is_better, values(40, 41, 42, 41)) == (
        "Better than the value before; on this trend it falls short of the target by the due date"
    )
