"""The version-2 sample plan files (tests/data/samples/v2, docs/samples): every new part, read and written back."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from pipdesk.domain import Plan
from pipdesk.domain.model import AdjustmentDecision, AttendeeRole, CheckinKind, ResponseTo
from pipdesk.planfile import dump_plan_file, json_schema, parse_plan_file

from conftest import SAMPLES

V2_SAMPLES = SAMPLES / "v2"
DOCS_SAMPLES = Path(__file__).parents[2] / "docs" / "samples"
V2_NAMES = sorted(p.stem for p in V2_SAMPLES.glob("*.json"))


def v2_sample(name: str) -> Plan:
    return parse_plan_file((V2_SAMPLES / f"{name}.json").read_bytes())


def test_the_version_2_samples_are_there_and_published() -> None:
    assert V2_NAMES == ["alex-delivery-paused", "beth-communication-resumed", "carl-skills-appealed"]
    assert sorted(p.stem for p in DOCS_SAMPLES.glob("*.json")) == V2_NAMES


@pytest.mark.parametrize("name", V2_NAMES)
def test_the_published_copy_is_the_tested_sample(name: str) -> None:
    assert (DOCS_SAMPLES / f"{name}.json").read_bytes() == (V2_SAMPLES / f"{name}.json").read_bytes()


@pytest.mark.parametrize("name", V2_NAMES)
def test_a_version_2_sample_is_what_pipdesk_writes_and_reads_back_byte_identical(name: str) -> None:
    original = (V2_SAMPLES / f"{name}.json").read_bytes()
    assert json.loads(original)["version"] == 2
    first = dump_plan_file(parse_plan_file(original)).encode("utf-8")
    assert first == original
    assert dump_plan_file(parse_plan_file(first)).encode("utf-8") == first


@pytest.mark.parametrize("name", V2_NAMES)
def test_a_version_2_sample_passes_the_version_2_schema_and_not_the_version_1_schema(name: str) -> None:
    document = json.loads((V2_SAMPLES / f"{name}.json").read_text(encoding="utf-8"))
    for version, passes in ((2, True), (1, False)):
        schema = json_schema(version)
        validator_class = jsonschema.validators.validator_for(schema)
        validator = validator_class(schema, format_checker=validator_class.FORMAT_CHECKER)
        assert (list(validator.iter_errors(document)) == []) is passes, version


def test_together_the_samples_hold_every_part_version_2_added() -> None:
    plans = [v2_sample(name) for name in V2_NAMES]
    adjustments = [a for p in plans for a in p.adjustments]
    assert any(a.in_place_on is not None and a.review_on is not None for a in adjustments)
    assert any(a.decision is AdjustmentDecision.REFUSED and a.reason.strip() for a in adjustments)
    assert any(a.decision is None for a in adjustments)
    assert any(a.decision is AdjustmentDecision.ALTERNATIVE and a.offered for a in adjustments)
    pauses = [pause for p in plans for pause in p.pauses]
    assert any(pause.days for pause in pauses)
    assert sum(p.paused for p in plans) == 1
    assert any(p.reacknowledgements for p in plans)
    assert {r.to for p in plans for r in p.responses} == set(ResponseTo)
    outcome_acks = [p.outcome.acknowledgement for p in plans if p.outcome and p.outcome.acknowledgement]
    assert {ack.refused for ack in outcome_acks} == {True, False}
    assert all(ack.witness for ack in outcome_acks if ack.refused)
    formal = [c for p in plans for c in p.checkins if c.is_formal]
    assert any(c.companion_offered for c in formal)
    assert any(c.formal and c.kind is CheckinKind.CHECKIN for c in formal)
    assert any(c.kind is CheckinKind.KICKOFF for c in formal)
    assert {a.role for c in formal for a in c.attendance} == set(AttendeeRole)
    assert all(p.hr_review is not None and p.hr_review.reviewed_on for p in plans)
    assert any(p.appeal is not None and p.appeal.result is not None for p in plans)
    assert any(p.acknowledgement is not None and p.acknowledgement.recorded_at is not None for p in plans)


def test_the_resumed_sample_moved_its_schedule_by_the_days_paused() -> None:
    plan = v2_sample("beth-communication-resumed")
    (pause,) = plan.pauses
    assert pause.days == 14
    original = parse_plan_file((SAMPLES / "beth-communication-closed.json").read_bytes())
    assert plan.end_date == original.end_date + (pause.resumed_on - pause.paused_on)
    assert [o.due_date for o in plan.objectives] == [plan.end_date, plan.end_date]
    end_revision = next(r for r in plan.revisions if r.field == "end_date")
    assert (end_revision.old, end_revision.new) == (original.end_date.isoformat(), plan.end_date.isoformat())
    assert all(not (pause.paused_on <= c.date < pause.resumed_on) for c in plan.checkins)
    assert all(not (pause.paused_on <= m.date < pause.resumed_on) for m in plan.milestones)
