"""Where the manager's own templates and the sample plans are kept (apart from the plan list's commands,
so the window starts without loading those)."""

from __future__ import annotations

from pathlib import Path

import platformdirs


def own_templates_folder() -> Path:
    """Where the manager's own templates are kept (the built-in ones ship with pipdesk)."""
    return Path(platformdirs.user_data_dir("pipdesk", appauthor=False)) / "templates"


def own_samples_path() -> Path:
    """The plan book of the sample plans, apart from the manager's real plans."""
    return own_templates_folder().parent / "samples.pipdesk"
