"""Encryption at rest: a plan book, its backups and copies protected by a passphrase (SQLCipher).

The GUI side is in test_gui_encryption.py; here the store and the ``pipdesk`` command.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import stat
import sys
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pytest

from pipdesk.cli import main
from pipdesk.store import PlanBook, PlanBookError
from pipdesk.store import encryption as encryption_module
from pipdesk.store.backups import backup_plan_book, list_backups, restore_backup, save_copy
from pipdesk.store.connection import SQLITE_MAGIC, PassphraseNeeded, PlanBookInUse, WrongPassphrase, is_encrypted
from pipdesk.store.encryption import change_passphrase

from conftest import SAMPLE_NAMES, load_sample, sample_path

SECRET = "correct horse battery"
OTHER = "staple paperclip hinge"


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def plain_text_in(path: Path, text: str) -> bool:
    """Whether ``text`` can be read straight from the file's bytes (and its write-ahead log's)."""
    needle = text.encode("utf-8")
    files = [path, path.with_name(path.name + "-wal")]
    return any(f.exists() and needle in f.read_bytes() for f in files)


def plans_of(path: Path, passphrase: str | None) -> list[object]:
    with PlanBook.open(path, create=False, passphrase=passphrase) as book:
        return [book.get(s.id) for s in book.summaries()]


@pytest.fixture
def encrypted_path(tmp_path: Path) -> Path:
    path = tmp_path / "secret.pipdesk"
    with PlanBook.open(path, passphrase=SECRET) as book:
        book.add_many(load_sample(name) for name in SAMPLE_NAMES)
    return path


def test_a_new_plan_book_made_with_a_passphrase_is_encrypted_and_private(encrypted_path: Path) -> None:
    header = encrypted_path.read_bytes()[:16]
    assert header != SQLITE_MAGIC
    assert is_encrypted(encrypted_path)
    assert stat.S_IMODE(encrypted_path.stat().st_mode) == 0o600
    employee = load_sample(SAMPLE_NAMES[0]).employee.name
    assert not plain_text_in(encrypted_path, employee)
    with PlanBook.open(encrypted_path, create=False, passphrase=SECRET) as book:
        assert book.encrypted
        assert book.summaries()[0].employee == employee
        assert all(t.broken_at is None for t in book.verify_audit_trails())


def test_the_cipher_is_the_one_docs_security_md_names(encrypted_path: Path) -> None:
    with PlanBook.open(encrypted_path, create=False, passphrase=SECRET) as book:
        settings = {
            name: book.db.execute(f"PRAGMA {name}").fetchone()[0]
            for name in ("cipher", "cipher_hmac_algorithm", "cipher_kdf_algorithm", "kdf_iter", "cipher_page_size")
        }
    assert settings == {
        "cipher": "AES-256-CBC",
        "cipher_hmac_algorithm": "HMAC_SHA512",
        "cipher_kdf_algorithm": "PBKDF2_HMAC_SHA512",
        "kdf_iter": "256000",
        "cipher_page_size": "4096",
    }


def test_the_same_plans_in_a_plain_book_can_be_read_from_the_file(book: PlanBook, book_path: Path) -> None:
    """The control for the test above: the check it makes finds plain text where there is some."""
    assert not book.encrypted
    assert plain_text_in(book_path, load_sample(SAMPLE_NAMES[0]).employee.name)


def test_without_its_passphrase_an_encrypted_book_is_refused_and_left_as_it_was(encrypted_path: Path) -> None:
    before = sha256(encrypted_path)
    with pytest.raises(PassphraseNeeded, match="passphrase"):
        PlanBook.open(encrypted_path, create=False)
    with pytest.raises(WrongPassphrase, match="passphrase does not open it"):
        PlanBook.open(encrypted_path, create=False, passphrase="not the passphrase")
    with pytest.raises(WrongPassphrase):
        PlanBook.open(encrypted_path, create=False, passphrase=SECRET.upper())
    assert sha256(encrypted_path) == before
    assert sorted(p.name for p in encrypted_path.parent.iterdir()) == [encrypted_path.name]  # no lock, -wal, -shm


def test_a_passphrase_for_a_plain_book_is_refused(book: PlanBook, book_path: Path) -> None:
    book.close()
    with pytest.raises(PlanBookError, match="is not encrypted"):
        PlanBook.open(book_path, create=False, passphrase=SECRET)


def test_passphrases_with_quotes_and_other_scripts_work_and_are_normalised(tmp_path: Path) -> None:
    path = tmp_path / "quotes.pipdesk"
    composed = "it's café — 東京 'x' \"y\" ;--"
    with PlanBook.open(path, passphrase=composed) as book:
        book.add(load_sample(SAMPLE_NAMES[0]))
    decomposed = unicodedata.normalize("NFD", composed)
    assert decomposed != composed
    assert len(plans_of(path, decomposed)) == 1  # é typed as e + accent opens it too
    with pytest.raises(WrongPassphrase):
        plans_of(path, "it")


def schema_of(book: PlanBook) -> list[tuple[str, str, str]]:
    """Every table, index and trigger, with its SQL."""
    return book.db.execute("SELECT type, name, sql FROM sqlite_master ORDER BY type, name").fetchall()


def test_set_change_and_remove_keep_every_plan_and_the_audit_trail(book: PlanBook, book_path: Path) -> None:
    before = [book.get(s.id) for s in book.summaries()]
    schema = schema_of(book)
    book.close()

    change_passphrase(book_path, None, SECRET)
    assert is_encrypted(book_path)
    assert plans_of(book_path, SECRET) == before

    change_passphrase(book_path, SECRET, OTHER)
    with pytest.raises(WrongPassphrase):
        PlanBook.open(book_path, create=False, passphrase=SECRET)
    with PlanBook.open(book_path, create=False, passphrase=OTHER) as book:
        assert [book.get(s.id) for s in book.summaries()] == before
        assert all(t.broken_at is None for t in book.verify_audit_trails())
        assert schema_of(book) == schema  # indexes and all

    change_passphrase(book_path, OTHER, None)
    assert book_path.read_bytes()[:16] == SQLITE_MAGIC
    assert len(plans_of(book_path, None)) == 4
    assert sorted(p.name for p in book_path.parent.iterdir()) == [book_path.name]  # nothing left beside it
    assert stat.S_IMODE(book_path.stat().st_mode) == 0o600


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (None, "short", "at least 8 characters"),
        (None, "        ", "Type a passphrase"),
        (None, None, "no passphrase to remove"),
    ],
)
def test_a_change_that_will_not_do_leaves_the_file_as_it_was(
    book: PlanBook, book_path: Path, old: str | None, new: str | None, message: str
) -> None:
    book.close()
    before = sha256(book_path)
    with pytest.raises(PlanBookError, match=message):
        change_passphrase(book_path, old, new)
    assert sha256(book_path) == before


def test_changing_with_a_wrong_current_passphrase_changes_nothing(encrypted_path: Path) -> None:
    before = sha256(encrypted_path)
    with pytest.raises(WrongPassphrase):
        change_passphrase(encrypted_path, OTHER, "a brand new passphrase")
    assert sha256(encrypted_path) == before


def test_the_passphrase_is_not_changed_while_the_book_is_open(encrypted_path: Path) -> None:
    with PlanBook.open(encrypted_path, create=False, passphrase=SECRET):
        before = sha256(encrypted_path)
        with pytest.raises(PlanBookInUse):
            change_passphrase(encrypted_path, SECRET, OTHER)
        assert sha256(encrypted_path) == before


def test_backups_and_copies_of_an_encrypted_book_are_encrypted(encrypted_path: Path, tmp_path: Path) -> None:
    folder = tmp_path / "backups"
    with PlanBook.open(encrypted_path, create=False, passphrase=SECRET) as book:
        backup = backup_plan_book(book, folder, keep=3)
        copy = save_copy(book, tmp_path / "copy.pipdesk")
    employee = load_sample(SAMPLE_NAMES[0]).employee.name
    for path in (backup, copy):
        assert is_encrypted(path) and not plain_text_in(path, employee)
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        with pytest.raises(PassphraseNeeded):
            PlanBook.open(path, create=False)
        assert len(plans_of(path, SECRET)) == 4

    [listed] = list_backups(folder, encrypted_path.stem)
    assert (listed.encrypted, listed.plan_count) == (True, None)  # cannot be counted without the passphrase
    [listed] = list_backups(folder, encrypted_path.stem, SECRET)
    assert (listed.encrypted, listed.plan_count) == (True, 4)

    with pytest.raises(WrongPassphrase):
        restore_backup(backup, tmp_path / "wrong.pipdesk", OTHER)
    assert not (tmp_path / "wrong.pipdesk").exists()
    with pytest.raises(PassphraseNeeded):
        restore_backup(backup, tmp_path / "none.pipdesk")
    restored = restore_backup(backup, tmp_path / "restored.pipdesk", SECRET)
    assert is_encrypted(restored)
    assert len(plans_of(restored, SECRET)) == 4


# The command line


def write_secret(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text + "\n", encoding="utf-8")
    return path


def test_every_command_that_opens_a_book_takes_a_passphrase_file(
    encrypted_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    secret = write_secret(tmp_path, "secret.txt", SECRET)
    db = ["--db", str(encrypted_path), "--passphrase-file", str(secret)]
    out = tmp_path / "out"
    commands = [
        ["list", "--json", *db],
        ["export-json", "1", "-o", str(out) + ".json", *db],
        ["pdf", "plan", "1", "-o", str(out) + ".pdf", *db],
        ["ics", "1", "-o", str(out) + ".ics", *db],
        ["verify", *db],
        ["import", str(sample_path(SAMPLE_NAMES[0])), *db],
    ]
    for command in commands:
        assert main(command) == 0, command
        # Without the passphrase, or with another: exit 2 and a message that says what to do.
        assert main(command[: command.index("--passphrase-file")]) == 2, command
        assert "passphrase" in capsys.readouterr().err
        assert main([*command[:-1], str(write_secret(tmp_path, "wrong.txt", OTHER))]) == 2, command
        assert "passphrase does not open it" in capsys.readouterr().err
    assert len(plans_of(encrypted_path, SECRET)) == 5


def test_demo_with_a_passphrase_file_writes_an_encrypted_book(tmp_path: Path) -> None:
    secret = write_secret(tmp_path, "secret.txt", SECRET)
    db = tmp_path / "demo.pipdesk"
    assert main(["demo", "--db", str(db), "--passphrase-file", str(secret)]) == 0
    assert is_encrypted(db)
    assert len(plans_of(db, SECRET)) == 4


def test_passphrase_set_change_and_remove_on_the_command_line(
    book: PlanBook, book_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    book.close()
    first = write_secret(tmp_path, "first.txt", SECRET)
    second = write_secret(tmp_path, "second.txt", OTHER)
    db = ["--db", str(book_path)]

    assert main(["passphrase", "set", *db, "--new-passphrase-file", str(first)]) == 0
    assert capsys.readouterr().out.strip() == f"{book_path} is now encrypted"
    assert is_encrypted(book_path)
    # Setting again, on an encrypted book: refused, unchanged.
    before = sha256(book_path)
    assert main(["passphrase", "set", *db, "--new-passphrase-file", str(second)]) == 2
    assert "passphrase" in capsys.readouterr().err
    assert sha256(book_path) == before

    args = ["passphrase", "change", *db, "--passphrase-file", str(first), "--new-passphrase-file", str(second)]
    assert main(args) == 0
    assert len(plans_of(book_path, OTHER)) == 4

    assert main(["passphrase", "remove", *db, "--passphrase-file", str(first)]) == 2  # the old one
    assert "passphrase does not open it" in capsys.readouterr().err
    assert main(["passphrase", "remove", *db, "--passphrase-file", str(second)]) == 0
    assert book_path.read_bytes()[:16] == SQLITE_MAGIC


def exit_code(args: list[str]) -> int:
    """``main``'s exit code, also when argparse exits on a usage error."""
    try:
        return main(args)
    except SystemExit as leaving:
        return int(leaving.code or 0)


def test_bad_passphrase_files_are_refused_with_exit_2(
    book: PlanBook, book_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    book.close()
    before = sha256(book_path)
    empty = tmp_path / "empty.txt"
    empty.write_text("\n", encoding="utf-8")
    short = write_secret(tmp_path, "short.txt", "abc")
    good = write_secret(tmp_path, "good.txt", SECRET)
    db = ["--db", str(book_path)]
    for args, message in [
        (["passphrase", "set", *db, "--new-passphrase-file", str(empty)], "first line is empty"),
        (["passphrase", "set", *db, "--new-passphrase-file", str(tmp_path / "missing")], "no such file"),
        (["passphrase", "set", *db, "--new-passphrase-file", str(short)], "at least 8 characters"),
        (["passphrase", "set", "--db", str(tmp_path / "none.pipdesk"), "--new-passphrase-file", str(good)], "no plan"),
        (["passphrase", "set", *db], "--new-passphrase-file"),
        (["passphrase", "remove", *db, "--passphrase-file", str(good)], "is not encrypted"),
        (["list", *db, "--passphrase-file", str(good)], "is not encrypted"),
    ]:
        assert exit_code(args) == 2, args
        assert message in capsys.readouterr().err, args
    assert sha256(book_path) == before
    assert not (tmp_path / "none.pipdesk").exists()


def test_the_passphrase_can_come_from_standard_input(
    encrypted_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(SECRET + "\n"))
    assert main(["list", "--db", str(encrypted_path), "--passphrase-file", "-"]) == 0
    assert load_sample(SAMPLE_NAMES[0]).employee.name in capsys.readouterr().out


def _options(parser: argparse.ArgumentParser) -> Iterator[argparse.Action]:
    for action in parser._actions:
        yield action
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                yield from _options(sub)


def test_no_option_takes_the_passphrase_itself() -> None:
    """Only files (or standard input): a passphrase on the command line is seen by every user of the machine."""
    from pipdesk.cli import build_parser

    secrets = [a for a in _options(build_parser()) if "passphrase" in a.dest]
    assert {a.dest for a in secrets} == {"passphrase_file", "new_passphrase_file"}
    assert all(a.type is Path for a in secrets)


def test_a_passphrase_file_saved_with_a_byte_order_mark_and_crlf_reads_the_same(
    encrypted_path: Path, tmp_path: Path
) -> None:
    """Windows Notepad may save UTF-8 with a byte order mark and CRLF line ends."""
    secret = tmp_path / "notepad.txt"
    secret.write_bytes(b"\xef\xbb\xbf" + SECRET.encode("utf-8") + b"\r\n")
    assert main(["list", "--db", str(encrypted_path), "--passphrase-file", str(secret)]) == 0


def test_a_passphrase_with_a_nul_character_is_refused_clearly(encrypted_path: Path, tmp_path: Path) -> None:
    with pytest.raises(PlanBookError, match="no NUL characters"):
        PlanBook.open(encrypted_path, create=False, passphrase="abc\x00def")
    secret = tmp_path / "nul.txt"
    secret.write_bytes(b"abc\x00def\n")
    assert main(["list", "--db", str(encrypted_path), "--passphrase-file", str(secret)]) == 2


def test_a_file_that_cannot_be_replaced_keeps_the_old_passphrase(
    encrypted_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = sha256(encrypted_path)

    def refuse(*_args: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(encryption_module.os, "replace", refuse)
    with pytest.raises(PlanBookError, match="could not be replaced"):
        change_passphrase(encrypted_path, SECRET, OTHER)
    monkeypatch.undo()
    assert sha256(encrypted_path) == before
    assert sorted(p.name for p in encrypted_path.parent.iterdir()) == [encrypted_path.name]
    assert len(plans_of(encrypted_path, SECRET)) == 4
