"""Rule-pack test cases: each pack's ``cases/*.yaml`` run against an engine.

A case gives a complaint (or just its text) and what must happen: rules that must fire
(``fires``), near misses that must not (``not_fires``), and expected axis values
(``expect``). `run_cases` runs them all; `coverage_gaps` lists rules that
lack a positive or a negative case.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from triage.engine.engine import Engine
from triage.errors import RecordError
from triage.records.decision import Decision
from triage.records.parsing import parse_complaint
from triage.rulepack.spec import CaseSpec, Rule

__all__ = ["CaseResult", "CoverageGap", "coverage_gaps", "run_case", "run_cases"]


@dataclass(frozen=True)
class CaseResult:
    """The outcome of one case: passed, or the problems found, with the decision made."""

    case: CaseSpec
    problems: tuple[str, ...]
    decision: Decision | None

    @property
    def passed(self) -> bool:
        """Whether every expectation of the case held."""
        return not self.problems

    @property
    def name(self) -> str:
        """``pack::case-id``, the name pytest and ``triage test`` show."""
        return f"{self.case.pack}::{self.case.id}"


def _expectations(case: CaseSpec, decision: Decision, known: set[str]) -> list[str]:
    fired = {firing.rule_id for firing in decision.trace}
    problems = [
        f"the case names rule {rule_id!r}, which is not loaded"
        for rule_id in (*case.fires, *case.not_fires)
        if rule_id not in known
    ]
    problems.extend(
        f"expected {rule_id} to fire" for rule_id in case.fires if rule_id in known - fired
    )
    problems.extend(
        f"expected {rule_id} not to fire" for rule_id in case.not_fires if rule_id in fired
    )
    actual = {
        "validity": decision.validity.value,
        "nature": decision.nature.value,
        "severity": decision.severity.value,
        "responsibility": decision.responsibility.party.value,
        "needs_review": decision.needs_review,
    }
    problems.extend(
        f"expected {axis} {value!r}, got {actual[axis]!r}"
        for axis, value in case.expect.items()
        if actual[axis] != value
    )
    return problems


def run_case(engine: Engine, case: CaseSpec) -> CaseResult:
    """Run one case against ``engine``."""
    try:
        complaint = parse_complaint(case.complaint)
    except RecordError as error:
        return CaseResult(case, (f"{case.loc}: the case's complaint is invalid: {error}",), None)
    decision = engine.decide(complaint)
    known = {rule.id for rule in engine.rules}
    problems = tuple(f"{case.loc}: {p}" for p in _expectations(case, decision, known))
    return CaseResult(case, problems, decision)


def run_cases(engine: Engine, cases: Iterable[CaseSpec] | None = None) -> list[CaseResult]:
    """Run ``cases`` (default: every case of the engine's packs) against ``engine``."""
    chosen = cases if cases is not None else engine.ruleset.cases
    return [run_case(engine, case) for case in chosen]


@dataclass(frozen=True)
class CoverageGap:
    """An enabled rule that lacks a case that fires it, or a near miss, or both."""

    rule: Rule
    missing: tuple[str, ...]

    def __str__(self) -> str:
        return f"{self.rule.loc}: rule {self.rule.id} has no {' and no '.join(self.missing)}"


def coverage_gaps(engine: Engine) -> list[CoverageGap]:
    """Enabled rules without a case where they must fire, or without a near miss."""
    cases = engine.ruleset.cases
    positive = {rule_id for case in cases for rule_id in case.fires}
    negative = {rule_id for case in cases for rule_id in case.not_fires}
    gaps = []
    for rule in engine.ruleset.rules:
        missing = tuple(
            what
            for what, covered in (("case that fires it", positive), ("near miss", negative))
            if rule.id not in covered
        )
        if rule.enabled and missing:
            gaps.append(CoverageGap(rule, missing))
    return gaps
