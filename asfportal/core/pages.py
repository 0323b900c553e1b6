"""What every page's heading area needs: the heading and the breadcrumbs.

Public pages show them with ``components/page_intro.html``, staff pages with
``staff/base.html``; both read ``heading`` and ``crumbs`` (a list of ``Crumb``).
"""

from collections.abc import Iterable
from typing import NamedTuple


class Crumb(NamedTuple):
    """One breadcrumb link. ``lang`` marks a label in another language than
    the page's, such as a Swedish policy title on an English page."""

    label: str
    url: str
    lang: str = ""


def staff_context(
    *, heading: str, section: str = "", crumbs: Iterable[Crumb] = (), **extra
) -> dict:
    """The context every staff page starts from: its heading, the staff menu
    entry it belongs to (``section``; none for the pages before signing in)
    and its breadcrumbs after "Översikt"."""
    return {"heading": heading, "staff_section": section, "crumbs": list(crumbs), **extra}
