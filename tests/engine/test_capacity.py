"""1,000 realistic rules stay within durable_rules' limits, even when everything matches."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pytest

from tests.engine.reference import evaluate
from triage import Engine
from triage.compile import network as network_module
from triage.compile.network import build_network
from triage.engine.durable import DurableRuleset
from triage.errors import CapacityError
from triage.records.decision import FactValue
from triage.rulepack.loader import RuleSet, load_text
from triage.testing import SYNTHETIC_LEXICONS, synthetic_rules

EVERYTHING: dict[str, FactValue] = {
    "mentions": tuple(sorted(SYNTHETIC_LEXICONS)),
    "mentions_conditional": tuple(sorted(SYNTHETIC_LEXICONS)),
    "mentions_negated": ("lex00",),
    "sector": "food",
    "channel": "hotline",
    "hotline": "12315",
    "amount_at_stake": 1e9,
    "amount_demanded": 1e9,
    "repeat_count": 5,
    "days_since_incident": 5000,
    "people_affected": 50,
}
NOTHING: dict[str, FactValue] = {"channel": "web"}


@pytest.fixture(scope="module")
def thousand() -> RuleSet:
    """A rule set of 1,000 synthetic rules shaped like real packs."""
    return load_text(synthetic_rules(1000, seed=7), lexicons=SYNTHETIC_LEXICONS)


@pytest.mark.parametrize("facts", [EVERYTHING, NOTHING], ids=["everything", "nothing"])
def test_a_thousand_rules_fire_exactly_as_the_reference(
    thousand: RuleSet, facts: Mapping[str, FactValue]
) -> None:
    """With 1,000 rules, a fact matching nearly all of them fires exactly the right ones."""
    network = build_network(thousand.rules, thousand.checked.strata, thousand.vocabulary)
    (compiled,) = network.passes
    ruleset = DurableRuleset(compiled.definition)
    try:
        names = ruleset.fire(compiled.encode(facts))
    finally:
        ruleset.close()
    fired = {compiled.rules[name].id for name in names if name in compiled.rules}
    expected = {rule.id for rule in thousand.rules if evaluate(rule.when, facts)}
    assert fired == expected
    if facts is EVERYTHING:
        assert len(expected) > 500


@pytest.mark.parametrize("facts", [EVERYTHING, NOTHING], ids=["everything", "nothing"])
def test_items_beyond_the_property_limit_stay_list_tests(
    thousand: RuleSet, facts: Mapping[str, FactValue], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every tested item is a property of a pass; a fact holding more properties than
    durable_rules takes goes to the pass's overflow version, where the items that do not
    fit are list tests: same firings either way."""
    monkeypatch.setattr(network_module, "MAX_PROPERTIES", 100)
    network = build_network(thousand.rules, thousand.checked.strata, thousand.vocabulary)
    (compiled,) = network.passes
    assert not compiled.list_facts
    assert len(compiled.encode(EVERYTHING)) + 2 > 100
    assert compiled.fits(compiled.encode(NOTHING))
    assert not compiled.fits(compiled.encode(EVERYTHING))
    overflow = compiled.overflow
    assert overflow is not None
    assert overflow.overflow is None
    sent = sum(map(len, overflow.items.values()))
    assert 0 < sent < sum(map(len, compiled.items.values()))
    assert "mentions_negated" in overflow.list_facts
    assert "mentions_conditional" not in overflow.list_facts  # the shortest list went whole
    assert len(overflow.encode(EVERYTHING)) + 2 <= 100  # with sid and id
    assert overflow.fits(overflow.encode(EVERYTHING))
    chosen = compiled if compiled.fits(compiled.encode(facts)) else overflow
    assert (chosen is overflow) == (facts is EVERYTHING)
    ruleset = DurableRuleset(chosen.definition)
    try:
        names = ruleset.fire(chosen.encode(facts))
    finally:
        ruleset.close()
    fired = {chosen.rules[name].id for name in names if name in chosen.rules}
    assert fired == {rule.id for rule in thousand.rules if evaluate(rule.when, facts)}


def test_the_engine_sends_a_fact_too_large_for_a_pass_to_its_overflow_version(
    thousand: RuleSet, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The engine fires a fact holding too many item properties on the overflow version,
    compiled and created on first use, and the others on the pass itself: the reference's
    rules."""
    monkeypatch.setattr(network_module, "MAX_PROPERTIES", 100)
    with Engine(thousand) as engine:
        created = []
        for facts in (NOTHING, EVERYTHING, NOTHING, EVERYTHING):
            fired = {rule.id for rule in engine._run(dict(facts))}
            assert fired == {rule.id for rule in thousand.rules if evaluate(rule.when, facts)}
            created.append(list(engine._overflow))
            compiled = engine._network.passes[0].__dict__
            assert ("overflow" in compiled) == bool(engine._overflow)  # compiled when needed
        assert created == [[], [0], [0], [0]]
    assert engine.closed


def test_ungrouped_rules_would_overflow_durable_rules(thousand: RuleSet) -> None:
    """Without the routing tree, the same 1,000 rules overflow the matching stack (error 303).

    This is the failure the grouping exists to prevent; if durable_rules ever lifts its
    limit, this test tells us the grouping may be simplified.
    """
    network = build_network(thousand.rules[:200], thousand.checked.strata, thousand.vocabulary)
    (compiled,) = network.passes
    flat = {
        name: {"all": [{"m": {"$and": [{"_t": 1}, *_without_route(rule)]}}]}
        for name, rule in compiled.definition.items()
        if name != "$seen"
    }
    flat["$seen"] = compiled.definition["$seen"]
    ruleset = DurableRuleset(flat)
    try:
        with pytest.raises(CapacityError, match="64 matching-stack entries"):
            ruleset.fire(compiled.encode(EVERYTHING))
        # The failed session is left alone; the next fact is matched in a new one.
        assert ruleset.fire(compiled.encode(NOTHING)) == ["$seen"]
    finally:
        ruleset.close()


def _without_route(rule: dict[str, Any]) -> list[dict[str, Any]]:
    tests = rule["all"][0]["m"]["$and"][1:]
    return [test for test in tests if not any("_z" in str(key) for key in _keys(test))]


def _keys(test: dict[str, Any]) -> list[str]:
    return [*test, *(key for value in test.values() if isinstance(value, dict) for key in value)]
