"""Industries, target groups and areas, which editors keep in the admin.

A term's name is part of the search text of every enterprise that has it, so
renaming or removing one rebuilds their search text, in one UPDATE for all.
"""

from django.db import transaction

from registry.services.common import unique_slug
from registry.services.search import (
    Term,
    enterprises_refresh_search_documents,
    term_enterprise_ids,
)


def taxonomy_get_or_create(model: type[Term], name: str, **extra) -> Term:
    """Find a taxonomy term by name, creating it with a fresh slug when missing."""
    term = model.objects.filter(name=name).first()
    if term is None:
        term = model(name=name, slug=unique_slug(model, name, max_length=100), **extra)
        term.full_clean()
        term.save()
    return term


@transaction.atomic
def taxonomy_save(*, term: Term) -> Term:
    """Save a term from the admin's form (already validated there). A renamed
    term rebuilds its enterprises' search text."""
    model = type(term)
    renamed = term.pk is not None and not model.objects.filter(pk=term.pk, name=term.name).exists()
    term.full_clean()
    term.save()
    if renamed:
        enterprises_refresh_search_documents(enterprise_ids=term_enterprise_ids(term))
    return term


@transaction.atomic
def taxonomy_delete(*, term: Term) -> None:
    """Remove a term. An area still in use cannot be removed (the database
    refuses); a removed term leaves its enterprises' search text."""
    enterprise_ids = term_enterprise_ids(term)
    term.delete()
    if enterprise_ids:
        enterprises_refresh_search_documents(enterprise_ids=enterprise_ids)
