"""Real SMTP servers on loopback for the mail tests: aiosmtpd, which speaks
SMTP and keeps what it receives, and one that accepts a connection and then
never answers (a mail server hanging mid-conversation)."""

import socket
import threading

from aiosmtpd.controller import Controller


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class _Collect:
    def __init__(self):
        self.envelopes = []

    async def handle_DATA(self, server, session, envelope):
        self.envelopes.append(envelope)
        return "250 Message accepted for delivery"


class SMTPServer:
    """aiosmtpd on 127.0.0.1:``port``; ``received`` lists (recipients, text)."""

    def __init__(self, port: int):
        self.port = port
        self._handler = _Collect()
        self._controller = Controller(self._handler, hostname="127.0.0.1", port=port)

    def __enter__(self):
        self._controller.start()
        return self

    def __exit__(self, *exc):
        self._controller.stop()

    @property
    def received(self) -> list[tuple[list[str], str]]:
        return [(e.rcpt_tos, e.content.decode()) for e in self._handler.envelopes]


class HangingServer:
    """Accepts connections on 127.0.0.1:``port``, greets, then says nothing
    more; ``greeted`` is set once a client has connected."""

    def __init__(self, port: int):
        self.port = port
        self.connections = 0
        self.greeted = threading.Event()
        self._listener = socket.create_server(("127.0.0.1", port))
        self._listener.settimeout(0.2)
        self._open: list[socket.socket] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)

    def _serve(self):
        while not self._stop.is_set():
            try:
                conn, _address = self._listener.accept()
            except TimeoutError:
                continue
            self.connections += 1
            conn.sendall(b"220 hanging.example ESMTP\r\n")
            self._open.append(conn)
            self.greeted.set()

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join(timeout=5)
        for conn in self._open:
            conn.close()
        self._listener.close()
