"""Printing renders the very PDF that Export PDF writes (through QtPdf), so print and PDF never differ."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, QSize
from PySide6.QtGui import QAction, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QWidget

from pipdesk.gui.common.screen import fit_to_screen, largest_size


class PdfPrintError(Exception):
    pass


def load_pdf(data: bytes) -> tuple[QPdfDocument, QBuffer]:
    """A QPdfDocument over ``data``; keep the buffer alive as long as the document."""
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    document.load(buffer)
    if document.status() != QPdfDocument.Status.Ready or document.pageCount() == 0:
        raise PdfPrintError(f"The document could not be prepared for printing ({document.error().name})")
    return document, buffer


def print_pdf(data: bytes, printer: QPrinter, dpi: int = 300) -> int:
    """Print every page of the PDF onto ``printer``, each scaled to fit the page; the pages printed."""
    document, buffer = load_pdf(data)
    pages = document.pageCount()
    painter = QPainter()
    if not painter.begin(printer):
        raise PdfPrintError("The printer could not be started")
    try:
        for page in range(pages):
            if page:
                printer.newPage()
            size_points = document.pagePointSize(page)
            pixels = QSize(round(size_points.width() * dpi / 72), round(size_points.height() * dpi / 72))
            image = document.render(page, pixels)
            target = painter.viewport()
            scale = min(target.width() / image.width(), target.height() / image.height())
            width, height = image.width() * scale, image.height() * scale
            painter.drawImage(QRectF(QPointF(0, 0), QPointF(width, height)), image)
    finally:
        painter.end()
        document.close()
        buffer.close()
    return pages


def preview_dialog(printer: QPrinter, data: bytes, parent: QWidget | None = None) -> QPrintPreviewDialog:
    """A print preview of the PDF ``data``, as large as the screen allows and zoomed to the page's width.

    Qt opens its preview small and zoomed to the whole page, which is too small to read on a laptop.
    """
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.paintRequested.connect(lambda target: print_pdf(data, target))
    fit_to_screen(dialog, largest_size(dialog))
    # Qt's own "Fit width" action, so its toolbar shows the zoom the preview has.
    fit_width = dialog.findChild(QAction, "fitWidthAction")
    if fit_width is not None:
        fit_width.trigger()
    return dialog
