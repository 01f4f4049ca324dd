"""The floor of ``pipdesk pdf`` on its stack: what a PDF of a plan must load whatever it does, then a one-page document.

ReportLab's platypus and the TrueType fonts that write every name (``pipdesk.reports.fonts``: ReportLab's own
fonts have Latin-1 only); then ``bare_pdf.py``'s page. ``python benchmarks/pdf_floor.py OUT.pdf``;
docs/performance.md compares it with ``bare_pdf.py`` and ``pipdesk pdf plan``, alternating, to judge the ``pdf``
goal against what the stack itself costs. (pydantic is not in it: ``pipdesk pdf`` reads the stored plan as plain
records, ``pipdesk/domain/plain.py``.)
"""

from __future__ import annotations

import runpy
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from pipdesk.reports import fonts  # noqa: E402

fonts.register()
sys.argv = ["bare_pdf.py", sys.argv[1]]
runpy.run_path(str(HERE / "bare_pdf.py"), run_name="__main__")
