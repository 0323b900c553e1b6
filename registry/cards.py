"""The directory's cards, rendered once and kept in the shared cache.

A card depends on its record, its offerings, industries and verifications,
the day (whether it is shown as possibly out of date) and the language, so
it is keyed by the enterprise, the registry version (which every registry
write bumps, in any process), the date and the language. The search snippet
depends on the query, so the cached card holds a slot that is filled per
request from the snippets, which are kept per record, version and search.
Rendering 20 cards costs more than anything else on a directory page; with
them cached, a page needs no query for its rows. Each process also keeps the
cards and snippets it has used (``_kept``, bounded): the keys name everything
they depend on, so a kept one is never wrong, and a page of known cards costs
no network round trip.
"""

import hashlib

from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language, gettext

from asfportal.core.kept import Kept
from registry.presentation import distance_text
from registry.selectors.directory import DirectoryPage, page_rows, page_snippets
from registry.templatetags.directory import marked

SNIPPET_SLOT = "\x00snippet\x00"
# Where a card says how far away it is ("nearest first"): filled per request.
DISTANCE_SLOT = "\x00distance\x00"
CARD_SECONDS = 60 * 60 * 24
# About 1 KB each: at most about 1 MB per process (the worker memory target is 100 MB).
_kept = Kept[str](1000)


def _key_suffix(version: int) -> str:
    return f"{version}:{timezone.localdate():%Y%m%d}:{get_language()}"


def _search_hash(result: DirectoryPage) -> str:
    words = repr([(w.typed, w.groups) for w in result.search.words]).encode()
    return hashlib.sha256(words).hexdigest()[:24]


def _cached(keys: list[str]) -> dict[str, str]:
    """Those of ``keys`` this process keeps, then the rest from the shared
    cache (one round trip, none when all are kept)."""
    found = _kept.get_many(keys)
    missing = [key for key in keys if key not in found]
    if missing:
        shared = cache.get_many(missing)
        _kept.set_many(shared)
        found |= shared
    return found


def _store(entries: dict[str, str]) -> None:
    cache.set_many(entries, CARD_SECONDS)
    _kept.set_many(entries)


def _snippet_html(snippet: str) -> str:
    hit = marked(snippet)
    if not hit:
        return ""
    hidden = gettext("Träff:")
    return format_html(
        '<p class="snippet meta"><span class="visually-hidden">{} </span>'
        '<span lang="sv">…{}…</span></p>',
        hidden,
        hit,
    )


def _snippets(result: DirectoryPage, keys: dict[int, str], cached: dict) -> None:
    """Adds the page's missing search snippets (as HTML) to ``cached``: one
    query (PostgreSQL), then kept like the cards."""
    missing = [pk for pk in result.ids if keys[pk] not in cached]
    if not missing:
        return
    found = page_snippets(missing, result.search)
    made = {keys[pk]: _snippet_html(found.get(pk, "")) for pk in missing}
    _store(made)
    cached |= made


# "Ca 3 km bort" as HTML, per language and whole kilometre (a few hundred at most).
_distance_html = Kept[str](2000)


def _distances(result: DirectoryPage) -> dict[int, str]:
    """ "Ca 3 km bort" as HTML for each card that has a distance."""
    language = get_language()

    def html(km: float) -> str:
        return format_html('<p class="meta distance">{}</p>', distance_text(km))

    return {
        pk: _distance_html.get((language, round(km) if km >= 1 else -1), lambda km=km: html(km))
        for pk, km in result.distances.items()
    }


def directory_cards(result: DirectoryPage, *, version: int) -> list[SafeString]:
    """The page's cards in order: kept ones from memory, the others in one
    cache read, and for the cards in neither their rows (three queries) and
    a render."""
    suffix = _key_suffix(version)
    keys = {pk: f"card:v3:{pk}:{suffix}" for pk in result.ids}
    snippet_keys = {}
    if result.search:
        search = _search_hash(result)
        snippet_keys = {pk: f"snippet:{pk}:{suffix}:{search}" for pk in result.ids}
    cached = _cached([*keys.values(), *snippet_keys.values()])
    missing = [pk for pk in result.ids if keys[pk] not in cached]
    rendered = {}
    for enterprise in page_rows(missing) if missing else []:
        html = render_to_string(
            "registry/_enterprise_card.html",
            {
                "enterprise": enterprise,
                "snippet_slot": SNIPPET_SLOT,
                "distance_slot": DISTANCE_SLOT,
            },
        )
        rendered[keys[enterprise.pk]] = html
    if rendered:
        _store(rendered)
        cached |= rendered
    if snippet_keys:
        _snippets(result, snippet_keys, cached)
    distances = _distances(result)
    cards = []
    for pk in result.ids:
        html = cached.get(keys[pk])
        if html is not None:  # None: withdrawn since the index was built
            snippet = cached.get(snippet_keys[pk], "") if snippet_keys else ""
            html = html.replace(SNIPPET_SLOT, snippet).replace(DISTANCE_SLOT, distances.get(pk, ""))
            cards.append(mark_safe(html))  # noqa: S308 - rendered by our template
    return cards
