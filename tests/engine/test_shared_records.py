"""Records shared between decisions (resolution's actions, reasons and responsibility, the
engine's confidence) equal the records built and validated for each decision."""

from __future__ import annotations

import itertools
from pathlib import Path

from triage import Engine
from triage.records.decision import Action, Axis, Party, Reasons, Responsibility
from triage.records.parsing import parse_complaint
from triage.resolution import resolve as resolution

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "complaints.jsonl"


def test_each_field_makes_its_own_action() -> None:
    """Actions that differ in any one field are different records, each the validated one."""
    base = ("refund", "core.r1", 7, False, None)
    variants = [
        base,
        ("apologise", *base[1:]),
        (base[0], "core.r2", *base[2:]),
        (*base[:2], None, *base[3:]),
        (*base[:2], 1, *base[3:]),
        (*base[:3], True, base[4]),
        (*base[:4], "within 7 days"),
    ]
    made = [resolution._action(*values) for values in variants]
    fields = ("code", "rule_id", "deadline_days", "working_days", "note")
    for values, action in zip(variants, made, strict=True):
        assert action == Action(**dict(zip(fields, values, strict=True)))
    assert len(set(made)) == len(variants)


def test_reasons_and_responsibility_are_the_validated_records() -> None:
    """Reasons and responsibility records equal the validated ones for every combination of
    fields, and a responsibility's party is the Party member itself."""
    tuples = [(), ("a",), ("a", "b"), ("b",)]
    for validity, nature, severity, responsibility in itertools.product(tuples, repeat=4):
        assert resolution._reasons_record(validity, nature, severity, responsibility) == Reasons(
            validity=validity, nature=nature, severity=severity, responsibility=responsibility
        )
    for party, department in itertools.product(Party, (None, "billing", "市场监管")):
        shared = resolution._responsible(party.value, department)
        assert shared == Responsibility(party=party, department=department)
        assert shared.party is party


def test_confidence_is_read_for_each_outcome() -> None:
    """The engine's confidence of each outcome is the calibration's for those values and
    defaults, whichever outcome was decided before it."""
    with Engine.default() as engine:
        calibration = engine.ruleset.calibration
        assert calibration is not None
        with EXAMPLES.open(encoding="utf-8") as file:
            complaints = [parse_complaint(line) for line in file if line.strip()]
        outcomes = set()
        for complaint in complaints:
            decision = engine.decide(complaint)
            values = {
                Axis.VALIDITY: decision.validity.value,
                Axis.NATURE: decision.nature.value,
                Axis.SEVERITY: decision.severity.value,
                Axis.RESPONSIBILITY: decision.responsibility.party.value,
            }
            assert decision.confidence == calibration.confidence(values, decision.defaults)
            outcomes.add((*values.values(), decision.defaults))
    assert len(outcomes) > 5
