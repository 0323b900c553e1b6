"""Registry facts in words for templates: ``{{ enterprise|access_facts }}``,
``{{ offering|referral_routes }}``."""

from django import template

from asfportal.core import hours
from registry import presentation

register = template.Library()


@register.filter
def access_facts(enterprise) -> list[str]:
    return presentation.access_facts(enterprise)


@register.filter
def referral_routes(offering) -> presentation.Routes:
    return presentation.referral_routes(offering)


@register.simple_tag
def stale_note() -> str:
    """What a stale record says to the public, in the one freshness rule's words."""
    return presentation.stale_note()


@register.filter
def described_hours(rules) -> list[str]:
    """A place's hours in the reader's language ("Första tisdagen i månaden 13.00–16.00")."""
    return hours.describe_all(rules or [])
