"""Two web nodes, a task worker and nginx on loopback, with a PostgreSQL and a
Redis of their own: `make cluster` (serve until Ctrl-C) and `make cluster-test`
(prove that the nodes work together and keep serving through faults).

Everything listens on 127.0.0.1 and is stopped by its process id at the end;
the database and Redis are throwaway (a temporary directory). Ports: nginx
8100, node A 8101, node B 8102 (CLUSTER_PORT moves all three); PostgreSQL
and Redis on free ports. nginx runs deploy/nginx.conf, the configuration
docs/deploy.md describes.

    python scripts/cluster.py serve
    python scripts/cluster.py test
"""

import contextlib
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from tests.redisserver import RedisServer  # noqa: E402 - after the path above

PY = Path(sys.executable)
BIN = PY.parent
BASE_PORT = int(os.environ.get("CLUSTER_PORT", "8100"))
NGINX_PORT, NODE_A_PORT, NODE_B_PORT = BASE_PORT, BASE_PORT + 1, BASE_PORT + 2
RATE_PER_HOUR = 5  # the public forms' limit per address in the cluster


def say(text: str) -> None:
    print(text, flush=True)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def answers(port: int) -> bool:
    with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 0.5):
        return True
    return False


def wait_until(check, what: str, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while not check():
        if time.monotonic() > deadline:
            raise SystemExit(f"{what} did not come up within {seconds:.0f} s")
        time.sleep(0.1)


def stop(process: subprocess.Popen | None, sig=signal.SIGTERM) -> None:
    if process is not None and process.poll() is None:
        process.send_signal(sig)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


class Postgres:
    """A throwaway PostgreSQL cluster (initdb) on a free port; as the
    postgres user when run as root, as PostgreSQL requires."""

    def __init__(self, directory: Path):
        versions = sorted(Path("/usr/lib/postgresql").glob("*/bin"))
        if not versions:
            raise SystemExit("PostgreSQL is not installed: apt-get install postgresql")
        self.bin = versions[-1]
        self.dir = directory / "pg"
        self.port = free_port()
        self.url = f"postgres://postgres@127.0.0.1:{self.port}/asfportal"

    def _run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess:
        command = [str(self.bin / args[0]), *args[1:]]
        if os.geteuid() == 0:
            command = ["runuser", "-u", "postgres", "--", *command]
        return subprocess.run(command, check=check, capture_output=True, text=True)

    def start(self) -> None:
        if not (self.dir / "data").exists():
            self.dir.mkdir(parents=True)
            if os.geteuid() == 0:
                shutil.chown(self.dir, "postgres", "postgres")
            self._run(
                "initdb",
                "-D",
                str(self.dir / "data"),
                "-U",
                "postgres",
                "--auth=trust",
                "--encoding=UTF8",
                "--locale=C.UTF-8",
            )
        self._ctl("start")
        self._run(
            "createdb",
            "-h",
            "127.0.0.1",
            "-p",
            str(self.port),
            "-U",
            "postgres",
            "asfportal",
            check=False,
        )

    def _ctl(self, action: str) -> None:
        options = f"-h 127.0.0.1 -p {self.port} -k {self.dir}"
        self._run(
            "pg_ctl",
            "-D",
            str(self.dir / "data"),
            "-l",
            str(self.dir / "log"),
            "-w",
            "-m",
            "fast",
            "-o",
            options,
            action,
        )

    def restart(self) -> None:
        self._ctl("restart")

    def stop(self) -> None:
        if (self.dir / "data" / "postmaster.pid").exists():
            self._run(
                "pg_ctl", "-D", str(self.dir / "data"), "-m", "fast", "-w", "stop", check=False
            )


class Cluster:
    def __init__(self):
        self.tmp = Path(tempfile.mkdtemp(prefix="asf-cluster-"))
        if os.geteuid() == 0:
            shutil.chown(self.tmp, "postgres", "postgres")
            self.tmp.chmod(0o755)
        self.postgres = Postgres(self.tmp)
        self.redis = RedisServer()
        self.nodes: dict[str, subprocess.Popen] = {}
        self.worker: subprocess.Popen | None = None
        self.nginx: subprocess.Popen | None = None
        self.env = {
            **os.environ,
            "DEBUG": "false",
            "SECRET_KEY": secrets.token_urlsafe(40),
            "DATABASE_URL": self.postgres.url,
            "CACHE_URL": self.redis.url,
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "BEHIND_TLS_PROXY": "true",
            "STATIC_MANIFEST": "true",
            "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
            "PUBLIC_FORM_RATE_PER_HOUR": str(RATE_PER_HOUR),
            "LOG_LEVEL": "WARNING",
            "SITE_URL": f"http://127.0.0.1:{NGINX_PORT}",
        }

    def manage(self, *args: str) -> str:
        done = subprocess.run(
            [str(PY), "manage.py", *args],
            cwd=ROOT,
            env=self.env,
            check=True,
            capture_output=True,
            text=True,
        )
        return done.stdout

    def start(self) -> None:
        for port in (NGINX_PORT, NODE_A_PORT, NODE_B_PORT):
            if answers(port):
                raise SystemExit(f"Port {port} is taken: set CLUSTER_PORT to move the cluster")
        say(f"PostgreSQL on {self.postgres.port}, Redis on {self.redis.port} ({self.tmp})")
        self.postgres.start()
        self.redis.start()
        say("Migrating, loading the demo content, collecting static files …")
        self.manage("migrate", "--noinput", "-v", "0")
        demo = {**self.env, "DEBUG": "true"}  # the demo loader is for development sites
        subprocess.run(
            [str(PY), "manage.py", "load_demo"], cwd=ROOT, env=demo, check=True, capture_output=True
        )
        self.manage("rebuild_search_index")
        self.manage("collectstatic", "--noinput", "-v", "0")
        for name, port in (("A", NODE_A_PORT), ("B", NODE_B_PORT)):
            self.start_node(name, port)
        self.worker = subprocess.Popen(
            [str(PY), "manage.py", "run_worker", "--no-reload", "--interval", "1", "-v", "0"],
            cwd=ROOT,
            env=self.env,
            stdout=subprocess.DEVNULL,
        )
        self.start_nginx()
        say(
            f"nginx on http://127.0.0.1:{NGINX_PORT}/ in front of nodes A ({NODE_A_PORT}) "
            f"and B ({NODE_B_PORT}), with the task worker"
        )

    def start_node(self, name: str, port: int) -> None:
        self.nodes[name] = subprocess.Popen(
            [
                str(BIN / "gunicorn"),
                "asfportal.wsgi:application",
                "--workers",
                "2",
                "--bind",
                f"127.0.0.1:{port}",
                "--no-control-socket",
                "--log-level",
                "warning",
                "--graceful-timeout",
                "5",
            ],
            cwd=ROOT,
            env=self.env,
        )
        wait_until(lambda: _healthy(port), f"node {name}")

    def start_nginx(self) -> None:
        conf = fill(
            (ROOT / "deploy" / "nginx.conf").read_text(),
            ERROR_LOG=self.tmp / "nginx-error.log",
            PID_FILE=self.tmp / "nginx.pid",
            TEMP_DIR=self.tmp,
            NODE_A_PORT=NODE_A_PORT,
            NODE_B_PORT=NODE_B_PORT,
            LISTEN_PORT=NGINX_PORT,
            REAL_IP_FROM="127.0.0.1",
        )
        path = self.tmp / "nginx.conf"
        path.write_text(conf)
        nginx = shutil.which("nginx") or "/usr/sbin/nginx"
        self.nginx = subprocess.Popen([nginx, "-c", str(path), "-g", "daemon off;"])
        wait_until(lambda: _healthy(NGINX_PORT), "nginx")

    def stop(self) -> None:
        stop(self.nginx, signal.SIGQUIT)
        stop(self.worker)
        for process in self.nodes.values():
            stop(process)
        self.redis.stop()
        self.postgres.stop()
        shutil.rmtree(self.tmp, ignore_errors=True)


def fill(template: str, **values) -> str:
    """deploy/nginx.conf with its ${NAME} places filled in (nginx's own
    $variables are left alone)."""
    return re.sub(r"\$\{([A-Z_]+)\}", lambda found: str(values[found.group(1)]), template)


def _healthy(port: int) -> bool:
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/healthz", headers={"X-Forwarded-Proto": "https"}
    )
    try:
        with urllib.request.urlopen(request, timeout=2) as response:
            return response.status == 200
    except OSError:
        return False


def main() -> None:
    mode = sys.argv[1] if len(sys.argv) > 1 else "serve"
    cluster = Cluster()
    # Stop everything on Ctrl-C or a kill, even when started where SIGINT was ignored.
    for stop_signal in (signal.SIGINT, signal.SIGTERM):
        signal.signal(stop_signal, lambda *_: sys.exit(0))
    try:
        cluster.start()
        if mode == "test":
            from cluster_test import run_all  # scripts/cluster_test.py

            failures = run_all(cluster)
            raise SystemExit(1 if failures else 0)
        say("Ctrl-C stops everything.")
        while True:
            time.sleep(1)
    except KeyboardInterrupt:
        pass
    finally:
        say("Stopping the cluster …")
        cluster.stop()


if __name__ == "__main__":
    main()
