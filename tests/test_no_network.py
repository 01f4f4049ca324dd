"""Nothing leaks: pipdesk works with no network at all, and every file it writes is the user's alone."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent
SELFTEST = [sys.executable, "-m", "pipdesk", "selftest"]

# Any socket, name lookup or connection pipdesk's Python code asks for fails and is written down.
SITECUSTOMIZE = textwrap.dedent(
    """
    import os
    import socket

    _LOG = os.environ["PIPDESK_NETWORK_LOG"]


    def _refuse(what):
        def refused(*args, **kwargs):
            with open(_LOG, "a", encoding="utf-8") as log:
                log.write(f"{what} {args[1:] if what == 'socket' else args}\\n")
            raise OSError(f"pipdesk test: network access refused ({what})")

        return refused


    socket.socket.__init__ = _refuse("socket")
    for _name in ("create_connection", "create_server", "getaddrinfo", "gethostbyname", "socketpair", "fromfd"):
        setattr(socket, _name, _refuse(_name))
    """
)


def _selftest_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if key != "PYTHONPATH"}
    return {**env, "QT_QPA_PLATFORM": "offscreen", **extra}


def test_selftest_passes_with_every_socket_refused(tmp_path: Path) -> None:
    blocker = tmp_path / "blocker"
    blocker.mkdir()
    (blocker / "sitecustomize.py").write_text(SITECUSTOMIZE, encoding="utf-8")
    log = tmp_path / "network.log"
    env = _selftest_env(tmp_path, PYTHONPATH=str(blocker), PIPDESK_NETWORK_LOG=str(log))
    probe = subprocess.run(
        [sys.executable, "-c", "import socket; socket.socket()"], env=env, capture_output=True, text=True, cwd=ROOT
    )
    assert "network access refused" in probe.stderr, "the blocker is not in effect"
    log.unlink()

    result = subprocess.run(SELFTEST, env=env, capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "all 10 steps passed" in result.stdout
    assert not log.exists(), f"pipdesk asked for the network:\n{log.read_text()}"


def _strace_works() -> bool:
    if sys.platform != "linux" or shutil.which("strace") is None:
        return False
    probe = subprocess.run(["strace", "-o", os.devnull, "true"], capture_output=True)
    return probe.returncode == 0


@pytest.mark.skipif(not _strace_works(), reason="needs strace (Linux) allowed to trace")
def test_selftest_opens_no_socket_at_all_not_even_in_qt(tmp_path: Path) -> None:
    """Below Python too: the kernel is asked for no socket by pipdesk, Qt or ReportLab."""
    trace = tmp_path / "trace.log"
    result = subprocess.run(
        ["strace", "-f", "-qq", "-e", "trace=socket,connect,sendto,bind", "-o", str(trace), *SELFTEST],
        env=_selftest_env(tmp_path),
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=180,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    calls = [line for line in trace.read_text().splitlines() if "AF_INET" in line or "connect(" in line]
    assert calls == []


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_every_file_pipdesk_writes_is_readable_by_the_user_only(tmp_path: Path) -> None:
    """With a umask that would let anyone read them, so the modes are pipdesk's own doing."""
    out = tmp_path / "out"
    out.mkdir()
    state = tmp_path / "state"
    book = out / "plans.pipdesk"
    password = tmp_path / "password.txt"
    password.write_text("s3cret\n")
    env = {**os.environ, "XDG_STATE_HOME": str(state), "XDG_DATA_HOME": str(tmp_path / "data")}

    def run(*args: object, code: str | None = None) -> str:
        command = [sys.executable, "-c", code, *map(str, args)] if code else [sys.executable, "-m", "pipdesk", *args]
        result = subprocess.run(
            list(map(str, command)),
            env=env,
            capture_output=True,
            text=True,
            cwd=ROOT,
            timeout=60,
            preexec_fn=lambda: os.umask(0),  # the point: no help from the umask
        )
        assert result.returncode == 0, result.stderr
        return result.stdout

    run("demo", "--db", book)
    run("export-json", "1", "--db", book, "-o", out / "plan.json")
    run("pdf", "plan", "1", "--db", book, "-o", out / "plan.pdf")
    run("pdf", "plan", "1", "--db", book, "-o", out / "locked.pdf", "--password-file", password)
    run("pdf", "outcome", "2", "--db", book, "-o", out / "outcome.pdf", "--employee-copy")
    run("ics", "1", "--db", book, "-o", out / "plan.ics")
    run(
        book,
        out / "backups",
        code=(
            "import sys; from pathlib import Path; from pipdesk.store import PlanBook;"
            "from pipdesk.store.backups import backup_plan_book, restore_backup\n"
            "with PlanBook.open(sys.argv[1]) as book: b = backup_plan_book(book, Path(sys.argv[2]), keep=3)\n"
            "restore_backup(b, Path(sys.argv[2]).parent / 'restored.pipdesk')"
        ),
    )
    open_files = run(
        book,
        code=(
            "import sys, os; from pipdesk.store import PlanBook; from pipdesk.services.samples import add_demo_plans\n"
            "book = PlanBook.open(sys.argv[1]); book.delete(1)\n"
            "names = [sys.argv[1] + s for s in ('-wal', '-shm', '.lock')]\n"
            "print(' '.join(f'{n}={os.stat(n).st_mode & 0o777:o}' for n in names)); book.close()"
        ),
    )
    run(
        code="from pipdesk.system.diagnostics import log_unexpected_error; "
        "print(log_unexpected_error(ValueError('test')))"
    )

    # While it is open: the write-ahead log, its index and the lock file.
    assert open_files.split() == [f"{book}{suffix}=600" for suffix in ("-wal", "-shm", ".lock")]
    written = [p for p in (*out.rglob("*"), *state.rglob("*"), *(tmp_path / "data").rglob("*")) if p.is_file()]
    names = sorted(p.name for p in written)
    assert {"plans.pipdesk", "plan.json", "plan.pdf", "locked.pdf", "outcome.pdf", "plan.ics"} <= set(names)
    assert {"restored.pipdesk", "pipdesk.log"} <= set(names)
    assert any(name.startswith("plans-") for name in names), "no backup was written"
    modes = {str(p.relative_to(tmp_path)): oct(p.stat().st_mode & 0o777) for p in written}
    assert {name: mode for name, mode in modes.items() if mode != "0o600"} == {}
    assert oct((out / "backups").stat().st_mode & 0o777) == "0o700"
