"""Condition trees → Python predicates over the facts, with durable_rules' semantics.

A pass of a few derive rules costs more to hand to durable_rules (encode the fact, parse
it in C, match, retract) than to test in Python: about 40 µs an assert against a few µs.
A predicate holds exactly when the compiled condition fires in durable_rules on the
encoded facts (`triage.compile.network.Pass.encode`): a comparison with an absent fact is
false, ``not`` is true when its condition is false, the count of an absent list is 0, and
numbers are compared as the engine sees them (``engine_value``: capped, 4 decimals; a
non-finite number is not sent, so it is absent). ``tests/engine/test_differential.py``
holds predicates to durable_rules on random rules and facts.
"""

from __future__ import annotations

import math
import operator
from collections.abc import Callable, Mapping
from typing import Any

from triage.compile.conditions import NUMBER_LIMIT, engine_value
from triage.records.decision import FactValue
from triage.rulepack.spec import AnyOf, Condition, FactTest, NotOf, Op, ParamRef, Scalar

__all__ = ["Predicate", "predicate"]

Predicate = Callable[[Mapping[str, FactValue]], bool]
"""Whether a condition holds for the facts."""

_Seen = Scalar | tuple[str, ...] | None
_COMPARE: dict[Op, Callable[[Any, Any], Any]] = {
    Op.EQ: operator.eq,
    Op.NE: operator.ne,
    Op.LT: operator.lt,
    Op.LE: operator.le,
    Op.GT: operator.gt,
    Op.GE: operator.ge,
}


def _seen(value: FactValue | None) -> _Seen:
    """``value`` as durable_rules sees it, None when it is not sent (absent)."""
    kind = value.__class__
    if value is None or kind is str or kind is bool or kind is tuple:
        return value
    if kind is int and -NUMBER_LIMIT <= value <= NUMBER_LIMIT:  # type: ignore[operator]
        return value  # as engine_value gives it
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return engine_value(value)  # type: ignore[arg-type]


def _operands(test: FactTest) -> tuple[Scalar, ...]:
    value = test.value
    if isinstance(value, ParamRef):
        raise TypeError(f"parameter {value.name!r} was not resolved before compiling")
    return tuple(engine_value(item) for item in (value if isinstance(value, tuple) else (value,)))


def _count(test: FactTest) -> Predicate:
    fact, (wanted,) = test.fact, _operands(test)

    def count(facts: Mapping[str, FactValue]) -> int:
        items = facts.get(fact)
        return len(items) if isinstance(items, tuple) else 0

    if test.op is Op.COUNT_EQ:
        return lambda facts: count(facts) == wanted
    if test.op is Op.COUNT_GE:
        return lambda facts: count(facts) >= wanted  # type: ignore[operator]
    return lambda facts: count(facts) <= wanted  # type: ignore[operator]


def _test(test: FactTest) -> Predicate:
    """The predicate of one test."""
    if test.op.is_count:
        return _count(test)
    fact, op, operands = test.fact, test.op, _operands(test)
    first = operands[0]
    if op is Op.HAS or (op is Op.HAS_ANY and len(operands) == 1):

        def holds_item(facts: Mapping[str, FactValue]) -> bool:
            items = facts.get(fact)
            return isinstance(items, tuple) and first in items

        return holds_item
    if op is Op.HAS_ANY:
        wanted = frozenset(operands)

        def has(facts: Mapping[str, FactValue]) -> bool:
            items = facts.get(fact)
            return isinstance(items, tuple) and not wanted.isdisjoint(items)

        return has
    if op is Op.EXISTS:
        return lambda facts: _seen(facts.get(fact)) is not None
    if op is Op.IN or op is Op.NOT_IN:
        inside = op is Op.IN

        def among(facts: Mapping[str, FactValue]) -> bool:
            value = _seen(facts.get(fact))
            return value is not None and (value in operands) is inside

        return among
    compare = _COMPARE[op]

    def holds(facts: Mapping[str, FactValue]) -> bool:
        value = _seen(facts.get(fact))
        return value is not None and bool(compare(value, first))

    return holds


def predicate(condition: Condition) -> Predicate:
    """The predicate of ``condition`` (a checked rule's: parameters resolved)."""
    if isinstance(condition, FactTest):
        return _test(condition)
    if isinstance(condition, NotOf):
        inner = predicate(condition.item)
        return lambda facts: not inner(facts)
    parts = tuple(predicate(item) for item in condition.items)
    if len(parts) == 1:
        return parts[0]
    if isinstance(condition, AnyOf):

        def some(facts: Mapping[str, FactValue]) -> bool:
            for part in parts:  # noqa: SIM110 - a loop makes no generator per call
                if part(facts):
                    return True
            return False

        return some

    def every(facts: Mapping[str, FactValue]) -> bool:
        for part in parts:  # noqa: SIM110 - as above
            if not part(facts):
                return False
        return True

    return every
