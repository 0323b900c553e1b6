"""Free-text search of the directory, forgiving of how people type.

A query is first *understood* (``understand``): one query asks the vocabulary
(``SearchWord``) about every typed word at once, and ``searchtext`` decides
what each word stands for: the word itself (Swedish stems and prefixes on
PostgreSQL), the words spelt with å, ä, ö or é it lacks, the closest words
within its typo allowance, or two words it is a compound of. Then
``filter_text`` keeps the enterprises whose search text has every word (one of
its alternatives), and annotates two tiers for the relevance order: hits on
the words as typed before corrected ones, name hits before other hits.

PostgreSQL matches the 'swedish' tsvector; SQLite matches substrings of the
casefolded search document, which finds prefixes and compounds too, and ranks
by the same tiers.
"""

import difflib
from dataclasses import dataclass
from functools import reduce
from operator import and_, or_

from django.contrib.postgres.search import SearchHeadline, SearchQuery, TrigramSimilarity
from django.db import connection
from django.db.models import BooleanField, Case, IntegerField, Q, QuerySet, TextField, Value, When
from django.db.models.functions import Concat, Lower

from asfportal.core.kept import Kept
from registry.models import SocialEnterprise
from registry.searchtext import (
    MAX_WORD,
    MIN_CONTAINED,
    MIN_WORD,
    Candidates,
    Understood,
    fold,
    one_edit,
    query_words,
    split_candidates,
    suggest_word,
    trigrams,
    understand_word,
)

# The snippet marks hits with these; the template escapes the text, then turns
# them into <mark>, so nothing in a description can become markup.
MARK_START, MARK_END = "\x02", "\x03"
DIRECT_LIMIT = 40  # vocabulary words containing a query word
NEAR_LIMIT = 40  # nearest vocabulary words by trigrams, checked for typos


@dataclass(frozen=True)
class TextSearch:
    """A query as it will be searched."""

    text: str
    words: tuple[Understood, ...]
    suggestions: tuple[str | None, ...]  # per word, a looser guess for "Menade du"

    @property
    def corrected(self) -> bool:
        return any(word.corrected for word in self.words)

    @property
    def shown(self) -> str:
        """The query as searched: "trädgård" for "tradgard"."""
        return " ".join(word.shown for word in self.words)

    def suggestion(self) -> str | None:
        """The query with every word replaced by its looser guess, if that
        changes anything (for "Menade du …?" when nothing was found)."""
        words = [guess or w.shown for w, guess in zip(self.words, self.suggestions, strict=True)]
        text = " ".join(words)
        return text if text != self.shown and any(self.suggestions) else None


_CANDIDATES_POSTGRES = """
WITH q AS (
  SELECT w, f, i, (ts_lexize('swedish_stem', w))[1] AS stem
  FROM unnest(%s::text[], %s::text[]) WITH ORDINALITY AS q(w, f, i)
)
SELECT q.i, 'direct', v.word, v.folded, v.stem = q.stem FROM q CROSS JOIN LATERAL (
  SELECT word, folded, stem FROM registry_searchword v
  WHERE v.folded LIKE q.f || '%%'
     OR (length(q.f) >= %s AND v.folded LIKE '%%' || q.f || '%%')
     OR v.stem = q.stem
  ORDER BY length(v.word), v.word LIMIT %s
) v
UNION ALL
SELECT q.i, 'near', v.word, v.folded, false FROM q CROSS JOIN LATERAL (
  SELECT word, folded FROM registry_searchword v
  WHERE length(q.f) >= 4 ORDER BY v.folded <-> q.f LIMIT %s
) v
UNION ALL
SELECT 0, 'exact', word, folded, false FROM registry_searchword WHERE folded = ANY(%s::text[])
"""


def _candidate_rows_postgres(words: list[str], exact: list[str]) -> list[tuple]:
    params = [words, [fold(w) for w in words], MIN_CONTAINED, DIRECT_LIMIT, NEAR_LIMIT, exact]
    with connection.cursor() as cursor:
        cursor.execute(_CANDIDATES_POSTGRES, params)
        return cursor.fetchall()


def _candidate_rows_sqlite(words: list[str], exact: list[str]) -> list[tuple]:
    selects, params = [], []
    for index, word in enumerate(words, start=1):
        folded = fold(word)
        contained = f"%{folded}%" if len(folded) >= MIN_CONTAINED else f"{folded}%"
        selects.append(
            "SELECT * FROM (SELECT %s, 'direct', word, folded, 0 FROM registry_searchword "
            "WHERE folded LIKE %s OR folded LIKE %s ORDER BY length(word), word LIMIT %s)"
        )
        params += [index, f"{folded}%", contained, DIRECT_LIMIT]
        if len(folded) >= 4:
            # FTS5's trigram tokenizer: each quoted three-letter piece is a term.
            match = " OR ".join(f'"{piece}"' for piece in trigrams(folded))
            selects.append(
                "SELECT %s, 'near', w.word, w.folded, 0 FROM (SELECT rowid FROM "
                "registry_searchword_fts WHERE registry_searchword_fts MATCH %s "
                "ORDER BY rank LIMIT %s) m JOIN registry_searchword w ON w.id = m.rowid"
            )
            params += [index, match, NEAR_LIMIT]
    if exact:  # at most ~600 per word, well within SQLite's 32,766 parameters
        marks = ", ".join(["%s"] * len(exact))  # placeholders only; values are params
        selects.append(
            f"SELECT 0, 'exact', word, folded, 0 FROM registry_searchword WHERE folded IN ({marks})"  # noqa: S608
        )
        params += exact
    with connection.cursor() as cursor:
        cursor.execute(" UNION ALL ".join(selects), params)
        return cursor.fetchall()


def _candidates(words: list[str]) -> list[Candidates]:
    """What the vocabulary holds for each word, in one query: words that
    contain it, the nearest by trigrams, every word one typo away (trigrams
    miss "fetser" → "fester") and the parts of a compound."""
    found = [Candidates() for _ in words]
    looked_up = [w for w in words if len(w) >= MIN_WORD]
    if not looked_up:
        return found
    # Past the vocabulary's longest word no typo or split can match.
    typos = {w: one_edit(w) if 4 <= len(w) <= MAX_WORD + 1 else set() for w in looked_up}
    parts = {part for w in looked_up if len(w) <= 2 * MAX_WORD for part in split_candidates(w)}
    exact = sorted(parts.union(*typos.values()))
    if connection.vendor == "postgresql":
        rows = _candidate_rows_postgres(looked_up, exact)
    else:
        rows = _candidate_rows_sqlite(looked_up, exact)
    by_word = {w: found[i] for i, w in enumerate(words)}
    for index, kind, word, folded, same_stem in rows:
        if kind == "exact":
            for typed in looked_up:
                if folded in parts:
                    by_word[typed].parts.add(folded)
                if folded in typos[typed]:
                    by_word[typed].near.append((word, folded))
            continue
        candidates = by_word[looked_up[index - 1]]
        getattr(candidates, kind).append((word, folded))
        if same_stem:
            candidates.stems.add(word)
    return found


_understood: Kept["TextSearch"] = Kept(500)


def understand(text: str, *, exact: bool = False, version: int | None = None) -> "TextSearch":
    """How ``text`` will be searched (one query; none for an empty text).
    ``exact`` searches only what was typed: no diacritics added, no typos
    corrected, no compound split. With the registry ``version`` the answer is
    kept in this process until the vocabulary can have changed."""
    if version is None:
        return _understand(text, exact=exact)
    return _understood.get((version, text, exact), lambda: _understand(text, exact=exact))


def _understand(text: str, *, exact: bool) -> "TextSearch":
    words = list(dict.fromkeys(query_words(text)))
    found = _candidates(words)
    understood = tuple(
        understand_word(w, c, exact=exact) for w, c in zip(words, found, strict=True)
    )
    suggestions = tuple(
        None if exact or u.corrected else suggest_word(w, c)
        for w, u, c in zip(words, understood, found, strict=True)
    )
    return TextSearch(text=text, words=understood, suggestions=suggestions)


def filter_text(queryset: QuerySet[SocialEnterprise], search: "TextSearch | str") -> QuerySet:
    """Keep enterprises that have every word of ``search``, annotated with
    ``exact_hit`` and ``name_hit`` (0 or 1, for the relevance order) and, on
    PostgreSQL, a ``snippet`` of the description with the hits marked."""
    if isinstance(search, str):
        search = understand(search)
    groups = [group for word in search.words for group in word.groups]
    if not groups:  # only punctuation: nothing can match it
        nothing = queryset.filter(Value(False, output_field=BooleanField()))
        return nothing.annotate(exact_hit=Value(0), name_hit=Value(0))
    if connection.vendor == "postgresql":
        return _filter_postgres(queryset, search, groups)
    return _filter_sqlite(queryset, search, groups)


def _tsquery(groups: list[tuple[str, ...]], weight: str = "") -> SearchQuery:
    # Vocabulary and query words are runs of letters and digits, which cannot
    # carry tsquery syntax, so the raw form is safe here.
    ors = ["(" + " | ".join(f"{word}:*{weight}" for word in group) + ")" for group in groups]
    return SearchQuery(" & ".join(ors), search_type="raw", config="swedish")


def _flag(condition: Q) -> Case:
    return Case(When(condition, then=Value(1)), default=Value(0), output_field=IntegerField())


def _filter_postgres(queryset: QuerySet, search: TextSearch, groups: list) -> QuerySet:
    query = _tsquery(groups)
    # The spelling as typed, not its stem ("kafe" and "kafé" share a stem).
    typed = [(word.typed,) for word in search.words]
    return queryset.filter(search_vector=query).annotate(
        exact_hit=_flag(_all_of("search_document", typed)),
        name_hit=_flag(Q(search_vector=_tsquery(groups, weight="A"))),
        snippet=SearchHeadline(
            Concat("short_description", Value(" "), "description", output_field=TextField()),
            query,
            config="swedish",
            start_sel=MARK_START,
            stop_sel=MARK_END,
            max_words=30,
            min_words=12,
        ),
    )


def _all_of(field: str, groups: list[tuple[str, ...]]) -> Q:
    """Every group has one word that ``field`` contains."""
    lookup = f"{field}__contains"
    return reduce(and_, (reduce(or_, (Q(**{lookup: w}) for w in group)) for group in groups))


def _filter_sqlite(queryset: QuerySet, search: TextSearch, groups: list) -> QuerySet:
    typed = [(word.typed,) for word in search.words]
    return (
        queryset.alias(name_folded=Lower("name"))
        .filter(_all_of("search_document", groups))
        .annotate(
            exact_hit=_flag(_all_of("search_document", typed)),
            name_hit=_flag(_all_of("name_folded", groups)),
        )
    )


def did_you_mean(search: TextSearch, limit: int = 3) -> list[str]:
    """For a search that found nothing: the query with looser corrections,
    if that finds something, then the published names closest to it."""
    published = SocialEnterprise.objects.published()
    suggestions = []
    guess = search.suggestion()
    if guess and filter_text(published, guess).exists():
        suggestions.append(guess)
    text = search.text
    if connection.vendor == "postgresql":
        close = (
            published.annotate(similarity=TrigramSimilarity("name", text))
            .filter(similarity__gt=0.15)
            .order_by("-similarity", "name")
        )
        names = list(close.values_list("name", flat=True)[:limit])
    else:
        folded = {name.casefold(): name for name in published.values_list("name", flat=True)}
        close = difflib.get_close_matches(text.casefold(), folded, n=limit, cutoff=0.6)
        names = [folded[name] for name in close]
    return suggestions + [name for name in names if name not in suggestions]
