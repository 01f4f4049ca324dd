"""``lazy_module``: nothing is looked up or imported until an attribute is read; then the asking module holds the
module itself."""

from __future__ import annotations

import subprocess
import sys

_PROBE = """
import sys
from pipdesk.system.lazy import lazy_module

colorsys = lazy_module("colorsys")
assert "colorsys" not in sys.modules, "imported before it was used"
assert "loaded on first use" in repr(colorsys)
assert colorsys.rgb_to_hsv(1.0, 0.0, 0.0) == (0.0, 1.0, 1.0)
assert "colorsys" in sys.modules
assert type(colorsys).__name__ == "module", "this module now holds the module itself"
assert lazy_module("colorsys") is sys.modules["colorsys"], "a loaded module is given as it is"

fractions = lazy_module("fractions")
stand_in = fractions
assert "fractions" not in sys.modules
import fractions as real
real.gcd_of = lambda a, b: "patched"
assert stand_in.gcd_of(4, 6) == "patched", "what is set on the module is what the stand-in gives"
"""


def test_a_lazy_module_loads_on_first_use_and_then_is_the_module_itself() -> None:
    result = subprocess.run([sys.executable, "-c", _PROBE], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
