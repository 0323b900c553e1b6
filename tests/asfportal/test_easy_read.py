"""Lättläst: easy-to-read pages at /lattlast/, linked from every page, in
plain English under /en/, and easy enough by LIX (läsbarhetsindex)."""

import pytest
from django.urls import reverse

from asfportal.core.readability import lix, main_text

pytestmark = pytest.mark.django_db
PAGES = [
    "/lattlast/",
    "/lattlast/hitta-foretag/",
    "/lattlast/fa-hjalp/",
    "/lattlast/dina-uppgifter/",
]


@pytest.mark.parametrize("path", PAGES)
def test_every_easy_read_page_is_easy_by_lix(client, path):
    html = client.get(path).content.decode()
    blocks = main_text(html)

    assert len(blocks) > 8  # a page of text, not an empty one
    assert lix(blocks) < 30, f"{path}: LIX {lix(blocks):.1f}"


def test_lix_is_computed_as_the_index_is_defined():
    # 2 sentences, 10 words, 2 of them longer than six letters: 10/2 + 100 * 2/10.
    blocks = ["Ett socialt företag säljer saker. Det ger dig ett jobb."]
    assert lix(blocks) == pytest.approx(5 + 20)
    # A heading without a full stop is a sentence of its own.
    assert lix(["Vad är det", "Det är bra."]) == pytest.approx(3 + 0)


@pytest.mark.parametrize(
    ("path", "heading", "text"),
    [
        ("/lattlast/", "Lättläst om sociala företag", "Ett jobb med lön."),
        ("/lattlast/hitta-foretag/", "Så hittar du ett socialt företag", "Steg 2: Skriv vad"),
        ("/lattlast/fa-hjalp/", "Så får du hjälp av oss", "inom tre dagar"),
        ("/lattlast/dina-uppgifter/", "Så tar vi hand om det du berättar", "klaga hos IMY"),
        ("/en/lattlast/", "Social enterprises in easy words", "A job with pay."),
        ("/en/lattlast/fa-hjalp/", "How to get help from us", "within three days"),
    ],
)
def test_the_pages_say_it_in_their_language(client, path, heading, text):
    html = client.get(path).content.decode()

    assert f"<h1>{heading}</h1>" in html
    assert text in html


def test_each_page_links_to_the_others_and_marks_itself(client):
    html = client.get("/lattlast/fa-hjalp/").content.decode()
    more = html.split('aria-labelledby="easy-read-more"', 1)[1].split("</nav>", 1)[0]

    assert '<span aria-current="page">Så får du hjälp av oss</span>' in more
    for path in ("/lattlast/", "/lattlast/hitta-foretag/", "/lattlast/dina-uppgifter/"):
        assert f'href="{path}"' in more
    assert 'href="/lattlast/">Lättläst</a>' in html  # the breadcrumb back


@pytest.mark.parametrize("path", ["/", "/foretag/", "/policy/", "/kontakt/", "/lattlast/"])
def test_every_page_links_to_lattlast_in_its_menu(client, path):
    html = client.get(path).content.decode()
    menu = html.split('<nav class="site-nav site-nav--wide"', 1)[1].split("</nav>", 1)[0]

    assert 'href="/lattlast/"' in menu
    current = 'href="/lattlast/" aria-current="page"'
    assert (current in menu) == (path == "/lattlast/")


def test_the_start_page_offers_lattlast(client):
    html = client.get("/").content.decode()
    assert f'href="{reverse("easy_read")}">Läs om sociala företag på lättläst svenska</a>' in html


def test_the_time_we_keep_data_follows_the_setting(client, settings):
    settings.INQUIRY_RETENTION_MONTHS = 18
    html = client.get("/lattlast/dina-uppgifter/").content.decode()
    assert "Vi tar bort det 18 månader efter att vi är klara med dig." in html


def test_an_unknown_page_is_404_and_the_sitemap_lists_lattlast(client):
    assert client.get("/lattlast/finns-inte/").status_code == 404
    sitemap = client.get("/sitemap.xml").content.decode()
    assert "/lattlast/</loc>" in sitemap
