"""Attachments in a plan file (format 2): what each key accepts, refused by its path; none in version 1."""

from __future__ import annotations

from typing import Any

import pytest
from test_format_2_rules import ALEX, v1, v2
from test_planfile_rules import accepted, changed, only_problem, without

from pipdesk.domain.model import MAX_ATTACHMENT_BYTES

SHA = "0" * 63 + "1"
ATTACHMENT = {
    "name": "Plan signed.pdf",
    "media_type": "application/pdf",
    "size": 1200,
    "sha256": SHA,
    "added_on": "2026-09-29",
    "evidence_for": None,
    "description": "",
    "shareable": False,
}
WHERE = ["plan.attachments", "plan.concerns[0].attachments", "plan.checkins[0].attachments"]


def with_attachment(path: str, **changes: Any) -> dict[str, Any]:
    return changed(v2(ALEX), path, [{**ATTACHMENT, **changes}])


@pytest.mark.parametrize("path", WHERE)
def test_an_attachment_is_accepted_on_the_plan_a_concern_and_a_check_in(path: str) -> None:
    plan = accepted(with_attachment(path))
    every = [*plan.attachments, *plan.concerns[0].attachments, *plan.checkins[0].attachments]
    assert [a.sha256 for a in every] == [SHA]


@pytest.mark.parametrize(
    ("key", "value", "message"),
    [
        ("sha256", "ABC", "Expected a SHA-256 as 64 lower-case hexadecimal digits, found 'ABC'"),
        ("sha256", "A" * 64, "Expected a SHA-256 as 64 lower-case hexadecimal digits"),
        ("name", "../../etc/passwd", "Expected a file name without folders, found '../../etc/passwd'"),
        ("name", "scans\\\\signed.pdf", "Expected a file name without folders"),
        ("name", "..", "Expected a file name without folders, found '..'"),
        ("size", -1, "Must be a whole number from 0 to 25,000,000 bytes (25 MB), found the number -1"),
        ("size", MAX_ATTACHMENT_BYTES + 1, "Must be a whole number from 0 to 25,000,000 bytes (25 MB)"),
        ("size", 12.5, "Expected a whole number, found the number 12.5"),
        ("added_on", "2026-02-30", "'2026-02-30' is not a real date"),
        ("shareable", "yes", 'Expected true or false, found the text "yes"'),
    ],
)
def test_each_key_of_an_attachment_is_checked_and_named_by_its_path(key: str, value: Any, message: str) -> None:
    path, said = only_problem(with_attachment("plan.checkins[0].attachments", **{key: value}))
    assert path == f"plan.checkins[0].attachments[0].{key}"
    assert message in said


@pytest.mark.parametrize("key", ["name", "size", "sha256", "added_on"])
def test_the_required_keys_of_an_attachment(key: str) -> None:
    document = without(with_attachment("plan.attachments"), f"plan.attachments[0].{key}")
    path, said = only_problem(document)
    assert path == f"plan.attachments[0].{key}"
    assert said.endswith("is required")


@pytest.mark.parametrize("path", [*WHERE, "plan.outcome.attachments"])
def test_a_version_1_file_holding_attachments_is_refused_with_the_key_named(path: str) -> None:
    document = v1("beth-communication-closed")
    document = changed(document, path, [])
    where, said = only_problem(document)
    assert where == path
    assert "plan format version 2 has it" in said
