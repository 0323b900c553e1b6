"""The advice-flow engine: a flow as a graph of questions, its validation, and a
walk through it from the answers a person has given.

Pure functions over plain data, so they are tested without a database; the
selectors build a ``FlowGraph`` from the rows in two queries.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from guidance.models import QuestionKind


@dataclass(frozen=True)
class ChoiceNode:
    value: str
    label: str
    next_id: int | None  # None ends the flow


@dataclass(frozen=True)
class QuestionNode:
    id: int
    text: str
    kind: str
    choices: tuple[ChoiceNode, ...]
    help_text: str = ""

    @property
    def is_multiple(self) -> bool:
        return self.kind == QuestionKind.MULTIPLE

    def choice(self, value: str) -> ChoiceNode | None:
        return next((c for c in self.choices if c.value == value), None)

    def next_after(self, values: Sequence[str]) -> int | None:
        """Where the answer leads; a multiple-choice answer follows its first choice
        (validation ensures all of them lead to the same place)."""
        chosen = [c for c in self.choices if c.value in values]
        return chosen[0].next_id if chosen else None


@dataclass(frozen=True)
class FlowGraph:
    first_id: int | None
    questions: Mapping[int, QuestionNode] = field(default_factory=dict)


def graph_problems(graph: FlowGraph) -> list[str]:
    """Every reason the flow cannot be walked to an end, as sentences for editors.

    Checks dead ends (a question without choices, or a choice leading outside the
    flow), multiple-choice questions whose choices disagree on the next question,
    questions that cannot be reached from the first, and cycles.
    """
    if graph.first_id is None:
        return [_("Flödet har inga frågor.")]
    problems = _dead_ends(graph) + _disagreeing_multiples(graph)
    if problems:
        return problems
    cycle = _find_cycle(graph)
    if cycle:
        names = " → ".join(f"”{graph.questions[qid].text}”" for qid in cycle)
        return [_("Flödet går i cirkel: %(path)s.") % {"path": names}]
    reachable = _reachable(graph)
    return [
        _("Frågan ”%(question)s” går inte att nå från den första frågan.") % {"question": node.text}
        for qid, node in graph.questions.items()
        if qid not in reachable
    ]


def _dead_ends(graph: FlowGraph) -> list[str]:
    problems = []
    for node in graph.questions.values():
        if not node.choices:
            problems.append(
                _("Frågan ”%(question)s” har inga svarsalternativ, så flödet tar stopp där.")
                % {"question": node.text}
            )
        for choice in node.choices:
            if choice.next_id is not None and choice.next_id not in graph.questions:
                problems.append(
                    _("Svaret ”%(choice)s” leder till en fråga som inte finns i det här flödet.")
                    % {"choice": choice.label}
                )
    return problems


def _disagreeing_multiples(graph: FlowGraph) -> list[str]:
    return [
        _("Alla svar på flervalsfrågan ”%(question)s” måste leda till samma fråga.")
        % {"question": node.text}
        for node in graph.questions.values()
        if node.is_multiple and len({c.next_id for c in node.choices}) > 1
    ]


def _successors(node: QuestionNode) -> list[int]:
    return list(dict.fromkeys(c.next_id for c in node.choices if c.next_id is not None))


def _find_cycle(graph: FlowGraph) -> list[int]:
    """A cycle as a list of question ids that starts and ends with the same one."""
    state: dict[int, str] = {}  # "open" while on the stack, "done" after

    def visit(qid: int, stack: list[int]) -> list[int]:
        state[qid] = "open"
        stack.append(qid)
        for nxt in _successors(graph.questions[qid]):
            if state.get(nxt) == "open":
                return [*stack[stack.index(nxt) :], nxt]
            if nxt not in state and (found := visit(nxt, stack)):
                return found
        stack.pop()
        state[qid] = "done"
        return []

    for qid in graph.questions:
        if qid not in state and (found := visit(qid, [])):
            return found
    return []


def _reachable(graph: FlowGraph, start: int | None = None) -> set[int]:
    seen, todo = set(), [graph.first_id if start is None else start]
    while todo:
        qid = todo.pop()
        if qid in seen:
            continue
        seen.add(qid)
        todo.extend(_successors(graph.questions[qid]))
    return seen


def longest_remaining(graph: FlowGraph, qid: int) -> int:
    """How many questions at most are left, counting ``qid`` itself."""
    memo: dict[int, int] = {}

    def depth(current: int, seen: frozenset[int]) -> int:
        if current in memo:
            return memo[current]
        nexts = [n for n in _successors(graph.questions[current]) if n not in seen]
        memo[current] = 1 + max((depth(n, seen | {n}) for n in nexts), default=0)
        return memo[current]

    return depth(qid, frozenset({qid}))


@dataclass(frozen=True)
class Walk:
    """Where a person is in a flow: the questions answered in order, and the
    question to answer next (None once the flow is complete)."""

    path: tuple[int, ...]
    next_id: int | None
    answers: Mapping[int, tuple[str, ...]]

    @property
    def complete(self) -> bool:
        return self.next_id is None and bool(self.path)

    def allows(self, qid: int) -> bool:
        return qid in self.path or qid == self.next_id

    def previous(self, qid: int) -> int | None:
        if qid in self.path and self.path.index(qid) > 0:
            return self.path[self.path.index(qid) - 1]
        if qid == self.next_id and self.path:
            return self.path[-1]
        return None

    def position(self, qid: int) -> int:
        return self.path.index(qid) + 1 if qid in self.path else len(self.path) + 1


def walk(graph: FlowGraph, answers: Mapping[str, Sequence[str]]) -> Walk:
    """Follow the answers from the first question. Answers that no longer match
    a choice (an editor changed the flow, or the session was tampered with) stop
    the walk there, so that question is asked again; answers off the path are
    dropped."""
    path: list[int] = []
    kept: dict[int, tuple[str, ...]] = {}
    qid = graph.first_id
    while qid is not None and qid not in kept:
        node = graph.questions.get(qid)
        values = _valid_values(node, answers.get(str(qid), ()))
        if node is None or not values:
            break
        path.append(qid)
        kept[qid] = values
        qid = node.next_after(values)
    return Walk(path=tuple(path), next_id=qid, answers=kept)


def _valid_values(node: QuestionNode | None, values: Sequence[str]) -> tuple[str, ...]:
    if node is None or isinstance(values, str):
        return ()
    valid = tuple(v for v in values if isinstance(v, str) and node.choice(v))
    if len(valid) != len(values) or (len(valid) > 1 and not node.is_multiple):
        return ()
    return valid


def answer_rows(graph: FlowGraph, done: Walk) -> list[tuple[int, str, list[str]]]:
    """(question id, question text, chosen labels) for each answered question."""
    rows = []
    for qid in done.path:
        node = graph.questions[qid]
        rows.append((qid, node.text, [node.choice(v).label for v in done.answers[qid]]))
    return rows


def answers_to_keep(
    graph: FlowGraph, answers: Mapping[int, Sequence[str]]
) -> dict[int, tuple[str, ...]]:
    """The answers still worth keeping after a change: those on the walked path
    and those further along it, so changing an early answer does not make the
    person answer later questions again. Everything else is forgotten."""
    current = walk(graph, {str(q): v for q, v in answers.items()})
    ahead = _reachable(graph, current.next_id) if current.next_id in graph.questions else set()
    keep = dict(current.answers)
    for qid in ahead:
        values = _valid_values(graph.questions[qid], answers.get(qid, ()))
        if values:
            keep[qid] = values
    return keep
