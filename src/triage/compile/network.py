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
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from triage.compile.conditions import (
    LIST_SENTINEL,
    Compiled,
    compile_condition,
    count_property,
    engine_value,
)
from triage.errors import CapacityError
from triage.facts.vocabulary import FactType, Vocabulary
from triage.records.decision import FactValue
from triage.rulepack.spec import Op, Rule, iter_tests

__all__ = [
    "CATCH_ALL",
    "GROUP_BUDGET",
    "MAX_COMPOUNDS",
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
CATCH_ALL = "$seen"
TYPE_PROPERTY = "_t"


@dataclass(frozen=True)
class Pass:
    """One durable_rules ruleset: its definition and what its rule names stand for."""

    definition: Mapping[str, Any]
    rules: Mapping[str, Rule]
    levels: int
    list_facts: tuple[str, ...]
    counted_facts: tuple[str, ...]

    def encode(self, facts: Mapping[str, FactValue]) -> dict[str, Any]:
        """The fact dict durable_rules sees for ``facts`` (see compile.conditions)."""
        encoded: dict[str, Any] = {TYPE_PROPERTY: 1}
        for level in range(self.levels):
            encoded[f"_z{level}"] = 1
        for name, value in facts.items():
            if isinstance(value, tuple):
                encoded[name] = [*value, LIST_SENTINEL]
            elif not isinstance(value, float) or math.isfinite(value):
                encoded[name] = engine_value(value)
        for name in self.list_facts:
            encoded.setdefault(name, [LIST_SENTINEL])
        for name in self.counted_facts:
            items = facts.get(name, ())
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
    definition: dict[str, Any] = {CATCH_ALL: {"all": [{"m": {TYPE_PROPERTY: 1}}]}}
    names: dict[str, Rule] = {}
    for group_index, group in enumerate(groups):
        route = _route(group_index, levels)
        for rule, condition in group:
            name = f"r{len(names)}"
            names[name] = rule
            body = condition.json.get("$and", [condition.json])
            definition[name] = {"all": [{"m": {"$and": [{TYPE_PROPERTY: 1}, *route, *body]}}]}
    tests = [test for rule in rules for test in iter_tests(rule.when)]
    list_facts = sorted(
        {t.fact for t in tests if vocabulary[t.fact].type is FactType.STRINGS and not t.op.is_count}
    )
    counted = sorted({t.fact for t in tests if t.op.is_count or t.op is Op.EXISTS})
    return Pass(
        definition=definition,
        rules=names,
        levels=levels,
        list_facts=tuple(list_facts),
        counted_facts=tuple(f for f in counted if vocabulary[f].type is FactType.STRINGS),
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
