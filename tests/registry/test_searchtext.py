"""The pure rules of the search: folding, typo allowance, how a word is
understood from what the vocabulary holds."""

from registry.searchtext import (
    Candidates,
    edits,
    fold,
    max_edits,
    one_edit,
    query_words,
    suggest_word,
    understand_word,
    vocabulary_words,
)


def test_fold_removes_diacritics_and_case():
    assert fold("Trädgård ÖVER Kafé") == "tradgard over kafe"


def test_words_of_a_query_and_of_a_document():
    assert query_words("Kafé, lunch & fika_bar!") == ["kafé", "lunch", "fika", "bar"]
    assert vocabulary_words("Vi har 12 platser i ett kafé") == {"har", "platser", "ett", "kafé"}


def test_typo_allowance_grows_with_the_word():
    assert [max_edits("x" * n) for n in (3, 4, 7, 8, 14)] == [0, 1, 1, 2, 2]
    assert edits("lnuch", "lunch") == 1  # a swap is one typo


def test_one_edit_holds_every_kind_of_single_typo():
    variants = one_edit("fetser")
    assert {"fester", "fetse", "fetsker", "fetsar"} <= variants
    assert "fetser" not in variants


def _c(direct=(), near=(), parts=(), stems=()):
    pairs = lambda words: [(w, fold(w)) for w in words]  # noqa: E731
    return Candidates(pairs(direct), pairs(near), set(parts), set(stems))


def test_a_word_found_as_typed_is_not_corrected_and_gains_its_diacritic_spellings():
    understood = understand_word("kafe", _c(direct=["kafeteria", "kafé"]))
    assert understood.groups == (("kafe", "kafeteria", "kafé"),)
    assert not understood.corrected


def test_diacritics_then_typos_then_compounds():
    assert understand_word("tradgard", _c(direct=["trädgård", "trädgårdar"])).shown == "trädgård"
    typo = understand_word("catring", _c(near=["catering", "cater"]))
    assert (typo.shown, typo.corrected) == ("catering", True)
    split = understand_word("secondhand", _c(parts=["second", "hand"]))
    assert split.groups == (("second",), ("hand",))
    assert split.shown == "second hand"


def test_too_many_typos_and_exact_mode_leave_the_word_as_typed():
    assert understand_word("xyzzyq", _c(near=["xylofon"])).groups == (("xyzzyq",),)
    exact = understand_word("tradgard", _c(direct=["trädgård"]), exact=True)
    assert exact.groups == (("tradgard",),)
    assert not exact.corrected


def test_menade_du_allows_one_more_typo():
    assert understand_word("kornetxyz", _c(near=["kornet"])).groups == (("kornetxyz",),)
    assert suggest_word("kornetxyz", _c(near=["kornet"])) == "kornet"  # 3 typos
    assert suggest_word("kornetwxyz", _c(near=["kornet"])) is None  # 4 typos
