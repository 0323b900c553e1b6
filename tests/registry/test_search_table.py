"""The search a person can trust, on the demo content, on both databases.

One table of queries as people type them (typos, å/ä/ö typed as a/o,
compounds, word forms, place names, two words) with the enterprises each must
find, and nonsense that must find nothing. It runs as one test that loads the
demo once and reports every query that went wrong at the same time.
"""

import pytest
from django.urls import reverse

from tests.demo_content import load_demo_content

pytestmark = pytest.mark.django_db
URL = reverse("registry:enterprise_list")

# The demo's enterprises by trade (registry/demo.py), and a few by place.
CAFE = {
    "Bageriet Surdegen AB (svb)",
    "Gröna Gaffeln",
    "Kafé Kornet AB (svb)",
    "Kafé Solrosen ideell förening",
    "Kafé Trappan",
    "Lunchkooperativet Smaka",
    "Matsalen på Torget",
}
CATERING = {
    "Buffé & Bord ekonomisk förening",
    "Catering Kastrullen",
    "Festkök Syster",
    "Matlådan Ekonomisk förening",
    "Matverket Norrby",
}
GARDEN = {
    "Blomsterbruket",
    "Gröna Händer ekonomisk förening",
    "Koloniträdgården ekonomisk förening",
    "Odlingskooperativet Fröet stiftelse",
    "Parkgänget ekonomisk förening",
}
MOVING = {"Budkooperativet Snabbfot", "Bärhjälpen", "Flyttkompaniet Bära ideell förening"}
MOVING |= {"Transportlaget"}
BIKES = {"Cykelfixarna", "Cykelköket", "Cykelverkstaden Trampa", "Ekrar & Kedjor"}
IT = {
    "Datahjälpen ekonomisk förening",
    "IT-Återbruket",
    "Kontorsservice Ordning",
    "Pixelverkstan",
    "Skanna & Spara",
}
ANIMALS = {
    "Fårakooperativet Ullen",
    "Hundgården Tass ekonomisk förening",
    "Naturvårdslaget",
    "Stallet Hästhoven",
}
CLEANING = {
    "Fönsterputsarna",
    "Puts & Polish ideell förening",
    "Rent & Klart ekonomisk förening",
    "Skinande Service",
    "Städkooperativet Glans",
    "Städlaget Norrsken",
}
REUSE = {
    "Andra Chansen Second Hand",
    "Kretsloppsboden",
    "Loppis & Lagning ekonomisk förening",
    "Möbelräddarna",
    "Prylbanken",
    "Returverket",
}
WOOD = {
    "Hantverkshuset ideell förening",
    "Hyvelbänken ekonomisk förening",
    "Snickarglädjen",
    "Träkooperativet Kvisten",
    "Verkstan i Ekbacken ekonomisk förening",
}
TEXTILE = {
    "Mangelboden AB (svb)",
    "Sömnadsateljén Tråden ekonomisk förening",
    "Textilverkstaden",
    "Tvättstugan Ren",
}
NYNASHAMN = {
    "Buffé & Bord ekonomisk förening",
    "Gröna Händer ekonomisk förening",
    "Kafé Kornet AB (svb)",
    "Kafé Solrosen ideell förening",
    "Kafé Trappan",
    "Kretsloppsboden",
    "Matsalen på Torget",
    "Matverket Norrby",
    "Städlaget Norrsken",
    "Sömnadsateljén Tråden ekonomisk förening",
}
TYRESO = {
    "Bageriet Surdegen AB (svb)",
    "Catering Kastrullen",
    "Koloniträdgården ekonomisk förening",
    "Kontorsservice Ordning",
    "Odlingskooperativet Fröet stiftelse",
}

# query → (the enterprises it finds, what "Visar träffar för" says or None)
TABLE = {
    # One letter wrong, missing, added or two swapped (4 to 7 letters: one typo).
    "resturang": (CAFE, "restaurang"),
    "catring": (CATERING, "catering"),
    "snickre": (WOOD, "snickare"),
    "fester": (CATERING, None),
    "fetser": (CATERING, "fester"),
    "bilra": (MOVING, "bilar"),
    "cykalr": (BIKES, "cyklar"),
    # 8 letters and more: two typos.
    "cykelverksatd": (BIKES, "cykelverkstad"),
    "digitalsering": (IT, "digitalisering"),
    "bortforslign": (MOVING, "bortforsling"),
    "plantring": (GARDEN, "plantering"),
    "trappphuss": (CLEANING, "trapphus"),
    "tvätteriii": (TEXTILE, "tvätteri"),
    # å, ä, ö and é typed without their marks.
    "tradgard": (GARDEN, "trädgård"),
    "stadning": (CLEANING, "städning"),
    "kafe": (CAFE, "kafé"),
    "cafe": (CAFE, "café"),
    "tvatteri": (TEXTILE, "tvätteri"),
    "naturvard": (ANIMALS, "naturvård"),
    "aterbruk": (REUSE | WOOD | {"IT-Återbruket"}, "återbruk"),
    "syatelje": (TEXTILE, "syateljé"),
    # Compounds, both ways, and prefixes.
    "secondhand": (REUSE, "second hand"),
    "flytt": (MOVING, None),
    "verkstad": (BIKES | WOOD | {"Textilverkstaden"}, None),
    "skötsel": (GARDEN | ANIMALS, None),
    "restaurang": (CAFE, None),
    "cykel": (BIKES, None),
    "hunddagis": (ANIMALS, None),
    "trapphus": (CLEANING, None),
    # Word forms.
    "cyklar": (BIKES, None),
    "datorer": (IT, None),
    "möbler": (WOOD | REUSE, None),
    # Place names: the area and the town of the visiting address.
    "Nynäshamn": (NYNASHAMN, None),
    "nynashamn": (NYNASHAMN, "nynäshamn"),
    "Tyresö": (TYRESO, None),
    "tyreso": (TYRESO, "tyresö"),
    # Two words: both must be there.
    "kafé nynäshamn": (CAFE & NYNASHAMN, None),
    "kafe nynashamn": (CAFE & NYNASHAMN, "kafé nynäshamn"),
    "catering tyreso": (CATERING & TYRESO, "catering tyresö"),
    "second hand nynäshamn": (REUSE & NYNASHAMN, None),
    "odling tyresö": (GARDEN & TYRESO, None),
    # Names, misspelt.
    "Bagriet Surdegen": ({"Bageriet Surdegen AB (svb)"}, "bageriet surdegen"),
    "Cykelkoket": ({"Cykelköket"}, "cykelköket"),
    # Nonsense must not be "corrected" into something unrelated.
    "xyzzyq": (set(), None),
    "qwrtplk": (set(), None),
    "blorpfnatt": (set(), None),
    "kvantfysik": (set(), None),
    "zzzz": (set(), None),
    "lunch blorpfnatt": (set(), None),
}


def test_forty_queries_find_what_people_mean(client):
    load_demo_content()
    assert len(TABLE) >= 40
    problems = []
    for query, (expected, shown) in TABLE.items():
        response = client.get(URL, {"q": query})
        found = {e.name for e in response.context["page"].object_list}
        search = response.context["search"]
        corrected = search.shown if search.corrected else None
        if found != expected:
            problems.append(f"{query!r}: missing {expected - found}, extra {found - expected}")
        if corrected != shown:
            problems.append(f"{query!r}: shown as {corrected!r}, expected {shown!r}")
    assert problems == []


def test_the_exact_spelling_ranks_first_and_corrections_are_shown(client):
    load_demo_content()
    response = client.get(URL, {"q": "tradgard"})
    assert 'Visar träffar för <strong lang="sv">trädgård</strong>' in response.text
    # The link searches for exactly what was typed, which finds nothing.
    assert "?q=tradgard&amp;exakt=1" in response.text
    exact = client.get(URL, {"q": "tradgard", "exakt": "1"})
    assert exact.context["page"].count == 0
    assert "Visar bara träffar för exakt det du skrev" in exact.text
    assert "Inga företag matchar din sökning." in exact.text
    # With the exact word typed, nothing is "corrected".
    plain = client.get(URL, {"q": "trädgård"})
    assert {e.name for e in plain.context["page"].object_list} == GARDEN
    assert "Visar träffar för" not in plain.text
