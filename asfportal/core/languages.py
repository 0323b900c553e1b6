"""The languages the site speaks, each in its own name.

A person looking for their language recognises it written in that language
("العربية", "Suomi"), not in Swedish. Django's ``LANG_INFO`` has most names;
the few it lacks are here.
"""

from django.conf import settings
from django.utils.translation import get_language_info

# Names Django's LANG_INFO does not have (checked against Django 6.1).
OWN_NAMES = {"so": "Soomaali", "ti": "ትግርኛ", "prs": "دری"}


def language_name(code: str) -> str:
    """``code``'s own name, capitalised as a label ("Svenska", "English")."""
    name = OWN_NAMES.get(code)
    if name is None:
        try:
            name = get_language_info(code)["name_local"]
        except KeyError:
            return code
    return name[:1].upper() + name[1:]


def site_languages() -> list[tuple[str, str]]:
    """(code, own name) of every language the site is written in."""
    return [(code, language_name(code)) for code, _name in settings.LANGUAGES]
