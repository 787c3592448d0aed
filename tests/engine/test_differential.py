"""The compiled durable_rules network fires exactly the rules the reference evaluator says."""

from __future__ import annotations

from collections.abc import Mapping

from hypothesis import given, reject, settings
from hypothesis import strategies as st

from tests.engine.reference import evaluate
from triage.compile.network import Pass, build_network
from triage.engine.durable import DurableRuleset
from triage.errors import CapacityError
from triage.facts.vocabulary import FactSpec, FactType, Vocabulary
from triage.records.decision import Axis, FactValue
from triage.rulepack.spec import AllOf, AnyOf, Condition, FactTest, NotOf, Op, Rule, Then
from triage.rulepack.yamlsource import Loc

LOC = Loc("<test>", 1, 1)
WORDS = ("food", "power", "食品", 'a"b', "back\\slash", "")
FACTS = {
    "flag": FactType.BOOL,
    "other_flag": FactType.BOOL,
    "amount": FactType.NUMBER,
    "count": FactType.INTEGER,
    "sector": FactType.STRING,
    "tags": FactType.STRINGS,
}
VOCABULARY = Vocabulary(FactSpec(name, kind, name, "test") for name, kind in FACTS.items())

numbers = st.one_of(
    st.integers(min_value=-3, max_value=3),
    st.sampled_from([0.5, 2.5, 1e6, 49999.99, 50000]),
)
words = st.sampled_from([w for w in WORDS if w])


def _tests() -> st.SearchStrategy[FactTest]:
    return st.one_of(
        st.builds(
            lambda op, v: FactTest("flag", op, v, LOC),
            st.sampled_from([Op.EQ, Op.NE]),
            st.booleans(),
        ),
        st.builds(
            lambda op, v: FactTest("other_flag", op, v, LOC),
            st.sampled_from([Op.EQ, Op.NE]),
            st.booleans(),
        ),
        st.builds(
            lambda fact, op, v: FactTest(fact, op, v, LOC),
            st.sampled_from(["amount", "count"]),
            st.sampled_from([Op.EQ, Op.NE, Op.LT, Op.LE, Op.GT, Op.GE]),
            numbers,
        ),
        st.builds(
            lambda op, v: FactTest("amount", op, tuple(v), LOC),
            st.sampled_from([Op.IN, Op.NOT_IN]),
            st.lists(numbers, min_size=1, max_size=3),
        ),
        st.builds(
            lambda op, v: FactTest("sector", op, v, LOC), st.sampled_from([Op.EQ, Op.NE]), words
        ),
        st.builds(
            lambda op, v: FactTest("sector", op, tuple(v), LOC),
            st.sampled_from([Op.IN, Op.NOT_IN]),
            st.lists(words, min_size=1, max_size=3),
        ),
        st.builds(
            lambda f: FactTest(f, Op.EXISTS, True, LOC),
            st.sampled_from(["amount", "sector", "flag"]),
        ),
        st.builds(lambda v: FactTest("tags", Op.HAS, v, LOC), words),
        st.builds(
            lambda v: FactTest("tags", Op.HAS_ANY, tuple(v), LOC),
            st.lists(words, min_size=1, max_size=3),
        ),
        st.builds(
            lambda op, v: FactTest("tags", op, v, LOC),
            st.sampled_from([Op.COUNT_EQ, Op.COUNT_GE, Op.COUNT_LE]),
            st.integers(min_value=0, max_value=3),
        ),
    )


def conditions() -> st.SearchStrategy[Condition]:
    """Condition trees of bounded size over the test vocabulary."""
    return st.recursive(
        _tests(),
        lambda inner: st.one_of(
            st.lists(inner, min_size=2, max_size=3).map(lambda items: AllOf(tuple(items))),
            st.lists(inner, min_size=2, max_size=3).map(lambda items: AnyOf(tuple(items))),
            inner.map(NotOf),
        ),
        max_leaves=5,
    )


def fact_sets() -> st.SearchStrategy[dict[str, FactValue]]:
    """Fact dicts where every fact may be absent; lists are never empty."""
    optional = {
        "flag": st.booleans(),
        "other_flag": st.booleans(),
        "amount": st.one_of(numbers.map(float), st.floats(min_value=-1e7, max_value=1e7)),
        "count": st.integers(min_value=-3, max_value=5),
        "sector": words,
        "tags": st.lists(words, min_size=1, max_size=3, unique=True).map(tuple),
    }
    return st.fixed_dictionaries({}, optional=optional)  # type: ignore[arg-type]


def _rules(conditions_: list[Condition]) -> list[Rule]:
    return [
        Rule(
            id=f"t.rule.r{index}",
            title=f"rule {index}",
            axis=Axis.HANDLING,
            when=condition,
            then=Then(review="x"),
            priority=0,
            source="test",
            pack="test",
            loc=LOC,
        )
        for index, condition in enumerate(conditions_)
    ]


def _fire(rules: list[Rule], facts: Mapping[str, FactValue]) -> set[str]:
    network = build_network(rules, {rule.id: 0 for rule in rules}, VOCABULARY)
    (compiled,) = network.passes
    ruleset = DurableRuleset(compiled.definition)
    try:
        names = ruleset.fire(compiled.encode(facts))
    finally:
        ruleset.close()
    return {compiled.rules[name].id for name in names if name in compiled.rules}


def _one_pass(rules: list[Rule]) -> Pass:
    """The one pass the rules compile to; rules beyond one group's paths are skipped (their
    refusal at compile time is tested in test_capacity)."""
    try:
        network = build_network(rules, {rule.id: 0 for rule in rules}, VOCABULARY)
    except CapacityError:
        reject()
    (compiled,) = network.passes
    return compiled


@settings(max_examples=300)
@given(
    st.lists(conditions(), min_size=1, max_size=12), st.lists(fact_sets(), min_size=1, max_size=4)
)
def test_compiled_rules_fire_exactly_as_the_reference_says(
    conditions_: list[Condition], fact_sets_: list[dict[str, FactValue]]
) -> None:
    """For random rule and fact sets, durable_rules fires exactly the reference's rules.

    Conditions whose negation-normal form has more alternative paths than one group
    holds are refused at compile time (tested in test_capacity); they are skipped here.
    """
    rules = _rules(conditions_)
    compiled = _one_pass(rules)
    ruleset = DurableRuleset(compiled.definition)
    try:
        for facts in fact_sets_:
            fired = {
                compiled.rules[n].id
                for n in ruleset.fire(compiled.encode(facts))
                if n in compiled.rules
            }
            expected = {rule.id for rule in rules if evaluate(rule.when, facts)}
            assert fired == expected, facts
    finally:
        ruleset.close()


def test_reference_agrees_on_a_hand_written_case() -> None:
    """Absent facts: a comparison is false and its negation true, in both evaluators."""
    rules = _rules(
        [
            FactTest("amount", Op.GT, 5, LOC),
            NotOf(FactTest("amount", Op.GT, 5, LOC)),
            NotOf(FactTest("tags", Op.HAS, "food", LOC)),
            FactTest("tags", Op.COUNT_EQ, 0, LOC),
        ]
    )
    assert _fire(rules, {}) == {"t.rule.r1", "t.rule.r2", "t.rule.r3"}
    assert _fire(rules, {"amount": 6.0, "tags": ("food",)}) == {"t.rule.r0"}


def test_repeated_values_in_a_list_cost_no_paths() -> None:
    """`in: [0, 0, 0]` compiles like `== 0`: duplicates do not multiply the paths."""
    repeated = NotOf(FactTest("amount", Op.NOT_IN, (0, 0, 0), LOC))
    rules = _rules([AllOf((repeated,) * 5)])  # 2**5 paths; 4**5 without deduplication
    assert _fire(rules, {"amount": 0.0}) == {"t.rule.r0"}
    assert _fire(rules, {"amount": 1.0}) == set()
    assert _fire(rules, {}) == {"t.rule.r0"}


@settings(max_examples=200)
@given(
    st.lists(conditions(), min_size=1, max_size=12),
    fact_sets(),
    st.sets(st.sampled_from([*FACTS, "unknown"])),
)
def test_encoding_the_facts_a_pass_reads_is_encoding_a_copy_of_them(
    conditions_: list[Condition], facts: dict[str, FactValue], reads: set[str]
) -> None:
    """``encode(facts, reads)`` (the engine's way, no filtered copy) is byte for byte the
    encoding of the facts named in ``reads`` alone, list and counted facts included."""
    compiled = _one_pass(_rules(conditions_))
    copied = {name: value for name, value in facts.items() if name in reads}
    assert list(compiled.encode(facts, frozenset(reads)).items()) == list(
        compiled.encode(copied).items()
    )
    assert compiled.encode(facts, None) == compiled.encode(facts)
