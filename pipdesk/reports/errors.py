"""The one error the documents raise: something a person can act on, never a ReportLab traceback."""

from __future__ import annotations

from pipdesk.domain import PipdeskError


class ReportError(PipdeskError):
    """A document cannot be made: its fonts are missing, or the check-in asked for does not exist."""
