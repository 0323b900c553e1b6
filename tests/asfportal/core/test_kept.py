"""asfportal.core.kept: a per-process memo that asks once per key and forgets
everything when full."""

from asfportal.core.kept import Kept


def test_asks_once_per_key_and_forgets_all_when_full():
    asked = []
    kept = Kept[str](size=2)

    def ask(key):
        return lambda: asked.append(key) or key.upper()

    assert kept.get("a", ask("a")) == "A"
    assert kept.get("a", ask("a")) == "A"
    assert kept.get("b", ask("b")) == "B"
    assert asked == ["a", "b"]
    kept.get("c", ask("c"))  # full: a and b are forgotten
    kept.get("a", ask("a"))
    assert asked == ["a", "b", "c", "a"]
