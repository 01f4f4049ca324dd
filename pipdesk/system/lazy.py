"""Modules loaded on first use: how the window's first screen starts without what it does not show.

``plans = lazy_module("pipdesk.gui.plans.commands")`` gives a module object at once and runs the
module only when an attribute of it is first read (the standard library's ``importlib.util.LazyLoader``).
Type checkers are told the real module under ``TYPE_CHECKING``; tests/test_deferred_imports.py checks
what the window and each command load at start (docs/performance.md).
"""

from __future__ import annotations

import importlib.util
import sys
from types import ModuleType


def lazy_module(name: str) -> ModuleType:
    """The module ``name``, loaded when first used (at once if it is loaded already)."""
    if (module := sys.modules.get(name)) is not None:
        return module
    spec = importlib.util.find_spec(name)
    if spec is None or spec.loader is None:
        raise ModuleNotFoundError(f"No module named {name!r}", name=name)
    loader = importlib.util.LazyLoader(spec.loader)
    spec.loader = loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    loader.exec_module(module)
    return module
