"""Pick the benchmark's URLs, count each one's SQL queries, and EXPLAIN the search.

Usage (DATABASE_URL names the seeded benchmark database):
    python bench/probe.py OUT.json EXPLAIN.txt

The counts come from Django's test client in this process with the page cache
off; the taxonomies are read once first, as a running site has them cached.
"""

import json
import os
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "asfportal.settings")

import django

django.setup()

from urllib.parse import urlencode  # noqa: E402

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from asfportal.core import ordering  # noqa: E402
from registry.forms import DirectoryForm  # noqa: E402
from registry.models import Area, Industry, SocialEnterprise  # noqa: E402
from registry.selectors.directory import (  # noqa: E402
    directory_sort_keys,
    filter_directory,
)
from registry.selectors.listing import directory_queryset  # noqa: E402
from registry.selectors.taxonomies import taxonomies  # noqa: E402

DIRECTORY = "/foretag/"
# A misspelt word ("lunchservering") and one typed without å/ä/ö ("arbetsträna").
TEXT = "lunchservring arbetstrana"
# A postal code of the shipped places (registry/data/localities.csv).
PLACE = "136 40"


def deep_page_url(number: int) -> str:
    """The URL of page ``number`` of the unfiltered directory (a page number,
    as the "Nästa" link gives it; fewer pages in small test runs)."""
    total = SocialEnterprise.objects.published().count()
    number = max(1, min(number, total // settings.DIRECTORY_PAGE_SIZE))
    return f"{DIRECTORY}?{urlencode({'sida': number})}"


def nearest_page_url(number: int) -> str:
    """Page ``number`` of "nearest first" from PLACE."""
    total = SocialEnterprise.objects.published().count()
    number = max(1, min(number, total // settings.DIRECTORY_PAGE_SIZE))
    return f"{DIRECTORY}?{urlencode({'nara': PLACE, 'sida': number})}"


def urls() -> dict[str, str]:
    # Filters that keep a realistic share of the text query's hits.
    industry = Industry.objects.order_by("pk").first()
    area = Area.objects.order_by("pk").first()
    profile = SocialEnterprise.objects.published().order_by("pk").first()
    filtered = urlencode({"q": TEXT, "bransch": industry.slug, "omrade": area.slug})
    near_filtered = urlencode({"nara": PLACE, "bransch": industry.slug, "omrade": area.slug})
    return {
        "/healthz (floor)": "/healthz",
        "directory": DIRECTORY,
        "text query": f"{DIRECTORY}?{urlencode({'q': TEXT})}",
        "text + 2 filters": f"{DIRECTORY}?{filtered}",
        "page 200": deep_page_url(200),
        "nearest first": f"{DIRECTORY}?{urlencode({'nara': PLACE})}",
        "nearest + 2 filters": f"{DIRECTORY}?{near_filtered}",
        "nearest, page 200": nearest_page_url(200),
        "profile": profile.get_absolute_url(),
        "HSDS services": "/api/hsds/services?per_page=50",
    }


# Words of the seed's sentences (bench/seed.py) that new searches are made of.
NEW_TEXT_WORDS = [
    "lunchservering",
    "fika",
    "grannarna",
    "arbetsträna",
    "köket",
    "kassan",
    "leveranser",
    "vinsten",
    "verksamheten",
    "deltagare",
    "arbetsförmedlingen",
    "socialtjänsten",
    "cyklar",
    "begagnade",
    "delar",
    "trädgårdslag",
    "parker",
    "gårdar",
    "kolonilotter",
    "surdegsbröd",
    "kanelbullar",
    "morgon",
    "medlemmarna",
    "handledare",
    "plan",
    "möbler",
    "kläder",
    "arbetsmarknaden",
    "snickeriet",
    "odlingslådor",
    "fågelholkar",
    "beställning",
    "kontor",
    "trapphus",
    "lokaler",
    "föreningar",
    "praktik",
    "anställning",
    "lönebidrag",
    "samordningsförbundet",
    "timmar",
    "veckan",
    "takt",
]


def _misspelt(word: str, rng: random.Random) -> str:
    """The word as a person in a hurry types it: without å/ä/ö, or with two
    neighbouring letters swapped."""
    if rng.random() < 0.5:
        return word.translate(str.maketrans("åäö", "aao"))
    i = rng.randrange(1, len(word) - 2)
    return word[:i] + word[i + 1] + word[i] + word[i + 2 :]


def new_texts(count: int = 3000) -> list[str]:
    """Distinct two-word searches, the first word misspelt, so that no search
    repeats and nothing a process keeps per search can answer it."""
    rng = random.Random(14)  # noqa: S311 - repeatable test data
    pairs = [(a, b) for a in NEW_TEXT_WORDS for b in NEW_TEXT_WORDS if a != b]
    rng.shuffle(pairs)
    texts = dict.fromkeys(f"{_misspelt(a, rng)} {b}" for a, b in pairs)
    return list(texts)[:count]


def new_positions(count: int = 3000) -> list[str]:
    """Positions nobody asked from before, around the municipality (a
    browser's position, rounded to two decimals as site.js does)."""
    rng = random.Random(59)  # noqa: S311 - repeatable, not secret
    found: set[str] = set()
    while len(found) < count:
        found.add(f"{rng.uniform(58.5, 60.0):.2f},{rng.uniform(17.0, 19.5):.2f}")
    return sorted(found, key=lambda _p: rng.random())


def new_text_script(path: Path, params: list[dict] | None = None) -> None:
    """A wrk script that asks for a new search on every request (``params``,
    by default new texts): each of wrk's two threads walks its own stretch of
    the list, and the measured run (``-- measure``) other stretches than the
    warm-up before it."""
    params = params or [{"q": t} for t in new_texts()]
    texts = ",\n".join(f'  "{DIRECTORY}?{urlencode(p)}"' for p in params)
    report = (Path(__file__).parent / "report.lua").read_text()
    path.write_text(
        f"paths = {{\n{texts}\n}}\n"
        "local threads = 0\n"
        "setup = function(thread)\n"
        '  thread:set("stretch", threads)\n  threads = threads + 1\nend\n'
        "init = function(args)\n"
        '  local run = (args[1] == "measure") and 2 or 0\n'
        "  counter = math.floor(#paths / 4) * (run + stretch)\nend\n"
        "request = function()\n  counter = counter + 1\n"
        '  return wrk.format("GET", paths[(counter % #paths) + 1])\nend\n' + report
    )


def count_queries(client: Client, url: str) -> tuple[int, int]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    return response.status_code, len(queries)


def explain(url_params: dict) -> str:
    query = DirectoryForm(url_params, taxonomies=taxonomies()).query()
    queryset = filter_directory(directory_queryset(), query)
    keys = directory_sort_keys(queryset, query.sort)
    page = ordering.ordered(queryset, keys)[: settings.DIRECTORY_PAGE_SIZE + 1]
    return page.explain(analyze=True, buffers=True)


def main() -> None:
    out, explain_out = Path(sys.argv[1]), Path(sys.argv[2])
    settings.PUBLIC_PAGE_CACHE_SECONDS = 0
    client = Client(HTTP_HOST="127.0.0.1")
    found = {}
    chosen = urls()
    for name, url in chosen.items():
        client.get(url)  # warm the taxonomy cache and the connection
        status, queries = count_queries(client, url)
        if status != 200:
            raise SystemExit(f"{url} answered {status}")
        found[name] = {"url": url, "queries": queries}
    # Every request a search nobody made before in this run (not in the
    # queries column: it varies with what the search finds).
    script = out.parent / "new-texts.lua"
    new_text_script(script)
    found["text, new each time"] = {"url": DIRECTORY, "queries": "2–7", "script": str(script)}
    script = out.parent / "new-positions.lua"
    new_text_script(script, [{"position": p} for p in new_positions()])
    found["nearest, new position each time"] = {
        "url": DIRECTORY,
        "queries": "1",
        "script": str(script),
    }
    text_plan = explain({"q": TEXT})
    industry = Industry.objects.order_by("pk").first()
    area = Area.objects.order_by("pk").first()
    filtered_plan = explain({"q": TEXT, "bransch": industry.slug, "omrade": area.slug})
    explain_out.write_text(
        f"-- text query ?q={TEXT}\n{text_plan}\n\n-- text + 2 filters\n{filtered_plan}\n"
    )
    out.write_text(json.dumps(found, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
