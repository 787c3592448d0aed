"""Small passes decided in Python: a rule's condition as a plain check on the facts.

A pass of a few derive rules costs an assert in durable_rules (building the fact
document, matching, retracting) for a handful of tests. Here the conditions of such a
pass are written once as one Python function with the semantics the compiled network has (see
`triage.compile.conditions`): a comparison with an absent fact is false and ``not`` is
true exactly when its condition is false; the count of an absent list is 0; numbers
compare as the engine sees them (`engine_value`: capped, 4 decimals), and a number that
is not finite is not sent, so it is absent. ``tests/engine/test_direct.py`` holds these
checks to the reference evaluator and to durable_rules on random rules and facts.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence

from triage.compile.conditions import engine_value
from triage.records.decision import FactValue
from triage.rulepack.spec import AllOf, Condition, FactTest, NotOf, Op, ParamRef

__all__ = ["DIRECT_RULES", "PassCheck", "pass_check"]

DIRECT_RULES = 16
"""Passes of at most this many rules are decided in Python, not asserted."""

PassCheck = Callable[[Mapping[str, FactValue]], list[int]]
"""The positions (in the pass's order) of the rules true on given facts."""

_COMPARE = {Op.EQ: "==", Op.NE: "!=", Op.LT: "<", Op.LE: "<=", Op.GT: ">", Op.GE: ">="}
_COUNT = {Op.COUNT_EQ: "==", Op.COUNT_GE: ">=", Op.COUNT_LE: "<="}


def _seen(value: FactValue | None) -> FactValue | None:
    """``value`` as the engine's fact holds it: numbers as `engine_value` makes them, a
    number that is not finite absent (it is not sent)."""
    if value.__class__ is float:
        return engine_value(value) if math.isfinite(value) else None
    if value.__class__ is int:
        return engine_value(value)
    return value


def _count(value: FactValue | None) -> int:
    return len(value) if isinstance(value, tuple) else 0


def _values(test: FactTest) -> tuple[str, ...]:
    """The test's values as the compiled test takes them (one or several, each as the
    engine compares it), written as Python literals."""
    value = test.value
    if isinstance(value, ParamRef):
        raise TypeError(f"parameter {value.name!r} was not resolved before compiling")
    items = value if isinstance(value, tuple) else (value,)
    literals = []
    for item in items:
        seen = engine_value(item)
        if seen.__class__ not in (str, bool, int, float):
            raise TypeError(f"{test.fact}: value {item!r} cannot be checked in Python")
        literals.append(repr(seen))
    return tuple(literals)


class _Writer:
    """Python source of conditions over a pass's facts, each fact read once."""

    def __init__(self) -> None:
        self.facts: dict[str, int] = {}

    def _fact(self, name: str) -> int:
        return self.facts.setdefault(name, len(self.facts))

    def test(self, test: FactTest) -> str:
        at, op, values = self._fact(test.fact), test.op, _values(test)
        if op.is_count:
            return f"(_count(v{at}) {_COUNT[op]} {values[0]})"
        if op is Op.EXISTS:
            return f"(n{at} is not None)"
        if op is Op.HAS or op is Op.HAS_ANY:
            items = " or ".join(f"{value} in v{at}" for value in values)
            return f"(v{at}.__class__ is tuple and ({items}))"
        if op is Op.IN or op is Op.NOT_IN:
            among = "in" if op is Op.IN else "not in"
            return f"(n{at} is not None and n{at} {among} ({', '.join(values)},))"
        return f"(n{at} is not None and n{at} {_COMPARE[op]} {values[0]})"

    def condition(self, condition: Condition) -> str:
        if isinstance(condition, FactTest):
            return self.test(condition)
        if isinstance(condition, NotOf):
            return f"(not {self.condition(condition.item)})"
        joint = " and " if isinstance(condition, AllOf) else " or "
        return "(" + joint.join(map(self.condition, condition.items)) + ")"


def pass_check(conditions: Sequence[Condition]) -> PassCheck:
    """One function telling which of ``conditions`` hold for given facts, as the engine's
    compiled pass would: their positions, in order."""
    writer = _Writer()
    tests = [writer.condition(condition) for condition in conditions]
    lines = ["def check(facts):", "    get = facts.get"]
    for name, at in writer.facts.items():
        lines.append(f"    v{at} = get({name!r})")
        lines.append(f"    n{at} = _seen(v{at})")
    lines.append("    true = []")
    for position, test in enumerate(tests):
        lines.append(f"    if {test}:")
        lines.append(f"        true.append({position})")
    lines.append("    return true")
    scope: dict[str, object] = {"_seen": _seen, "_count": _count}
    exec(compile("\n".join(lines), "<triage.engine.direct>", "exec"), scope)  # noqa: S102
    return scope["check"]  # type: ignore[return-value]
