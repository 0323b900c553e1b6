"""`make cluster-test`: what two web nodes behind nginx must do together, and
what a citizen sees while a node, PostgreSQL or Redis fails under load.

Run by scripts/cluster.py once the cluster is up. Every request goes to
127.0.0.1; each load phase is a fixed number of seconds with a fixed number of
client threads, and every request has a timeout. Prints the counts per phase
and returns the failures (an empty list when everything held).
"""

import random
import re
import signal
import threading
import time
import uuid
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

import requests
from cluster import NGINX_PORT, NODE_A_PORT, NODE_B_PORT, RATE_PER_HOUR, say

TIMEOUT = 10  # seconds per request
THREADS = 6
PHASE_SECONDS = 8
FAULT_AFTER = 2.5  # seconds into a phase
PASSWORD = "kluster-test-" + uuid.uuid4().hex[:12]
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
REFERENCE = re.compile(r'<p class="receipt__reference">\s*([^<\s]+)\s*</p>')


class Client:
    """One browser: its own cookies (kept by hand: the site marks them Secure,
    and the loopback cluster speaks plain HTTP behind its pretend TLS), its own
    address (X-Forwarded-For, as a load balancer in front would say)."""

    def __init__(self, port: int, address: str = "192.0.2.1"):
        self.port, self.address = port, address
        self.cookies: dict[str, str] = {}

    def _headers(self, extra: dict | None = None) -> dict:
        headers = {
            "X-Forwarded-For": self.address,
            "X-Forwarded-Proto": "https",  # nginx sets it itself; a node needs it
            "Origin": f"https://127.0.0.1:{self.port}",
            "Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items()),
        }
        return headers | (extra or {})

    def request(self, method: str, path: str, data: dict | None = None) -> requests.Response:
        response = requests.request(
            method,
            f"http://127.0.0.1:{self.port}{path}",
            data=data,
            headers=self._headers(),
            allow_redirects=False,
            timeout=TIMEOUT,
        )
        self.cookies.update(response.cookies.get_dict())
        return response

    def get(self, path: str) -> requests.Response:
        return self.request("GET", path)

    def post(self, path: str, data: dict) -> requests.Response:
        return self.request("POST", path, data)

    def csrf(self, path: str) -> str:
        found = CSRF.search(self.get(path).text)
        if not found:
            raise AssertionError(f"no CSRF token on {path}")
        return found.group(1)


class Checks:
    def __init__(self):
        self.failures: list[str] = []

    def that(self, ok: bool, text: str) -> None:
        say(f"  [{'x' if ok else ' '}] {text}")
        if not ok:
            self.failures.append(text)


def inquiry(marker: str, token: str, csrf: str) -> dict:
    return {
        "csrfmiddlewaretoken": csrf,
        "token": token,
        "name": "Kluster Testsson",
        "email": "kluster@example.se",
        "phone": "",
        "preferred_time": "morning",
        "topic": "jobba",
        "language": "sv",
        "language_other": "",
        "interpreter": "nej",
        "message": f"Klustertest {marker}",
        "hemsida": "",
    }


# --- The nodes together --------------------------------------------------------


def _advisor(cluster) -> None:
    cluster.manage(
        "create_staff",
        "klusterradgivare",
        "--role",
        "advisor",
        "--email",
        "radgivare@example.se",
        "--first-name",
        "Klara",
        "--no-password",
    )
    cluster.manage(
        "shell",
        "-c",
        (
            "from django.contrib.auth import get_user_model; "
            "u = get_user_model().objects.get(username='klusterradgivare'); "
            f"u.set_password('{PASSWORD}'); u.save()"
        ),
    )


def _log_in(client: Client) -> requests.Response:
    path = "/handlaggare/konto/logga-in/"
    csrf = client.csrf(path)
    return client.post(
        path, {"csrfmiddlewaretoken": csrf, "username": "klusterradgivare", "password": PASSWORD}
    )


def check_together(cluster, checks: Checks) -> None:
    say("\nTwo nodes, one site:")
    _advisor(cluster)
    a, b = Client(NODE_A_PORT), Client(NODE_B_PORT)
    checks.that(_log_in(a).status_code == 302, "an advisor signs in on node A")
    b.cookies = dict(a.cookies)
    dashboard = b.get("/handlaggare/")
    checks.that(
        dashboard.status_code == 200 and "Klara" in dashboard.text,
        "the same session works on node B (the advisor's dashboard)",
    )

    out = cluster.manage(
        "shell",
        "-c",
        (
            "from registry.models import SocialEnterprise as E; "
            "e = E.objects.published().order_by('pk').first(); print('FOUND', e.slug, e.pk)"
        ),
    )
    _found, slug, pk = next(line for line in out.splitlines() if line.startswith("FOUND")).split()
    profile = f"/foretag/{slug}/"
    first = b.get(profile)
    again = b.get(profile)  # now in the shared page cache
    checks.that(first.status_code == again.status_code == 200, "node B shows a profile")
    csrf = CSRF.search(a.get(f"/handlaggare/foretag/{pk}/").text).group(1)
    archived = a.post(
        f"/handlaggare/foretag/{pk}/status/", {"csrfmiddlewaretoken": csrf, "status": "archived"}
    )
    checks.that(archived.status_code == 302, "node A archives that enterprise")
    gone = b.get(profile)
    checks.that(
        gone.status_code == 404,
        f"node B answers 404 for it at once (got {gone.status_code}): the page cache "
        "is shared and emptied by the write on A",
    )
    restore = CSRF.search(a.get(f"/handlaggare/foretag/{pk}/").text).group(1)
    a.post(
        f"/handlaggare/foretag/{pk}/status/",
        {"csrfmiddlewaretoken": restore, "status": "published"},
    )

    citizen_a = Client(NODE_A_PORT, "198.51.100.23")
    citizen_b = Client(NODE_B_PORT, "198.51.100.23")
    citizen_b.cookies = citizen_a.cookies  # one browser, sent to either node
    statuses = []
    for number in range(RATE_PER_HOUR + 1):
        client = (citizen_a, citizen_b)[number % 2]
        csrf = client.csrf("/kontakt/")
        sent = client.post("/kontakt/", inquiry("rate", str(uuid.uuid4()), csrf))
        statuses.append(sent.status_code)
    checks.that(
        statuses == [302] * RATE_PER_HOUR + [429],
        f"the form limit ({RATE_PER_HOUR} an hour) counts sends on both nodes: {statuses}",
    )


# --- Load with faults ---------------------------------------------------------------


def _address() -> str:
    return "10." + ".".join(str(random.randrange(256)) for _ in range(3))


class Load:
    """THREADS citizens for PHASE_SECONDS: mostly page views, every fourth
    request an inquiry with a unique token and marker, through nginx."""

    PAGES = [
        "/",
        "/foretag/",
        "/foretag/?q=kafe",
        "/foretag/?q=tradgard&sida=",
        "/policy/",
        "/partner/",
        "/kontakt/",
    ]

    def __init__(self, phase: str):
        self.phase = phase
        self.statuses: Counter = Counter()
        self.receipts: dict[str, str] = {}  # marker -> reference shown
        self.sent: list[str] = []  # markers of inquiries sent
        self.lock = threading.Lock()
        self.errors: Counter = Counter()

    def run(self, fault=None) -> None:
        stop_at = time.monotonic() + PHASE_SECONDS
        with ThreadPoolExecutor(THREADS + 1) as pool:
            runs = [pool.submit(self._citizen, number, stop_at) for number in range(THREADS)]
            if fault:
                time.sleep(FAULT_AFTER)
                fault()
            for run in runs:
                run.result()

    def _count(self, status) -> None:
        with self.lock:
            self.statuses[status] += 1

    def _citizen(self, number: int, stop_at: float) -> None:
        # Each citizen its own address, so the forms' hourly limit (5 in the
        # cluster, checked above) is not what this measures.
        client = Client(NGINX_PORT, _address())
        rounds = 0
        while time.monotonic() < stop_at:
            rounds += 1
            try:
                if rounds % 4 == 0:
                    self._send_inquiry(client)
                else:
                    self._count(client.get(random.choice(self.PAGES)).status_code)
            except requests.RequestException as error:
                with self.lock:
                    self.errors[type(error).__name__] += 1
                    self.statuses["no answer"] += 1

    def _send_inquiry(self, client: Client) -> None:
        page = client.get("/kontakt/")
        self._count(page.status_code)
        found = CSRF.search(page.text)
        if page.status_code != 200 or not found:
            return
        client.address = _address()  # a new citizen at this browser
        marker = f"{self.phase}-{uuid.uuid4().hex[:10]}"
        with self.lock:
            self.sent.append(marker)
        sent = client.post("/kontakt/", inquiry(marker, str(uuid.uuid4()), found.group(1)))
        self._count(sent.status_code)
        if sent.status_code != 302:
            return
        receipt = client.get(sent.headers["Location"].replace("https://", "http://"))
        self._count(receipt.status_code)
        shown = REFERENCE.search(receipt.text)
        if receipt.status_code == 200 and shown:
            with self.lock:
                self.receipts[marker] = shown.group(1)

    def fives(self) -> int:
        return sum(n for status, n in self.statuses.items() if str(status).startswith("5"))

    def summary(self) -> str:
        by_status = ", ".join(
            f"{status}: {n}"
            for status, n in sorted(self.statuses.items(), key=lambda item: str(item[0]))
        )
        return (
            f"{sum(self.statuses.values())} requests ({by_status}); "
            f"{len(self.sent)} inquiries sent, {len(self.receipts)} receipts shown"
        )


def stored(cluster, markers: list[str]) -> dict[str, list[str]]:
    """marker -> the references stored for it (more than one would be a double)."""
    if not markers:
        return {}
    out = cluster.manage(
        "shell",
        "-c",
        (
            "from guidance.models import Inquiry; "
            "[print('FOUND', i.message.removeprefix('Klustertest '), i.reference) for i in "
            "Inquiry.objects.filter(message__startswith='Klustertest ')]"
        ),
    )
    found: dict[str, list[str]] = {}
    for line in out.splitlines():
        if not line.startswith("FOUND "):
            continue
        _found, marker, reference = line.split()
        found.setdefault(marker, []).append(reference)
    return {marker: found.get(marker, []) for marker in markers}


def check_load(cluster, checks: Checks, phase: str, fault=None, allowed_5xx=None) -> Load:
    say(f"\n{phase}:")
    load = Load(phase.split()[0].lower())
    load.run(fault)
    say(f"  {load.summary()}")
    rows = stored(cluster, load.sent)
    lost = [m for m, ref in load.receipts.items() if ref not in rows.get(m, [])]
    doubles = [m for m, refs in rows.items() if len(refs) > 1]
    saved = sum(1 for refs in rows.values() if refs)
    say(f"  stored {saved} of {len(load.sent)} sent; lost = {len(lost)}; twice = {len(doubles)}")
    shown = len(load.receipts)
    # Without receipts the two checks below would pass having tested nothing
    # (a form that refuses every send, say).
    checks.that(
        shown >= len(load.sent) / 2,
        f"{phase}: at least half the inquiries sent got a receipt ({shown} of {len(load.sent)})",
    )
    checks.that(not lost, f"{phase}: every receipt shown is stored (lost = {len(lost)})")
    checks.that(not doubles, f"{phase}: no inquiry stored twice")
    fives = load.fives()
    if allowed_5xx is None:
        checks.that(
            fives == 0 and not load.errors,
            f"{phase}: no 5xx and no dropped request ({fives}, {dict(load.errors)})",
        )
    else:
        allowed_5xx(load, checks)
    return load


def run_all(cluster) -> list[str]:
    checks = Checks()
    check_together(cluster, checks)
    check_load(cluster, checks, "Steady (both nodes up)")

    def kill_b():
        say(f"  … SIGKILL node B (pid {cluster.nodes['B'].pid})")
        cluster.nodes["B"].send_signal(signal.SIGKILL)

    def only_in_flight(load: Load, checks: Checks) -> None:
        fives = load.fives() + load.statuses["no answer"]
        checks.that(
            fives <= THREADS,
            f"Node B killed: errors only for requests in flight on it ({fives}, at most {THREADS})",
        )

    check_load(cluster, checks, "Node B killed", kill_b, only_in_flight)
    cluster.nodes["B"].wait(timeout=10)
    cluster.start_node("B", NODE_B_PORT)

    def restart_postgres():
        say("  … PostgreSQL restarted")
        cluster.postgres.restart()

    def calm(load: Load, checks: Checks) -> None:
        bare = {s: n for s, n in load.statuses.items() if str(s).startswith("5") and s != 503}
        checks.that(
            not bare and not load.errors,
            "PostgreSQL restarted: only calm 503s "
            f"({load.statuses.get(503, 0)}), no 500 or 502 ({bare}, {dict(load.errors)})",
        )

    check_load(cluster, checks, "PostgreSQL restarted", restart_postgres, calm)

    def stop_redis():
        say("  … Redis stopped")
        cluster.redis.stop()

    check_load(cluster, checks, "Redis stopped", stop_redis)
    cluster.redis.start()
    say(f"\n{'All checks passed.' if not checks.failures else 'FAILED:'}")
    for failure in checks.failures:
        say(f"  - {failure}")
    return checks.failures
