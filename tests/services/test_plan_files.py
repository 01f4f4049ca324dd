"""Plan files on disk: read to import, written to export, by the steps the command line and the window share."""

from __future__ import annotations

import datetime as dt
import json
import stat
from pathlib import Path

import pytest

from pipdesk.domain import PlanInvalid
from pipdesk.planfile import MAX_PLAN_FILE_BYTES
from pipdesk.services.plan_files import PlanFileUnreadable, read_plan_file, write_plan_file

from conftest import load_sample, sample_path


def test_a_plan_file_reads_as_its_plan() -> None:
    assert read_plan_file(sample_path("alex-delivery-active")) == load_sample("alex-delivery-active")


def test_a_plan_file_with_problems_lists_them_with_their_paths(tmp_path: Path) -> None:
    document = json.loads(sample_path("alex-delivery-active").read_text(encoding="utf-8"))
    document["plan"]["objectives"][0]["colour"] = "blue"
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(PlanInvalid) as refused:
        read_plan_file(path)
    assert [str(problem) for problem in refused.value.problems] == ["plan.objectives[0].colour: Unknown key 'colour'"]


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (lambda path: None, "no such file"),
        (lambda path: path.mkdir(), "is a folder, not a plan file"),
        (lambda path: path.write_bytes(b" " * (MAX_PLAN_FILE_BYTES + 1)), "is larger than 8 MB; not a plan file"),
    ],
    ids=["missing", "folder", "too-large"],
)
def test_a_file_that_cannot_be_a_plan_file_is_refused_unread(tmp_path: Path, make, reason: str) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "plan.json"
    make(path)
    with pytest.raises(PlanFileUnreadable) as refused:
        read_plan_file(path)
    assert (refused.value.path, refused.value.reason, str(refused.value)) == (path, reason, f"{path}: {reason}")


def test_an_exported_plan_file_is_private_and_reads_back(tmp_path: Path) -> None:
    plan = load_sample("carl-skills-extended")
    path = tmp_path / "carl.json"
    write_plan_file(path, plan)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert read_plan_file(path) == plan
    assert "exported_at" not in json.loads(path.read_text(encoding="utf-8"))


def test_an_export_may_record_its_time(tmp_path: Path) -> None:
    path = tmp_path / "carl.json"
    write_plan_file(
        path, load_sample("carl-skills-extended"), exported_at=dt.datetime(2026, 11, 23, 9, 30, tzinfo=dt.UTC)
    )
    assert json.loads(path.read_text(encoding="utf-8"))["exported_at"] == "2026-11-23T09:30:00Z"
