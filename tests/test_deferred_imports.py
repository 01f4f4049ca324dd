"""Start-up stays quick: the main window loads without ReportLab, QtCharts or QtPdf (they load on first use)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

HEAVY = ("reportlab", "PySide6.QtCharts", "PySide6.QtPdf")


def test_the_main_window_module_imports_no_heavy_module() -> None:
    script = (
        "import json, sys\n"
        "import pipdesk.gui.shell.main_window\n"
        f"print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] == 'reportlab' or m in {HEAVY!r})))\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, check=True)
    assert json.loads(result.stdout.strip().splitlines()[-1]) == []
