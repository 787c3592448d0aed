"""Static checks of rules: never firing, shadowed, duplicated, and without a citable source."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

from triage.facts.vocabulary import FactSpec, FactType
from triage.records.decision import Axis, Severity, Validity
from triage.rulepack.check import LEXICON_FACTS
from triage.rulepack.spec import AllOf, AnyOf, Condition, FactTest, NotOf, Rule, Scalar
from triage.tools.linting.citations import citation_problem
from triage.tools.linting.findings import Finding
from triage.tools.linting.logic import Conjunction, FactDomain, canonical, conflict, dnf, implies

__all__ = ["PLACEHOLDER_SOURCES", "domains", "rule_findings"]

PLACEHOLDER_SOURCES = frozenset(
    {"-", "?", "n/a", "na", "none", "tbd", "todo", "fixme", "xxx", "source", "待定", "待补充", "无"}
)
"""``source`` texts that stand for a missing ground (compared in lower case)."""


def domains(
    rules: Sequence[Rule], vocabulary: Mapping[str, FactSpec], lexicons: Sequence[str]
) -> dict[str, FactDomain]:
    """The domain of each fact: closed value sets, lexicon names, and derived values."""
    derived: dict[str, set[Scalar]] = {}
    for rule in rules:
        for name, value in rule.then.derive:
            derived.setdefault(name, set()).add(value)
    result = {}
    for name, spec in vocabulary.items():
        values: frozenset[Scalar] | None = None
        if name in LEXICON_FACTS:
            values = frozenset(lexicons)
        elif name in derived:
            values = frozenset(derived[name])
        elif spec.values is not None:
            values = frozenset(spec.values)
        result[name] = FactDomain(spec.type, values)
    for name, found in derived.items():
        if name not in result:
            result[name] = FactDomain(FactType.STRING, frozenset(found))
    return result


def _finding(code: str, rule: Rule, message: str, hint: str) -> Finding:
    return Finding(code, rule.loc.file, rule.loc.line, message, hint, rule.id)


@dataclass(frozen=True)
class _Analysed:
    rule: Rule
    alternatives: tuple[Conjunction, ...] | None
    fires: bool


def _never_fires(
    rule: Rule, alternatives: Sequence[Conjunction], facts: Mapping[str, FactDomain]
) -> Finding | None:
    clashes = [c for c in (conflict(a, facts) for a in alternatives) if c is not None]
    if len(clashes) < len(alternatives):
        return None
    hint = "fix the contradicting tests"
    if len(clashes) > 1:
        message = f"can never fire: none of its {len(alternatives)} alternatives can hold"
    elif len(clashes[0]) == 1:
        message = f"can never fire: {clashes[0][0]} can never hold"
        hint = "no value satisfies it; a derived fact only takes the values derive rules give"
    else:
        message = f"can never fire: {' and '.join(map(str, clashes[0]))} contradict"
    return _finding("never-fires", rule, message, hint)


def _repeated_tests(condition: Condition) -> Iterator[tuple[FactTest, str]]:
    """Tests that appear twice in one ``all`` or one ``any``, with the group's kind."""
    if isinstance(condition, NotOf):
        yield from _repeated_tests(condition.item)
        return
    if isinstance(condition, FactTest):
        return
    kind = "all" if isinstance(condition, AllOf) else "any"
    seen: set[object] = set()
    for item in _flatten(condition):
        key = canonical(item)
        if key in seen and isinstance(item, FactTest):
            yield item, kind
        seen.add(key)
        yield from _repeated_tests(item)


def _flatten(condition: AllOf | AnyOf) -> list[Condition]:
    items: list[Condition] = []
    for item in condition.items:
        if type(item) is type(condition):
            items.extend(_flatten(item))
        else:
            items.append(item)
    return items


def _beats(strong: Rule, weak: Rule) -> str | None:
    """Why ``strong``'s setting wins over ``weak``'s on their axis, or None if it does not."""
    if strong.axis is not weak.axis or strong.then.set is None or weak.then.set is None:
        return None
    if strong.axis is Axis.RESPONSIBILITY:
        differs = (strong.then.set, strong.then.department) != (weak.then.set, weak.then.department)
        first = (-strong.priority, strong.id) < (-weak.priority, weak.id)
        if differs and first:
            return f"it has priority {strong.priority} and sets {strong.then.set}"
    if strong.axis is Axis.VALIDITY and (strong.then.set, weak.then.set) == (
        Validity.INVALID,
        Validity.VALID,
    ):
        return "invalid wins over valid"
    if strong.axis is Axis.SEVERITY and Severity(strong.then.set) > Severity(weak.then.set):
        return f"the higher level {strong.then.set} wins"
    return None


def _shadowed(rules: Sequence[_Analysed], facts: Mapping[str, FactDomain]) -> Iterator[Finding]:
    for weak in rules:
        if weak.alternatives is None or not weak.fires:
            continue
        for strong in rules:
            why = _beats(strong.rule, weak.rule)
            if (
                why is not None
                and strong.alternatives is not None
                and implies(weak.alternatives, strong.alternatives, facts)
            ):
                yield _finding(
                    "shadowed",
                    weak.rule,
                    f"its {weak.rule.axis} setting never counts: whenever it fires, "
                    f"{strong.rule.id} ({strong.rule.loc.file}:{strong.rule.loc.line}) "
                    f"fires too and {why}",
                    f"narrow the condition of {strong.rule.id}, or change this rule's "
                    "priority or effect",
                )
                break


def _duplicates(rules: Sequence[_Analysed]) -> Iterator[Finding]:
    first: dict[tuple[Axis, object], Rule] = {}
    for analysed in rules:
        rule = analysed.rule
        key = (rule.axis, canonical(rule.when))
        other = first.setdefault(key, rule)
        if other is not rule:
            yield _finding(
                "duplicate-condition",
                rule,
                f"has the same condition as {other.id} ({other.loc.file}:{other.loc.line})",
                "merge the two rules, or make their conditions differ",
            )


def _source_findings(rule: Rule) -> list[Finding]:
    """A placeholder source, or one whose citations are not in the citation form."""
    if rule.source.strip().lower() in PLACEHOLDER_SOURCES:
        return [
            _finding(
                "no-source",
                rule,
                f"its source {rule.source!r} is a placeholder",
                "cite the ground: a law and article, a regulation, a standard or a "
                "published document by its title",
            )
        ]
    problem = citation_problem(rule.source)
    if problem is None:
        return []
    return [
        _finding(
            "citation-form",
            rule,
            f"its source is not a recognised citation: {problem}",
            "write 《消费者权益保护法》第五十五条第一款, GB/T 19012-2019《…》, or "
            "行业惯例（非法定）：… for a convention; separate citations with ；",
        )
    ]


def rule_findings(
    rules: Sequence[Rule], vocabulary: Mapping[str, FactSpec], lexicons: Sequence[str]
) -> list[Finding]:
    """Findings about the enabled ``rules``, in the order the rules are written."""
    enabled = [rule for rule in rules if rule.enabled]
    facts = domains(enabled, vocabulary, lexicons)
    analysed = []
    findings: list[Finding] = []
    for rule in enabled:
        alternatives = dnf(rule.when)
        never = _never_fires(rule, alternatives, facts) if alternatives is not None else None
        if never is not None:
            findings.append(never)
        analysed.append(_Analysed(rule, alternatives, never is None))
        findings.extend(
            Finding(
                "repeated-test",
                test.loc.file,
                test.loc.line,
                f"the test on {test.fact!r} appears twice in one '{kind}'",
                "remove one of them",
                rule.id,
            )
            for test, kind in _repeated_tests(rule.when)
        )
        findings.extend(_source_findings(rule))
    live = [a for a in analysed if a.fires]
    findings.extend(_duplicates(live))
    findings.extend(_shadowed(live, facts))
    return findings
