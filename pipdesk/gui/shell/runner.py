"""Running a command of the window: a problem the person can act on is shown in words, a fault is logged."""

from __future__ import annotations

import traceback
from collections.abc import Callable

from pipdesk.domain import PipdeskError, PlanInvalid
from pipdesk.gui.common.prompts import Prompts
from pipdesk.store.connection import explain_database_error
from pipdesk.store.driver import sqlite3


def run_command(prompter: Prompts, command: Callable[[], object]) -> None:
    """Run a command; a problem the person can act on is shown, never a traceback."""
    try:
        command()
    except PlanInvalid as error:
        prompter.warning("pipdesk", error.args[0] if error.args else str(error))
    except PipdeskError as error:
        prompter.warning("pipdesk", str(error))
    except sqlite3.Error as error:
        prompter.warning("pipdesk", f"The plan book could not be written: {explain_database_error(error)}")
    except Exception as error:  # a fault in pipdesk: said plainly, logged in full, the app keeps running
        show_unexpected_error(prompter, error)


def show_unexpected_error(prompter: Prompts, error: BaseException) -> None:
    """Every edit is saved as it is made, so after a fault nothing typed before it is lost."""
    from pipdesk.system.diagnostics import log_unexpected_error

    log = log_unexpected_error(error)
    prompter.warning(
        "Something went wrong",
        f"pipdesk hit an unexpected error ({type(error).__name__}: {error}).\n\n"
        f"Everything saved before it is kept. The details are in {log}; "
        "copy them below if you report the problem.",
        details="".join(traceback.format_exception(error)),
    )
