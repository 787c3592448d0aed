"""Condition logic for the lint: normal forms, satisfiability and implication.

Conditions are brought into disjunctive normal form: a rule fires when one of its
*conjunctions* holds, and a conjunction is a set of `Literal` (a test or its
negation). A conjunction is decided fact by fact, with the vocabulary's semantics: a test
on an absent fact is false, so ``not`` of it is true, and a fact with only negated tests
can always be absent.

Every answer errs on the safe side: `satisfiable` says False only when no complaint
can make the conjunction true, so a lint finding built on it is never a false alarm;
anything the reasoning does not cover counts as satisfiable.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import product

from triage.facts.vocabulary import FactType
from triage.rulepack.spec import AllOf, Condition, FactTest, NotOf, Op, Scalar

__all__ = [
    "Conjunction",
    "FactDomain",
    "Literal",
    "canonical",
    "conflict",
    "dnf",
    "implies",
    "satisfiable",
]

MAX_CONJUNCTIONS = 256
"""Conditions with more alternatives than this are not analysed (no finding, no cost)."""


def _value_key(value: object) -> object:
    if isinstance(value, tuple):
        return tuple(sorted(value, key=repr))
    return value


@dataclass(frozen=True)
class Literal:
    """A test of one fact, or its negation; equal when fact, operator and value agree."""

    fact: str
    op: Op
    value: object
    positive: bool = True

    @classmethod
    def of(cls, test: FactTest, *, positive: bool = True) -> Literal:
        """The literal of ``test`` (its position left out, list values in a fixed order)."""
        return cls(test.fact, test.op, _value_key(test.value), positive)

    def negated(self) -> Literal:
        """The opposite literal."""
        return Literal(self.fact, self.op, self.value, not self.positive)

    def __str__(self) -> str:
        values = self.value if isinstance(self.value, tuple) else (self.value,)
        shown = ", ".join(_show(v) for v in values)
        if self.op in (Op.IN, Op.NOT_IN, Op.HAS_ANY):
            shown = f"[{shown}]"
        text = (
            f"{self.fact} exists"
            if self.op is Op.EXISTS
            else f"{self.fact} {self.op.value} {shown}"
        )
        return text if self.positive else f"not ({text})"


def _show(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


Conjunction = frozenset[Literal]
"""Literals that must all hold."""


def canonical(condition: Condition) -> object:
    """A hashable form of ``condition`` in which item order and nesting of ``all`` don't count."""
    if isinstance(condition, FactTest):
        return Literal.of(condition)
    if isinstance(condition, NotOf):
        return ("not", canonical(condition.item))
    kind = type(condition)
    items: set[object] = set()
    for item in condition.items:
        key = canonical(item)
        if isinstance(item, kind) and isinstance(key, tuple):
            items.update(key[1])
        else:
            items.add(key)
    if len(items) == 1:
        return next(iter(items))
    return ("all" if kind is AllOf else "any", frozenset(items))


def dnf(condition: Condition) -> tuple[Conjunction, ...] | None:
    """The alternatives of ``condition``; None when there would be too many to analyse."""
    return _dnf(condition, positive=True)


def _dnf(condition: Condition, *, positive: bool) -> tuple[Conjunction, ...] | None:
    if isinstance(condition, FactTest):
        return (frozenset({Literal.of(condition, positive=positive)}),)
    if isinstance(condition, NotOf):
        return _dnf(condition.item, positive=not positive)
    parts = [_dnf(item, positive=positive) for item in condition.items]
    if any(part is None for part in parts):
        return None
    alternatives = [part for part in parts if part is not None]
    conjunctive = isinstance(condition, AllOf) == positive
    if not conjunctive:
        union = tuple(dict.fromkeys(c for part in alternatives for c in part))
        return union if len(union) <= MAX_CONJUNCTIONS else None
    if math.prod(len(part) for part in alternatives) > MAX_CONJUNCTIONS:
        return None
    return tuple(
        dict.fromkeys(frozenset().union(*combination) for combination in product(*alternatives))
    )


@dataclass(frozen=True)
class FactDomain:
    """What the lint knows of a fact: its type, and its values when they form a closed set."""

    type: FactType
    values: frozenset[Scalar] | None = None


# --- one fact at a time --------------------------------------------------------------

_Interval = tuple[float, bool, float, bool]
"""(low, low included, high, high included)."""
_EVERYTHING: list[_Interval] = [(-math.inf, False, math.inf, False)]


def _point(value: float) -> list[_Interval]:
    return [(value, True, value, True)]


def _complement(intervals: Sequence[_Interval]) -> list[_Interval]:
    result: list[_Interval] = []
    covered, covered_in = -math.inf, False
    for start, start_in, end, end_in in sorted(intervals, key=lambda i: (i[0], not i[1])):
        gap = (covered, not covered_in and covered > -math.inf, start, not start_in)
        if _non_empty(gap):
            result.append(gap)
        if (end, end_in) > (covered, covered_in):
            covered, covered_in = end, end_in
    gap = (covered, not covered_in and covered > -math.inf, math.inf, False)
    if _non_empty(gap):
        result.append(gap)
    return result


def _non_empty(interval: _Interval) -> bool:
    low, low_in, high, high_in = interval
    return low < high or (low == high and low_in and high_in)


def _intersect(first: Sequence[_Interval], second: Sequence[_Interval]) -> list[_Interval]:
    result = []
    for a_low, a_low_in, a_high, a_high_in in first:
        for b_low, b_low_in, b_high, b_high_in in second:
            low, low_in = max((a_low, not a_low_in), (b_low, not b_low_in))
            high, high_in = min((a_high, a_high_in), (b_high, b_high_in))
            interval = (low, not low_in, high, high_in)
            if _non_empty(interval):
                result.append(interval)
    return result


def _has_integer(interval: _Interval) -> bool:
    low, low_in, high, high_in = interval
    if math.isinf(low) or math.isinf(high):
        return True
    first = math.ceil(low) if low_in else math.floor(low) + 1
    return first < high or (first == high and high_in)


def _numbers(literal: Literal) -> list[_Interval] | None:
    values = literal.value if isinstance(literal.value, tuple) else (literal.value,)
    if not all(isinstance(v, int | float) and not isinstance(v, bool) for v in values):
        return None
    numbers = [float(v) for v in values]
    first = numbers[0]
    allowed: dict[Op, list[_Interval]] = {
        Op.EQ: _point(first),
        Op.NE: _complement(_point(first)),
        Op.LT: [(-math.inf, False, first, False)],
        Op.LE: [(-math.inf, False, first, True)],
        Op.GT: [(first, False, math.inf, False)],
        Op.GE: [(first, True, math.inf, False)],
        Op.IN: [p for n in numbers for p in _point(n)],
        Op.NOT_IN: _complement([p for n in numbers for p in _point(n)]),
        Op.EXISTS: list(_EVERYTHING),
    }
    intervals = allowed.get(literal.op)
    if intervals is None:
        return None
    return intervals if literal.positive else _complement(intervals)


def _numeric_ok(literals: Sequence[Literal], integer: bool) -> bool:
    allowed = list(_EVERYTHING)
    for literal in literals:
        intervals = _numbers(literal)
        if intervals is None:
            return True
        allowed = _intersect(allowed, intervals)
    if integer:
        return any(_has_integer(interval) for interval in allowed)
    return bool(allowed)


def _choices(literal: Literal) -> tuple[bool, frozenset[object]] | None:
    """(True, values) when the literal allows only ``values``; (False, values) when it bars them."""
    values = frozenset(literal.value if isinstance(literal.value, tuple) else (literal.value,))
    if literal.op is Op.EXISTS:
        return (False, frozenset()) if literal.positive else None
    only = {Op.EQ: True, Op.IN: True, Op.NE: False, Op.NOT_IN: False}.get(literal.op)
    if only is None:
        return None
    return (only == literal.positive, values)


def _scalar_ok(literals: Sequence[Literal], domain: FactDomain) -> bool:
    allowed: set[object] | None = None
    if domain.values is not None:
        allowed = set(domain.values)
    elif domain.type is FactType.BOOL:
        allowed = {True, False}
    barred: set[object] = set()
    for literal in literals:
        choice = _choices(literal)
        if choice is None:
            return True
        only, values = choice
        if only:
            allowed = set(values) if allowed is None else allowed & values
        else:
            barred |= values
    return allowed is None or bool(allowed - barred)


def _list_ok(literals: Sequence[Literal], domain: FactDomain) -> bool:
    required: set[object] = set()
    barred: set[object] = set()
    any_of: list[frozenset[object]] = []
    sizes = [(1.0, True, math.inf, False)]
    for literal in literals:
        values = frozenset(literal.value if isinstance(literal.value, tuple) else (literal.value,))
        if literal.op is Op.HAS:
            (required if literal.positive else barred).update(values)
        elif literal.op is Op.HAS_ANY:
            if literal.positive:
                any_of.append(values)
            else:
                barred.update(values)
        elif literal.op.is_count:
            bound = float(next(iter(values)))
            op = {Op.COUNT_EQ: Op.EQ, Op.COUNT_GE: Op.GE, Op.COUNT_LE: Op.LE}[literal.op]
            counted = _numbers(Literal(literal.fact, op, bound, literal.positive))
            sizes = _intersect(sizes, counted or _EVERYTHING)
        else:
            return True
    if required & barred or any(not (group - barred) for group in any_of):
        return False
    most = math.inf if domain.values is None else len(domain.values - barred)
    return any(
        _has_integer(interval)
        for interval in _intersect(sizes, [(len(required), True, most, True)])
    )


def _fact_ok(literals: Sequence[Literal], domain: FactDomain | None) -> bool:
    if not any(literal.positive for literal in literals):
        return True
    if any(literal.op is Op.EXISTS and not literal.positive for literal in literals):
        return False
    if domain is None:
        return True
    if domain.type is FactType.STRINGS:
        return _list_ok(literals, domain)
    if domain.type.numeric:
        return _numeric_ok(literals, domain.type is FactType.INTEGER)
    return _scalar_ok(literals, domain)


# --- conjunctions --------------------------------------------------------------------


def _by_fact(conjunction: Iterable[Literal]) -> dict[str, list[Literal]]:
    grouped: dict[str, list[Literal]] = {}
    for literal in sorted(conjunction, key=str):
        grouped.setdefault(literal.fact, []).append(literal)
    return grouped


def conflict(
    conjunction: Conjunction, domains: Mapping[str, FactDomain]
) -> tuple[Literal, ...] | None:
    """The literals of the first fact that no value can satisfy, or None."""
    for fact, literals in _by_fact(conjunction).items():
        if not _fact_ok(literals, domains.get(fact)):
            return tuple(literals)
    return None


def satisfiable(conjunction: Conjunction, domains: Mapping[str, FactDomain]) -> bool:
    """Whether some complaint could make every literal true (True when unsure)."""
    return conflict(conjunction, domains) is None


def implies(
    narrow: Sequence[Conjunction], wide: Sequence[Conjunction], domains: Mapping[str, FactDomain]
) -> bool:
    """Whether ``wide`` holds whenever ``narrow`` does (False when unsure).

    Each alternative of ``narrow`` must entail one alternative of ``wide``: every literal
    of it must be impossible to deny while the narrow alternative holds.
    """

    def entails(given: Conjunction, wanted: Conjunction) -> bool:
        if not {literal.fact for literal in wanted} <= {literal.fact for literal in given}:
            return False
        return all(not satisfiable(given | {literal.negated()}, domains) for literal in wanted)

    return all(
        not satisfiable(given, domains) or any(entails(given, wanted) for wanted in wide)
        for given in narrow
    )
