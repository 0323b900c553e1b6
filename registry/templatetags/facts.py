"""Registry facts in words for templates: ``{{ enterprise|access_facts }}``,
``{{ offering|referral_routes }}``."""

from django import template

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
