import json
import os
import shutil
import socket
import subprocess
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.demo_content import load_demo_content

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

WCAG_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture
def axe_check():
    """Run axe-core (WCAG 2.1 A and AA) on a page and fail with its report."""
    axe = Axe()

    def check(page) -> None:
        results = axe.run(page, options=WCAG_AA)
        assert results.violations_count == 0, f"{page.url}\n{results.generate_report()}"

    return check


@pytest.fixture
def console_errors(page):
    """Console errors, which include any Content-Security-Policy violation."""
    errors: list[str] = []
    page.on(
        "console", lambda message: errors.append(message.text) if message.type == "error" else None
    )
    page.on("pageerror", lambda error: errors.append(str(error)))
    return errors


# The Nu Html Checker (vnu-jar from npm, run by Java) as a local service: every
# public page a browser test loads is checked as the server sent it.
VNU_JAR = Path(__file__).resolve().parents[2] / "node_modules/vnu-jar/build/dist/vnu.jar"
NOT_PUBLIC = ("/handlaggare/", "/en/handlaggare/", "/admin/")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _missing(message: str):
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture(scope="session")
def html_checker(pytestconfig):
    """The checker's address on loopback. Started once per session (about ten
    seconds), stopped by its process id when the session ends."""
    java = shutil.which("java")
    if not java or not VNU_JAR.exists():
        _missing(
            f"The Nu Html Checker needs java and {VNU_JAR}: "
            "npm ci; apt-get install default-jre-headless"
        )
    port = _free_port()
    server = subprocess.Popen(  # noqa: S603 - our own checker, on loopback
        [java, "-Xss1024k", "-Dnu.validator.servlet.bind-address=127.0.0.1", "-cp", str(VNU_JAR),
         "nu.validator.servlet.Main", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}/?out=json"
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                break
        except OSError:
            time.sleep(0.5)
    else:
        server.kill()
        pytest.fail("The Nu Html Checker did not start within 90 seconds")
    pytestconfig._asf_html_checked = []  # URLs checked, for the run's summary
    yield url
    server.terminate()
    server.wait(timeout=30)


def html_errors(checker_url: str, html: str) -> list[str]:
    """The checker's errors (not its warnings) for one document."""
    request = urllib.request.Request(  # noqa: S310 - the checker on loopback
        checker_url,
        data=html.encode(),
        headers={"Content-Type": "text/html; charset=utf-8"},
    )
    with urllib.request.urlopen(request, timeout=60) as answer:  # noqa: S310
        messages = json.load(answer)["messages"]
    return [
        f"line {m.get('lastLine')}: {m['message']}"
        for m in messages
        if m["type"] == "error" or m.get("subType") == "fatal"
    ]


class PageRecorder:
    """Keeps the HTML of every public page a browser context loads."""

    def __init__(self):
        self.documents: list[tuple[str, str]] = []

    def attach(self, context) -> None:
        context.on("response", self._record)

    def _record(self, response) -> None:
        if response.request.resource_type != "document":
            return  # htmx fragments and assets
        if "text/html" not in response.headers.get("content-type", ""):
            return  # a CSV download
        if 300 <= response.status < 400 or urlsplit(response.url).path.startswith(NOT_PUBLIC):
            return
        self.documents.append((response.url, response.text()))


@pytest.fixture
def page_recorder(html_checker, pytestconfig):
    """Every public page the test's browser loaded must pass the checker."""
    recorder = PageRecorder()
    yield recorder
    problems = []
    for url, html in recorder.documents:
        pytestconfig._asf_html_checked.append(url)
        problems += [f"{url} {error}" for error in html_errors(html_checker, html)]
    assert problems == [], "The Nu Html Checker found errors:\n" + "\n".join(problems)


@pytest.fixture
def context(context, page_recorder):
    """pytest-playwright's context, with its public pages recorded for the checker."""
    page_recorder.attach(context)
    return context


@pytest.fixture
def no_js_page(browser, live_server, page_recorder):
    context = browser.new_context(java_script_enabled=False)
    page_recorder.attach(context)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def sign_in(live_server):
    """Sign a user in to a Playwright page by handing it a session cookie."""
    from django.conf import settings
    from django.test import Client

    def sign_in(page, user) -> None:
        client = Client()
        client.force_login(user)
        cookie = client.cookies[settings.SESSION_COOKIE_NAME]
        page.context.add_cookies(
            [{"name": cookie.key, "value": cookie.value, "url": live_server.url}]
        )

    return sign_in


@pytest.fixture
def demo(live_server):
    """The demo content on the live server; its address."""
    load_demo_content()
    return live_server.url
