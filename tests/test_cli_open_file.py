"""``pipdesk FILE``: a word that names no command is the file the window opens (issue #22)."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipdesk.cli import build_parser, main


def test_a_file_is_taken_where_a_command_would_be(tmp_path: Path) -> None:
    book = tmp_path / "team.pipdesk"
    book.write_bytes(b"")
    args = build_parser().parse_args(["--db", "other.pipdesk", str(book)])
    assert (args.file, args.command, args.db) == (book, None, Path("other.pipdesk"))
    assert build_parser().parse_args(["list"]).file is None


def test_a_misspelt_command_is_neither_a_command_nor_a_file(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        build_parser().parse_args(["lsit"])
    assert exit_.value.code == 2
    assert "'lsit' is neither a command (demo, import, " in capsys.readouterr().err


def test_options_after_the_file_are_refused_with_the_order_that_works(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    book = tmp_path / "team.pipdesk"
    book.write_bytes(b"")
    with pytest.raises(SystemExit):
        build_parser().parse_args([str(book), "--db", "x.pipdesk"])
    assert f"options go before the file: pipdesk --db x.pipdesk {book}" in capsys.readouterr().err


def test_the_file_goes_to_the_window(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from pipdesk.gui.shell import app

    plan_file = tmp_path / "plan.json"
    plan_file.write_text("{}", encoding="utf-8")
    opened: list[tuple[object, ...]] = []
    monkeypatch.setattr(app, "run_app", lambda *args, **_options: opened.append(args) or 0)
    assert main([str(plan_file)]) == 0
    assert opened == [(None, None, plan_file)]
