from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps


class AsfportalConfig(AppConfig):
    default = True
    name = "asfportal"

    def ready(self) -> None:
        from asfportal import advice_line

        advice_line.check_settings()  # a mistyped ADVICE_PHONE_HOURS stops the start


class SiteAdminConfig(admin_apps.AdminConfig):
    """Django's admin with our AdminSite, which answers 403 instead of a login
    form to a signed-in person who is not allowed in."""

    default = False
    default_site = "asfportal.admin.SiteAdmin"
