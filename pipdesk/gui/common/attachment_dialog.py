"""Asks what a file being attached is: what it shows, the date it is evidence for, and whether the
employee's copy lists it."""

from __future__ import annotations

import datetime as dt
import mimetypes

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QDialog, QLabel, QWidget

from pipdesk.domain import Attachment
from pipdesk.domain.attachments import size_text
from pipdesk.gui.common.dates import date_of
from pipdesk.gui.common.dialogs import date_field, finish_form_dialog, form_rows, text_field

#: What "Shared with the employee" means, under the box.
SHARING_NOTE = "The employee's copy of the documents lists the files shared with them; the full copy lists every file."


class AttachmentDialog(QDialog):
    """Describes one file (``name``, ``size`` bytes) before it is attached on ``today``."""

    def __init__(self, name: str, size: int, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.file_name, self.file_size, self.today = name, size, today
        self.setWindowTitle("Attach evidence file")
        self.file_label = QLabel(f"{name} ({size_text(size)})", self)
        self.file_label.setWordWrap(True)
        self.file_label.setTextFormat(Qt.TextFormat.PlainText)  # a file's name, never markup
        self.description_edit = text_field(self, "What the file shows", 3)
        self.evidence_for_edit = date_field(self, "Evidence for the date", None, today)
        self.shareable_box = QCheckBox("&Shared with the employee", self)
        self.shareable_box.setAccessibleName("Shared with the employee")
        note = QLabel(SHARING_NOTE, self)
        note.setWordWrap(True)
        form = form_rows(
            self,
            [("&What it shows:", self.description_edit), ("&Evidence for:", self.evidence_for_edit)],
        )
        form.insertRow(0, "File:", self.file_label)
        form.addRow("", self.shareable_box)
        form.addRow("", note)
        finish_form_dialog(self, form, "Attach", self.accept)
        self.setMinimumWidth(460)

    def attachment(self, sha256: str) -> Attachment:
        """The attachment as described, for the file whose bytes have this SHA-256."""
        media_type, _encoding = mimetypes.guess_type(self.file_name, strict=False)
        return Attachment(
            name=self.file_name,
            media_type=media_type or "application/octet-stream",
            size=self.file_size,
            sha256=sha256,
            added_on=self.today,
            evidence_for=date_of(self.evidence_for_edit),
            description=self.description_edit.toPlainText().strip(),
            shareable=self.shareable_box.isChecked(),
        )
