"""Two kinds of source for the harvest tests, both real HTTP on loopback:

- ``Portal``: this project served by gunicorn from a SQLite database of its
  own with the demo content (portal A). pytest-django's ``live_server`` shares
  the test database, so it cannot be the *other* portal of an empty portal B.
- ``CannedSource``: a tiny server answering recorded, broken answers.
"""

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
import time
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

from tests.mailserver import free_port

ROOT = Path(__file__).resolve().parents[3]


class Portal:
    """Portal A: migrate, load the demo, serve with gunicorn; stop by pid."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.database = folder / "portal-a.sqlite3"
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.api = self.url + "/api/hsds"
        self.env = {
            **{k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "CACHE_URL")},
            "DATABASE_URL": f"sqlite:///{self.database}",
            "SECRET_KEY": "portal-a-test-only",
            "DEBUG": "false",
            "ALLOWED_HOSTS": "127.0.0.1",
            "SITE_URL": self.url,
            "PUBLIC_PAGE_CACHE_SECONDS": "0",  # the tests change its database directly
            "STATIC_MANIFEST": "false",
        }
        self.process = None

    def _manage(self, *args: str) -> None:
        subprocess.run(  # noqa: S603 - this project, on loopback
            [sys.executable, "manage.py", *args], cwd=ROOT, env=self.env, check=True,
            capture_output=True, timeout=120,
        )  # fmt: skip

    def start(self) -> "Portal":
        self._manage("migrate", "--noinput", "-v", "0")
        self._manage("load_demo")
        gunicorn = [sys.executable, "-m", "gunicorn", "asfportal.wsgi", "--no-control-socket"]
        self.process = subprocess.Popen(  # noqa: S603 - this project, on loopback
            [*gunicorn, "-b", f"127.0.0.1:{self.port}", "-w", "1", "--timeout", "30"],
            cwd=ROOT, env=self.env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(self.api + "/", timeout=2):  # noqa: S310
                    return self
            except OSError:
                time.sleep(0.2)
        self.stop()
        raise RuntimeError("portal A did not start")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            os.kill(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.kill(self.process.pid, signal.SIGKILL)
                self.process.wait()
        shutil.rmtree(self.folder, ignore_errors=True)

    def sql(self, statement: str, *params) -> list[tuple]:
        """Change or read portal A's own database, as its advisors would."""
        with sqlite3.connect(self.database) as connection:
            return connection.execute(statement, params).fetchall()


class CannedSource:
    """Answers ``routes``: path (without query) → (status, content type,
    body bytes, seconds to wait first), or a function of the query's
    parameters that returns one. Everything else is a 404."""

    def __init__(self, routes: dict):
        self.routes = routes
        self.requests: list[str] = []
        source = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                source.requests.append(self.path)
                parts = urlsplit(self.path)
                route = source.routes.get(
                    parts.path.rstrip("/") or "/",
                    (404, "application/json", b'{"detail": "not found"}', 0),
                )
                if callable(route):  # chooses by the query
                    route = route(dict(parse_qsl(parts.query)))
                status, content_type, body, wait = route
                if wait:
                    time.sleep(wait)
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", content_type)
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up waiting, as the slow-source test wants

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_port}/api"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> "CannedSource":
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()


def ok(data, wait: float = 0) -> tuple:
    return (200, "application/json", json.dumps(data).encode(), wait)


def page(contents: list, total_pages: int = 1) -> tuple:
    return ok(
        {
            "total_items": len(contents),
            "total_pages": total_pages,
            "page_number": 1,
            "size": len(contents),
            "first_page": True,
            "last_page": total_pages == 1,
            "empty": not contents,
            "contents": contents,
        }
    )
