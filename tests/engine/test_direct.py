"""Small passes decided in Python fire exactly what durable_rules and the reference fire."""

from __future__ import annotations

import math
from pathlib import Path

from hypothesis import given, reject, settings
from hypothesis import strategies as st

from tests.engine.reference import evaluate
from tests.engine.test_differential import VOCABULARY, _rules, conditions, fact_sets
from triage import Engine
from triage.compile.network import build_network
from triage.engine.direct import DIRECT_RULES, pass_check
from triage.engine.durable import DurableRuleset
from triage.errors import CapacityError
from triage.records.decision import FactValue
from triage.records.parsing import parse_complaint
from triage.rulepack.spec import Condition

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "complaints.jsonl"


@settings(max_examples=500)
@given(st.lists(conditions(), min_size=1, max_size=DIRECT_RULES), fact_sets())
def test_a_pass_check_is_the_reference(
    conditions_: list[Condition], facts: dict[str, FactValue]
) -> None:
    """For random conditions and facts, the check gives the reference's true conditions."""
    expected = [at for at, condition in enumerate(conditions_) if evaluate(condition, facts)]
    assert pass_check(conditions_)(facts) == expected


def _odd_facts() -> st.SearchStrategy[dict[str, FactValue]]:
    """Facts with numbers the engine caps, rounds or does not send (not finite)."""
    odd = st.sampled_from([math.inf, -math.inf, math.nan, 1e16, -2e15, 0.00004, 2.50004])
    return st.tuples(fact_sets(), odd, st.sampled_from(["amount", "count"])).map(
        lambda parts: {**parts[0], parts[2]: parts[1]}
    )


@settings(max_examples=300)
@given(
    st.lists(conditions(), min_size=1, max_size=DIRECT_RULES),
    st.lists(st.one_of(fact_sets(), _odd_facts()), min_size=1, max_size=4),
)
def test_a_pass_check_fires_what_durable_rules_fires(
    conditions_: list[Condition], fact_sets_: list[dict[str, FactValue]]
) -> None:
    """The check gives the rules durable_rules fires on the same facts, also for numbers
    that are capped, rounded or left out of the engine's fact."""
    rules = _rules(conditions_)
    try:
        network = build_network(rules, {rule.id: 0 for rule in rules}, VOCABULARY)
    except CapacityError:
        reject()
    (compiled,) = network.passes
    check = pass_check([rule.when for rule in rules])
    ruleset = DurableRuleset(compiled.definition)
    try:
        for facts in fact_sets_:
            fired = {
                compiled.rules[name].id
                for name in ruleset.fire(compiled.encode(facts))
                if name in compiled.rules
            }
            assert {rules[at].id for at in check(facts)} == fired, facts
    finally:
        ruleset.close()


def test_the_bundled_engine_decides_as_with_every_pass_asserted() -> None:
    """The shipped rules have small passes decided in Python; decisions equal those of the
    same engine asserting every pass in durable_rules, byte for byte, on the examples."""
    with EXAMPLES.open(encoding="utf-8") as file:
        complaints = [parse_complaint(line) for line in file if line.strip()]
    with Engine.default() as engine:
        assert any(direct is not None for direct in engine._direct)
        fast = [engine.decide(complaint).model_dump_json() for complaint in complaints]
        engine._direct = tuple(None for _ in engine._direct)
        asserted = [engine.decide(complaint).model_dump_json() for complaint in complaints]
    assert fast == asserted
    assert len(fast) >= 100
