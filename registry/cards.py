"""The directory's cards, rendered once and kept in the shared cache.

A card depends on its record, its offerings, industries and verifications,
the day (whether it is shown as possibly out of date) and the language, so
it is keyed by the enterprise, the registry version (which every registry
write bumps, in any process), the date and the language. The search snippet
depends on the query, so the cached card holds a slot that is filled per
request from the snippets, which are kept per record, version and search.
Rendering 20 cards costs more than anything else on a directory page; with
them cached, a page needs no query for its rows.
"""

import hashlib

from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language, gettext

from registry.selectors.directory import DirectoryPage, page_rows, page_snippets
from registry.templatetags.directory import marked

SNIPPET_SLOT = "\x00snippet\x00"
CARD_SECONDS = 60 * 60 * 24


def _key(pk: int, version: int) -> str:
    return f"card:{pk}:{version}:{timezone.localdate():%Y%m%d}:{get_language()}"


def _snippet_key(pk: int, version: int, result: DirectoryPage) -> str:
    words = repr([(w.typed, w.groups) for w in result.search.words]).encode()
    return f"snippet:{pk}:{version}:{hashlib.sha256(words).hexdigest()[:24]}"


def _snippets(result: DirectoryPage, version: int, cached: dict) -> dict[int, str]:
    """The page's search snippets, from ``cached`` (read with the cards) or
    one query (PostgreSQL), which the cache then keeps."""
    if not result.search or not result.ids:
        return {}
    keys = {pk: _snippet_key(pk, version, result) for pk in result.ids}
    missing = [pk for pk in result.ids if keys[pk] not in cached]
    found = page_snippets(missing, result.search) if missing else {}
    if missing:
        cache.set_many({keys[pk]: found.get(pk, "") for pk in missing}, CARD_SECONDS)
    return {pk: cached.get(keys[pk], found.get(pk, "")) for pk in result.ids}


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


def directory_cards(result: DirectoryPage, *, version: int) -> list[SafeString]:
    """The page's cards in order: one cache read, and for the cards not in
    the cache their rows (three queries) and a render."""
    keys = {pk: _key(pk, version) for pk in result.ids}
    snippet_keys = [_snippet_key(pk, version, result) for pk in result.ids] if result.search else []
    cached = cache.get_many([*keys.values(), *snippet_keys])  # one round trip
    missing = [pk for pk in result.ids if keys[pk] not in cached]
    rendered = {}
    for enterprise in page_rows(missing) if missing else []:
        html = render_to_string(
            "registry/_enterprise_card.html",
            {"enterprise": enterprise, "snippet_slot": SNIPPET_SLOT},
        )
        rendered[keys[enterprise.pk]] = html
    if rendered:
        cache.set_many(rendered, CARD_SECONDS)
    cached |= rendered
    snippets = _snippets(result, version, cached)
    cards = []
    for pk in result.ids:
        html = cached.get(keys[pk])
        if html is not None:  # None: withdrawn since the index was built
            snippet = _snippet_html(snippets.get(pk, ""))
            cards.append(mark_safe(html.replace(SNIPPET_SLOT, snippet)))  # noqa: S308 - rendered by our template
    return cards
