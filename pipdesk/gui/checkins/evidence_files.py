"""The files kept as evidence with one check-in (minutes, a signed record, a recording), under its record
in the check-in log."""

from __future__ import annotations

from pipdesk.domain import Attachment, Plan, vocabulary
from pipdesk.gui.common.attachment_commands import Place


def checkin_files(plan: Plan, index: int) -> Place:
    """The files of the plan's check-in number ``index`` (counted from 0)."""
    checkin = plan.checkins[index]

    def locate(shown: Plan) -> list[Attachment] | None:
        return shown.checkins[index].attachments if index < len(shown.checkins) else None

    kind = vocabulary.checkin_kind(checkin.kind).lower()
    return Place(locate, f"the {kind} of {vocabulary.short_date(checkin.date)}")
