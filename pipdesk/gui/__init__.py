"""The PySide6 application: main window, views, dialogs and Qt item models over the store.

Importing PySide6 puts shiboken's hook on every later import: to know whether a module may use one of
PySide's optional features (``from __feature__ import snake_case``), it reads the module's source and
looks for "PySide6" in it (PYSIDE-2029). pipdesk uses none, and a module without source (as in the
packaged bundle) is taken as not using them; so the window's ~120 modules are not read at each launch
(#21: ~13 ms of it). A module that imports a feature still gets it: that import sets its own choice.
"""

from __future__ import annotations

import sys

import shiboken6  # noqa: F401  (loads shibokensupport.feature; PySide6.QtCore, next, reads every module so far)


def _modules_use_no_pyside_feature() -> None:
    feature = sys.modules.get("shibokensupport.feature")
    if feature is not None and callable(getattr(feature, "_mod_uses_pyside", None)):
        feature._mod_uses_pyside = lambda _module: False  # type: ignore[attr-defined]  # private, hence the checks


_modules_use_no_pyside_feature()

import PySide6.QtCore  # noqa: E402, F401  (after the line above: its first import reads the modules loaded so far)
