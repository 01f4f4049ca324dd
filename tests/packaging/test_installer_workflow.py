"""The hosted CI workflow for Windows and macOS runs exactly the commands docs/packaging.md gives."""

from __future__ import annotations

import re
from pathlib import Path

from pipdesk import __version__

ROOT = Path(__file__).parents[2]
WORKFLOW = ROOT / ".github" / "workflows" / "installers.yml"
DOCS = ROOT / "docs" / "packaging.md"


def documented_commands(section: str) -> list[str]:
    """Every line of the code blocks of ``## section`` in docs/packaging.md."""
    text = DOCS.read_text(encoding="utf-8")
    body = text.split(f"\n## {section}\n", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```\w*\n(.*?)```", body, flags=re.DOTALL)
    return [line for block in blocks for line in block.splitlines() if line.strip()]


def workflow_commands(job: str) -> list[str]:
    """Every line the ``job`` of the workflow runs (``run: |`` blocks and one-line ``run:``)."""
    lines = WORKFLOW.read_text(encoding="utf-8").split(f"\n  {job}:\n", 1)[1]
    lines = re.split(r"\n  \S", lines, maxsplit=1)[0]
    commands: list[str] = []
    block_indent: int | None = None
    for line in lines.splitlines():
        indent = len(line) - len(line.lstrip())
        if block_indent is not None and (indent >= block_indent or not line.strip()):
            if line.strip():
                commands.append(line.strip())
            continue
        block_indent = None
        found = re.match(r"\s*run: (.*)$", line)
        if found and found.group(1) == "|":
            block_indent = indent + 2
        elif found:
            commands.append(found.group(1).strip())
    return commands


def test_the_windows_job_runs_the_documented_commands() -> None:
    documented = documented_commands("Windows installer")
    run = workflow_commands("windows")
    assert "iscc /DVersion=0.1.0 resources\\packaging\\pipdesk.iss" in documented
    assert run == documented


def test_the_macos_job_runs_the_documented_commands() -> None:
    documented = documented_commands("macOS disk image")
    assert any(line.startswith("hdiutil create") for line in documented)
    assert workflow_commands("macos") == documented


def test_the_commands_name_this_version() -> None:
    versions = set(re.findall(r"pipdesk-(\d+\.\d+\.\d+)|Version=(\d+\.\d+\.\d+)", WORKFLOW.read_text(encoding="utf-8")))
    assert {v for pair in versions for v in pair if v} == {__version__}


def test_the_note_says_plainly_that_the_workflow_has_not_run_here() -> None:
    text = " ".join(DOCS.read_text(encoding="utf-8").split())
    assert "**They have not been run here**" in text
    assert "and neither has `.github/workflows/installers.yml`" in text
