"""``pipdesk [--db B] [--passphrase-file F] [FILE]`` opens the window: read by a small parser of its own at
each launch (#21), it must mean what the whole command line's parser makes of it, and leave every other
command line (a command, --help, --version, a mistake) to that parser."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from pipdesk.cli import COMMAND_NAMES, build_parser, window_launch


def test_the_command_names_are_those_of_the_parser() -> None:
    parser = build_parser()
    commands = next(action for action in parser._actions if isinstance(action, argparse._SubParsersAction))
    assert tuple(commands.choices) == COMMAND_NAMES


@pytest.mark.parametrize(
    "words",
    [
        [],
        ["--db", "team.pipdesk"],
        ["--db=team.pipdesk"],
        ["--d", "team.pipdesk"],  # argparse's abbreviations, as the whole parser takes them
        ["--passphrase-file", "-", "--db", "team.pipdesk"],
        ["--passphrase-file=-", "--d=team.pipdesk"],
        ["--pass", "secret.txt", "{file}"],
        ["--db", "-"],
        ["--db="],
        ["{file}"],
        ["--db", "team.pipdesk", "{file}"],
    ],
)
def test_a_window_launch_reads_as_the_whole_parser_reads_it(words: list[str], tmp_path: Path) -> None:
    file = tmp_path / "plans.pipdesk"
    file.write_bytes(b"")
    words = [word.format(file=file) for word in words]
    quick = window_launch(words)
    assert quick is not None
    whole = build_parser().parse_args(words)
    assert getattr(whole, "run", None) is None  # the whole parser opens the window too
    for name in ("db", "passphrase_file", "file"):
        assert getattr(quick, name) == getattr(whole, name, None), name


@pytest.mark.parametrize(
    "words",
    [
        ["--help"],
        ["-h"],
        ["--version"],
        ["list"],
        ["list", "--json"],
        ["--db", "team.pipdesk", "list"],
        ["verify", "--db", "team.pipdesk"],
        ["no-such-file.pipdesk"],  # neither a command nor a file: the whole parser says so
        ["--db"],  # the value missing
        ["--no-such-option"],
        ["--", "{file}"],
        ["--db", "one.pipdesk", "--db", "two.pipdesk"],  # said twice: the whole parser takes the last
        ["--db", "--passphrase-file", "secret.txt"],  # a value that is an option
        ["--db", "-x"],
        ["-d", "team.pipdesk"],
        ["--", "--db"],
        ["{file}", "{file}"],
        ["{file}", "--db", "team.pipdesk"],  # options go before the file
    ],
)
def test_anything_else_is_left_to_the_whole_parser(words: list[str], tmp_path: Path) -> None:
    file = tmp_path / "plans.pipdesk"
    file.write_bytes(b"")
    assert window_launch([word.format(file=file) for word in words]) is None


def test_a_file_named_as_a_command_is_the_command(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("list").write_bytes(b"")
    assert window_launch(["list"]) is None
    assert build_parser().parse_args(["list"]).command == "list"
