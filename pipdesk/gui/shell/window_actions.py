"""The main window's actions made live: their keys, tips and commands given once, then enabled as the window
allows. At launch this waits for the first paint (the table in :mod:`.actions` and what it imports, 5-6 ms the
first screen does not need, #21); until then the form's own states say what a window without a plan allows."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pipdesk.system.lazy import lazy_module

if TYPE_CHECKING:
    from PySide6.QtGui import QAction, QUndoGroup

    from pipdesk.gui.forms.ui_welcome import Ui_WelcomeView
    from pipdesk.gui.shell import actions
else:
    actions = lazy_module("pipdesk.gui.shell.actions")


class WindowActions:
    """The actions of ``window``, its welcome page's buttons and its Undo and Redo (of ``undo_group``): installed
    by :meth:`install` (at once, or by the window once painted)."""

    def __init__(self, window: actions.Shell, welcome: Ui_WelcomeView, undo_group: QUndoGroup) -> None:
        self.window, self.welcome, self.undo_group = window, welcome, undo_group
        self._undo_redo: tuple[QAction, QAction] | None = None

    def install(self) -> None:
        """Give every action its key, tip and command (once), and enable each as the window allows."""
        if self._undo_redo is None:
            from pipdesk.gui.shell.file_menu_extras import add_file_menu_extras

            add_file_menu_extras(self.window.ui, self.window.window())
            self._undo_redo = actions.install(self.window, self.welcome, self.undo_group)
        self.update()

    def update(self) -> None:
        """Enable each action as what the window shows allows (once they are installed)."""
        if self._undo_redo is not None:
            actions.update(self.window)

    def undo_redo(self) -> tuple[QAction, QAction]:
        """Edit › Undo and Redo (the actions installed first, if they are not yet)."""
        self.install()
        assert self._undo_redo is not None
        return self._undo_redo
