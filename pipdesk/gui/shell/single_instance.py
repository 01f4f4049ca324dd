"""One pipdesk window a person: a second launch hands its file to the running window, which comes to the front.

The running pipdesk listens on a local socket in the person's runtime folder (``$XDG_RUNTIME_DIR``, which
is theirs alone), with mode 0600; on Windows, a named pipe of the person's name. Never a network port.
A launch sends one line, ``{"open": "/absolute/path"}`` (``null``: only come to the front), and the
window answers ``ok`` once it has taken it, before it opens anything.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer

from pipdesk.domain import PipdeskError

if TYPE_CHECKING:
    from PySide6.QtNetwork import QLocalSocket

#: How long a launch waits for the running pipdesk to connect, and then to answer.
WAIT_MS = 3000
#: A message longer than this is not a path: the connection is dropped.
MAX_MESSAGE = 64 * 1024


class NotAnswering(PipdeskError):
    """A pipdesk runs (its socket accepted the connection) but did not take the file."""


def server_name() -> str:
    """Where the running pipdesk listens: a socket in the person's runtime folder; a pipe name on Windows."""
    if sys.platform == "win32":
        import getpass

        return f"pipdesk-{getpass.getuser()}"
    folder = os.environ.get("XDG_RUNTIME_DIR")
    if not folder:
        from PySide6.QtCore import QStandardPaths  # its type and enums, only where needed (#21)

        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.RuntimeLocation)
    return str(Path(folder) / "pipdesk.socket")


def hand_over(path: Path | None, name: str | None = None) -> bool:
    """True when a running pipdesk took ``path`` (None: it only comes to the front); False when none runs.

    Where a running pipdesk's socket is a file (not Windows), no file there means none runs: the launch goes
    on without loading QtNetwork (#21: ~8 ms before the first paint)."""
    name = name or server_name()
    if sys.platform != "win32" and os.path.isabs(name) and not os.path.exists(name):
        return False
    import json

    from PySide6.QtNetwork import QLocalSocket

    socket = QLocalSocket()
    socket.connectToServer(name)
    if not socket.waitForConnected(WAIT_MS):
        return False
    message = {"open": os.path.abspath(path) if path is not None else None}
    socket.write(json.dumps(message).encode("utf-8") + b"\n")
    socket.waitForBytesWritten(WAIT_MS)
    answered = socket.waitForReadyRead(WAIT_MS) and bytes(socket.readLine().data()).strip() == b"ok"
    socket.disconnectFromServer()
    if not answered:
        raise NotAnswering("pipdesk is already open but did not answer; close its window, then try again")
    return True


class SingleInstance(QObject):
    """The running pipdesk's end: each later launch's file (or None) goes to ``take``, after it is answered."""

    def __init__(self, take: Callable[[Path | None], object], parent: QObject, name: str | None = None) -> None:
        from PySide6.QtNetwork import QLocalServer

        super().__init__(parent)
        self.take = take
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self.name = name or server_name()
        if not self.server.listen(self.name):
            # Left by a pipdesk that stopped without closing it: hand_over found nobody answering there.
            QLocalServer.removeServer(self.name)
            self.server.listen(self.name)
        if self.server.isListening() and sys.platform != "win32":
            os.chmod(self.server.fullServerName(), 0o600)
        self.server.newConnection.connect(self._accept)

    @property
    def listening(self) -> bool:
        return self.server.isListening()

    def close(self) -> None:
        self.server.close()  # removes the socket file

    def _accept(self) -> None:
        while (socket := self.server.nextPendingConnection()) is not None:
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(socket.deleteLater)

    def _read(self, socket: QLocalSocket) -> None:
        if not socket.canReadLine():
            if socket.bytesAvailable() > MAX_MESSAGE:
                socket.abort()
            return
        import json

        try:
            wanted = json.loads(bytes(socket.readLine().data()))["open"]
            path = Path(wanted) if isinstance(wanted, str) and wanted else None
        except (ValueError, KeyError, TypeError):
            socket.abort()  # not a pipdesk launch
            return
        socket.write(b"ok\n")
        socket.flush()
        QTimer.singleShot(0, lambda: self.take(path))  # after answering: opening may ask the person first
