"""A problem found in a plan: where it is and what is wrong, in the manager's words."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

PathPart = str | int


def format_path(path: Sequence[PathPart]) -> str:
    """``("plan", "objectives", 0, "target")`` → ``plan.objectives[0].target``."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else part
    return text or "(top level)"


@dataclass(frozen=True)
class Problem:
    path: tuple[PathPart, ...]
    message: str

    def __str__(self) -> str:
        return f"{format_path(self.path)}: {self.message}"


class PipdeskError(Exception):
    """An error a person can act on; its text is shown as it is, never with a traceback."""


class PlanInvalid(PipdeskError):
    """A plan that breaks one or more rules; every problem is listed."""

    def __init__(self, problems: Iterable[Problem], intro: str = "The plan has problems") -> None:
        self.problems = list(problems)
        lines = "\n".join(f"  {p}" for p in self.problems)
        super().__init__(f"{intro}:\n{lines}" if self.problems else intro)
