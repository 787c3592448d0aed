"""Checked rules → durable_rules ruleset definitions, shaped to stay within its limits.

Each *pass* is one durable_rules ruleset: first the derive rules of each stratum, then
all axis rules. Within a pass every rule's condition is one alpha expression over the
complaint fact ``m``, prefixed by tests that route it into a *group*.

Why groups: durable_rules evaluates the alpha network depth-first with a fixed stack of
64 entries (error 303). An upper bound on the entries a rule can take is its number of
alpha paths (`Compiled.paths`). Rules are packed into groups of at most
`GROUP_BUDGET` paths, and the groups hang off a binary tree of always-true tests
(``_z<level> == 1`` on one side, ``_z<level> > 0`` on the other). Depth-first search then
holds at most one pending sibling per tree level plus one group's paths, so the stack
stays below 64 whatever the number of rules.

A catch-all rule (``$seen``) matches every fact: durable_rules corrupts its heap when a
session whose fact matched nothing is deleted, so every fact must match something.

List items that the rules of a pass test with ``has`` travel as item properties (see
`triage.compile.conditions`): every tested item, so that no rule walks a list. A fact
holds only the items its text has, far fewer than durable_rules' limit of
`MAX_PROPERTIES` per fact; a fact that would hold more is matched by the pass's
*overflow* version, compiled with the most tested items as properties, as many as fit
beside the pass's facts under the limit whatever the fact, and the rest as list tests.
"""

from __future__ import annotations

import math
import sys
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field, replace
from functools import cached_property, partial
from typing import Any

from triage.compile.conditions import (
    LIST_SENTINEL,
    Compiled,
    ItemProperties,
    compile_condition,
    count_property,
    engine_value,
)
from triage.errors import CapacityError
from triage.facts.vocabulary import FactType, Vocabulary
from triage.records.decision import FactValue
from triage.rulepack.spec import FactTest, Op, ParamRef, Rule, Scalar, iter_tests

__all__ = [
    "CATCH_ALL",
    "GROUP_BUDGET",
    "MAX_COMPOUNDS",
    "MAX_PROPERTIES",
    "Network",
    "Pass",
    "build_network",
]

STACK_LIMIT = 64
"""durable_rules' matching stack (events.c MAX_STACK_SIZE)."""
GROUP_BUDGET = 48
"""Alpha paths per group; with the tree levels and the root it stays under STACK_LIMIT."""
MAX_COMPOUNDS = 15
"""``$and``/``$or`` nodes durable_rules accepts in one rule (error 113 above)."""
MAX_PROPERTIES = 255
"""Properties durable_rules reads in one fact (state.h MAX_OBJECT_PROPERTIES, error 302)."""
CATCH_ALL = "$seen"
TYPE_PROPERTY = "_t"
_SPARE_PROPERTIES = 4
"""Properties of a fact beside facts and routing: ``_t``, ``sid``, ``id`` and one spare."""


@dataclass(frozen=True)
class Pass:
    """One durable_rules ruleset: its definition and what its rule names stand for."""

    definition: Mapping[str, Any]
    rules: Mapping[str, Rule]
    levels: int
    list_facts: tuple[str, ...]
    """List facts some rule tests item by item through the list itself."""
    counted_facts: tuple[str, ...]
    items: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    """List fact → item → the item property sent when the list holds the item."""
    overflow_layout: Callable[[], Pass] | None = field(default=None, repr=False)
    """Compiles `overflow` (None when every fact fits this version)."""

    @cached_property
    def overflow(self) -> Pass | None:
        """The same rules for a fact too large for this version (see `fits`): items within
        durable_rules' limit whatever the fact, the rest as list tests; None when every
        fact fits this version. Compiled on first use: few texts, if any, need it."""
        return None if self.overflow_layout is None else self.overflow_layout()

    def fits(self, encoded: Mapping[str, Any]) -> bool:
        """Whether durable_rules takes ``encoded`` (an `encode` result of this version):
        with ``sid``, ``id`` and one spare, at most `MAX_PROPERTIES` properties."""
        return len(encoded) + _SPARE_PROPERTIES - 1 <= MAX_PROPERTIES

    @cached_property
    def _routing(self) -> dict[str, int]:
        """The properties every fact carries: its type and the levels of the group tree."""
        return {TYPE_PROPERTY: 1} | {f"_z{level}": 1 for level in range(self.levels)}

    def encode(
        self, facts: Mapping[str, FactValue], reads: AbstractSet[str] | None = None
    ) -> dict[str, Any]:
        """The fact dict durable_rules sees for ``facts`` (see compile.conditions), or for
        those of them named in ``reads`` (no filtered copy of ``facts`` is made)."""
        encoded: dict[str, Any] = self._routing.copy()
        for name, value in facts.items():
            if reads is not None and name not in reads:
                continue
            if value.__class__ is str or value.__class__ is bool:
                encoded[name] = value  # as engine_value gives them
            elif isinstance(value, tuple):
                properties = self.items.get(name, {})
                for item in value:
                    if item in properties:
                        encoded[properties[item]] = 1
                if name in self.list_facts:
                    encoded[name] = [*value, LIST_SENTINEL]
            elif not isinstance(value, float) or math.isfinite(value):
                encoded[name] = engine_value(value)
        for name in self.list_facts:
            encoded.setdefault(name, [LIST_SENTINEL])
        for name in self.counted_facts:
            items = facts.get(name, ()) if reads is None or name in reads else ()
            encoded[count_property(name)] = len(items) if isinstance(items, tuple) else 0
        return encoded


@dataclass(frozen=True)
class Network:
    """The passes of a rule set, run in order; derived facts flow from one to the next."""

    passes: tuple[Pass, ...]


def _capacity(rule: Rule, message: str, hint: str) -> CapacityError:
    return CapacityError(
        message,
        file=rule.loc.file,
        line=rule.loc.line,
        column=rule.loc.column,
        rule_id=rule.id,
        hint=hint,
    )


def _groups(compiled: Sequence[tuple[Rule, Compiled]]) -> list[list[tuple[Rule, Compiled]]]:
    """Pack rules into groups of at most GROUP_BUDGET paths, similar rules together."""
    ordered = sorted(compiled, key=lambda item: (_first_fact(item[0]), item[0].id))
    groups: list[list[tuple[Rule, Compiled]]] = [[]]
    used = 0
    for rule, condition in ordered:
        if condition.paths > GROUP_BUDGET:
            raise _capacity(
                rule,
                f"the condition has {condition.paths} alternative paths; "
                f"at most {GROUP_BUDGET} fit",
                "split the rule into several rules, or derive an intermediate fact",
            )
        if used + condition.paths > GROUP_BUDGET and groups[-1]:
            groups.append([])
            used = 0
        groups[-1].append((rule, condition))
        used += condition.paths
    return groups


def _first_fact(rule: Rule) -> str:
    tests = iter_tests(rule.when)
    return tests[0].fact if tests else ""


def _route(group: int, levels: int) -> list[dict[str, Any]]:
    """The always-true tests that lead to ``group`` in the binary tree."""
    return [
        {f"_z{level}": 1} if (group >> level) & 1 == 0 else {"$gt": {f"_z{level}": 0}}
        for level in range(levels)
    ]


def _items(test: FactTest) -> tuple[Scalar, ...]:
    """The items a ``has`` or ``has_any`` test looks for (none for other tests)."""
    if test.op not in (Op.HAS, Op.HAS_ANY) or isinstance(test.value, ParamRef):
        return ()
    return tuple(dict.fromkeys(test.value if isinstance(test.value, tuple) else (test.value,)))


def _item_properties(tests: Sequence[FactTest], room: int) -> ItemProperties:
    """Item properties for at most ``room`` properties, list properties included.

    Whole lists go first, the shortest first: a list whose every tested item is a
    property is not sent itself. The lists that do not fit are sent, and the items their
    ``has`` tests use most fill the room left.
    """
    uses = Counter((test.fact, item) for test in tests for item in _items(test))
    lists: dict[str, list[tuple[str, Scalar]]] = {}
    for pair in sorted(uses):
        lists.setdefault(pair[0], []).append(pair)
    order = sorted(lists, key=lambda fact: (len(lists[fact]), fact))
    chosen: list[tuple[str, Scalar]] = []
    for done, fact in enumerate(order):
        rest = order[done:]
        if len(lists[fact]) > room - (len(rest) - 1):
            room -= len(rest)
            partial = [pair for name in rest for pair in lists[name]]
            chosen += sorted(partial, key=lambda pair: (-uses[pair], pair))[: max(room, 0)]
            break
        chosen += lists[fact]
        room -= len(lists[fact])
    return {pair: f"_i{number}" for number, pair in enumerate(sorted(chosen))}


def _pass(rules: Sequence[Rule], vocabulary: Vocabulary, index: int) -> Pass:
    compiled = []
    for rule in rules:
        condition = compile_condition(rule.when)
        if condition.compounds + 1 > MAX_COMPOUNDS:
            raise _capacity(
                rule,
                f"the condition nests {condition.compounds} all/any/not groups; "
                f"durable_rules takes at most {MAX_COMPOUNDS - 1}",
                "flatten it, or derive an intermediate fact in a derive rule",
            )
        compiled.append((rule, condition))
    groups = _groups(compiled)
    levels = math.ceil(math.log2(len(groups))) if len(groups) > 1 else 0
    if 1 + levels + GROUP_BUDGET >= STACK_LIMIT:
        raise CapacityError(
            f"pass {index} has {len(rules)} rules in {len(groups)} groups, too many to route",
            hint="split the rule set into several engines",
        )
    tests = [test for rule in rules for test in iter_tests(rule.when)]
    counted = sorted({t.fact for t in tests if t.op.is_count or t.op is Op.EXISTS})
    counted = [fact for fact in counted if vocabulary[fact].type is FactType.STRINGS]
    scalars = {test.fact for test in tests if vocabulary[test.fact].type is not FactType.STRINGS}
    room = MAX_PROPERTIES - len(scalars) - len(counted) - levels - _SPARE_PROPERTIES
    every = _item_properties(tests, sys.maxsize)
    if len(every) <= room:
        return _layout(groups, tests, vocabulary, levels, counted, every)
    within = _item_properties(tests, room)
    return replace(
        _layout(groups, tests, vocabulary, levels, counted, every),
        overflow_layout=partial(_layout, groups, tests, vocabulary, levels, counted, within),
    )


def _layout(
    groups: Sequence[Sequence[tuple[Rule, Compiled]]],
    tests: Sequence[FactTest],
    vocabulary: Vocabulary,
    levels: int,
    counted: Sequence[str],
    items: ItemProperties,
) -> Pass:
    """The pass of ``groups`` with ``items`` sent as item properties."""
    definition: dict[str, Any] = {CATCH_ALL: {"all": [{"m": {TYPE_PROPERTY: 1}}]}}
    names: dict[str, Rule] = {}
    for group_index, group in enumerate(groups):
        route = _route(group_index, levels)
        for rule, _ in group:
            name = f"r{len(names)}"
            names[name] = rule
            condition = compile_condition(rule.when, items)
            body = condition.json.get("$and", [condition.json])
            definition[name] = {"all": [{"m": {"$and": [{TYPE_PROPERTY: 1}, *route, *body]}}]}
    list_facts = sorted(
        {
            t.fact
            for t in tests
            if vocabulary[t.fact].type is FactType.STRINGS
            and not t.op.is_count
            and any((t.fact, item) not in items for item in _items(t))
        }
    )
    by_fact: dict[str, dict[str, str]] = {}
    for (fact, item), prop in items.items():
        by_fact.setdefault(fact, {})[str(item)] = prop
    return Pass(
        definition=definition,
        rules=names,
        levels=levels,
        list_facts=tuple(list_facts),
        counted_facts=tuple(counted),
        items=by_fact,
    )


def build_network(
    rules: Sequence[Rule], strata: Mapping[str, int], vocabulary: Vocabulary
) -> Network:
    """Compile the enabled ``rules`` into passes by stratum."""
    enabled = [rule for rule in rules if rule.enabled]
    if not enabled:
        return Network(passes=())
    by_stratum: dict[int, list[Rule]] = {}
    for rule in enabled:
        by_stratum.setdefault(strata[rule.id], []).append(rule)
    return Network(
        passes=tuple(
            _pass(by_stratum[stratum], vocabulary, index)
            for index, stratum in enumerate(sorted(by_stratum))
        )
    )
