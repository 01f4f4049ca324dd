"""Moved to pipdesk.gui.scripted_prompter (the selftest uses it too); kept while tests move over."""

from pipdesk.gui.scripted_prompter import ScriptedPrompter, Shown

__all__ = ["ScriptedPrompter", "Shown"]
