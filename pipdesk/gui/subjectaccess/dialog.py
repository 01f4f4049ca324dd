"""Asks whose records to gather for a subject access request (and any other names they go by) and where
to save the ZIP."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from pipdesk.gui.common.dialogs import accept_if_sound, finish_form_dialog, form_rows
from pipdesk.gui.common.prompts import Prompts
from pipdesk.services.subject_access import Request

TITLE = "Subject access export"
ZIP_FILTER = "ZIP files (*.zip)"


class SubjectAccessDialog(QDialog):
    """The person's name (prefilled from the plan selected), other names, and the ZIP to write."""

    def __init__(self, name: str, folder: Path, prompts: Prompts, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.prompts, self.folder = prompts, folder
        self.setWindowTitle(TITLE)
        self.name_edit = self._line("nameEdit", "Name", name)
        self.name_edit.textChanged.connect(self._suggest_path)
        self.also_edit = self._line("alsoEdit", "Other names", "")
        self.also_edit.setPlaceholderText("Separated by commas: a first name alone, an earlier surname")
        self.path_edit = self._line("pathEdit", "Save to", "")
        self.browse = QPushButton("&Browse…", self)
        self.browse.setObjectName("browseButton")
        self.browse.setAccessibleName("Choose where to save")
        self.browse.clicked.connect(self._choose_path)
        where = QWidget(self)
        row = QHBoxLayout(where)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.path_edit, 1)
        row.addWidget(self.browse)
        intro = QLabel(
            "Gathers every plan in this plan book that names the person, as the employee or anywhere else, "
            "into one ZIP: full copies of their own plans, private notes included, and from other employees' "
            "plans only the sentences that name them. Review it before you send it; the answer is due within "
            "one month of the request.",
            self,
        )
        intro.setWordWrap(True)
        form = form_rows(self, [("&Name:", self.name_edit), ("&Other names:", self.also_edit), ("&Save to:", where)])
        form.insertRow(0, intro)
        self.setMinimumWidth(min(560, self.screen().availableGeometry().width()))
        self.error_label = finish_form_dialog(self, form, "Export", self._accept)
        self._suggest_path()
        self.name_edit.setFocus()

    def _line(self, object_name: str, accessible: str, text: str) -> QLineEdit:
        edit = QLineEdit(text, self)
        edit.setObjectName(object_name)
        edit.setAccessibleName(accessible)
        return edit

    def _suggest_path(self) -> None:
        """The path follows the name until the person picks or types one of their own."""
        if not self.path_edit.isModified():
            name = " ".join(self.name_edit.text().split()).replace("/", "-") or "person"
            self.path_edit.setText(str(self.folder / f"Subject access - {name}.zip"))

    def _choose_path(self) -> None:
        chosen = self.prompts.save_file(TITLE, self.path_edit.text(), ZIP_FILTER)
        if chosen is not None:
            self.path_edit.setText(str(chosen if chosen.suffix else chosen.with_suffix(".zip")))
            self.path_edit.setModified(True)

    def request(self) -> Request:
        also = tuple(n.strip() for n in self.also_edit.text().split(",") if n.strip())
        return Request(" ".join(self.name_edit.text().split()), also)

    def path(self) -> Path:
        return Path(self.path_edit.text().strip()).expanduser()

    def problems(self) -> list[str]:
        found = [] if self.request().name else ["Give the name of the person who asked."]
        if not self.path_edit.text().strip():
            found.append("Choose where to save the ZIP.")
        return found

    def _accept(self) -> None:
        accept_if_sound(super(), self.problems(), self.error_label)
