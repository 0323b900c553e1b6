"""The words of the directory's search, without a database: how text becomes
words, how a word is folded (å, ä → a; ö → o; é → e), how far a typo may be
from a word, and how a query word is understood from vocabulary candidates.

The selector (``selectors/search.py``) fetches the candidates in one query and
hands them to ``understand_word``; everything here is pure and tested alone.
"""

import re
import unicodedata
from dataclasses import dataclass, field

from rapidfuzz.distance import OSA

MIN_WORD = 3  # shorter words are not kept in the vocabulary
MAX_WORD = 40
MAX_QUERY_WORDS = 10
MIN_CONTAINED = 4  # a query word this long also finds compounds that contain it
MIN_PART = 3  # "secondhand" splits only into parts at least this long
MAX_ALTERNATIVES = 30

_WORD = re.compile(r"[^\W_]+")


def fold(text: str) -> str:
    """Casefolded, without diacritics: "Trädgård" → "tradgard", "Kafé" → "kafe"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def query_words(text: str) -> list[str]:
    """The casefolded words of a query, at most ``MAX_QUERY_WORDS``."""
    return _WORD.findall(text.casefold())[:MAX_QUERY_WORDS]


def vocabulary_words(document: str) -> set[str]:
    """The words of a search document worth correcting towards."""
    return {
        word
        for word in _WORD.findall(document.casefold())
        if MIN_WORD <= len(word) <= MAX_WORD and not word.isdigit()
    }


def max_edits(word: str) -> int:
    """Typos a word may hold: none up to 3 letters, one for 4 to 7, two from 8."""
    if len(word) < 4:
        return 0
    return 1 if len(word) < 8 else 2


def edits(a: str, b: str) -> int:
    """Insertions, deletions, substitutions and swaps of neighbours (OSA)."""
    return OSA.distance(a, b)


@dataclass(frozen=True)
class Candidates:
    """Vocabulary words (casefolded, with their folded form) found for one
    query word: ``direct`` contain it or share its stem, ``near`` are close
    by trigrams, ``parts`` are whole words it might be a compound of."""

    direct: list[tuple[str, str]] = field(default_factory=list)
    near: list[tuple[str, str]] = field(default_factory=list)
    parts: set[str] = field(default_factory=set)  # folded
    stems: set[str] = field(default_factory=set)  # direct words sharing its stem


@dataclass(frozen=True)
class Understood:
    """How one query word is searched.

    ``groups`` are ANDed, each an OR of words (a compound split gives two
    groups). ``shown`` is what "Visar träffar för" names when the typed word
    itself was not found (``corrected``).
    """

    typed: str
    groups: tuple[tuple[str, ...], ...]
    shown: str
    corrected: bool = False


def _unique(words) -> tuple[str, ...]:
    return tuple(dict.fromkeys(words))[:MAX_ALTERNATIVES]


def _closest(typed: str, near: list[tuple[str, str]], limit: int) -> list[str]:
    """The near words within ``limit`` edits of ``typed`` (folded), all at the
    smallest distance found, the one spelt most like ``typed`` first."""
    folded = fold(typed)
    scored = [(edits(folded, f), edits(typed, w), w) for w, f in near]
    scored = [entry for entry in scored if entry[0] <= limit]
    if not scored:
        return []
    best = min(entry[0] for entry in scored)
    return [w for d, _exact, w in sorted(scored) if d == best]


def _split(typed: str, parts: set[str]) -> tuple[str, str] | None:
    folded = fold(typed)
    for cut in range(MIN_PART, len(folded) - MIN_PART + 1):
        head, tail = folded[:cut], folded[cut:]
        if head in parts and tail in parts:
            return head, tail
    return None


def understand_word(typed: str, found: Candidates, *, exact: bool = False) -> Understood:
    """Decide what one casefolded query word searches for.

    1. Words that contain it as typed (or share its stem) are found as they
       are; words that contain it without diacritics join them.
    2. Otherwise, only without diacritics: shown as a correction.
    3. Otherwise the closest words within ``max_edits`` typos.
    4. Otherwise two words it is a compound of ("secondhand").
    5. Otherwise the word as typed, which finds nothing.
    ``exact`` stops after step 1, for "search for exactly what I typed".
    """
    direct = [w for w, _f in found.direct]
    as_typed = [w for w in direct if typed in w or w in found.stems]
    if exact:
        return Understood(typed, (_unique([typed, *as_typed]),), typed)
    if as_typed:
        return Understood(typed, (_unique([typed, *as_typed, *direct]),), typed)
    if direct:
        shown = min(direct, key=lambda w: (edits(typed, w), len(w), w))
        return Understood(typed, (_unique(direct),), shown, corrected=True)
    close = _closest(typed, found.near, max_edits(typed))
    if close:
        return Understood(typed, (_unique(close),), close[0], corrected=True)
    split = _split(typed, found.parts)
    if split:
        return Understood(typed, ((split[0],), (split[1],)), " ".join(split), corrected=True)
    return Understood(typed, ((typed,),), typed)


def suggest_word(typed: str, found: Candidates) -> str | None:
    """A looser guess for "Menade du …?" when nothing was found: the closest
    near word within one more typo than a correction allows."""
    close = _closest(typed, found.near, max_edits(typed) + 1) if len(typed) >= 4 else []
    return close[0] if close else None


def split_candidates(typed: str) -> list[str]:
    """Every head and tail of a folded word that could be one part of it."""
    folded = fold(typed)
    cuts = range(MIN_PART, len(folded) - MIN_PART + 1)
    return sorted({folded[:cut] for cut in cuts} | {folded[cut:] for cut in cuts})


_LETTERS = "abcdefghijklmnopqrstuvwxyz"


def one_edit(word: str) -> set[str]:
    """Every folded word one typo away (deleted, swapped, replaced or added
    letter): looked up exactly, since trigrams miss a swap in a short word."""
    folded = fold(word)
    splits = [(folded[:i], folded[i:]) for i in range(len(folded) + 1)]
    deleted = {a + b[1:] for a, b in splits if b}
    swapped = {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    replaced = {a + c + b[1:] for a, b in splits if b for c in _LETTERS}
    added = {a + c + b for a, b in splits for c in _LETTERS}
    return (deleted | swapped | replaced | added) - {folded}


def trigrams(word: str) -> list[str]:
    """The three-letter pieces of a folded word (SQLite's FTS5 trigram query)."""
    folded = fold(word)
    return sorted({folded[i : i + 3] for i in range(len(folded) - 2)})
