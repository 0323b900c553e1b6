"""A small memo kept in one process: answers to questions whose key names
everything they depend on (such as the registry version), so an entry is
never wrong, only unused once its version has passed."""

from collections.abc import Callable, Hashable, Iterable


class Kept[T]:
    """At most ``size`` answers; when full it forgets them all at once, which
    is cheap and fine for answers that are cheap to ask again."""

    def __init__(self, size: int):
        self.size = size
        self._answers: dict[Hashable, T] = {}

    def get(self, key: Hashable, ask: Callable[[], T]) -> T:
        if key not in self._answers:
            self._make_room(1)
            self._answers[key] = ask()
        return self._answers[key]

    def get_many(self, keys: Iterable[Hashable]) -> dict[Hashable, T]:
        """The answers kept for those of ``keys`` that have one."""
        answers = self._answers
        return {key: answers[key] for key in keys if key in answers}

    def set_many(self, answers: dict[Hashable, T]) -> None:
        self._make_room(len(answers))
        self._answers.update(answers)

    def clear(self) -> None:
        self._answers.clear()

    def _make_room(self, count: int) -> None:
        if len(self._answers) + count > self.size:
            self._answers.clear()
