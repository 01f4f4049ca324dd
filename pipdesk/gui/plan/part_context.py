"""What a part of the Plan view added beside its form needs: the prompter, the open plan's session and today."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from pipdesk.gui.common.prompts import Prompts
from pipdesk.gui.common.session import PlanSession


@dataclass(frozen=True)
class PartContext:
    prompter: Prompts
    #: The session of the plan shown, None while there is none.
    session: Callable[[], PlanSession | None]
    today: Callable[[], dt.date]
