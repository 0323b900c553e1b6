"""Facet counts of the directory: for each filter, how many results choosing
each of its options would give, with every other filter kept ("Café (12)").

They are counted from the in-memory index (``directory_index``): each count
is the size of an intersection of bitmaps.
"""

from registry.models import ACCESS_FACTS

# The premises' accessibility facts: each a checkbox filter of its own.
ACCESS_FIELDS = tuple(field for field, _word in ACCESS_FACTS)
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
    "language",
    *ACCESS_FIELDS,
)
# Per facet, the count of each option: by choice value, or by the id of a
# taxonomy term as text; the checkboxes count under "1".
FacetCounts = dict[str, dict[str, int]]
