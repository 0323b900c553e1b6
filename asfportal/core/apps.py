from django.apps import AppConfig


class CoreConfig(AppConfig):
    """Installed so Django finds the base layer's template filters."""

    name = "asfportal.core"
    label = "core"
