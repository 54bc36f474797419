"""A TCP proxy in front of the test server's Unix socket, to cut the venue LAN on purpose.

Modes: ``up`` forwards; ``blackhole`` keeps every connection open but forwards nothing (a
switched-off switch: packets vanish, nobody answers); ``down`` resets every connection and
closes new ones at once (the server PC crashed or restarted). ``restore()`` forwards again; it
drops the connections that lived through the outage, as a real outage does.
"""

from __future__ import annotations

import contextlib
import select
import socket
import threading
from pathlib import Path


class LanProxy:
    def __init__(self, unix_socket: Path) -> None:
        self.target = str(unix_socket)
        self.mode = "up"
        self._listener = socket.create_server(("127.0.0.1", 0))
        self._listener.settimeout(0.1)
        self.port = self._listener.getsockname()[1]
        self._pairs: list[tuple[socket.socket, socket.socket | None]] = []
        self._lock = threading.Lock()
        self._closed = threading.Event()
        self._thread = threading.Thread(target=self._accept, daemon=True)
        self._thread.start()

    def url(self, database: str, user: str = "scfn") -> str:
        return f"postgresql+psycopg://{user}@127.0.0.1:{self.port}/{database}"

    def _accept(self) -> None:
        while not self._closed.is_set():
            try:
                client, _ = self._listener.accept()
            except (TimeoutError, OSError):
                continue
            if self.mode == "down":
                client.close()
                continue
            upstream = None
            if self.mode == "up":
                upstream = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
                upstream.connect(self.target)
            with self._lock:
                self._pairs.append((client, upstream))
            if upstream is not None:
                threading.Thread(target=self._pump, args=(client, upstream), daemon=True).start()

    def _pump(self, a: socket.socket, b: socket.socket) -> None:
        try:
            while not self._closed.is_set():
                if self.mode != "up":
                    self._closed.wait(0.05)
                    continue
                ready, _, _ = select.select([a, b], [], [], 0.05)
                for src in ready:
                    if self.mode != "up":
                        break
                    data = src.recv(65536)
                    if not data:
                        return
                    (b if src is a else a).sendall(data)
        except (OSError, ValueError):  # a socket closed under us by an outage
            return
        finally:
            for s in (a, b):
                with contextlib.suppress(OSError):
                    s.close()

    def _drop_all(self) -> None:
        with self._lock:
            pairs, self._pairs = self._pairs, []
        for pair in pairs:
            for s in pair:
                if s is not None:
                    with contextlib.suppress(OSError):
                        s.shutdown(socket.SHUT_RDWR)
                    with contextlib.suppress(OSError):
                        s.close()

    def blackhole(self) -> None:
        self.mode = "blackhole"

    def down(self) -> None:
        self.mode = "down"
        self._drop_all()

    def restore(self) -> None:
        self._drop_all()
        self.mode = "up"

    def close(self) -> None:
        self._closed.set()
        self._drop_all()
        self._listener.close()
        self._thread.join(2)
