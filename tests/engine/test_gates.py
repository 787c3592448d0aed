"""The pass gate never closes on facts that make a rule true, and does close when it can."""

from __future__ import annotations

from itertools import product

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.engine.reference import evaluate
from tests.engine.test_differential import LOC, _rules, conditions, fact_sets
from triage.engine.gates import MAX_ALTERNATIVES, Gate, alternatives
from triage.records.decision import FactValue
from triage.rulepack.spec import AllOf, AnyOf, Condition, FactTest, NotOf, Op


@settings(max_examples=500)
@given(conditions(), fact_sets())
def test_a_true_condition_has_all_it_needs(
    condition: Condition, facts: dict[str, FactValue]
) -> None:
    """Whenever the reference evaluator says true, the gate of that rule is open."""
    if evaluate(condition, facts):
        assert Gate(_rules([condition])).open(facts)


@settings(max_examples=300)
@given(
    st.lists(conditions(), min_size=1, max_size=4), st.lists(fact_sets(), min_size=2, max_size=6)
)
def test_the_answer_does_not_depend_on_what_opened_the_gate_before(
    rules: list[Condition], fact_sets_in_turn: list[dict[str, FactValue]]
) -> None:
    """A gate that tries first the alternative that opened it last answers each set of
    facts as a new gate does, whatever it was asked before."""
    gate = Gate(_rules(rules))
    for facts in fact_sets_in_turn:
        assert gate.open(facts) == Gate(_rules(rules)).open(facts)


def test_needs_follow_the_absent_fact_semantics() -> None:
    """has needs an item, has_any one of its items, == a text or flag that value, other
    comparisons their fact; any is one alternative per branch; counts and not need nothing."""
    has_a = FactTest("tags", Op.HAS, "a", LOC)
    has_any = FactTest("tags", Op.HAS_ANY, ("a", "b"), LOC)
    flag = FactTest("flag", Op.EQ, True, LOC)
    amount = FactTest("amount", Op.EQ, 2.5, LOC)
    count = FactTest("tags", Op.COUNT_LE, 0, LOC)
    assert alternatives(has_a) == ({("tags", frozenset({"a"}))},)
    assert alternatives(has_any) == ({("tags", frozenset({"a", "b"}))},)
    assert alternatives(amount) == ({("amount", None)},)
    assert alternatives(AllOf((flag, count))) == ({("flag", frozenset({True}))},)
    assert alternatives(AnyOf((has_a, flag))) == (
        {("tags", frozenset({"a"}))},
        {("flag", frozenset({True}))},
    )
    assert alternatives(NotOf(flag)) == alternatives(count) == (frozenset(),)


def test_too_many_alternatives_merge_into_what_they_share() -> None:
    """An all of several any's keeps at most MAX_ALTERNATIVES ways, never losing a true one."""
    branches = [
        AnyOf(tuple(FactTest("sector", Op.EQ, f"s{n}{m}", LOC) for m in range(3))) for n in range(4)
    ]
    options = alternatives(AllOf((FactTest("flag", Op.EQ, True, LOC), *branches)))
    assert len(options) <= MAX_ALTERNATIVES, "3**4 ways were not merged"
    assert all(("flag", frozenset({True})) in option for option in options)
    for way in product(*(range(3) for _ in range(4))):
        held = {("flag", True), *(("sector", f"s{n}{m}") for n, m in enumerate(way))}
        assert any(
            all(
                values is None or any((name, value) in held for value in values)
                for name, values in option
            )
            for option in options
        ), f"no alternative lets {sorted(held)} through"


def test_gate_closes_when_no_rule_can_be_true() -> None:
    """A pass whose rules all need an absent fact or item is closed; one free rule opens it."""
    has_a = FactTest("tags", Op.HAS, "a", LOC)
    flag = FactTest("flag", Op.EQ, True, LOC)
    gate = Gate(_rules([has_a, flag]))
    assert not gate.open({"tags": ("b",)})
    assert gate.open({"tags": ("a",)})
    assert not gate.open({"flag": False})
    assert gate.open({"flag": True})
    assert Gate(_rules([has_a, NotOf(flag)])).open({})
    either = Gate(_rules([AnyOf((has_a, AllOf((flag, FactTest("sector", Op.EQ, "food", LOC)))))]))
    assert not either.open({"tags": ("b",), "flag": True, "sector": "power"})
    assert either.open({"tags": ("b",), "flag": True, "sector": "food"})
