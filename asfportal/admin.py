from functools import wraps

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _


class SiteAdmin(admin.AdminSite):
    site_header = _("ASF-portalen – redigering")
    site_title = _("ASF-portalen")
    index_title = _("Innehåll")

    def admin_view(self, view, cacheable=False):
        """Anonymous visitors still get the login form; a signed-in advisor or a
        user without a role gets 403 rather than a login form they cannot use."""
        inner = super().admin_view(view, cacheable)

        @wraps(view)
        def guarded(request, *args, **kwargs):
            if request.user.is_authenticated and not self.has_permission(request):
                raise PermissionDenied
            return inner(request, *args, **kwargs)

        return guarded
