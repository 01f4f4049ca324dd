"""Where an export may go: never over a plan book or its files, never turning a device or FIFO into a file."""

from __future__ import annotations

import hashlib
import os
import socket
import stat
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from pipdesk.cli import main
from pipdesk.domain import PipdeskError
from pipdesk.store import PlanBook
from pipdesk.system.safe_write import write_private_file

from conftest import load_sample

ROOT = Path(__file__).parents[2]

EXPORTS = {
    "export-json": ["export-json", "1"],
    "pdf": ["pdf", "plan", "1"],
    "ics": ["ics", "1"],
}


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def filled_book(book_path: Path) -> Path:
    with PlanBook.open(book_path) as book:
        book.add(load_sample("alex-delivery-active"))
    return book_path


def _run(*args: object) -> int:
    return main([str(a) for a in args])


@pytest.mark.parametrize("command", EXPORTS)
def test_an_export_aimed_at_the_open_plan_book_is_refused_and_the_book_is_kept(
    command: str, filled_book: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = _sha256(filled_book)
    assert _run(*EXPORTS[command], "--db", filled_book, "-o", filled_book) == 2
    assert "is the open plan book" in capsys.readouterr().err
    assert _sha256(filled_book) == before
    with PlanBook.open(filled_book) as book:
        assert book.count() == 1
    assert sorted(p.name for p in filled_book.parent.iterdir()) == ["plans.pipdesk"]  # no -wal, -shm or lock left


@pytest.mark.parametrize("command", EXPORTS)
@pytest.mark.parametrize("spelling", ["symlink", "hardlink", "dotted", "wal", "lock"])
def test_no_spelling_or_link_of_the_plan_book_or_its_files_gets_an_export_over_them(
    command: str, spelling: str, filled_book: Path, tmp_path: Path
) -> None:
    folder = filled_book.parent
    if spelling == "symlink":
        target = tmp_path / "elsewhere.json"
        target.symlink_to(filled_book)
    elif spelling == "hardlink":
        target = tmp_path / "elsewhere.json"
        os.link(filled_book, target)
    elif spelling == "dotted":
        target = folder / "." / ".." / folder.name / filled_book.name
    else:
        target = folder / f"{filled_book.name}{'-wal' if spelling == 'wal' else '.lock'}"
    before = _sha256(filled_book)
    assert _run(*EXPORTS[command], "--db", filled_book, "-o", target) == 2
    assert _sha256(filled_book) == before
    with PlanBook.open(filled_book) as book:
        assert book.count() == 1


@pytest.mark.parametrize("command", EXPORTS)
def test_an_export_over_another_plan_book_or_a_backup_is_refused(
    command: str, filled_book: Path, tmp_path: Path
) -> None:
    other = tmp_path / "other" / "backup.pipdesk"
    with PlanBook.open(other) as book:
        book.add(load_sample("beth-communication-closed"))
    before = _sha256(other)
    assert _run(*EXPORTS[command], "--db", filled_book, "-o", other) == 2
    assert _sha256(other) == before


def test_an_export_over_an_encrypted_plan_book_is_refused(filled_book: Path, tmp_path: Path) -> None:
    encrypted = tmp_path / "secret.bin"
    with PlanBook.open(tmp_path / "secret.pipdesk", passphrase="correct horse") as book:
        book.add(load_sample("beth-communication-closed"))
    encrypted.write_bytes((tmp_path / "secret.pipdesk").read_bytes())
    before = _sha256(encrypted)
    with pytest.raises(PipdeskError, match="may be an encrypted plan book"):
        write_private_file(encrypted, b"{}")
    assert _sha256(encrypted) == before


def test_an_earlier_export_is_replaced_whole(filled_book: Path, tmp_path: Path) -> None:
    out = tmp_path / "plan.pdf"
    assert _run("pdf", "plan", "1", "--db", filled_book, "-o", out) == 0
    first = out.read_bytes()
    assert _run("pdf", "plan", "1", "--db", filled_book, "-o", out) == 0
    assert out.read_bytes()[:5] == b"%PDF-" and len(first) > 1000
    assert stat.S_IMODE(out.stat().st_mode) == 0o600


def test_a_symlink_to_a_file_is_followed_and_kept(filled_book: Path, tmp_path: Path) -> None:
    real = tmp_path / "real.json"
    real.write_text("old")
    link = tmp_path / "link.json"
    link.symlink_to(real)
    assert _run("export-json", "1", "--db", filled_book, "-o", link) == 0
    assert link.is_symlink()
    assert real.read_text().startswith("{")


def _make_char_device(path: Path) -> None:
    try:
        os.mknod(path, 0o666 | stat.S_IFCHR, os.makedev(1, 3))  # the same device as /dev/null
    except (PermissionError, AttributeError, OSError) as error:
        pytest.skip(f"a device node cannot be made here ({error})")


@pytest.mark.parametrize("command", EXPORTS)
def test_a_device_is_written_to_and_stays_a_device(command: str, filled_book: Path, tmp_path: Path) -> None:
    device = tmp_path / "null"
    _make_char_device(device)
    assert _run(*EXPORTS[command], "--db", filled_book, "-o", device) == 0
    assert stat.S_ISCHR(device.stat().st_mode)
    assert device.stat().st_rdev == os.makedev(1, 3)


@pytest.fixture
def fifo(tmp_path: Path) -> Iterator[tuple[Path, list[bytes]]]:
    path = tmp_path / "pipe"
    os.mkfifo(path)
    received: list[bytes] = []

    def read() -> None:
        with open(path, "rb") as handle:
            received.append(handle.read())

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    yield path, received
    reader.join(timeout=30)


@pytest.mark.parametrize(("command", "start"), [("export-json", b"{"), ("pdf", b"%PDF-"), ("ics", b"BEGIN:VCALENDAR")])
def test_a_fifo_receives_the_document_and_stays_a_fifo(
    command: str, start: bytes, filled_book: Path, fifo: tuple[Path, list[bytes]]
) -> None:
    path, received = fifo
    assert _run(*EXPORTS[command], "--db", filled_book, "-o", path) == 0
    assert stat.S_ISFIFO(path.stat().st_mode)
    for _ in range(300):
        if received:
            break
        threading.Event().wait(0.05)
    assert received and received[0].startswith(start)


@pytest.mark.parametrize("command", EXPORTS)
def test_a_folder_or_a_socket_as_output_exits_2_and_is_unchanged(
    command: str, filled_book: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "a folder"
    folder.mkdir()
    assert _run(*EXPORTS[command], "--db", filled_book, "-o", folder) == 2
    assert folder.is_dir() and not any(folder.iterdir())
    sock_path = Path("/tmp") / f"pipdesk-test-{os.getpid()}-{command}.sock"  # AF_UNIX paths are short
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(sock_path))
        assert _run(*EXPORTS[command], "--db", filled_book, "-o", sock_path) == 2
        assert stat.S_ISSOCK(sock_path.stat().st_mode)
    finally:
        server.close()
        sock_path.unlink(missing_ok=True)


def test_pdf_to_standard_output_starts_with_the_pdf_mark(filled_book: Path) -> None:
    result = subprocess.run(
        f"{sys.executable} -m pipdesk pdf plan 1 --db '{filled_book}' -o - | head -c 5",
        shell=True,
        capture_output=True,
        cwd=ROOT,
        timeout=60,
    )
    assert result.stdout == b"%PDF-"
    assert b"Traceback" not in result.stderr


def test_json_and_calendar_to_standard_output(filled_book: Path, capfd: pytest.CaptureFixture[str]) -> None:
    assert _run("export-json", "1", "--db", filled_book, "-o", "-") == 0
    assert capfd.readouterr().out.startswith("{")
    assert _run("ics", "1", "--db", filled_book, "-o", "-") == 0
    assert capfd.readouterr().out.startswith("BEGIN:VCALENDAR")


def test_save_a_copy_never_replaces_the_plan_books_files_a_folder_or_a_device(
    filled_book: Path, tmp_path: Path
) -> None:
    from pipdesk.store.backups import save_copy

    with PlanBook.open(filled_book) as book:
        alias = tmp_path / "alias.pipdesk"
        os.link(filled_book, alias)
        before = _sha256(filled_book)
        for target in (alias, filled_book.with_name(filled_book.name + "-wal"), tmp_path):
            with pytest.raises(PipdeskError):
                save_copy(book, target)
        fifo = tmp_path / "pipe"
        os.mkfifo(fifo)
        with pytest.raises(PipdeskError, match="not a regular file"):
            save_copy(book, fifo)
        assert stat.S_ISFIFO(fifo.stat().st_mode)
        earlier = tmp_path / "copy.pipdesk"
        save_copy(book, earlier)
        save_copy(book, earlier)  # an earlier copy may be replaced by a newer one
    assert _sha256(filled_book) == before
    with PlanBook.open(earlier) as copy:
        assert copy.count() == 1
