"""Which passes can fire at all: a conservative test made before asking durable_rules.

A comparison with an absent fact is false (the documented semantics of the condition
language), so a rule needs the facts its every branch compares, and ``has: X`` needs X
in the list. A pass none of whose rules has what it needs fires no rule: the engine
skips it and saves an assert. Counts (true on an absent list), ``not`` and the
alternatives of ``any`` that differ need nothing, so the test never skips a pass that
could fire; ``tests/engine/test_fast_decisions.py`` holds decisions to a reference that
runs every pass.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import reduce

from triage.records.decision import FactValue
from triage.rulepack.spec import AllOf, AnyOf, Condition, FactTest, Op, Rule

__all__ = ["Gate", "needs"]

Need = tuple[str, str | None]
"""A fact that must be present, and when not None an item its list must hold."""


def needs(condition: Condition) -> frozenset[Need]:
    """What must hold of the facts for ``condition`` to be true."""
    if isinstance(condition, FactTest):
        if condition.op.is_count:
            return frozenset()
        if condition.op is Op.HAS and isinstance(condition.value, str):
            return frozenset({(condition.fact, None), (condition.fact, condition.value)})
        return frozenset({(condition.fact, None)})
    if isinstance(condition, AllOf):
        return frozenset().union(*(needs(item) for item in condition.items))
    if isinstance(condition, AnyOf) and condition.items:
        return reduce(frozenset.intersection, (needs(item) for item in condition.items))
    return frozenset()


def _holds(need: Need, facts: Mapping[str, FactValue]) -> bool:
    fact, item = need
    if fact not in facts:
        return False
    value = facts[fact]
    return item is None or not isinstance(value, tuple) or item in value


class Gate:
    """Whether any rule of one pass may fire on given facts."""

    __slots__ = ("_always", "_needs")

    def __init__(self, rules: Iterable[Rule]) -> None:
        wanted = [needs(rule.when) for rule in rules]
        self._always = any(not need for need in wanted)
        self._needs = tuple(sorted(need, key=str) for need in wanted)

    def open(self, facts: Mapping[str, FactValue]) -> bool:
        """False only when no rule of the pass can be true on ``facts``."""
        return self._always or any(
            all(_holds(need, facts) for need in rule) for rule in self._needs
        )
