"""The bundled rule packs: every case passes, every rule is covered, every axis value occurs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from triage import Complaint, Engine, Nature, Party, Severity, Validity
from triage.rulepack.loader import bundled_rules_dir, load_packs
from triage.testing import complaints
from triage.tools.casetests import coverage_gaps, run_case

CASES = load_packs(bundled_rules_dir()).cases
EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "complaints.jsonl"


def test_the_packs_have_cases() -> None:
    """Collection is not empty: the bundled packs carry their own test cases."""
    assert len(CASES) > 300


@pytest.fixture(scope="module")
def default_engine() -> Engine:
    """The engine of every bundled pack, shared by the tests of this module."""
    return Engine.default()


@pytest.mark.parametrize("case", CASES, ids=[f"{c.pack}::{c.id}" for c in CASES])
def test_pack_case(default_engine: Engine, case: object) -> None:
    """The case's rules fire or stay silent, and its expected axes hold."""
    result = run_case(default_engine, case)  # type: ignore[arg-type]
    assert result.passed, "\n".join(result.problems)


def test_every_rule_has_a_case_and_a_near_miss(default_engine: Engine) -> None:
    """No enabled rule lacks a case that fires it or a near miss that must not."""
    assert [str(gap) for gap in coverage_gaps(default_engine)] == []


def test_every_axis_value_is_reachable(default_engine: Engine) -> None:
    """Over the cases and the bundled examples, every value of every axis is decided."""
    decisions = [run_case(default_engine, case).decision for case in CASES]
    decisions += [
        default_engine.decide(json.loads(line))
        for line in EXAMPLES.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    seen = {
        "validity": {d.validity for d in decisions if d},
        "nature": {d.nature for d in decisions if d},
        "severity": {d.severity for d in decisions if d},
        "party": {d.responsibility.party for d in decisions if d},
    }
    assert seen["validity"] == set(Validity)
    assert seen["nature"] == set(Nature)
    assert seen["severity"] == set(Severity)
    assert seen["party"] == set(Party)


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(complaints())
def test_every_complaint_gets_a_decision_from_the_default_packs(
    default_engine: Engine, complaint: Complaint
) -> None:
    """Any valid complaint is decided by the bundled packs without an exception."""
    decision = default_engine.decide(complaint)
    assert decision.complaint_id == complaint.id
    assert decision.ruleset_version == default_engine.ruleset_version
