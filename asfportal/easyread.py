"""The lättläst pages (easy-to-read Swedish; plain English under /en/): their
addresses, titles and leads, and the list that ends each page. The texts
themselves are in templates/asfportal/lattlast/."""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class EasyReadPage:
    slug: str  # "" for /lattlast/ itself
    template: str
    title: str
    lead: str

    def url(self) -> str:
        if not self.slug:
            return reverse("easy_read")
        return reverse("easy_read_page", args=[self.slug])


PAGES = [
    EasyReadPage(
        "",
        "index",
        _("Lättläst om sociala företag"),
        _("Här får du veta vad ett socialt företag är. Du får också veta hur vi kan hjälpa dig."),
    ),
    EasyReadPage(
        "hitta-foretag",
        "hitta",
        _("Så hittar du ett socialt företag"),
        _("Vi har en lista över sociala företag. Här står hur du använder den."),
    ),
    EasyReadPage(
        "fa-hjalp",
        "hjalp",
        _("Så får du hjälp av oss"),
        _("Du kan prata med en rådgivare hos oss. En rådgivare kan hjälpa dig att hitta rätt."),
    ),
    EasyReadPage(
        "dina-uppgifter",
        "uppgifter",
        _("Så tar vi hand om det du berättar"),
        _("Här står vad vi gör med ditt namn och det du skriver till oss."),
    ),
]


def page(slug: str) -> EasyReadPage | None:
    return next((p for p in PAGES if p.slug == slug), None)


def menu(current: EasyReadPage) -> list[dict]:
    """Every lättläst page, the current one marked."""
    return [{"title": p.title, "url": p.url(), "current": p is current} for p in PAGES]
