"""The search text of each enterprise, kept current by every write that
changes what it is made of (its own text, its industries, its offerings).

``search_document`` is casefolded text (SQLite matches it word by word, so
Å, Ä and Ö match in any case); on PostgreSQL ``search_vector`` is a weighted
'swedish' tsvector: name A, short description B, the whole document C.
"""

from collections.abc import Iterable

from django.contrib.postgres.search import SearchVector
from django.db import connection
from django.db.models import Prefetch, Value
from django.db.models.expressions import CombinedExpression
from django.utils import translation

from registry.models import Offering, OfferingKind, SocialEnterprise


def search_document_for(enterprise: SocialEnterprise) -> str:
    """Casefolded text the directory's free-text search matches against.

    Costs two queries (industries, offerings) unless they are prefetched.
    Offering kinds are included with their Swedish names, so "arbetsträning"
    finds enterprises that offer it.
    """
    with translation.override("sv"):
        parts = [enterprise.name, enterprise.short_description, enterprise.description]
        parts += [industry.name for industry in enterprise.industries.all()]
        for offering in enterprise.offerings.all():
            parts += [str(offering.get_kind_display()), offering.description]
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


def enterprise_refresh_search_document(*, enterprise: SocialEnterprise) -> None:
    """Rebuild one enterprise's search text (and vector) in one UPDATE, after
    the two queries that read its industries and offerings."""
    fields = _search_fields(enterprise)
    SocialEnterprise.objects.filter(pk=enterprise.pk).update(**fields)
    enterprise.search_document = fields["search_document"]


def enterprises_refresh_search_documents(*, enterprise_ids: Iterable[int]) -> int:
    """Rebuild the search text of many enterprises, such as every enterprise in
    an industry that was renamed: three reads and one UPDATE for all of them.
    Returns how many were rebuilt."""
    offerings = Prefetch("offerings", queryset=Offering.objects.order_by("kind", "pk"))
    enterprises = list(
        SocialEnterprise.objects.filter(pk__in=list(enterprise_ids))
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
    return len(enterprises)


# The vector search_vector_for() builds, for every row at once: used after bulk
# loads (the demo, the benchmark's seed), where one UPDATE beats one per row.
_REBUILD_VECTORS = """
UPDATE registry_socialenterprise e SET search_vector =
  setweight(to_tsvector('swedish', e.name), 'A')
  || setweight(to_tsvector('swedish', e.short_description), 'B')
  || setweight(to_tsvector('swedish', concat_ws(' ', e.name, e.short_description, e.description,
       (SELECT string_agg(i.name, ' ') FROM registry_industry i
          JOIN registry_socialenterprise_industries ei ON ei.industry_id = i.id
         WHERE ei.socialenterprise_id = e.id),
       (SELECT string_agg(concat_ws(' ', %s, o.description), ' ')
          FROM registry_offering o WHERE o.enterprise_id = e.id))), 'C')
"""


def rebuild_search_vectors() -> None:
    """Rebuild every enterprise's full-text vector in one statement (PostgreSQL)."""
    if connection.vendor != "postgresql":
        return
    with translation.override("sv"):
        kinds = " ".join(f"WHEN '{value}' THEN '{label}'" for value, label in OfferingKind.choices)
    case = f"CASE o.kind {kinds} END"
    with connection.cursor() as cursor:
        cursor.execute(_REBUILD_VECTORS.replace("%s", case))
