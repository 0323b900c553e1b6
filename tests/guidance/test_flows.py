"""The flow engine on plain data: validation, walking, progress."""

from guidance.flows import (
    ChoiceNode,
    FlowGraph,
    QuestionNode,
    answers_to_keep,
    graph_problems,
    longest_remaining,
    walk,
)


def node(qid, *choices, kind="single", text=None):
    return QuestionNode(qid, text or f"Fråga {qid}", kind, tuple(ChoiceNode(*c) for c in choices))


def graph(*nodes):
    return FlowGraph(first_id=nodes[0].id if nodes else None, questions={n.id: n for n in nodes})


BRANCHING = graph(
    node(1, ("a", "A", 2), ("b", "B", 3)),
    node(2, ("x", "X", 3), ("y", "Y", 3), kind="multiple"),
    node(3, ("slut", "Slut", None), ("klar", "Klar", None)),
)


def test_graph_problems_valid_flow_has_none():
    assert graph_problems(BRANCHING) == []


def test_graph_problems_empty_flow():
    assert graph_problems(graph()) == ["Flödet har inga frågor."]


def test_graph_problems_question_without_choices_is_a_dead_end():
    problems = graph_problems(graph(node(1, ("a", "A", 2)), node(2, text="Sista")))
    assert problems == ["Frågan ”Sista” har inga svarsalternativ, så flödet tar stopp där."]


def test_graph_problems_choice_leading_outside_the_flow():
    problems = graph_problems(graph(node(1, ("a", "Till annat flöde", 99))))
    assert problems == [
        "Svaret ”Till annat flöde” leder till en fråga som inte finns i det här flödet."
    ]


def test_graph_problems_cycle_is_named_with_its_path():
    cyclic = graph(
        node(1, ("a", "A", 2), text="Första"),
        node(2, ("b", "B", 3), text="Andra"),
        node(3, ("c", "C", 2), ("d", "D", None), text="Tredje"),
    )
    assert graph_problems(cyclic) == ["Flödet går i cirkel: ”Andra” → ”Tredje” → ”Andra”."]


def test_graph_problems_unreachable_question():
    problems = graph_problems(
        graph(node(1, ("a", "A", None)), node(2, ("b", "B", None), text="Glömd"))
    )
    assert problems == ["Frågan ”Glömd” går inte att nå från den första frågan."]


def test_graph_problems_multiple_choice_must_agree_on_next():
    problems = graph_problems(
        graph(
            node(1, ("a", "A", 2), ("b", "B", None), kind="multiple", text="Flera"),
            node(2, ("c", "C", None)),
        )
    )
    assert problems == ["Alla svar på flervalsfrågan ”Flera” måste leda till samma fråga."]


def test_walk_follows_the_branch_that_was_chosen():
    done = walk(BRANCHING, {"1": ["b"], "3": ["slut"]})
    assert done.path == (1, 3)
    assert done.complete


def test_walk_stops_at_the_first_unanswered_question():
    current = walk(BRANCHING, {"1": ["a"]})
    assert current.path == (1,)
    assert current.next_id == 2
    assert not current.complete
    assert current.allows(2) and not current.allows(3)


def test_walk_drops_answers_that_are_off_the_path():
    current = walk(BRANCHING, {"1": ["b"], "2": ["x"], "3": ["slut"]})
    assert 2 not in current.answers
    assert current.path == (1, 3)


def test_walk_treats_a_tampered_value_as_unanswered():
    assert walk(BRANCHING, {"1": ["<script>"]}).next_id == 1
    assert walk(BRANCHING, {"1": "a"}).next_id == 1  # a string, not a list
    assert walk(BRANCHING, {"1": ["a", "b"]}).next_id == 1  # two answers to a single choice


def test_walk_keeps_several_answers_to_a_multiple_choice_question():
    current = walk(BRANCHING, {"1": ["a"], "2": ["x", "y"]})
    assert current.answers[2] == ("x", "y")
    assert current.next_id == 3


def test_walk_previous_and_position():
    current = walk(BRANCHING, {"1": ["a"], "2": ["x"]})
    assert current.previous(1) is None
    assert current.previous(3) == 2
    assert current.position(3) == 3


def test_longest_remaining_counts_the_longest_branch():
    assert longest_remaining(BRANCHING, 1) == 3
    assert longest_remaining(BRANCHING, 3) == 1


def test_answers_to_keep_keeps_later_answers_still_ahead_and_drops_the_rest():
    # Was: 1=b → 3. Changed to 1=a → 2 (unanswered) → 3: the answer to 3 is ahead.
    kept = answers_to_keep(BRANCHING, {1: ["a"], 3: ["slut"]})
    assert kept == {1: ("a",), 3: ("slut",)}
    # Answered 2 earlier, then chose b, which skips 2: the answer to 2 is dropped.
    kept = answers_to_keep(BRANCHING, {1: ["b"], 2: ["x"], 3: ["slut"]})
    assert kept == {1: ("b",), 3: ("slut",)}
