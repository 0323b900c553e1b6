"""Rebuild every enterprise's search text and the search vocabulary.

Run after an upgrade that changes what the search text holds, after loading
rows in bulk, or now and then to let words of withdrawn records leave the
vocabulary (writes only ever add words)."""

from django.core.management.base import BaseCommand

from registry.models import SearchWord
from registry.services.search import rebuild_search_index


class Command(BaseCommand):
    help = "Rebuild the search text of every enterprise and the search vocabulary."

    def handle(self, *args, **options):
        count = rebuild_search_index()
        words = SearchWord.objects.count()
        self.stdout.write(f"Rebuilt the search text of {count} enterprises; {words} words.")
