"""How the plan writes its numbers (pipdesk/domain/kinds.py): a whole number without its ``.0``.

A baseline typed as 200 is written back as 200, not 200.0; a whole number too big for a 64-bit
integer (2**63 and above) stays a float, so it is written as the float it was read as.
"""

from __future__ import annotations

import json

from pipdesk.domain.model import compact_number
from pipdesk.planfile import dump_plan_file

from conftest import load_sample

BELOW_2_63 = 2.0**63 - 1024  # the largest float below 2**63


def test_a_whole_number_below_two_to_the_63_is_written_as_an_integer() -> None:
    for value in (0.0, 55.0, 126.0, 200.0, -200.0, BELOW_2_63, -BELOW_2_63):
        written = compact_number(value)
        assert type(written) is int and written == value


def test_from_two_to_the_63_a_whole_number_stays_a_float() -> None:
    for value in (2.0**63, -(2.0**63), 2.0**64, 2.0**100, 1e308):
        written = compact_number(value)
        assert type(written) is float and written == value
    assert type(compact_number(55.5)) is float


def test_a_plan_file_writes_a_whole_baseline_without_its_point_and_a_huge_one_as_a_float() -> None:
    plan = load_sample("alex-delivery-active")
    plan.objectives[0].baseline = 200.0
    plan.objectives[0].target = 2.0**63
    text = dump_plan_file(plan)
    objective = json.loads(text)["plan"]["objectives"][0]
    assert '"baseline": 200,' in text and objective["baseline"] == 200
    assert '"target": 9.223372036854776e+18' in text and objective["target"] == 2.0**63
