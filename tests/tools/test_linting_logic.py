"""The lint's condition logic: contradictions, implication, and never a false alarm."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from triage.facts.vocabulary import FactType
from triage.rulepack.spec import AllOf, AnyOf, FactTest, NotOf, Op
from triage.rulepack.yamlsource import Loc
from triage.tools.linting.logic import (
    Conjunction,
    FactDomain,
    Literal,
    canonical,
    dnf,
    implies,
    satisfiable,
)

LOC = Loc("<test>", 1, 1)
DOMAINS = {
    "amount": FactDomain(FactType.NUMBER),
    "count": FactDomain(FactType.INTEGER),
    "sector": FactDomain(FactType.STRING),
    "channel": FactDomain(FactType.STRING, frozenset({"web", "app"})),
    "flag": FactDomain(FactType.BOOL),
    "mentions": FactDomain(FactType.STRINGS, frozenset({"injury", "leverage", "praise"})),
}


def comparison_of(fact: str, op: Op, value: object) -> FactTest:
    """A test of ``fact``."""
    return FactTest(fact, op, value, LOC)  # type: ignore[arg-type]


def conj(*literals: Literal) -> Conjunction:
    """A conjunction of literals."""
    return frozenset(literals)


def lit(fact: str, op: Op, value: object, positive: bool = True) -> Literal:
    """A literal of ``fact``."""
    return Literal(fact, op, value, positive)


def test_numeric_ranges_that_do_not_meet_are_unsatisfiable() -> None:
    """amount > 5 and amount < 3 never hold together; amount > 5 and amount < 6 can."""
    assert not satisfiable(conj(lit("amount", Op.GT, 5), lit("amount", Op.LT, 3)), DOMAINS)
    assert satisfiable(conj(lit("amount", Op.GT, 5), lit("amount", Op.LT, 6)), DOMAINS)
    assert not satisfiable(conj(lit("amount", Op.GE, 5), lit("amount", Op.LT, 5)), DOMAINS)
    assert satisfiable(conj(lit("amount", Op.GE, 5), lit("amount", Op.LE, 5)), DOMAINS)


def test_integers_need_a_whole_number_in_range() -> None:
    """count > 3 and count < 4 is empty for an integer fact, not for a number fact."""
    assert not satisfiable(conj(lit("count", Op.GT, 3), lit("count", Op.LT, 4)), DOMAINS)
    assert satisfiable(conj(lit("amount", Op.GT, 3), lit("amount", Op.LT, 4)), DOMAINS)


def test_two_values_of_one_text_fact_contradict() -> None:
    """sector == food and sector == power contradict; sector == food and != power do not."""
    assert not satisfiable(
        conj(lit("sector", Op.EQ, "food"), lit("sector", Op.EQ, "power")), DOMAINS
    )
    assert satisfiable(conj(lit("sector", Op.EQ, "food"), lit("sector", Op.NE, "power")), DOMAINS)
    assert not satisfiable(
        conj(lit("channel", Op.NE, "web"), lit("channel", Op.NOT_IN, ("app",))), DOMAINS
    )


def test_a_test_and_its_negation_contradict() -> None:
    """mentions has injury and not (mentions has injury) never hold together."""
    has = lit("mentions", Op.HAS, "injury")
    assert not satisfiable(conj(has, has.negated()), DOMAINS)


def test_absent_facts_satisfy_negations() -> None:
    """Only negated tests of a fact can all hold: the fact is simply absent."""
    assert satisfiable(
        conj(lit("amount", Op.GT, 5, positive=False), lit("amount", Op.LE, 5, positive=False)),
        DOMAINS,
    )
    assert not satisfiable(
        conj(lit("amount", Op.GT, 5), lit("amount", Op.EXISTS, True, positive=False)), DOMAINS
    )


def test_list_counts_and_contents() -> None:
    """A list fact holding two named lexicons cannot have at most one item."""
    both = conj(
        lit("mentions", Op.HAS, "injury"),
        lit("mentions", Op.HAS, "praise"),
        lit("mentions", Op.COUNT_LE, 1),
    )
    assert not satisfiable(both, DOMAINS)
    assert not satisfiable(
        conj(
            lit("mentions", Op.HAS_ANY, ("injury", "praise")),
            lit("mentions", Op.HAS, "injury", positive=False),
            lit("mentions", Op.HAS, "praise", positive=False),
        ),
        DOMAINS,
    )


def test_dnf_pushes_negation_inward() -> None:
    """not (a and b) becomes the alternatives not a, not b."""
    a, b = comparison_of("amount", Op.GT, 5), comparison_of("sector", Op.EQ, "food")
    assert dnf(NotOf(AllOf((a, b)))) == (
        conj(Literal.of(a, positive=False)),
        conj(Literal.of(b, positive=False)),
    )
    assert dnf(AllOf((AnyOf((a, b)), a))) == (
        conj(Literal.of(a)),
        conj(Literal.of(a), Literal.of(b)),
    )


def test_canonical_form_ignores_order_and_nesting() -> None:
    """all [a, all [b, c]] and all [c, b, a] have the same canonical form."""
    a, b, c = (
        comparison_of("amount", Op.GT, 5),
        comparison_of("sector", Op.EQ, "food"),
        comparison_of("flag", Op.EQ, True),
    )
    assert canonical(AllOf((a, AllOf((b, c))))) == canonical(AllOf((c, b, a)))
    assert canonical(AllOf((a, b))) != canonical(AnyOf((a, b)))


def test_implication_by_ranges_and_subsets() -> None:
    """amount > 10 implies amount > 5; amount > 5 does not imply amount > 10."""
    narrow = (conj(lit("amount", Op.GT, 10), lit("sector", Op.EQ, "food")),)
    wide = (conj(lit("amount", Op.GT, 5)),)
    assert implies(narrow, wide, DOMAINS)
    assert not implies(wide, narrow, DOMAINS)


NUMERIC_OPS = (Op.EQ, Op.NE, Op.LT, Op.LE, Op.GT, Op.GE)
literals = st.builds(
    lit,
    st.just("count"),
    st.sampled_from(NUMERIC_OPS),
    st.integers(min_value=-3, max_value=3),
    st.booleans(),
)


def holds(literal: Literal, value: int | None) -> bool:
    """Whether ``literal`` is true when the fact has ``value`` (None: absent)."""
    if value is None:
        return not literal.positive
    bound = literal.value
    assert isinstance(bound, int)
    result = {
        Op.EQ: value == bound,
        Op.NE: value != bound,
        Op.LT: value < bound,
        Op.LE: value <= bound,
        Op.GT: value > bound,
        Op.GE: value >= bound,
    }[literal.op]
    return result == literal.positive


@given(st.lists(literals, min_size=1, max_size=4))
def test_unsatisfiable_means_no_value_works(chosen: list[Literal]) -> None:
    """When satisfiable says no, no integer value and no absence makes all literals true."""
    witnesses = [None, *range(-6, 7)]
    found = any(all(holds(literal, value) for literal in chosen) for value in witnesses)
    if not satisfiable(frozenset(chosen), DOMAINS):
        assert not found
    else:
        assert found
