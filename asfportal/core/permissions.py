"""Guards for the staff pages under /handlaggare/.

Every staff view checks a permission, never only ``is_staff``: anonymous
visitors are sent to the login page, a signed-in user without the permission
gets 403. Staff pages are never cached, by the browser or by a proxy.
"""

from collections.abc import Callable
from functools import wraps

from django.contrib.auth.decorators import login_required, permission_required
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST


def staff_view(*perms: str) -> Callable:
    """Login, then the permissions (all of them), then the view."""

    def decorator(view: Callable) -> Callable:
        guarded = permission_required(perms, raise_exception=True)(view)
        guarded = never_cache(login_required(guarded))
        guarded.required_permissions = perms
        return wraps(view)(guarded)

    return decorator


def staff_action(*perms: str) -> Callable:
    """A staff write: like ``staff_view``, and POST only. The permission is
    checked before the method, so a GET by someone not allowed is still 403."""

    def decorator(view: Callable) -> Callable:
        return staff_view(*perms)(require_POST(view))

    return decorator
