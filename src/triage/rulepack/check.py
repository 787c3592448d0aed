"""Checks across all loaded packs: ids, facts, types, lexicons, parameters and cycles.

The result is a set of rules ready to compile: parameters substituted, shorthand tests on
list facts turned into list tests, every fact known, and each rule placed in a
*stratum*: derive rules run in the stratum after the facts they read, axis rules last.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal

from triage.errors import (
    CycleError,
    DuplicateRuleError,
    FactTypeError,
    LexiconError,
    RuleSyntaxError,
    UnknownFactError,
)
from triage.facts.vocabulary import FactSpec, FactType, Vocabulary
from triage.records.decision import Axis
from triage.rulepack.parse import Problems
from triage.rulepack.spec import (
    AllOf,
    AnyOf,
    Condition,
    FactTest,
    NotOf,
    Op,
    ParamRef,
    Rule,
    Scalar,
)

__all__ = ["LEXICON_FACTS", "CheckedRules", "check_rules"]

LEXICON_FACTS = frozenset({"mentions", "mentions_conditional", "mentions_negated"})
"""List facts whose items are lexicon names."""

_SCALAR_OPS = {Op.EQ, Op.NE, Op.IN, Op.NOT_IN, Op.EXISTS}
_ORDER_OPS = {Op.LT, Op.LE, Op.GT, Op.GE}
_LIST_OPS = {Op.HAS, Op.HAS_ANY, Op.EXISTS, Op.COUNT_EQ, Op.COUNT_GE, Op.COUNT_LE}


@dataclass(frozen=True)
class CheckedRules:
    """Rules ready to compile, the vocabulary they use, and the stratum of each rule."""

    rules: tuple[Rule, ...]
    vocabulary: Vocabulary
    strata: Mapping[str, int]
    derived: Mapping[str, FactSpec]


def _type_of(value: Scalar) -> FactType:
    if isinstance(value, bool):
        return FactType.BOOL
    if isinstance(value, int):
        return FactType.INTEGER
    if isinstance(value, float):
        return FactType.NUMBER
    return FactType.STRING


class _Checker:
    def __init__(
        self,
        vocabulary: Vocabulary,
        lexicons: Mapping[str, object],
        parameters: Mapping[str, Decimal],
        problems: Problems,
    ) -> None:
        self.vocabulary = vocabulary
        self.lexicons = lexicons
        self.parameters = parameters
        self.problems = problems
        self.rule_id: str | None = None

    def fail(self, kind: type, message: str, test: FactTest, hint: str | None = None) -> None:
        self.problems.add(kind, message, test.loc, rule_id=self.rule_id, hint=hint)

    def condition(self, condition: Condition) -> Condition | None:
        if isinstance(condition, FactTest):
            return self.test(condition)
        if isinstance(condition, NotOf):
            inner = self.condition(condition.item)
            return NotOf(inner) if inner is not None else None
        items = [self.condition(item) for item in condition.items]
        if any(item is None for item in items):
            return None
        checked = tuple(item for item in items if item is not None)
        return AllOf(checked) if isinstance(condition, AllOf) else AnyOf(checked)

    def test(self, test: FactTest) -> FactTest | None:
        spec = self.vocabulary.get(test.fact)
        if spec is None:
            suggestions = self.vocabulary.suggest(test.fact)
            self.fail(
                UnknownFactError,
                f"unknown fact {test.fact!r}",
                test,
                hint=f"did you mean {' or '.join(map(repr, suggestions))}?"
                if suggestions
                else "see `triage facts`",
            )
            return None
        resolved = self._resolve_param(test)
        if resolved is None:
            return None
        if spec.type is FactType.STRINGS:
            return self._list_test(resolved, spec)
        return self._scalar_test(resolved, spec)

    def _resolve_param(self, test: FactTest) -> FactTest | None:
        if not isinstance(test.value, ParamRef):
            return test
        name = test.value.name
        if name not in self.parameters:
            close = difflib.get_close_matches(name, list(self.parameters), n=1)
            self.fail(
                RuleSyntaxError,
                f"unknown parameter {name!r}",
                test,
                hint=f"did you mean {close[0]!r}?" if close else "declare it under 'parameters'",
            )
            return None
        number = self.parameters[name]
        value: Scalar = int(number) if number == number.to_integral_value() else float(number)
        return replace(test, value=value)

    def _list_test(self, test: FactTest, spec: FactSpec) -> FactTest | None:
        op = {Op.EQ: Op.HAS, Op.IN: Op.HAS_ANY}.get(test.op, test.op)
        if op not in _LIST_OPS:
            self.fail(
                FactTypeError,
                f"{test.fact!r} is a list; {test.op.value!r} does not apply",
                test,
                hint="use has, has_any, count or exists",
            )
            return None
        if op is Op.EXISTS:
            return replace(test, op=Op.COUNT_GE, value=1)
        test = replace(test, op=op)
        if op.is_count:
            return test
        items = _values(test)
        if not all(isinstance(item, str) for item in items):
            self.fail(FactTypeError, f"{test.fact!r} holds texts; compare it with texts", test)
            return None
        if test.fact in LEXICON_FACTS:
            for item in items:
                if item not in self.lexicons:
                    close = difflib.get_close_matches(str(item), list(self.lexicons), n=1)
                    self.fail(
                        LexiconError,
                        f"no lexicon named {item!r}",
                        test,
                        hint=f"did you mean {close[0]!r}?" if close else "add lexicons/<name>.txt",
                    )
                    return None
        else:
            self._closed_values(test, spec, items)
        return test

    def _scalar_test(self, test: FactTest, spec: FactSpec) -> FactTest | None:
        allowed = _SCALAR_OPS | (_ORDER_OPS if spec.type.numeric else set())
        if test.op not in allowed:
            self.fail(
                FactTypeError,
                f"{test.fact!r} is {spec.type.value}; {test.op.value!r} does not apply",
                test,
                hint=f"use one of {', '.join(sorted(o.value for o in allowed))}",
            )
            return None
        if test.op is Op.EXISTS:
            return test
        items = _values(test)
        for item in items:
            if not _compatible(spec.type, item):
                self.fail(
                    FactTypeError,
                    f"{test.fact!r} is {spec.type.value}, compared with {item!r}",
                    test,
                )
                return None
        self._closed_values(test, spec, items)
        return test

    def _closed_values(self, test: FactTest, spec: FactSpec, items: Sequence[Scalar]) -> None:
        if spec.values is None:
            return
        for item in items:
            if item not in spec.values:
                close = difflib.get_close_matches(str(item), spec.values, n=1)
                self.fail(
                    FactTypeError,
                    f"{item!r} is not a value of {test.fact!r}",
                    test,
                    hint=f"did you mean {close[0]!r}?"
                    if close
                    else f"one of {', '.join(spec.values)}",
                )


def _values(test: FactTest) -> tuple[Scalar, ...]:
    if isinstance(test.value, ParamRef):
        raise TypeError(f"parameter {test.value.name!r} is not resolved")
    return test.value if isinstance(test.value, tuple) else (test.value,)


def _compatible(fact_type: FactType, value: Scalar) -> bool:
    if fact_type is FactType.BOOL:
        return isinstance(value, bool)
    if fact_type.numeric:
        return isinstance(value, int | float) and not isinstance(value, bool)
    return isinstance(value, str)


def _derived_facts(
    rules: Sequence[Rule], vocabulary: Vocabulary, problems: Problems
) -> dict[str, FactSpec]:
    derived: dict[str, FactSpec] = {}
    first: dict[str, Rule] = {}
    for rule in rules:
        for name, value in rule.then.derive:
            kind = _type_of(value)
            loc = rule.loc
            if name in vocabulary:
                problems.add(
                    FactTypeError,
                    f"derived fact {name!r} would replace a base fact",
                    loc,
                    rule_id=rule.id,
                    hint="choose a new name",
                )
            elif name in derived and derived[name].type is not kind:
                problems.add(
                    FactTypeError,
                    f"derived fact {name!r} is {kind.value} here but "
                    f"{derived[name].type.value} in {first[name].id}",
                    loc,
                    rule_id=rule.id,
                )
            elif name not in derived:
                first[name] = rule
                derived[name] = FactSpec(
                    name, kind, f"Derived by rule {rule.id}: {rule.title}", f"derive:{rule.pack}"
                )
    return derived


def _strata(
    rules: Sequence[Rule], derived: Mapping[str, FactSpec], problems: Problems
) -> dict[str, int]:
    """Pass of each rule: derive rules after the deepest derived fact they read; axis rules last."""
    producers: dict[str, list[Rule]] = {}
    for rule in rules:
        for name, _ in rule.then.derive:
            producers.setdefault(name, []).append(rule)
    depth: dict[str, int] = {}
    visiting: list[str] = []

    def fact_depth(name: str) -> int:
        if name not in derived:
            return 0
        if name in depth:
            return depth[name]
        if name in visiting:
            chain = [*visiting[visiting.index(name) :], name]
            rule = producers[name][0]
            problems.add(
                CycleError,
                f"derived facts depend on themselves: {' -> '.join(chain)}",
                rule.loc,
                rule_id=rule.id,
                hint="break the chain: a derived fact may not be read by the rules deriving it",
            )
            depth[name] = 1
            return 1
        visiting.append(name)
        level = 1 + max(
            (fact_depth(fact) for rule in producers[name] for fact in rule.facts()), default=0
        )
        visiting.pop()
        depth[name] = level
        return level

    for name in derived:
        fact_depth(name)
    top = max(depth.values(), default=0)
    return {
        rule.id: max((fact_depth(fact) for fact in rule.facts()), default=0)
        if rule.axis is Axis.DERIVE
        else top
        for rule in rules
    }


def check_rules(
    rules: Sequence[Rule],
    *,
    vocabulary: Vocabulary,
    lexicons: Mapping[str, object],
    parameters: Mapping[str, Decimal],
    problems: Problems,
) -> CheckedRules:
    """Check ``rules`` as one set; problems are added to ``problems``."""
    seen: dict[str, Rule] = {}
    unique = []
    for rule in rules:
        if rule.id in seen:
            other = seen[rule.id]
            problems.add(
                DuplicateRuleError,
                f"rule id {rule.id!r} is already used",
                rule.loc,
                rule_id=rule.id,
                hint=f"first defined at {other.loc}",
            )
            continue
        seen[rule.id] = rule
        unique.append(rule)
    derived = _derived_facts(unique, vocabulary, problems)
    full = vocabulary.with_facts(derived.values())
    checker = _Checker(full, lexicons, parameters, problems)
    checked = []
    for rule in unique:
        checker.rule_id = rule.id
        when = checker.condition(rule.when)
        if when is not None:
            checked.append(replace(rule, when=when))
    strata = _strata(checked, derived, problems)
    return CheckedRules(rules=tuple(checked), vocabulary=full, strata=strata, derived=derived)
