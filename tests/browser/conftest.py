import os

import pytest
from axe_playwright_python.sync_playwright import Axe

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


@pytest.fixture
def no_js_page(browser, live_server):
    context = browser.new_context(java_script_enabled=False)
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
