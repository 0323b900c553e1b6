"""A small memo kept in one process: answers to questions whose key names
everything they depend on (such as the registry version), so an entry is
never wrong, only unused once its version has passed."""

from collections.abc import Callable, Hashable


class Kept[T]:
    """At most ``size`` answers; when full it forgets them all at once, which
    is cheap and fine for answers that are cheap to ask again."""

    def __init__(self, size: int):
        self.size = size
        self._answers: dict[Hashable, T] = {}

    def get(self, key: Hashable, ask: Callable[[], T]) -> T:
        if key not in self._answers:
            if len(self._answers) >= self.size:
                self._answers.clear()
            self._answers[key] = ask()
        return self._answers[key]
