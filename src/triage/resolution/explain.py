"""The trace of a decision: each firing with its rule, effects, facts and text spans."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from triage.records.decision import Effect, EffectKind, FactValue, Firing, Span
from triage.rulepack.check import LEXICON_FACTS
from triage.rulepack.spec import Rule, iter_tests

__all__ = ["firing"]


def _effects(rule: Rule) -> tuple[Effect, ...]:
    then = rule.then
    effects = []
    if then.set is not None:
        effects.append(
            Effect(
                kind=EffectKind.SET,
                value=then.set,
                weight=then.weight,
                reason=then.reason,
                decisive=then.decisive,
            )
        )
    if then.raise_level:
        effects.append(Effect(kind=EffectKind.RAISE, reason=then.reason))
    if then.review:
        effects.append(Effect(kind=EffectKind.REVIEW, reason=then.review))
    effects.extend(Effect(kind=EffectKind.ACTION, value=action.code) for action in then.actions)
    effects.extend(
        Effect(kind=EffectKind.DERIVE, fact=name, value=value) for name, value in then.derive
    )
    return tuple(effects)


def _lexicons_read(rule: Rule, fact: str) -> set[str]:
    names: set[str] = set()
    for test in iter_tests(rule.when):
        if test.fact == fact:
            values = test.value if isinstance(test.value, tuple) else (test.value,)
            names.update(str(value) for value in values)
    return names


def firing(
    rule: Rule,
    facts: Mapping[str, FactValue],
    spans: Mapping[str, Sequence[Span]],
) -> Firing:
    """The trace entry for ``rule``: what it did, the facts it read and their spans."""
    read = sorted(rule.facts())
    used: dict[str, FactValue] = {name: facts[name] for name in read if name in facts}
    evidence: list[Span] = []
    for name in read:
        fact_spans = spans.get(name, ())
        if name in LEXICON_FACTS:
            lexicons = _lexicons_read(rule, name)
            fact_spans = [span for span in fact_spans if span.lexicon in lexicons]
        evidence.extend(fact_spans)
    evidence.sort(key=lambda span: (span.start, span.end, span.fact))
    return Firing(
        rule_id=rule.id,
        title=rule.title,
        axis=rule.axis,
        effects=_effects(rule),
        file=rule.trace_file or rule.loc.file,
        line=rule.loc.line,
        source=rule.source,
        facts=used,
        spans=tuple(dict.fromkeys(evidence)),
    )
