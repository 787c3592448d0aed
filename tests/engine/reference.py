"""A reference evaluator of the condition language, in plain Python, for differential tests.

It follows the documented semantics: a comparison with an absent fact is false, ``not``
is true exactly when its condition is false, the count of an absent list is 0, and
numbers compare as the engine sees them (capped, 4 decimals: ``engine_value``).
"""

from __future__ import annotations

from collections.abc import Mapping

from triage.compile.conditions import engine_value
from triage.records.decision import FactValue
from triage.rulepack.spec import AllOf, AnyOf, Condition, FactTest, NotOf, Op


def _test(test: FactTest, facts: Mapping[str, FactValue]) -> bool:
    value = facts.get(test.fact)
    if isinstance(value, float | int) and not isinstance(value, bool):
        value = engine_value(value)
    operand = test.value
    if isinstance(operand, tuple):
        operand = tuple(engine_value(item) for item in operand)
    else:
        operand = engine_value(operand)  # type: ignore[arg-type]
    if test.op.is_count:
        count = len(value) if isinstance(value, tuple) else 0
        return {
            Op.COUNT_EQ: count == operand,
            Op.COUNT_GE: count >= operand,  # type: ignore[operator]
            Op.COUNT_LE: count <= operand,  # type: ignore[operator]
        }[test.op]
    if value is None:
        return False
    if test.op is Op.EXISTS:
        return True
    if test.op is Op.HAS:
        return operand in value  # type: ignore[operator]
    if test.op is Op.HAS_ANY:
        return any(item in value for item in operand)  # type: ignore[operator, union-attr]
    if test.op is Op.IN:
        return value in operand  # type: ignore[operator]
    if test.op is Op.NOT_IN:
        return value not in operand  # type: ignore[operator]
    compare = {
        Op.EQ: lambda a, b: a == b,
        Op.NE: lambda a, b: a != b,
        Op.LT: lambda a, b: a < b,
        Op.LE: lambda a, b: a <= b,
        Op.GT: lambda a, b: a > b,
        Op.GE: lambda a, b: a >= b,
    }[test.op]
    return bool(compare(value, operand))


def evaluate(condition: Condition, facts: Mapping[str, FactValue]) -> bool:
    """Whether ``condition`` holds for ``facts``."""
    if isinstance(condition, FactTest):
        return _test(condition, facts)
    if isinstance(condition, NotOf):
        return not evaluate(condition.item, facts)
    if isinstance(condition, AllOf):
        return all(evaluate(item, facts) for item in condition.items)
    assert isinstance(condition, AnyOf)
    return any(evaluate(item, facts) for item in condition.items)
