"""`pipdesk erase` and `pipdesk anonymise`: what they say, their exit codes, and a verify that stays green."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipdesk.cli import EXIT_BAD_INPUT, EXIT_FAILED, EXIT_OK, main
from pipdesk.store import PlanBook
from pipdesk.store.backups import backup_plan_book
from pipdesk.store.erasure import erasure_log

from conftest import BETH


def test_erase_removes_the_plan_from_the_book_and_its_backups_and_verify_stays_green(
    book: PlanBook, book_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    backups = tmp_path / "backups"
    backup_plan_book(book, backups, keep=5)
    book.close()

    code = main(["erase", str(BETH), "--db", str(book_path), "--reason", "Past retention", "--backups", str(backups)])

    assert code == EXIT_OK
    out = capsys.readouterr().out
    assert out == ("Erased plan 2 (B.I.Ł.) from the plan book and 1 backup; the erasure log keeps the reason\n")
    assert main(["verify", "--db", str(book_path)]) == EXIT_OK
    assert "3 of 3 audit trails intact" in capsys.readouterr().out
    with PlanBook.open(book_path) as reopened:
        assert BETH not in reopened.plan_ids()
        assert [e.reason for e in erasure_log(reopened)] == ["Past retention"]


def test_anonymise_says_what_it_did_and_verify_stays_green(
    book: PlanBook, book_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    book.close()
    code = main(["anonymise", "2", "--db", str(book_path), "--reason", "Statistics", "--backups", str(tmp_path)])
    assert code == EXIT_OK
    assert capsys.readouterr().out.startswith("Anonymised plan 2 (B.I.Ł.) in the plan book and 0 backups;")
    assert main(["verify", "--db", str(book_path)]) == EXIT_OK
    with PlanBook.open(book_path) as reopened:
        assert reopened.get(BETH).employee.name == "Employee A"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["erase", "9", "--reason", "x"], "pipdesk: There is no plan 9 in this plan book\n"),
        (["erase", "2", "--reason", " "], "pipdesk: Give the reason: the erasure log keeps it\n"),
        (["anonymise", "9", "--reason", "x"], "pipdesk: There is no plan 9 in this plan book\n"),
    ],
)
def test_a_missing_plan_or_reason_exits_2_with_nothing_changed(
    book: PlanBook, book_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    book.close()
    assert main([*args, "--db", str(book_path)]) == EXIT_BAD_INPUT
    assert capsys.readouterr().err == message
    with PlanBook.open(book_path) as reopened:
        assert reopened.plan_ids() == [1, 2, 3, 4]


def test_without_reason_the_command_is_refused(book_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["erase", "2", "--db", str(book_path)])
    assert stopped.value.code == EXIT_BAD_INPUT
    assert "--reason" in capsys.readouterr().err


def test_a_backup_that_cannot_be_rewritten_is_named_and_exits_1(
    book: PlanBook, book_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    backups = tmp_path / "backups"
    damaged = backup_plan_book(book, backups, keep=5)
    damaged.write_bytes(b"not a plan book any more")
    book.close()

    code = main(["erase", "2", "--db", str(book_path), "--reason", "Past retention", "--backups", str(backups)])

    assert code == EXIT_FAILED
    err = capsys.readouterr().err
    assert err.startswith(f"pipdesk: {damaged} may still hold plan 2; it could not be rewritten (")
    assert err.endswith("); delete that backup\n")
