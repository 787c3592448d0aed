"""Condition trees → durable_rules' JSON condition language (one fact, named ``m``).

The whole condition of a rule becomes one alpha expression over the complaint fact, so
durable_rules' Rete network does all the matching. ``not`` is pushed down to the tests
(De Morgan) with the absent-fact rule of the vocabulary: a comparison with an absent fact
is false, so its negation is true.

Encoding of the fact (see `triage.compile.network.Pass.encode`): each fact is a
property of the same name; list facts always hold the sentinel item ``""`` so that
"no item equals x" is a single ``$iall`` test; ``#<name>`` holds a list's length.

An item of a list may also be sent as a property of its own (an *item property*, present
with value 1 when the list holds the item). ``has`` then compiles to an equality test and
its negation to an absence test. durable_rules files the tests under a node by property
name and visits only those whose property the fact holds, so a rule reading a lexicon the
text did not hit costs nothing, where an ``$iany`` test walks the list for every fact.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from triage.logs import get_logger
from triage.rulepack.spec import AllOf, Condition, FactTest, NotOf, Op, ParamRef, Scalar

__all__ = [
    "LIST_SENTINEL",
    "NUMBER_LIMIT",
    "Compiled",
    "ItemProperties",
    "compile_condition",
    "count_property",
    "engine_value",
]

LIST_SENTINEL = ""
"""Item every encoded list holds, so that negated list tests need no absence check."""

Json = dict[str, Any]
ItemProperties = Mapping[tuple[str, Scalar], str]
"""(list fact, item) → the name of the property sent when the list holds the item."""

_ORDER = {Op.LT: "$lt", Op.LE: "$lte", Op.GT: "$gt", Op.GE: "$gte"}
_NEGATED_ORDER = {Op.LT: "$gte", Op.LE: "$gt", Op.GT: "$lte", Op.GE: "$lt"}
_COUNT = {Op.COUNT_GE: "$gte", Op.COUNT_LE: "$lte"}
_NEGATED_COUNT = {Op.COUNT_GE: "$lt", Op.COUNT_LE: "$gt"}


_LOG = get_logger("compile")

NUMBER_LIMIT = 1e15
"""Numbers are capped at ± this in the engine (durable_rules parses no exponents)."""


def engine_value(value: Scalar) -> Scalar:
    """``value`` as durable_rules compares it: numbers capped at ±1e15, 4 decimals.

    durable_rules' JSON reader takes no exponent notation, so floats are kept where
    Python writes them without one: integral values become ints, others are rounded to
    4 decimals, and magnitudes under 0.0001 become 0.
    """
    if isinstance(value, bool) or not isinstance(value, int | float):
        return value
    if abs(value) > NUMBER_LIMIT:
        _LOG.warning("number %s capped at ±%g for the engine", value, NUMBER_LIMIT)
    number = float(max(-NUMBER_LIMIT, min(NUMBER_LIMIT, value)))
    if number.is_integer():
        return int(number)
    rounded = round(number, 4)
    return 0 if abs(rounded) < 1e-4 else rounded


def count_property(fact: str) -> str:
    """The property holding the number of items of list fact ``fact``."""
    return f"#{fact}"


@dataclass(frozen=True)
class Compiled:
    """A compiled condition with the measures the network builder needs."""

    json: Json
    paths: int
    """Upper bound on alpha-network paths: the matching-stack entries it can take."""
    compounds: int
    """Number of ``$and``/``$or`` nodes: durable_rules allows about 15 per rule."""
    cost: int
    """Rough evaluation cost, to order the tests of a conjunction cheapest-first."""


def _leaf(json: Json, cost: int) -> Compiled:
    return Compiled(json, paths=1, compounds=0, cost=cost)


def _absent(fact: str) -> Compiled:
    return _leaf({"$nex": {fact: 1}}, cost=4)


def _all(parts: list[Compiled]) -> Compiled:
    if len(parts) == 1:
        return parts[0]
    parts = sorted(parts, key=lambda part: part.cost)
    paths = 1
    for part in parts:
        paths *= part.paths
    return Compiled(
        {"$and": [part.json for part in parts]},
        paths=paths,
        compounds=1 + sum(part.compounds for part in parts),
        cost=min(part.cost for part in parts),
    )


def _any(parts: list[Compiled]) -> Compiled:
    if len(parts) == 1:
        return parts[0]
    return Compiled(
        {"$or": [part.json for part in parts]},
        paths=sum(part.paths for part in parts),
        compounds=1 + sum(part.compounds for part in parts),
        cost=max(part.cost for part in parts) + 1,
    )


def _values(test: FactTest) -> tuple[Scalar, ...]:
    value = test.value
    if isinstance(value, ParamRef):
        raise TypeError(f"parameter {value.name!r} was not resolved before compiling")
    items = value if isinstance(value, tuple) else (value,)
    unique = dict.fromkeys((type(item), engine_value(item)) for item in items)  # in: [a, a]
    return tuple(item for _, item in unique)


def _has(fact: str, value: Scalar, items: ItemProperties) -> Compiled:
    prop = items.get((fact, value))
    if prop is not None:
        return _leaf({prop: 1}, cost=0)
    return _leaf({"$iany": {fact: {"$i": value}}}, cost=1)


def _has_not(fact: str, value: Scalar, items: ItemProperties) -> Compiled:
    prop = items.get((fact, value))
    if prop is not None:
        return _absent(prop)
    return _leaf({"$iall": {fact: {"$neq": {"$i": value}}}}, cost=3)


def _positive(test: FactTest, items: ItemProperties) -> Compiled:
    fact, op = test.fact, test.op
    values = _values(test)
    if op is Op.EQ:
        return _leaf({fact: values[0]}, cost=0)
    if op is Op.NE:
        return _leaf({"$neq": {fact: values[0]}}, cost=3)
    if op in _ORDER:
        return _leaf({_ORDER[op]: {fact: values[0]}}, cost=2)
    if op is Op.IN:
        return _any([_leaf({fact: value}, cost=0) for value in values])
    if op is Op.NOT_IN:
        return _all([_leaf({"$neq": {fact: value}}, cost=3) for value in values])
    if op is Op.EXISTS:
        return _leaf({"$ex": {fact: 1}}, cost=3)
    if op in (Op.HAS, Op.HAS_ANY):
        return _any([_has(fact, value, items) for value in values])
    return _count(test, negate=False)


def _negative(test: FactTest, items: ItemProperties) -> Compiled:
    """``not test``: true when the test is false, including when the fact is absent."""
    fact, op = test.fact, test.op
    values = _values(test)
    if op is Op.EQ:
        return _any([_leaf({"$neq": {fact: values[0]}}, cost=3), _absent(fact)])
    if op is Op.NE:
        return _any([_leaf({fact: values[0]}, cost=0), _absent(fact)])
    if op in _NEGATED_ORDER:
        return _any([_leaf({_NEGATED_ORDER[op]: {fact: values[0]}}, cost=2), _absent(fact)])
    if op is Op.IN:
        return _any([_positive(FactTest(fact, Op.NOT_IN, values, test.loc), items), _absent(fact)])
    if op is Op.NOT_IN:
        return _any([*(_leaf({fact: value}, cost=0) for value in values), _absent(fact)])
    if op is Op.EXISTS:
        return _absent(fact)
    if op in (Op.HAS, Op.HAS_ANY):
        return _all([_has_not(fact, value, items) for value in values])
    return _count(test, negate=True)


def _count(test: FactTest, *, negate: bool) -> Compiled:
    prop = count_property(test.fact)
    value = _values(test)[0]
    if test.op is Op.COUNT_EQ:
        return _leaf({"$neq": {prop: value}} if negate else {prop: value}, cost=2)
    operator = (_NEGATED_COUNT if negate else _COUNT)[test.op]
    return _leaf({operator: {prop: value}}, cost=2)


def _compile(condition: Condition, items: ItemProperties, *, negate: bool) -> Compiled:
    if isinstance(condition, FactTest):
        return _negative(condition, items) if negate else _positive(condition, items)
    if isinstance(condition, NotOf):
        return _compile(condition.item, items, negate=not negate)
    parts = [_compile(item, items, negate=negate) for item in condition.items]
    conjunction = isinstance(condition, AllOf) != negate
    return _all(parts) if conjunction else _any(parts)


def compile_condition(condition: Condition, items: ItemProperties | None = None) -> Compiled:
    """The durable_rules expression of ``condition`` over the complaint fact.

    ``items`` names the item properties the fact carries; other list tests walk the list.
    """
    return _compile(condition, items or {}, negate=False)
