"""The data steps of the migrations that came with issue 27, run on today's
models (their fields are the ones the steps touch)."""

import importlib

import pytest
from django.apps import apps

from registry.models import CriterionState, CriterionVerification, Place
from tests.factories import PlaceFactory, VerificationFactory

pytestmark = pytest.mark.django_db


def step(module: str, name: str):
    return getattr(importlib.import_module(f"registry.migrations.{module}"), name)


def test_an_unticked_criterion_becomes_not_assessed_never_not_met():
    met = VerificationFactory(criterion=1, verified=True)
    unticked = VerificationFactory(criterion=2, verified=False)

    step("0013_criterion_not_assessed", "unticked_is_not_assessed")(apps, None)

    met.refresh_from_db()
    unticked.refresh_from_db()
    assert met.state == CriterionState.MET
    assert unticked.state == CriterionState.NOT_ASSESSED
    assert not CriterionVerification.objects.filter(verified=False).exists()


def test_free_text_hours_that_read_as_rules_become_rules_and_the_rest_stay_text():
    readable = PlaceFactory(opening_hours="Måndag–torsdag 8–16.30\nFredag 8–15", hours=[])
    unreadable = PlaceFactory(opening_hours="Drop-in ibland, ring först", hours=[])
    dashed = PlaceFactory(opening_hours="Tisdagar – 13–16", hours=[])

    step("0014_place_hours", "hours_from_text")(apps, None)

    readable, unreadable, dashed = (
        Place.objects.get(pk=p.pk) for p in (readable, unreadable, dashed)
    )
    assert [r["byday"] for r in readable.hours] == [["MO", "TU", "WE", "TH"], ["FR"]]
    assert readable.opening_hours == ""
    assert (unreadable.hours, unreadable.opening_hours) == ([], "Drop-in ibland, ring först")
    assert [r["byday"] for r in dashed.hours] == [["TU"]]
