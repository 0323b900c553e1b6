"""Facet counts of the directory: for each filter, how many results choosing
each of its options would give, with every other filter kept ("Café (12)").

All of them and the total come from one statement: each distinct set of
filters is evaluated once, as a materialised CTE (the text search and the
criteria check are the costly parts), and every facet is a small GROUP BY over
the CTE it needs.
"""

from django.db import connection
from django.db.models import QuerySet

from registry import freshness

# The filters that have counts, by their DirectoryQuery field.
FACETS = (
    "offering_kind",
    "industry",
    "target_group",
    "area",
    "legal_form",
    "open_places",
    "verified",
    "confirmed",
)
# Per facet, the count of each option: by choice value, or by the id of a
# taxonomy term as text; the checkboxes count under "1".
FacetCounts = dict[str, dict[str, int]]

_FACET_SQL = {
    "offering_kind": (
        "SELECT 'offering_kind', o.kind, COUNT(DISTINCT o.enterprise_id) "
        "FROM registry_offering o JOIN {base} b ON b.id = o.enterprise_id GROUP BY o.kind"
    ),
    "target_group": (
        "SELECT 'target_group', CAST(t.targetgroup_id AS TEXT), COUNT(DISTINCT o.enterprise_id) "
        "FROM registry_offering_target_groups t "
        "JOIN registry_offering o ON o.id = t.offering_id "
        "JOIN {base} b ON b.id = o.enterprise_id GROUP BY t.targetgroup_id"
    ),
    "industry": (
        "SELECT 'industry', CAST(l.industry_id AS TEXT), COUNT(*) "
        "FROM registry_socialenterprise_industries l "
        "JOIN {base} b ON b.id = l.socialenterprise_id GROUP BY l.industry_id"
    ),
    "area": "SELECT 'area', CAST(b.area_id AS TEXT), COUNT(*) FROM {base} b GROUP BY b.area_id",
    "legal_form": "SELECT 'legal_form', b.legal_form, COUNT(*) FROM {base} b GROUP BY b.legal_form",
    "open_places": (
        "SELECT 'open_places', '1', COUNT(*) FROM {base} b WHERE EXISTS ("
        "SELECT 1 FROM registry_offering o WHERE o.enterprise_id = b.id AND o.open_places > 0)"
    ),
    "verified": (
        "SELECT 'verified', '1', COUNT(*) FROM {base} b WHERE b.id IN ("
        "SELECT v.enterprise_id FROM registry_criterionverification v WHERE v.verified "
        "GROUP BY v.enterprise_id HAVING COUNT(*) = 4)"  # ALL_CRITERIA
    ),
    "confirmed": "SELECT 'confirmed', '1', COUNT(*) FROM {base} b WHERE b.last_checked >= %s",
}
# Values a facet's statement takes, as parameters.
_FACET_PARAMS = {"confirmed": lambda: [freshness.confirmed_cutoff()]}


def directory_counts(total: QuerySet, bases: dict[str, QuerySet]) -> tuple[int, FacetCounts]:
    """The number of results of ``total``, and per facet the number each option
    would give, where ``bases[facet]`` is filtered by everything but that facet.
    One query, whatever the number of options."""
    ctes: dict[str, tuple[str, str, list]] = {}

    def cte(queryset: QuerySet) -> str:
        sql, params = (
            queryset.order_by()
            .values("pk", "area_id", "legal_form", "last_checked")
            .query.sql_with_params()
        )
        key = sql + repr(params)
        if key not in ctes:
            ctes[key] = (f"base{len(ctes)}", sql, list(params))
        return ctes[key][0]

    # Only table names and CTE names are formatted in; values travel as params.
    selects = [f"SELECT '', '', COUNT(*) FROM {cte(total)}"]  # noqa: S608
    selects += [_FACET_SQL[facet].format(base=cte(base)) for facet, base in bases.items()]
    with_sql = ", ".join(
        f"{name} (id, area_id, legal_form, last_checked) AS MATERIALIZED ({sql})"
        for name, sql, _p in ctes.values()
    )
    params = [param for _name, _sql, cte_params in ctes.values() for param in cte_params]
    for facet in bases:
        params += _FACET_PARAMS.get(facet, lambda: [])()
    with connection.cursor() as cursor:
        cursor.execute(f"WITH {with_sql} " + " UNION ALL ".join(selects), params)
        rows = cursor.fetchall()
    counts: FacetCounts = {facet: {} for facet in bases}
    found = 0
    for facet, key, n in rows:
        if facet == "":
            found = n
        elif key is not None:
            counts[facet][str(key)] = n
    return found, counts
