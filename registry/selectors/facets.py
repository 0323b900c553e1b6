"""Facet counts of the directory: for each filter, how many results choosing
each of its options would give, with every other filter kept ("Café (12)").

They are counted from the in-memory index (``directory_index``): each count
is the size of an intersection of bitmaps.
"""

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
