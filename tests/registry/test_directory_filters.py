"""The directory's filter form is built in Python ({% directory_filters %})
for speed; it must give the HTML Django's own widgets give."""

import re
from html.parser import HTMLParser

import pytest
from django.http import QueryDict

from registry.forms import DirectoryForm
from registry.selectors.directory import directory_page
from registry.selectors.taxonomies import taxonomies
from registry.templatetags.directory import directory_filters, directory_search
from tests.factories import AreaFactory, EnterpriseFactory, IndustryFactory, OfferingFactory

pytestmark = pytest.mark.django_db


class _Canonical(HTMLParser):
    """Tags with their attributes in name order, and text without the
    whitespace between tags: what a browser sees, however it is written."""

    def __init__(self):
        super().__init__()
        self.items = []

    def handle_starttag(self, tag, attrs):
        self.items.append((tag, sorted(attrs)))

    def handle_endtag(self, tag):
        self.items.append(("/" + tag,))

    def handle_data(self, data):
        if data.strip():
            self.items.append(data.strip())


def _canonical(html: str) -> list:
    parser = _Canonical()
    parser.feed(html)
    return parser.items


def _rendered(params: str) -> tuple[DirectoryForm, str]:
    form = DirectoryForm(QueryDict(params), taxonomies=taxonomies())
    result = directory_page(form.query(), page=None, per_page=20)
    return form, directory_search(form) + directory_filters(form, result.facets)


def _widget(html: str, name: str) -> str:
    found = re.search(rf'<input[^>]* name="{name}"[^>]*>', html) or re.search(
        rf'<select[^>]* name="{name}"[^>]*>.*?</select>', html, re.S
    )
    return found.group(0)


@pytest.fixture(autouse=True)
def content():
    industry = IndustryFactory(name="Café & bageri", slug="cafe-bageri")
    area = AreaFactory(name="Söderby", slug="soderby")
    enterprise = EnterpriseFactory(name="Kornet", industries=[industry], area=area)
    OfferingFactory(enterprise=enterprise, open_places=2)


@pytest.mark.parametrize(
    "params",
    [
        "",
        "q=kaf%C3%A9&lediga_platser=1&sortering=namn",
        "q=%22%3Cb%3E%26&verifierad=on&bekraftade=0&sortering=kontrollerad",
        "lediga_platser=false&erbjudande=praktik",
    ],
)
def test_search_box_checkboxes_and_order_are_djangos_own_html(params):
    form, html = _rendered(params)

    for name in ("q", "sortering"):
        assert _canonical(_widget(html, name)) == _canonical(form[name].as_widget()), name
    # A checkbox is there when it would give results or is ticked, as Django draws it.
    for name, ticked in (("lediga_platser", "lediga_platser=1"), ("verifierad", "verifierad=on")):
        if f'name="{name}"' in html:
            assert _canonical(_widget(html, name)) == _canonical(form[name].as_widget()), name
        else:
            assert ticked not in params, name


def test_the_search_box_has_its_own_button():
    _form, html = _rendered("q=kaf%C3%A9")

    assert re.search(r'<input type="search" name="q"[^>]*>\s*<button type="submit"', html)
    assert ">Sök</button>" in html


def test_filter_options_are_djangos_with_their_counts_and_none_that_give_nothing(settings):
    form, html = _rendered("bransch=cafe-bageri&omrade=soderby")
    for name in ("erbjudande", "bransch", "malgrupp", "omrade", "juridisk_form"):
        ours = re.findall(r'<option value="([^"]*)"( selected)?>([^<]*)', _widget(html, name))
        django = re.findall(r'<option value="([^"]*)"( selected)?>([^<]*)', form[name].as_widget())
        # The first option, "all", is first by itself (Django marks it selected).
        assert ours[0][::2] == django[0][::2], name
        # Every other option carries its count after Django's label, and one
        # that would give no results is left out unless it is chosen.
        labels = {value: label for value, _s, label in django[1:]}
        for value, _selected, label in ours[1:]:
            assert re.fullmatch(re.escape(labels[value]) + r" \((\d+)\)", label), label
            assert not label.endswith(" (0)") or value in ("cafe-bageri", "soderby"), label
        shown = [value for value, _s, _l in ours[1:]]
        assert shown == [value for value, _s, _l in django[1:] if value in shown], name
    assert '<option value="cafe-bageri" selected>Café &amp; bageri (1)</option>' in html
    assert 'value="sysselsattning"' not in html  # an offering kind nobody has


def test_a_chosen_option_with_no_results_stays_and_an_empty_checkbox_goes():
    IndustryFactory(name="Tryckeri", slug="tryckeri")

    _form, html = _rendered("bransch=tryckeri")
    _form, plain = _rendered("")

    assert '<option value="tryckeri" selected>Tryckeri (0)</option>' in html
    assert 'value="tryckeri"' not in plain
    assert 'name="lediga_platser"' in plain  # Kornet has open places
    assert 'name="verifierad"' not in plain  # nobody is verified
    assert 'name="verifierad"' in _rendered("verifierad=on")[1]  # ticked: kept


def test_a_field_with_an_error_keeps_djangos_error_markup():
    _form, html = _rendered("bransch=finns-inte&sortering=fel")

    assert 'class="form-select is-invalid" aria-invalid="true"' in html
    assert 'aria-describedby="id_sortering_error" aria-invalid="true"' in html
    assert html.count('class="invalid-feedback d-block"') == 2


def test_each_language_gets_its_own_labels():
    from django.utils import translation

    _form, swedish = _rendered("")
    with translation.override("en"):
        _form, english = _rendered("")
    assert "Alla branscher" in swedish
    assert "Alla branscher" not in english
    assert "Sortera efter" not in english
