"""Which passes can fire at all: a conservative test made before asking durable_rules.

A comparison with an absent fact is false (the documented semantics of the condition
language), so a rule needs the facts its tests compare: ``has: X`` needs X in the list,
``has_any`` one of its items, ``== "food"`` or ``== true`` that very value. A rule may be
true in several ways (``any``), so what it needs is a few alternatives, one of which must
hold. A pass none of whose rules has what one of its alternatives needs fires no rule:
the engine skips it and saves an assert. Counts (true on an absent list), ``not`` and
numbers compared need no more than presence or nothing, so the test never skips a pass
that could fire; ``tests/engine/test_fast_decisions.py`` holds decisions to a reference
that runs every pass.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import reduce
from itertools import product

from triage.records.decision import FactValue
from triage.rulepack.spec import AnyOf, Condition, FactTest, NotOf, Op, Rule, Scalar

__all__ = ["MAX_ALTERNATIVES", "Gate", "Need", "alternatives"]

Need = tuple[str, frozenset[str | bool] | None]
"""A fact that must be present and, unless None, be or hold one of the given values."""
Needs = frozenset[Need]
MAX_ALTERNATIVES = 16
"""Alternatives kept per condition; beyond, they merge into what they all need."""
_NOTHING: tuple[Needs, ...] = (frozenset(),)


def _values(test: FactTest) -> frozenset[str | bool] | None:
    """The values one of which the fact must be or hold, when exact without rounding."""
    items = test.value if isinstance(test.value, tuple) else (test.value,)
    if test.op in (Op.HAS, Op.HAS_ANY, Op.EQ, Op.IN) and all(
        isinstance(item, str | bool) for item in items
    ):
        return frozenset(item for item in items if isinstance(item, str | bool))
    return None


def _common(options: tuple[Needs, ...]) -> tuple[Needs, ...]:
    """What every one of ``options`` needs, as a single alternative."""
    return (reduce(frozenset.intersection, options),)


def alternatives(condition: Condition) -> tuple[Needs, ...]:
    """Sets of needs, one of which holds whenever ``condition`` is true."""
    if isinstance(condition, FactTest):
        if condition.op.is_count:
            return _NOTHING
        return (frozenset({(condition.fact, _values(condition))}),)
    if isinstance(condition, NotOf) or not condition.items:
        return _NOTHING
    parts = [alternatives(item) for item in condition.items]
    if isinstance(condition, AnyOf):
        options = tuple(dict.fromkeys(option for part in parts for option in part))
        return options if len(options) <= MAX_ALTERNATIVES else _common(options)
    combined = _NOTHING
    for part in parts:
        chosen = part if len(combined) * len(part) <= MAX_ALTERNATIVES else _common(part)
        combined = tuple(dict.fromkeys(a | b for a, b in product(combined, chosen)))
    return combined


def _holds(need: Need, facts: Mapping[str, FactValue]) -> bool:
    fact, values = need
    if fact not in facts:
        return False
    if values is None:
        return True
    value = facts[fact]
    if isinstance(value, tuple):
        return not values.isdisjoint(value)
    return value in values


def _selective(need: Need) -> tuple[bool, int, str]:
    """Sort key: needs with fewest values first (the rarest to hold), presence last."""
    fact, values = need
    return (values is None, len(values or ()), f"{fact}\0{sorted(map(str, values or ()))}")


class Gate:
    """Whether any rule of one pass may fire on given facts.

    Each alternative is filed under one of its needs, the most selective, by fact and
    value (or item); so only the alternatives whose key the facts hold are checked. The
    alternative that opened the gate last is tried first: the gate of a pass that opens
    for nearly every complaint (the axis pass) then costs one check instead of a walk
    through hundreds of alternatives. Which one opened it changes no answer: the gate is
    open when any alternative holds.
    """

    __slots__ = ("_always", "_by_fact", "_last")

    def __init__(self, rules: Iterable[Rule]) -> None:
        options = dict.fromkeys(option for rule in rules for option in alternatives(rule.when))
        self._always = frozenset() in options
        by_fact: dict[str, dict[Scalar | None, list[tuple[Need, ...]]]] = {}
        for option in options:
            if not option:
                continue
            fact, values = min(option, key=_selective)
            checked = tuple(sorted(option, key=_selective))
            for value in values if values is not None else (None,):
                by_fact.setdefault(fact, {}).setdefault(value, []).append(checked)
        self._by_fact = by_fact
        self._last: tuple[Need, ...] | None = None

    def open(self, facts: Mapping[str, FactValue]) -> bool:
        """False only when no rule of the pass can be true on ``facts``."""
        if self._always:
            return True
        last = self._last
        if last is not None and all(_holds(need, facts) for need in last):
            return True
        for fact, by_value in self._by_fact.items():
            value = facts.get(fact)
            if value is None:
                continue
            keys = (None, *value) if isinstance(value, tuple) else (None, value)
            for key in keys:
                for option in by_value.get(key, ()):
                    if all(_holds(need, facts) for need in option):
                        self._last = option
                        return True
        return False
