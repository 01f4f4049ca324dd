"""The manual page ``pipdesk(1)``, written from the command's own argument parser, so it names every command
and option the command has. `.ci/build-deb` writes it into the Debian package (docs/packaging.md).
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
from collections.abc import Iterator

NAME_LINE = "draft, run and close Performance Improvement Plans, offline"

FILES = (
    ("plans.pipdesk", "the plan book opened when none is given, in your data folder (~/.local/share/pipdesk)"),
    ("*.json", "a plan file: one plan, to import into a plan book or to give to someone else"),
    ("$XDG_RUNTIME_DIR/pipdesk.socket", "where a running pipdesk window takes the files later launches hand it"),
)
EXIT_STATUS = (
    ("0", "success"),
    ("1", "the check failed (verify, selftest), or an unexpected error; details in pipdesk's log"),
    ("2", "bad input or a bad file: a short message on standard error, and nothing written"),
    ("130", "interrupted (Ctrl+C)"),
    ("141", "the output was closed by its reader before the end (pipdesk list | head): nothing more written"),
)


def roff(text: str) -> str:
    """``text`` as roff running text: backslashes and hyphens escaped, no line taken for a request."""
    text = text.replace("\\", "\\e").replace("-", "\\-")
    return "\n".join("\\&" + line if line.startswith((".", "'")) else line for line in text.splitlines())


def _usage(parser: argparse.ArgumentParser, width: int = 72) -> str:
    """The usage line, broken between its options (never inside ``[--db DB]``), as roff lines kept as they are."""
    words = re.findall(r"\[[^\]]*\]|\S+", " ".join(parser.format_usage().removeprefix("usage:").split()))
    lines = [words[0]]
    for word in words[1:]:
        if len(lines[-1]) + 1 + len(word) > width:
            lines.append("    " + word)
        else:
            lines[-1] += " " + word
    return ".nf\n\\fB" + "\n".join(roff(line) for line in lines) + "\\fR\n.fi"


def _options(parser: argparse.ArgumentParser, own_help: bool = True) -> Iterator[str]:
    """Each option and argument of ``parser``, with its help (``-h`` only where ``own_help``: said once)."""
    formatter = parser._get_formatter()
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction) or action.help == argparse.SUPPRESS:
            continue
        if isinstance(action, argparse._HelpAction) and not own_help:
            continue
        invocation = formatter._format_action_invocation(action)
        help_text = (action.help or "") % {"default": action.default, "prog": parser.prog}
        yield f".TP\n\\fB{roff(invocation)}\\fR\n{roff(help_text)}"


def _commands(parser: argparse.ArgumentParser) -> Iterator[tuple[str, argparse.ArgumentParser]]:
    """Each command's full name (``passphrase set``) and its parser, in the order of ``--help``."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for choice in action._choices_actions:
                sub = action.choices[choice.dest]
                has_own = any(isinstance(a, argparse._SubParsersAction) for a in sub._actions)
                if not has_own:
                    yield choice.dest, sub
                for name, inner in _commands(sub):
                    yield f"{choice.dest} {name}", inner


def manual_page(parser: argparse.ArgumentParser, version: str, date: dt.date) -> str:
    """The roff source of ``pipdesk(1)`` for ``parser`` (``pipdesk.cli.build_parser()``)."""
    lines = [
        f'.TH PIPDESK 1 "{date.isoformat()}" "pipdesk {version}" "User Commands"',
        ".SH NAME",
        f"pipdesk \\- {roff(NAME_LINE)}",
        ".SH SYNOPSIS",
        _usage(parser),
        ".SH DESCRIPTION",
        roff(parser.description or ""),
        ".PP",
        "Each command below also prints its own help with \\fB\\-h\\fR.",
        ".SH OPTIONS",
        *_options(parser),
        ".SH COMMANDS",
    ]
    for name, sub in _commands(parser):
        lines += [f'.SS "{roff(name)}"', _usage(sub), ".PP", roff(sub.description or "")]
        lines += list(_options(sub, own_help=False))
    lines.append(".SH FILES")
    for path, meaning in FILES:
        lines += [".TP", f"\\fI{roff(path)}\\fR", roff(meaning)]
    lines.append(".SH EXIT STATUS")
    for code, meaning in EXIT_STATUS:
        lines += [".TP", f"\\fB{code}\\fR", roff(meaning)]
    lines += [".SH SEE ALSO", "The user guide: Help \\(-> User guide in the window."]
    return "\n".join(lines) + "\n"


def option_strings(parser: argparse.ArgumentParser) -> set[str]:
    """Every option and command name ``parser`` knows, for checking a manual page names them all."""
    found = {s for action in parser._actions for s in action.option_strings}
    for name, sub in _commands(parser):
        found.add(name)
        found |= {s for action in sub._actions for s in action.option_strings}
    return found
