"""Lists the plan book's backups with their dates and plan counts; the chosen one is restored into a new file."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHeaderView, QTableWidgetItem, QWidget

from pipdesk.gui.common.screen import fit_to_screen
from pipdesk.gui.forms.ui_restore_backup_dialog import Ui_RestoreBackupDialog
from pipdesk.store.backups import BackupInfo


class RestoreBackupDialog(QDialog):
    def __init__(self, backups: Sequence[BackupInfo], book_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_RestoreBackupDialog()
        self.ui.setupUi(self)
        self.backups = list(backups)
        ui = self.ui
        ui.explanation.setText(
            f"Backups of {book_name}, newest first. The one you choose is restored into a new plan book; "
            "the plan book open now is not changed."
            if self.backups
            else f"There are no backups of {book_name} yet. pipdesk takes one each time the plan book is opened, "
            "and again on closing if it changed."
        )
        table = ui.backupTable
        table.setTabKeyNavigation(False)  # Tab leaves the table; the arrow keys move in it
        table.setColumnCount(3)
        table.setHorizontalHeaderLabels(["Taken", "Plans", "Size"])
        table.setRowCount(len(self.backups))
        for row, backup in enumerate(self.backups):
            if backup.plan_count is not None:
                plans = str(backup.plan_count) + (" (encrypted)" if backup.encrypted else "")
            else:  # an encrypted one with another passphrase than the plan book has now cannot be counted
                plans = "encrypted" if backup.encrypted else "damaged"
            for column, text in enumerate(
                (backup.taken_at.strftime("%Y-%m-%d %H:%M:%S"), plans, f"{backup.size / 1024:.0f} KB")
            ):
                table.setItem(row, column, QTableWidgetItem(text))
        table.verticalHeader().setVisible(False)
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        if self.backups:
            table.selectRow(0)
        ok = ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText("Restore…")
        ok.setEnabled(bool(self.backups))
        ui.buttonBox.accepted.connect(self.accept)
        ui.buttonBox.rejected.connect(self.reject)
        fit_to_screen(self)

    def choose(self, row: int) -> None:
        self.ui.backupTable.selectRow(row)

    def chosen(self) -> BackupInfo | None:
        rows = self.ui.backupTable.selectionModel().selectedRows()
        return self.backups[rows[0].row()] if rows else None
