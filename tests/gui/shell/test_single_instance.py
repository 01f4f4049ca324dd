"""The running pipdesk's socket: the person's alone, in their runtime folder; a launch hands a path to it."""

from __future__ import annotations

import os
import socket
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QObject
from pytestqt.qtbot import QtBot

from pipdesk.gui.shell import single_instance
from pipdesk.gui.shell.single_instance import NotAnswering, SingleInstance, hand_over, server_name


@pytest.fixture
def owner(qtbot: QtBot) -> QObject:
    return QObject()


def test_the_socket_is_in_the_runtime_folder_and_only_its_owner_may_use_it(
    runtime_folder: Path, owner: QObject
) -> None:
    instance = SingleInstance(lambda _path: None, owner)
    where = Path(instance.server.fullServerName())
    assert where == runtime_folder / "pipdesk.socket" == Path(server_name())
    assert stat.S_ISSOCK(where.stat().st_mode)
    assert stat.S_IMODE(where.stat().st_mode) == 0o600
    instance.close()
    assert not where.exists()


def test_with_no_pipdesk_running_a_launch_opens_its_own_window(runtime_folder: Path) -> None:
    assert hand_over(Path("plans.pipdesk")) is False


def test_a_socket_left_by_a_pipdesk_that_stopped_is_replaced(runtime_folder: Path, owner: QObject) -> None:
    left = socket.socket(socket.AF_UNIX)  # bound, never listening: nobody answers there
    left.bind(str(runtime_folder / "pipdesk.socket"))
    left.close()
    assert hand_over(None) is False
    instance = SingleInstance(lambda _path: None, owner)
    assert instance.listening


def test_a_launch_in_another_folder_hands_over_the_absolute_path(
    qtbot: QtBot, runtime_folder: Path, owner: QObject, tmp_path: Path
) -> None:
    taken: list[Path | None] = []
    SingleInstance(taken.append, owner)
    script = "import sys; from pathlib import Path; from pipdesk.gui.shell.single_instance import hand_over\n"
    script += "sys.exit(0 if hand_over(Path('team.pipdesk')) else 1)"
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).parents[3])}
    process = subprocess.Popen([sys.executable, "-c", script], cwd=tmp_path, env=env)
    qtbot.waitUntil(lambda: process.poll() is not None and bool(taken), timeout=30_000)
    assert process.returncode == 0
    assert taken == [tmp_path / "team.pipdesk"]


def test_what_is_not_a_pipdesk_launch_is_dropped_unanswered(qtbot: QtBot, runtime_folder: Path, owner: QObject) -> None:
    taken: list[Path | None] = []
    SingleInstance(taken.append, owner)
    client = socket.socket(socket.AF_UNIX)
    client.connect(str(runtime_folder / "pipdesk.socket"))
    client.sendall(b"GET / HTTP/1.0\n")
    client.setblocking(False)  # this thread's event loop serves the other end
    answer: list[bytes] = []

    def closed() -> bool:
        try:
            answer.append(client.recv(16))
        except BlockingIOError:
            return False
        return True

    qtbot.waitUntil(closed, timeout=10_000)
    assert answer == [b""] and taken == []  # closed without a word
    client.close()


def test_a_pipdesk_that_accepts_but_never_answers_is_said_so(
    runtime_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(single_instance, "WAIT_MS", 200)
    mute = socket.socket(socket.AF_UNIX)
    mute.bind(str(runtime_folder / "pipdesk.socket"))
    mute.listen(1)
    with pytest.raises(NotAnswering, match="pipdesk is already open but did not answer"):
        hand_over(None)
    mute.close()
