"""The fast decision path decides exactly as a plain reference does, on real and random texts.

The reference fires rules with the plain-Python condition evaluator, pass by pass, and builds
the trace the straightforward way (every span of every fact read, filtered by lexicon,
sorted, de-duplicated); the engine's Decision JSON must equal it byte for byte.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping, Sequence
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from tests.engine.reference import evaluate
from triage import Complaint, Decision, Engine
from triage.engine.engine import MAX_TEXT_LENGTH, TEXT_TRUNCATED
from triage.records.decision import Axis, Effect, EffectKind, FactValue, Firing, Nature, Span
from triage.records.parsing import parse_complaint
from triage.resolution.malice import malice_of
from triage.resolution.resolve import resolve
from triage.rulepack.check import LEXICON_FACTS
from triage.rulepack.spec import Rule, iter_tests
from triage.testing import complaints

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "complaints.jsonl"
_AXES = list(Axis)


@pytest.fixture(scope="module")
def engine() -> Iterator[Engine]:
    """The default engine (the bundled packs), shared by the module's tests."""
    with Engine.default() as built:
        yield built


def _fired(engine: Engine, facts: dict[str, FactValue]) -> list[Rule]:
    """The rules that fire, stratum by stratum; derived facts feed the next stratum."""
    strata = engine.ruleset.checked.strata
    enabled = [rule for rule in engine.ruleset.rules if rule.enabled]
    fired: list[Rule] = []
    for stratum in sorted({strata[rule.id] for rule in enabled}):
        matched = [r for r in enabled if strata[r.id] == stratum and evaluate(r.when, facts)]
        fired.extend(matched)
        for rule in sorted(matched, key=lambda r: (r.priority, r.id)):
            facts.update(rule.then.derive)
    return fired


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
    effects += [Effect(kind=EffectKind.ACTION, value=a.code) for a in then.actions]
    effects += [Effect(kind=EffectKind.DERIVE, fact=n, value=v) for n, v in then.derive]
    return tuple(effects)


def _firing(
    rule: Rule, facts: Mapping[str, FactValue], spans: Mapping[str, Sequence[Span]]
) -> Firing:
    read = sorted(rule.facts())
    evidence: list[Span] = []
    for name in read:
        fact_spans = list(spans.get(name, ()))
        if name in LEXICON_FACTS:
            lexicons = {
                str(value)
                for test in iter_tests(rule.when)
                if test.fact == name
                for value in (test.value if isinstance(test.value, tuple) else (test.value,))
            }
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
        facts={name: facts[name] for name in read if name in facts},
        spans=tuple(dict.fromkeys(evidence)),
    )


def reference(engine: Engine, complaint: Complaint) -> Decision:
    """The decision of ``complaint`` computed the plain way."""
    features = engine.analyse(complaint, as_of=complaint.received_at)
    facts = dict(features.facts)
    fired = _fired(engine, facts)
    result = resolve(fired, engine.ruleset.policy)
    ordered = sorted(
        fired,
        key=lambda r: (r.axis is not Axis.DERIVE, _AXES.index(r.axis), -r.priority, r.id),
    )
    return Decision(
        complaint_id=complaint.id,
        validity=result.validity,
        nature=result.nature,
        severity=result.severity,
        responsibility=result.responsibility,
        needs_review=result.needs_review,
        review_reasons=result.review_reasons,
        reasons=result.reasons,
        nature_score=result.nature_score,
        defaults=result.defaults,
        actions=result.actions,
        confidence=engine._confidence(result),
        malice=(
            malice_of(facts, features.spans, fired) if result.nature is Nature.MALICIOUS else None
        ),
        trace=tuple(_firing(rule, facts, features.spans) for rule in ordered),
        ruleset_version=engine.ruleset_version,
        as_of=complaint.received_at,
    )


def _examples() -> list[Complaint]:
    with EXAMPLES.open(encoding="utf-8") as file:
        return [parse_complaint(line) for line in file if line.strip()]


def test_examples_decide_as_the_reference(engine: Engine) -> None:
    """Every shipped example gets the reference decision, byte for byte, with a trace."""
    examples = _examples()
    assert len(examples) >= 100
    for complaint in examples:
        decided = engine.decide(complaint)
        assert decided.trace
        assert decided.model_dump_json() == reference(engine, complaint).model_dump_json()


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(complaints())
def test_random_complaints_decide_as_the_reference(engine: Engine, complaint: Complaint) -> None:
    """Random complaints get the reference decision, byte for byte."""
    decided = json.loads(engine.decide(complaint).model_dump_json())
    assert decided == json.loads(reference(engine, complaint).model_dump_json())


def _types(record: Firing | Span) -> list[object]:
    """Each field's type, and for a mapping field the types of its values."""
    return [
        (type(value), [type(item) for item in value.values()])
        if isinstance(value, Mapping)
        else type(value)
        for value in record.__dict__.values()
    ]


def test_trace_records_equal_validated_ones(engine: Engine) -> None:
    """Firings and spans, built without validation, equal the reference's validated records:
    values of the same types, JSON and hash; spans set the fields `to_span` sets."""
    pairs: list[tuple[Firing | Span, Firing | Span]] = []
    for complaint in _examples():
        built, expected = engine.decide(complaint).trace, reference(engine, complaint).trace
        assert len(built) == len(expected)
        for firing, plain in zip(built, expected, strict=True):
            pairs.append((firing, plain))
            pairs.extend(zip(firing.spans, plain.spans, strict=True))
    spans = [record for record, _ in pairs if isinstance(record, Span)]
    assert any(s.lexicon is None for s in spans)
    assert any(s.lexicon for s in spans)
    for record, validated in pairs:
        assert record == validated
        if isinstance(record, Firing):  # the engine sets every field (spans_omitted too)
            assert record.model_fields_set == set(Firing.model_fields)
        else:
            assert record.model_fields_set == validated.model_fields_set
        assert _types(record) == _types(validated)
        assert record.model_dump_json() == validated.model_dump_json()
        assert hash(record) == hash(validated)


AT = datetime(2026, 3, 1, 9, tzinfo=UTC)


def test_decisions_equal_validated_ones(engine: Engine) -> None:
    """A Decision, made without validating it again, equals the one validation makes of its
    values: each field of the same type, the same fields set, JSON and hash; for normal,
    malicious and truncated decisions."""
    complaints = [
        *_examples(),
        Complaint(id="long", text="骨折" * (MAX_TEXT_LENGTH // 2 + 1), received_at=AT),
    ]
    decisions = [engine.decide(complaint) for complaint in complaints]
    assert any(d.nature is Nature.MALICIOUS for d in decisions)
    assert any(d.malice is None for d in decisions)
    assert TEXT_TRUNCATED in decisions[-1].review_reasons
    for decision in decisions:
        validated = Decision(**decision.__dict__)
        assert decision == validated
        assert decision.model_fields_set == validated.model_fields_set
        assert [type(value) for value in decision.__dict__.values()] == [
            type(value) for value in validated.__dict__.values()
        ]
        assert decision.model_dump_json() == validated.model_dump_json()
        assert hash(decision) == hash(validated)
