"""Free-text search of the directory: Swedish stems and typos on PostgreSQL,
words in the casefolded search document on SQLite, and "Menade du …?"."""

import difflib
import re

from django.contrib.postgres.search import (
    SearchHeadline,
    SearchQuery,
    SearchRank,
    TrigramSimilarity,
)
from django.db import connection
from django.db.models import (
    F,
    FloatField,
    Q,
    QuerySet,
    TextField,
    Value,
)
from django.db.models.functions import Cast, Concat

from registry.models import (
    SocialEnterprise,
)

# The snippet marks hits with these; the template escapes the text, then turns
# them into <mark>, so nothing in a description can become markup.
MARK_START, MARK_END = "\x02", "\x03"
MAX_QUERY_WORDS = 10
TYPO_SIMILARITY = 0.5


def filter_text(queryset: QuerySet[SocialEnterprise], text: str) -> QuerySet:
    """Keep enterprises that match ``text``.

    PostgreSQL: every word as a prefix of a Swedish stem ("företagen" finds
    "företag", "kafé" finds "kaféet"), or a name within trigram distance (a typo);
    annotated with ``search_rank``, ``name_similarity`` and a ``snippet``.
    SQLite: every word must occur in the casefolded search document.
    """
    if connection.vendor == "postgresql":
        return _filter_text_postgres(queryset, text)
    for word in text.casefold().split():
        queryset = queryset.filter(search_document__contains=word)
    return queryset


def _tsquery(text: str) -> SearchQuery | None:
    words = re.findall(r"\w+", text.casefold())[:MAX_QUERY_WORDS]
    if not words:
        return None
    # \w+ words cannot carry tsquery syntax, so the raw form is safe here.
    return SearchQuery(" & ".join(f"{w}:*" for w in words), search_type="raw", config="swedish")


def _filter_text_postgres(queryset: QuerySet, text: str) -> QuerySet:
    query = _tsquery(text)
    # A misspelt name: `%` (similarity above pg_trgm's 0.3) can use the trigram
    # index; the stricter bound keeps a query with an unrelated second word from
    # matching on the first word alone.
    matches = Q(name__trigram_similar=text, name_similarity__gte=TYPO_SIMILARITY)
    # Both scores are real (float4) in PostgreSQL; cast to double precision so
    # the value a page cursor carries compares exactly on the next page.
    annotations = {"name_similarity": Cast(TrigramSimilarity("name", text), FloatField())}
    if query is not None:
        matches |= Q(search_vector=query)
        annotations["search_rank"] = Cast(SearchRank(F("search_vector"), query), FloatField())
        annotations["snippet"] = SearchHeadline(
            Concat("short_description", Value(" "), "description", output_field=TextField()),
            query,
            config="swedish",
            start_sel=MARK_START,
            stop_sel=MARK_END,
            max_words=30,
            min_words=12,
        )
    return queryset.annotate(**annotations).filter(matches)


def did_you_mean(text: str, limit: int = 3) -> list[str]:
    """The published names closest to ``text``, for an empty result (one query)."""
    published = SocialEnterprise.objects.published()
    if connection.vendor == "postgresql":
        close = (
            published.annotate(similarity=TrigramSimilarity("name", text))
            .filter(similarity__gt=0.15)
            .order_by("-similarity", "name")
        )
        return list(close.values_list("name", flat=True)[:limit])
    names = list(published.values_list("name", flat=True))
    folded = {name.casefold(): name for name in names}
    close = difflib.get_close_matches(text.casefold(), folded, n=limit, cutoff=0.6)
    return [folded[name] for name in close]
