"""Registry facts in words for templates: ``{{ enterprise|access_facts }}``."""

from django import template

from registry import presentation

register = template.Library()


@register.filter
def access_facts(enterprise) -> list[str]:
    return presentation.access_facts(enterprise)
