"""The Nu Html Checker itself: it must find an error when there is one, or a
clean run of the browser tests would prove nothing."""

from tests.browser.conftest import html_errors


def test_the_checker_reports_an_attribute_htmx_does_not_need(html_checker):
    html = (
        '<!doctype html><html lang="sv"><head><title>x</title></head>'
        '<body><form hx-get="/foretag/"></form></body></html>'
    )
    assert html_errors(html_checker, html) == [
        "line 1: Attribute “hx-get” not allowed on element “form” at this point."
    ]


def test_the_checker_accepts_the_data_spelling(html_checker):
    html = (
        '<!doctype html><html lang="sv"><head><title>x</title></head>'
        '<body><form data-hx-get="/foretag/"></form></body></html>'
    )
    assert html_errors(html_checker, html) == []
