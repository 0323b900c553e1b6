"""The small helpers of the base layer: names, dates, page context, filters."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.template import Context, Template
from django.utils import timezone

from asfportal.core.dates import months_before
from asfportal.core.pages import Crumb, staff_context
from asfportal.core.people import display_name


def test_display_name_is_the_full_name_else_the_username():
    user = get_user_model()(username="rut", first_name="Rut", last_name="Rådgivare")
    assert display_name(user) == "Rut Rådgivare"
    assert display_name(get_user_model()(username="rut")) == "rut"
    assert display_name(None) == ""


def test_the_template_filter_is_the_same_name():
    user = get_user_model()(username="rut", first_name="Rut")
    html = Template("{% load site %}{{ user|display_name }}").render(Context({"user": user}))
    assert html == "Rut"


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (datetime.date(2026, 11, 26), 12, datetime.date(2025, 11, 26)),
        (datetime.date(2026, 3, 31), 1, datetime.date(2026, 2, 28)),  # shorter month
        (datetime.date(2024, 3, 31), 1, datetime.date(2024, 2, 29)),  # leap year
        (datetime.date(2026, 1, 15), 13, datetime.date(2024, 12, 15)),
    ],
)
def test_months_before_counts_calendar_months(day, months, expected):
    assert months_before(day, months) == expected


def test_staff_context_names_the_heading_menu_entry_and_crumbs():
    crumb = Crumb("Företag", "/handlaggare/foretag/")
    context = staff_context(heading="Historik", section="enterprises", crumbs=[crumb], pk=3)
    assert context == {
        "heading": "Historik",
        "staff_section": "enterprises",
        "crumbs": [crumb],
        "pk": 3,
    }


def test_html_datetime_is_local_time_to_the_second():
    moment = datetime.datetime(2026, 12, 5, 12, 0, 30, 912284, tzinfo=datetime.UTC)
    html = Template("{% load site %}{{ moment|html_datetime }}").render(Context({"moment": moment}))
    assert html == "2026-12-05T13:00:30+01:00"
    assert timezone.get_current_timezone_name() == "Europe/Stockholm"
