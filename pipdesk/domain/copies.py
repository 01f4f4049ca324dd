"""The employee's copy of a plan: what the employee may read of the manager's record.

The manager's private notes stay out: blank in each check-in, and in the history a change to one
says that a private note changed, not what it said. Only the attachments marked shareable go in.
"""

from __future__ import annotations

import copy
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pipdesk.domain.model import Attachment, Plan, Revision

#: What the employee's copy says in place of a private note's words in the history.
PRIVATE_NOTE_LEFT_OUT = "(the manager's private note: left out of the employee copy)"


def is_private_note(field_name: str) -> bool:
    """Whether a revision's field is a check-in's private notes (``checkins.<date>.private_notes``)."""
    return field_name.startswith("checkins.") and field_name.endswith(".private_notes")


def for_the_employee(revision: Revision) -> Revision:
    """The revision as the employee's copy shows it: a private note's words left out."""
    if not is_private_note(revision.field):
        return revision
    # copy.copy, not pydantic's model_copy: the plain records a document prints (domain/plain.py) copy too
    changed = copy.copy(revision)
    changed.old = PRIVATE_NOTE_LEFT_OUT if revision.old else None
    changed.new = PRIVATE_NOTE_LEFT_OUT if revision.new else None
    return changed


def employee_copy_of(plan: Plan) -> Plan:
    """The plan without the manager's private notes (blank in each check-in, left out of the history) and
    without the attachments not marked shareable."""
    employees = copy.deepcopy(plan)
    for checkin in employees.checkins:
        checkin.private_notes = ""
        checkin.attachments = _shareable(checkin.attachments)
    employees.attachments = _shareable(employees.attachments)
    for concern in employees.concerns:
        concern.attachments = _shareable(concern.attachments)
    if employees.outcome is not None:
        employees.outcome.attachments = _shareable(employees.outcome.attachments)
    employees.revisions = [for_the_employee(revision) for revision in employees.revisions]
    return employees


def _shareable(attachments: list[Attachment]) -> list[Attachment]:
    return [attachment for attachment in attachments if attachment.shareable]
