"""The search vocabulary: every word of the published enterprises' search
text, which query words are corrected towards ("resturang" → "restaurang")."""

from django.db import models


class SearchWord(models.Model):
    """One word as it appears (casefolded), its folded form (no diacritics)
    and, on PostgreSQL, its Swedish stem. Filled by ``services.search``.

    PostgreSQL indexes ``folded`` with a trigram GiST index (nearest words,
    LIKE); SQLite mirrors it in an FTS5 table with the trigram tokenizer.
    Both are created in migration 0009.
    """

    word = models.CharField(max_length=40, unique=True)
    folded = models.CharField(max_length=40, db_index=True)
    stem = models.CharField(max_length=40, blank=True, db_index=True)

    class Meta:
        verbose_name = "sökord"
        verbose_name_plural = "sökord"

    def __str__(self) -> str:
        return self.word
