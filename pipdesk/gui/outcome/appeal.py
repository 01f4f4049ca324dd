"""The appeal against a closed plan's outcome: when it may be recorded, and recording it.

An appeal is a record of what happened after the plan closed, not a change to the plan's terms:
it is one undoable step, with no reason asked. Only a closed plan may be appealed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from pipdesk.domain import PipdeskError, Plan, PlanInvalid, Status
from pipdesk.gui.common.dialogs import answer_of
from pipdesk.gui.common.prompts import Prompts
from pipdesk.gui.common.session import PlanSession
from pipdesk.gui.outcome.appeal_dialog import AppealDialog

#: The status tip of "Record appeal…" while the plan shown is not closed.
NOT_CLOSED = "Only a closed plan's outcome can be appealed: close the plan with an outcome first"


def why_not_appeal(plan: Plan) -> str | None:
    """Why an appeal cannot be recorded for the plan now; None when it can."""
    return None if plan.status is Status.CLOSED else NOT_CLOSED


def record_appeal(
    session: PlanSession, prompter: Prompts, today: Callable[[], dt.date], parent: QWidget | None
) -> bool:
    """Ask for the appeal (the one recorded, to complete it, if any) and record it; true when recorded."""
    reason = why_not_appeal(session.plan)
    if reason is not None:
        raise PipdeskError(reason)
    dialog = AppealDialog(session.plan, today(), parent)
    appeal = answer_of(prompter, dialog, dialog.problems, dialog.appeal)
    if appeal is None:
        return False
    text = "Edit appeal" if session.plan.appeal else "Record appeal"
    problems = session.change(text, lambda plan: setattr(plan, "appeal", appeal))
    if problems:
        raise PlanInvalid(problems, intro="The appeal was not recorded")
    return True
