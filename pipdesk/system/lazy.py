"""Modules loaded on first use: how the window's first screen starts without what it does not show.

``plans = lazy_module("pipdesk.gui.plans.commands")`` gives at once a stand-in that imports the module when
one of its attributes is first read; it then puts the module itself in its place among the globals of the
module that asked for it, so later reads there cost what a module's do. Unlike the standard library's
``importlib.util.LazyLoader`` it looks nothing up until then: finding the module's spec imported its parent
packages and cost ~0.07 ms a module, ~1.5 ms of every launch (#21). Type checkers are told the real module
under ``TYPE_CHECKING``; tests/test_deferred_imports.py checks what the window and each command load at start
(docs/performance.md).
"""

from __future__ import annotations

import importlib
import sys
from types import ModuleType
from typing import Any


class _LazyModule:
    """Stands for the module ``name`` until it is needed; from then on every attribute is the module's."""

    __slots__ = ("_module", "_name", "_owner")

    def __init__(self, name: str, owner: dict[str, Any]) -> None:
        self._name = name
        self._owner = owner
        self._module: ModuleType | None = None

    def __getattr__(self, attribute: str) -> Any:
        module = self._module
        if module is None:
            module = self._module = importlib.import_module(self._name)
            for key, value in list(self._owner.items()):  # the asking module reads the module itself from now on
                if value is self:
                    self._owner[key] = module
        return getattr(module, attribute)

    def __repr__(self) -> str:
        return f"<module {self._name!r}, loaded on first use>"


def lazy_module(name: str) -> ModuleType:
    """The module ``name``, loaded when first used (at once if it is loaded already)."""
    if (module := sys.modules.get(name)) is not None:
        return module
    return _LazyModule(name, sys._getframe(1).f_globals)  # type: ignore[return-value]  # it answers as the module
