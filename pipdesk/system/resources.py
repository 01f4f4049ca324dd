"""The one place that finds pipdesk's files: in a checkout, an installed wheel or the PyInstaller bundle."""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent.parent  # the pipdesk package


@cache
def _root(folder: str) -> Path:
    """``resources``: beside the package in a checkout, inside it when installed or bundled."""
    candidates = [
        _PACKAGE / f"_{folder}",  # installed wheel (pyproject: force-include)
        _PACKAGE.parent / folder,  # checkout or editable install
    ]
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        candidates.insert(0, Path(bundle) / folder)  # PyInstaller bundle (pipdesk.spec: datas)
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"pipdesk's {folder} folder is missing; looked in: " + ", ".join(map(str, candidates)))


def resource_path(*parts: str) -> Path:
    """A file or folder under ``resources/``, e.g. ``resource_path("fonts", "DejaVuSans.ttf")``."""
    return _root("resources").joinpath(*parts)
