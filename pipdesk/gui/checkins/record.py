"""The full record of one check-in, written into a text document: what the check-in log shows below its list."""

from __future__ import annotations

from PySide6.QtGui import (
    QBrush,
    QFont,
    QPalette,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFrameFormat,
    QTextLength,
    QTextTableFormat,
)

from pipdesk.domain import Checkin, Plan, vocabulary
from pipdesk.gui.checkins.companions import formal_lines
from pipdesk.gui.checkins.models import TEXT_FIELDS, quantity
from pipdesk.gui.common.colours import muted_colour, private_colours, rating_colour


def render_checkin(document: QTextDocument, plan: Plan, checkin: Checkin, note: str, palette: QPalette) -> None:
    """Write the full record into ``document``. Every text of the plan goes in as plain text, never as markup."""
    document.clear()
    cursor = QTextCursor(document)
    cursor.beginEditBlock()  # laid out once, at the end, not after each insertion
    try:
        _write_checkin(cursor, document, plan, checkin, note, palette)
    finally:
        cursor.endEditBlock()


def _write_checkin(
    cursor: QTextCursor, document: QTextDocument, plan: Plan, checkin: Checkin, note: str, palette: QPalette
) -> None:
    base = QTextCharFormat()
    bold = QTextCharFormat()
    bold.setFontWeight(QFont.Weight.Bold)
    title = QTextCharFormat(bold)
    title.setFontPointSize(document.defaultFont().pointSizeF() * 1.3)
    muted = QTextCharFormat()
    muted.setForeground(QBrush(muted_colour(palette)))
    muted.setFontItalic(True)

    cursor.insertText(f"{vocabulary.checkin_kind(checkin.kind)} on {vocabulary.long_date(checkin.date)}", title)
    cursor.insertBlock()
    cursor.insertText(note, muted)
    for line in formal_lines(checkin):
        cursor.insertBlock()
        cursor.insertText(line, base)
    texts = [(name, label) for name, label in TEXT_FIELDS if name != "private_notes"]
    for name, label in texts:
        text: str = getattr(checkin, name)
        if not text.strip():
            continue
        cursor.insertBlock()
        cursor.insertBlock()
        cursor.insertText(label, bold)
        cursor.insertBlock()
        cursor.insertText(text, base)

    if checkin.progress:
        cursor.insertBlock()
        cursor.insertBlock()
        cursor.insertText("Progress on the objectives", bold)
        table_format = QTextTableFormat()
        table_format.setCellPadding(3)
        table_format.setCellSpacing(0)
        table_format.setBorder(0.5)
        table_format.setBorderBrush(QBrush(palette.color(QPalette.ColorRole.Mid)))
        table_format.setWidth(QTextLength(QTextLength.Type.PercentageLength, 100))
        table_format.setHeaderRowCount(1)
        table = cursor.insertTable(len(checkin.progress) + 1, 4, table_format)
        for column, heading in enumerate(("Objective", "Measured", "Rating", "Comment")):
            table.cellAt(0, column).firstCursorPosition().insertText(heading, bold)
        for row, progress in enumerate(checkin.progress, start=1):
            objective = plan.objective(progress.objective)
            unit = objective.unit if objective is not None else ""
            rating = QTextCharFormat()
            colour = rating_colour(progress.rating, palette)
            if colour is not None:
                rating.setForeground(QBrush(colour))
            cells = (
                (objective.title if objective is not None else progress.objective, base),
                (quantity(progress.value, unit) if progress.value is not None else "—", base),
                (progress.rating.label if progress.rating is not None else "—", rating),
                (progress.comment, base),
            )
            for column, (text, text_format) in enumerate(cells):
                table.cellAt(row, column).firstCursorPosition().insertText(text, text_format)
        cursor.movePosition(QTextCursor.MoveOperation.End)

    if checkin.private_notes.strip():
        cursor.insertBlock()
        frame_format = QTextFrameFormat()
        frame_format.setBorder(1)
        border, background = private_colours(palette)
        frame_format.setBorderBrush(QBrush(border))
        frame_format.setBackground(QBrush(background))
        frame_format.setPadding(8)
        frame_format.setTopMargin(10)
        cursor.insertFrame(frame_format)
        cursor.insertText("Private: your own notes as manager, left out of copies for the employee", bold)
        cursor.insertBlock()
        cursor.insertText(checkin.private_notes, base)
        cursor.movePosition(QTextCursor.MoveOperation.End)
