"""A Prompter that answers from a script: for tests and the selftest, where no one is there to click."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QDialog


@dataclass
class Shown:
    kind: str
    title: str
    text: str
    details: str | None = None


@dataclass
class ScriptedPrompter:
    """Each question pops the next scripted answer of its kind; an unscripted question fails the test.

    Messages (info, warning) need no answer and are recorded in :attr:`shown`.
    """

    answers: deque[tuple[str, Any]] = field(default_factory=deque)
    shown: list[Shown] = field(default_factory=list)

    def expect(self, kind: str, answer: Any) -> ScriptedPrompter:
        self.answers.append((kind, answer))
        return self

    def _answer(self, kind: str, title: str) -> Any:
        if not self.answers or self.answers[0][0] != kind:
            expected = self.answers[0][0] if self.answers else "nothing"
            raise AssertionError(f"unexpected {kind} prompt {title!r}; the script expected {expected}")
        return self.answers.popleft()[1]

    def warnings(self) -> list[Shown]:
        return [s for s in self.shown if s.kind == "warning"]

    # The Prompter interface

    def info(self, title: str, text: str) -> None:
        self.shown.append(Shown("info", title, text))

    def warning(self, title: str, text: str, details: str | None = None) -> None:
        self.shown.append(Shown("warning", title, text, details))

    def confirm(self, title: str, text: str, action: str) -> bool:
        self.shown.append(Shown("confirm", title, text))
        return bool(self._answer("confirm", title))

    def ask_text(self, title: str, label: str, text: str = "") -> str | None:
        self.shown.append(Shown("ask_text", title, label))
        return self._answer("ask_text", title)  # type: ignore[no-any-return]

    def run_dialog(self, dialog: QDialog) -> bool:
        fill: Callable[[QDialog], bool] = self._answer("dialog", dialog.windowTitle())
        self.shown.append(Shown("dialog", dialog.windowTitle(), ""))
        accepted = fill(dialog)
        # The result only: accept() would also make a print dialog apply its own widgets to the printer.
        dialog.setResult(QDialog.DialogCode.Accepted if accepted else QDialog.DialogCode.Rejected)
        return accepted

    def open_file(self, title: str, name_filter: str, folder: str = "") -> Path | None:
        return self._answer("open_file", title)  # type: ignore[no-any-return]

    def save_file(self, title: str, suggested: str, name_filter: str) -> Path | None:
        return self._answer("save_file", title)  # type: ignore[no-any-return]
