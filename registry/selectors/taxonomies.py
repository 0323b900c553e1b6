"""Industries, target groups, areas and languages for the filter forms: one
query, then cached until the next registry write."""

from dataclasses import dataclass
from uuid import UUID

from django.core.cache import cache
from django.db.models import (
    CharField,
    F,
    UUIDField,
    Value,
)
from django.db.models.functions import Cast

from registry import pagecache
from registry.models import (
    Area,
    Industry,
    Language,
    TargetGroup,
)


# Taxonomies change rarely and every page's filter form needs them: they are
# read in one query and cached until the next registry write.
@dataclass(frozen=True)
class Term:
    pk: int
    slug: str
    name: str
    uuid: str = ""  # the open-data id


@dataclass(frozen=True)
class Taxonomies:
    industries: list[Term]
    target_groups: list[Term]
    areas: list[Term]
    languages: list[Term]  # in the list's own order (most spoken first)


TAXONOMY_SECONDS = 3600
# Swedish alphabetical order without depending on the machine's locales:
# å, ä and ö come after z, and é sorts as e.
_SWEDISH_ORDER = str.maketrans({"å": "{", "ä": "|", "ö": "}", "é": "e", "ü": "y"})


def swedish_sort_key(text: str) -> str:
    return text.casefold().translate(_SWEDISH_ORDER)


_kept: tuple[str, Taxonomies] | None = None


def taxonomies(version: int | None = None) -> Taxonomies:
    """Industries, target groups and areas: one query, then cached until the
    next registry write, in the shared cache and in this process. ``version``
    is the registry version when the caller has read it already."""
    global _kept
    version = pagecache.registry_version() if version is None else version
    key = f"registry:taxonomies:v3:{version}"
    kept = _kept
    if kept is not None and kept[0] == key:
        return kept[1]
    found = cache.get(key)
    if found is None:
        found = _load_taxonomies()
        cache.set(key, found, TAXONOMY_SECONDS)
    _kept = (key, found)
    return found


def _load_taxonomies() -> Taxonomies:
    def terms(queryset, table: str, order, uuid="uuid"):
        return (
            queryset.order_by()
            .annotate(table=Value(table), sort_order=order, open_id=uuid)
            .values_list("table", "pk", "slug", "name", "sort_order", "open_id")
        )

    union = (
        terms(Industry.objects, "industry", Value(""), F("uuid"))
        .union(
            terms(TargetGroup.objects, "target_group", Value(""), F("uuid")),
            terms(Area.objects, "area", F("kind"), F("uuid")),
            terms(
                Language.objects,
                "language",
                Cast("order", CharField()),
                Value(None, UUIDField()),
            ),
            all=True,
        )
        .order_by()
    )
    grouped: dict[str, list[tuple]] = {t: [] for t in ("industry", "target_group", "area")}
    grouped["language"] = []
    for table, pk, slug, name, order, uuid in union:
        # SQLite's union gives a UUID as hex; a language has none.
        term = Term(pk, slug, name, str(UUID(str(uuid))) if uuid else "")
        if table == "language":
            grouped[table].append((int(order), "", pk, term))
        else:
            grouped[table].append((order, swedish_sort_key(name), pk, term))
    terms_of = {table: [row[-1] for row in sorted(rows)] for table, rows in grouped.items()}
    return Taxonomies(
        terms_of["industry"], terms_of["target_group"], terms_of["area"], terms_of["language"]
    )
