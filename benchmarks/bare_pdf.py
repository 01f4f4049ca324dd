"""The reference for ``pipdesk pdf``: a bare Python + ReportLab process writing a one-page document.

A heading, two paragraphs and a small table, laid out by platypus in ReportLab's own fonts and
written to the file given (``python benchmarks/bare_pdf.py OUT.pdf``). ``benchmarks/run.py`` runs it
alternately with ``pipdesk pdf plan``: what pipdesk costs beyond this is pipdesk's own.
"""

from __future__ import annotations

import sys

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle


def main(output: str) -> int:
    styles = getSampleStyleSheet()
    rows = [
        ("Objective", "Baseline", "Target", "Due"),
        ("Resolve tickets within two working days", "61%", "90%", "12 January 2027"),
        ("Estimate within 20% of actual effort", "45%", "80%", "26 January 2027"),
        ("Close monthly reconciliations by day 5", "day 9", "day 5", "5 February 2027"),
    ]
    table = Table(rows, colWidths=[80 * mm, 25 * mm, 25 * mm, 35 * mm], repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, 0), "Helvetica-Bold"),
                ("GRID", (0, 0), (-1, -1), 0.5, colors.grey),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    story = [
        Paragraph("Performance Improvement Plan", styles["Title"]),
        Paragraph(
            "This plan sets out where performance falls short of what the role needs, what must change, "
            "the support you will have and how progress will be reviewed at each check-in.",
            styles["BodyText"],
        ),
        Paragraph(
            "Alex Moreno, Support Engineer, <b>Customer Support</b>: from 1 December 2026 to 28 February 2027.",
            styles["BodyText"],
        ),
        Spacer(1, 6 * mm),
        table,
    ]
    SimpleDocTemplate(output, pagesize=A4, title="Performance Improvement Plan").build(story)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
