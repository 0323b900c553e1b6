from django.conf import settings
from django.http import HttpRequest
from django.urls import get_script_prefix, translate_url
from django.utils.translation import get_language

from asfportal import advice_line

# Which main-menu entry a page belongs to, by URL name.
_SECTIONS = {
    "registry:enterprise_list": "enterprises",
    "registry:enterprise_detail": "enterprises",
    "registry:partner_list": "partners",
    "registry:partner_detail": "partners",
    "guidance:policy_list": "policy",
    "guidance:policy_detail": "policy",
    "guidance:policy_diff": "policy",
    "guidance:inquiry": "contact",
    "guidance:inquiry_receipt": "contact",
    "easy_read": "easy_read",
    "easy_read_page": "easy_read",
}


def site(request: HttpRequest) -> dict:
    """Site name, the current menu section, and this page in the other language."""
    other = "en" if get_language() == "sv" else "sv"
    match = request.resolver_match
    return {
        "nav_section": _SECTIONS.get(match.view_name if match else "", ""),
        "SITE_NAME": settings.SITE_NAME,
        "MUNICIPALITY_NAME": settings.MUNICIPALITY_NAME,
        "CONTACT_EMAIL": settings.CONTACT_EMAIL,
        "DATA_PROTECTION_EMAIL": settings.DATA_PROTECTION_EMAIL,
        "INQUIRY_RETENTION_MONTHS": settings.INQUIRY_RETENTION_MONTHS,
        "ADVICE_ANSWERS_MINUTES": settings.ADVICE_ANSWERS_MINUTES,
        **advice_line.context(get_language()),
        "other_language": other,
        "other_language_url": translate_url(request.get_full_path(), other),
        "CHROME": _chrome_key(),
    }


def _chrome_key() -> str:
    """What the header and footer fragments (``{% cache ... using="fragments" %}``
    in base.html) depend on besides the code: the language, the address the
    site is served under, and the settings they show. The fragments are kept
    in each process's memory, so a change to any of these gets new ones."""
    return "|".join(
        [
            get_language(),
            get_script_prefix(),
            settings.SITE_NAME,
            settings.MUNICIPALITY_NAME,
            settings.CONTACT_EMAIL,
            settings.ADVICE_PHONE or "",
            settings.ADVICE_PHONE_HOURS or "",
        ]
    )
