"""The equal-width font is read only for a document that prints a hash (#21): reading a font is a tenth of
a whole ``pipdesk pdf``. Run in a process of its own, as fonts are registered once a process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).parents[2]

SCRIPT = """
import json, sys
sys.path.insert(0, {tests!r})
from reportlab.pdfbase import pdfmetrics
from test_reports_attachments import with_files
from pipdesk.reports import ReportOptions, fonts, render_plan
from conftest import load_sample

seen = {{}}
plain = render_plan(load_sample("alex-delivery-active"), ReportOptions())
seen["after a plan without files"] = fonts.MONO in pdfmetrics.getRegisteredFontNames()
with_hashes = render_plan(with_files(), ReportOptions())
seen["after a plan with files"] = fonts.MONO in pdfmetrics.getRegisteredFontNames()
seen["mono embedded, plain"] = b"DejaVuSansMono" in plain
seen["mono embedded, with files"] = b"DejaVuSansMono" in with_hashes
print(json.dumps(seen))
"""


def test_the_mono_font_is_read_for_the_first_document_that_prints_a_hash() -> None:
    script = SCRIPT.format(tests=str(ROOT / "tests" / "reports"))
    result = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        cwd=ROOT / "tests",
        env={**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), str(ROOT / "tests")])},
        timeout=120,
        check=True,
    )
    assert json.loads(result.stdout.strip().splitlines()[-1]) == {
        "after a plan without files": False,
        "after a plan with files": True,
        "mono embedded, plain": False,
        "mono embedded, with files": True,
    }
