"""The search text of each enterprise and the search vocabulary, kept current
by every write that changes what they are made of (its own text, its
industries, its offerings and their target groups, its area and town).

``search_document`` is casefolded text (SQLite matches it word by word, so
Å, Ä and Ö match in any case); on PostgreSQL ``search_vector`` is a weighted
'swedish' tsvector: name A, short description B, the whole document C.
``SearchWord`` holds every word of the published documents, which the
search corrects typed words towards (see ``selectors/search.py``).
"""

from collections.abc import Iterable

from django.contrib.postgres.search import SearchVector
from django.db import connection
from django.db.models import Prefetch, Value
from django.db.models.expressions import CombinedExpression
from django.utils import translation

from registry.models import (
    Area,
    Industry,
    Offering,
    PublicationStatus,
    SearchWord,
    SocialEnterprise,
    TargetGroup,
)
from registry.searchtext import fold, vocabulary_words

Term = Industry | TargetGroup | Area


def search_document_for(enterprise: SocialEnterprise) -> str:
    """Casefolded text the directory's free-text search matches against.

    Costs four queries (area, industries, offerings, their target groups)
    unless they are prefetched. Offering kinds are included with their
    Swedish names, so "arbetsträning" finds enterprises that offer it.
    """
    with translation.override("sv"):
        parts = [enterprise.name, enterprise.short_description, enterprise.description]
        parts += [industry.name for industry in enterprise.industries.all()]
        target_groups = set()
        for offering in enterprise.offerings.all():
            parts += [str(offering.get_kind_display()), offering.description]
            target_groups |= {group.name for group in offering.target_groups.all()}
        parts += sorted(target_groups)
        parts += [enterprise.area.name if enterprise.area else "", enterprise.city]
    return " ".join(part for part in parts if part).casefold()


def search_vector_for(enterprise: SocialEnterprise, document: str) -> CombinedExpression:
    """The weighted 'swedish' vector: name A, short description B, the rest C."""
    parts = [(enterprise.name, "A"), (enterprise.short_description, "B"), (document, "C")]
    vectors = [SearchVector(Value(text), weight=w, config="swedish") for text, w in parts]
    return vectors[0] + vectors[1] + vectors[2]


def _search_fields(enterprise: SocialEnterprise) -> dict:
    document = search_document_for(enterprise)
    fields = {"search_document": document}
    if connection.vendor == "postgresql":
        fields["search_vector"] = search_vector_for(enterprise, document)
    return fields


_ADD_WORDS_POSTGRES = """
INSERT INTO registry_searchword (word, folded, stem)
SELECT w, f, coalesce((ts_lexize('swedish_stem', w))[1], '')
FROM unnest(%s::text[], %s::text[]) AS t(w, f)
ON CONFLICT (word) DO NOTHING
"""


def vocabulary_add(*, documents: Iterable[str]) -> None:
    """Add the words of ``documents`` the vocabulary lacks: one statement on
    PostgreSQL (which also stems them); a batch of INSERTs on SQLite."""
    words = sorted(set().union(*(vocabulary_words(d) for d in documents)))
    if not words:
        return
    if connection.vendor == "postgresql":
        for start in range(0, len(words), 10_000):
            chunk = words[start : start + 10_000]
            with connection.cursor() as cursor:
                cursor.execute(_ADD_WORDS_POSTGRES, [chunk, [fold(w) for w in chunk]])
        return
    rows = [SearchWord(word=w, folded=fold(w)) for w in words]
    SearchWord.objects.bulk_create(rows, ignore_conflicts=True, batch_size=300)


def enterprise_refresh_search_document(*, enterprise: SocialEnterprise) -> None:
    """Rebuild one enterprise's search text (and vector) in one UPDATE, after
    the queries that read what it is made of; a published one's new words
    join the vocabulary (one more statement)."""
    fields = _search_fields(enterprise)
    SocialEnterprise.objects.filter(pk=enterprise.pk).update(**fields)
    enterprise.search_document = fields["search_document"]
    if enterprise.status == PublicationStatus.PUBLISHED:
        vocabulary_add(documents=[enterprise.search_document])


def enterprises_refresh_search_documents(*, enterprise_ids: Iterable[int]) -> int:
    """Rebuild the search text of many enterprises, such as every enterprise in
    an industry that was renamed: five reads, one UPDATE for all of them and
    one INSERT of new words. Returns how many were rebuilt."""
    offerings = Prefetch(
        "offerings",
        queryset=Offering.objects.order_by("kind", "pk").prefetch_related("target_groups"),
    )
    enterprises = list(
        SocialEnterprise.objects.filter(pk__in=list(enterprise_ids))
        .select_related("area")
        .prefetch_related("industries", offerings)
        .order_by("pk")
    )
    for enterprise in enterprises:
        for name, value in _search_fields(enterprise).items():
            setattr(enterprise, name, value)
    names = ["search_document"] + (["search_vector"] if connection.vendor == "postgresql" else [])
    if enterprises:
        # One statement: a CASE per field over every row (no batch_size).
        SocialEnterprise.objects.bulk_update(enterprises, names)
        published = [e for e in enterprises if e.status == PublicationStatus.PUBLISHED]
        vocabulary_add(documents=[e.search_document for e in published])
    return len(enterprises)


def term_enterprise_ids(term: Term) -> list[int]:
    """The enterprises whose search text holds ``term``'s name."""
    if term.pk is None:
        return []
    if isinstance(term, Industry):
        return list(term.enterprises.values_list("pk", flat=True))
    if isinstance(term, Area):
        return list(term.enterprises.values_list("pk", flat=True))
    offerings = Offering.objects.filter(target_groups=term)
    return list(offerings.values_list("enterprise_id", flat=True).distinct())


def rebuild_search_index() -> int:
    """Rebuild every enterprise's search text and vector, and the vocabulary
    from the published ones only (words of withdrawn records leave it).
    For after a bulk load or an upgrade; returns how many were rebuilt."""
    ids = list(SocialEnterprise.objects.values_list("pk", flat=True))
    for start in range(0, len(ids), 2000):
        enterprises_refresh_search_documents(enterprise_ids=ids[start : start + 2000])
    rebuild_vocabulary()
    return len(ids)


def rebuild_vocabulary() -> int:
    """The vocabulary anew from the published search documents."""
    SearchWord.objects.all().delete()
    documents = SocialEnterprise.objects.published().values_list("search_document", flat=True)
    vocabulary_add(documents=documents.iterator(chunk_size=2000))
    return SearchWord.objects.count()


# The vector search_vector_for() builds, for every row at once: used after bulk
# loads (the benchmark's seed), where one UPDATE beats one per row.
_REBUILD_VECTORS = """
UPDATE registry_socialenterprise e SET search_vector =
  setweight(to_tsvector('swedish', e.name), 'A')
  || setweight(to_tsvector('swedish', e.short_description), 'B')
  || setweight(to_tsvector('swedish', e.search_document), 'C')
"""


def rebuild_search_vectors() -> None:
    """Rebuild every enterprise's full-text vector from its search document
    in one statement (PostgreSQL)."""
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        cursor.execute(_REBUILD_VECTORS)
