"""The driver's rules: what a new passphrase must be, in the manager's words; the key SQLCipher is given for a
passphrase (the same one another SQLCipher tool would make from it); and sqlite-utils on the same driver."""

from __future__ import annotations

import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from pipdesk.store import PlanBook
from pipdesk.store.driver import MIN_PASSPHRASE_LENGTH, apply_passphrase, check_new_passphrase, sqlite3

from conftest import SAMPLE_NAMES, load_sample

ROOT = Path(__file__).parents[2]
TOO_SHORT = "Use at least 8 characters; a few words together are easy to remember."


@pytest.mark.parametrize(
    ("passphrase", "problem"),
    [
        ("correct horse\x00battery", "The passphrase cannot contain a NUL character."),
        ("\x00", "The passphrase cannot contain a NUL character."),  # said before "type one" or "too short"
        ("", "Type a passphrase."),
        (" \t\n        ", "Type a passphrase."),
        ("1234567", TOO_SHORT),
        ("12345678", None),
        ("   a    ", None),  # spaces count: only a passphrase of spaces alone is none at all
        ("correct horse battery staple", None),
        # Counted as the key is made, composed: "é" typed as e + accent is one character.
        ("cafe\u0301xyz", TOO_SHORT),
        ("cafe\u0301wxyz", None),
    ],
    ids=[
        "nul",
        "nul-alone",
        "empty",
        "blank",
        "seven",
        "eight",
        "spaces-around-one",
        "words",
        "seven-composed",
        "eight-composed",
    ],
)
def test_a_new_passphrase_is_refused_in_the_managers_words(passphrase: str, problem: str | None) -> None:
    assert MIN_PASSPHRASE_LENGTH == 8
    assert check_new_passphrase(passphrase) == problem


@pytest.mark.parametrize("passphrase", ["", "abc\x00def"], ids=["empty", "nul"])
def test_a_passphrase_sqlcipher_cannot_take_is_refused_before_any_key_is_set(passphrase: str) -> None:
    conn = sqlite3.connect(":memory:")
    try:
        with pytest.raises(ValueError) as refused:
            apply_passphrase(conn, passphrase)
        assert str(refused.value) == "a passphrase is text of at least one character, without NUL characters"
    finally:
        conn.close()


def test_the_key_is_the_composed_passphrase_as_sqlcipher_itself_reads_it(tmp_path: Path) -> None:
    """A plan book encrypted with a passphrase holding quotes and an accent typed as two characters opens in
    any SQLCipher tool with the passphrase as typed (composed, each quote doubled in the SQL literal)."""
    typed = "it's \"café\" o'clock"
    decomposed = unicodedata.normalize("NFD", typed)
    assert decomposed != typed
    path = tmp_path / "secret.pipdesk"
    with PlanBook.open(path, passphrase=decomposed) as book:
        book.add_many(load_sample(name) for name in SAMPLE_NAMES)
    conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
    try:
        conn.execute("PRAGMA key = 'it''s \"café\" o''clock'")
        assert conn.execute("SELECT count(*) FROM plans").fetchone()[0] == len(SAMPLE_NAMES)
    finally:
        conn.close()


def test_sqlite_utils_imported_before_the_driver_is_refused_in_words() -> None:
    """Imported first, sqlite-utils would run on the standard library's sqlite3 and not see SQLCipher's errors."""
    script = (
        "import sqlite_utils\n"
        "from pipdesk.store.driver import check_sqlite_utils\n"
        "try:\n"
        "    check_sqlite_utils()\n"
        "except RuntimeError as error:\n"
        "    print(error)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout == ("sqlite-utils was imported before pipdesk.store.driver; it would not see SQLCipher errors\n")
