"""The employee's copy of a plan: what the employee may read of the manager's record.

The manager's private notes stay out: blank in each check-in, and in the history a change to one
says that a private note changed, not what it said. Only the attachments marked shareable go in.
"""

from __future__ import annotations

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
    return revision.model_copy(
        update={
            "old": PRIVATE_NOTE_LEFT_OUT if revision.old else None,
            "new": PRIVATE_NOTE_LEFT_OUT if revision.new else None,
        }
    )


def employee_copy_of(plan: Plan) -> Plan:
    """The plan without the manager's private notes (blank in each check-in, left out of the history) and
    without the attachments not marked shareable."""
    copy = plan.model_copy(deep=True)
    for checkin in copy.checkins:
        checkin.private_notes = ""
        checkin.attachments = _shareable(checkin.attachments)
    copy.attachments = _shareable(copy.attachments)
    for concern in copy.concerns:
        concern.attachments = _shareable(concern.attachments)
    if copy.outcome is not None:
        copy.outcome.attachments = _shareable(copy.outcome.attachments)
    copy.revisions = [for_the_employee(revision) for revision in copy.revisions]
    return copy


def _shareable(attachments: list[Attachment]) -> list[Attachment]:
    return [attachment for attachment in attachments if attachment.shareable]
