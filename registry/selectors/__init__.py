"""Reads that span models, with the joins and prefetches their pages need, one
module per subject. Query costs are fixed per page, whatever the number of
rows: each list selector documents how many queries it takes.
"""
