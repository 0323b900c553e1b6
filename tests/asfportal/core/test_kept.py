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


def test_many_at_once_and_room_made_for_them():
    kept = Kept[int](size=3)
    kept.set_many({"a": 1, "b": 2})
    assert kept.get_many(["a", "b", "c"]) == {"a": 1, "b": 2}
    kept.set_many({"c": 3, "d": 4})  # four would not fit: the old ones go
    assert kept.get_many(["a", "b", "c", "d"]) == {"c": 3, "d": 4}
