"""The page chrome (head links, header, menu, footer) is rendered once per
process and language (base.html's fragments), and never shows a stale
language, menu entry or setting."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def no_page_cache(settings):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 0


def _nav(html: str) -> str:
    return html.split('<nav class="site-nav site-nav--wide"', 1)[1].split("</nav>", 1)[0]


def test_each_language_gets_its_own_chrome(client):
    swedish = client.get(reverse("registry:partner_list")).content.decode()
    english = client.get("/en" + reverse("registry:partner_list")).content.decode()

    assert "Hitta företag" in _nav(swedish)
    assert "Find enterprises" in _nav(english)
    assert "Hitta företag" not in _nav(english)
    assert "About the website" in english
    assert "Om webbplatsen" not in english


def test_the_current_menu_entry_follows_the_page(client):
    directory = _nav(client.get(reverse("registry:enterprise_list")).content.decode())
    partners = _nav(client.get(reverse("registry:partner_list")).content.decode())

    current = 'aria-current="page">'
    assert f"{current}Hitta företag" in directory
    assert f"{current}Samarbetspartner" in partners
    assert f"{current}Hitta företag" not in partners


def test_the_language_link_is_this_page_in_the_other_language(client):
    html = client.get(reverse("registry:enterprise_list"), {"q": "kafé"}).content.decode()
    again = client.get(reverse("registry:partner_list")).content.decode()

    assert 'href="/en/foretag/?q=kaf%C3%A9" lang="en"' in html
    assert 'href="/en/partner/" lang="en"' in again


def test_a_changed_setting_shows_at_once(client, settings):
    settings.CONTACT_EMAIL = "forst@kommun.example"
    first = client.get(reverse("registry:partner_list")).content.decode()
    settings.CONTACT_EMAIL = "sedan@kommun.example"
    settings.MUNICIPALITY_NAME = "Nya kommunen"
    second = client.get(reverse("registry:partner_list")).content.decode()

    assert "forst@kommun.example" in first
    assert "sedan@kommun.example" in second
    assert "forst@kommun.example" not in second
    assert '<span class="site-brand__owner">Nya kommunen</span>' in second


def test_the_phone_menu_is_the_same_menu_behind_a_button_that_needs_no_javascript(client):
    html = client.get(reverse("registry:partner_list")).content.decode()

    phone = html.split('<details class="site-menu">', 1)[1].split("</details>", 1)[0]
    assert '<summary class="site-menu__button">Meny</summary>' in phone
    assert _nav(html).strip() in phone
    assert 'aria-current="page">Samarbetspartner' in phone
    # The language link stays in the header row, outside the folded menu.
    assert html.index('lang="en" hreflang="en">English</a>') < html.index('class="site-menu"')
