"""The pass gate never closes on facts that make a rule true, and does close when it can."""

from __future__ import annotations

from hypothesis import given, settings

from tests.engine.reference import evaluate
from tests.engine.test_differential import LOC, _rules, conditions, fact_sets
from triage.engine.gates import Gate, needs
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


def test_needs_follow_the_absent_fact_semantics() -> None:
    """Comparisons need their fact, has needs its item, any needs what all branches need;
    counts and not need nothing."""
    has_a = FactTest("tags", Op.HAS, "a", LOC)
    flag = FactTest("flag", Op.EQ, True, LOC)
    count = FactTest("tags", Op.COUNT_LE, 0, LOC)
    assert needs(has_a) == {("tags", None), ("tags", "a")}
    assert needs(AllOf((flag, count))) == {("flag", None)}
    assert needs(AnyOf((has_a, FactTest("tags", Op.EXISTS, True, LOC)))) == {("tags", None)}
    assert needs(NotOf(flag)) == needs(count) == frozenset()


def test_gate_closes_when_no_rule_can_be_true() -> None:
    """A pass whose rules all need an absent fact or item is closed; one free rule opens it."""
    has_a = FactTest("tags", Op.HAS, "a", LOC)
    flag = FactTest("flag", Op.EQ, True, LOC)
    gate = Gate(_rules([has_a, flag]))
    assert not gate.open({"tags": ("b",)})
    assert gate.open({"tags": ("a",)})
    assert gate.open({"flag": False})
    assert Gate(_rules([has_a, NotOf(flag)])).open({})
