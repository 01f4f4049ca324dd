"""Says, in the manager's words, when changes are not saved (a full disk, say), until they are.

A banner over the window, never a dialog per keystroke: the plans whose changes the plan book
does not hold yet, why, and that pipdesk keeps trying. Leaving them (closing the window, opening
another plan book) asks first, through the one prompter.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QMainWindow, QPushButton, QVBoxLayout, QWidget

from pipdesk.gui.common.colours import keep_coloured, show_as_error, warning_colour
from pipdesk.gui.common.session import RETRY_INTERVAL_MS, PlanSession
from pipdesk.system.diagnostics import logger

if TYPE_CHECKING:
    from pipdesk.gui.common.prompts import Prompts


def _plans(sessions: list[PlanSession]) -> str:
    names = [f"“{s.plan.title}” for {s.plan.employee.name}" for s in sessions]
    if len(names) == 1:
        return names[0]
    return f"{len(names)} plans ({'; '.join(names)})"


def _why(sessions: list[PlanSession]) -> str:
    problems = list(dict.fromkeys(s.problem for s in sessions if s.problem))
    return "; and ".join(problems)


def not_saved_text(sessions: list[PlanSession]) -> str:
    """The banner's words: "Not saved: the disk is full; …"."""
    seconds = max(1, round(RETRY_INTERVAL_MS / 1000))
    return (
        f"⚠ Not saved: {_why(sessions)}. Your changes to {_plans(sessions)} stay on screen; "
        f"pipdesk saves them as soon as it can (it tries every {seconds} seconds)."
    )


class SaveStatus(QFrame):
    """The banner at the top of ``window`` while any watched plan is not saved.

    Its words and button are made, and it is placed above the window's content, the first time it shows:
    most windows never show it, and making it cost ~5 ms of the launch (#21)."""

    #: A plan not saved before is saved now: what is read from the plan book (the plan list) is out of date.
    saved_again = Signal()

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.hide()  # until it is placed (above the window's content) and has words to show
        self.window_ = window
        self._sessions: list[PlanSession] = []
        self._shown: set[PlanSession] = set()
        self._column = self._column_above(window)
        self._parts: tuple[QLabel, QPushButton] | None = None  # its words and button, once made
        self.setObjectName("saveStatus")

    @staticmethod
    def _column_above(window: QMainWindow) -> QVBoxLayout:
        """The window's content in a column, where the banner goes on top."""
        central = window.takeCentralWidget()
        assert central is not None, "the window's form sets a central widget"
        holder = QWidget(window)
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(central, 1)
        window.setCentralWidget(holder)
        return column

    @property
    def message(self) -> QLabel:
        return self._made()[0]

    @property
    def save_button(self) -> QPushButton:
        return self._made()[1]

    def _made(self) -> tuple[QLabel, QPushButton]:
        """The words and button, made (and the banner placed above the window's content) the first time."""
        if self._parts is None:
            self.setFrameShape(QFrame.Shape.StyledPanel)
            self.setAutoFillBackground(True)
            keep_coloured(self, lambda palette: {self.backgroundRole(): warning_colour(palette)})
            message = QLabel(self)
            message.setWordWrap(True)
            message.setAccessibleName("Save status")
            show_as_error(message)
            button = QPushButton("Save no&w", self)
            button.setAccessibleName("Save now")
            button.setToolTip("Try to save the changes now, once some space is free")
            button.clicked.connect(self.save_now)
            layout = QHBoxLayout(self)
            layout.addWidget(message, 1)
            layout.addWidget(button)
            self._column.insertWidget(0, self)
            self._parts = message, button
        return self._parts

    def watch(self, session: PlanSession) -> None:
        self._sessions.append(session)
        session.save_state_changed.connect(self._update)
        session.changed.connect(self._update)  # a title being typed while not saved
        self._update()

    def forget(self, session: PlanSession) -> None:
        """Stop showing (and saving) ``session``: its plan book is closed or its plan deleted."""
        session.close()
        if session in self._sessions:
            self._sessions.remove(session)
            session.save_state_changed.disconnect(self._update)
            session.changed.disconnect(self._update)
        self._update()

    def unsaved(self) -> list[PlanSession]:
        return [s for s in self._sessions if not s.saved]

    def save_now(self) -> bool:
        """Try every unsaved plan again; true when all are saved."""
        for session in self.unsaved():
            session.save_now()
        return not self.unsaved()

    def may_leave(self, prompter: Prompts, leaving: str, button: str) -> bool:
        """Whether to go on with ``leaving`` ("close pipdesk"): true when every change is saved or the manager agrees.

        Tries to save first; what is still not saved is named, and lost only when the manager says so.
        """
        if self.save_now():
            return True
        left = self.unsaved()
        if not prompter.confirm(
            "Changes not saved",
            f"Your changes to {_plans(left)} are not saved: {_why(left)}.\n\n"
            f"To keep them, choose Cancel, free some space, wait for the banner to go, then {leaving}. "
            f"If you {leaving} now, these changes are lost.",
            button,
        ):
            return False
        for session in left:
            logger().warning("plan %s: unsaved changes dropped on leaving (%s)", session.plan_id, session.problem)
            session.close()
        return True

    def _update(self) -> None:
        left = self.unsaved()
        now_saved = {s for s in self._shown - set(left) if s in self._sessions}
        self._shown = set(left)
        if now_saved:
            self.saved_again.emit()
        if left:
            self.message.setText(not_saved_text(left))
            self.show()
        elif not self.isHidden():
            self.hide()
            self.window_.statusBar().showMessage("Saved: the plan book holds all your changes again.", 10000)
