"""Python forms compiled from ``ui/*.ui`` by pyside6-uic: generated, do not edit.

Regenerate after changing a form with ``python -m pipdesk.gui.forms.compile``; a test fails
when a compiled form is older than its ``.ui`` file.
"""
