"""A command line naming a command is read by that command's parser alone (``build_parser(only=...)``, #21):
argparse took ~7 ms to make every command's. It must read, help and refuse as the whole parser does."""

from __future__ import annotations

import argparse
import contextlib
import io

import pytest

from pipdesk.cli import COMMAND_NAMES, build_parser, main


def commands_of(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    action = next(action for action in parser._actions if isinstance(action, argparse._SubParsersAction))
    return dict(action.choices)


def helps(parser: argparse.ArgumentParser) -> dict[str, str]:
    """The help of ``parser`` and of every parser under it, by their names."""
    found = {parser.prog: parser.format_help()}
    for sub in (a for a in parser._actions if isinstance(a, argparse._SubParsersAction)):
        for child in sub.choices.values():
            found.update(helps(child))
    return found


@pytest.mark.parametrize("name", COMMAND_NAMES)
def test_a_command_s_own_parser_holds_it_alone_with_the_whole_parser_s_arguments_and_help(name: str) -> None:
    own, whole = commands_of(build_parser(name)), commands_of(build_parser())
    assert list(own) == [name]
    assert helps(own[name]) == helps(whole[name])


@pytest.mark.parametrize(
    "words",
    [
        ["pdf", "plan", "3", "-o", "out.pdf", "--employee-copy", "--sustained", "2"],
        ["pdf", "checkin", "1", "--db", "b.pipdesk", "-o", "-", "--date", "2026-11-30"],
        ["verify", "--bundle", "case.zip", "--password-file", "pw"],
        ["bundle", "1", "-o", "case.zip"],
        ["erase", "4", "--reason", "asked"],
        ["anonymise", "4", "--reason", "kept five years", "--backups", "b"],
        ["passphrase", "change", "--passphrase-file", "old", "--new-passphrase-file", "new"],
        ["subject-access", "Alex Moreno", "-o", "sar.zip", "--also", "Alex"],
        ["list", "--json"],
    ],
)
def test_a_command_line_reads_the_same_with_its_command_s_parser_alone(words: list[str]) -> None:
    assert build_parser(words[0]).parse_args(words) == build_parser().parse_args(words)


@pytest.mark.parametrize(
    "words",
    [["pdf", "plan"], ["pdf", "letter", "1", "-o", "x.pdf"], ["list", "--tabel"], ["erase", "1"], ["passphrase"]],
)
def test_a_mistake_is_said_the_same_with_its_command_s_parser_alone(words: list[str]) -> None:
    said = []
    for parser in (build_parser(words[0]), build_parser()):
        stderr = io.StringIO()
        with contextlib.redirect_stderr(stderr), pytest.raises(SystemExit) as exit_:
            parser.parse_args(words)
        said.append((exit_.value.code, stderr.getvalue()))
    assert said[0] == said[1] and said[0][0] == 2 and "pipdesk" in said[0][1].splitlines()[-1]


def test_main_reads_a_command_with_its_parser_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    made: list[str | None] = []
    monkeypatch.setattr("pipdesk.cli.build_parser", lambda only=None: made.append(only) or build_parser(only))
    with contextlib.redirect_stdout(io.StringIO()), pytest.raises(SystemExit):
        main(["pdf", "--help"])
    with contextlib.redirect_stdout(io.StringIO()), pytest.raises(SystemExit):
        main(["--version"])
    assert made == ["pdf", None]
