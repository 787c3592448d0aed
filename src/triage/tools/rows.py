"""Decisions as flat rows: one dict of plain values per decision, for CSV and DataFrames."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from triage.records.decision import Decision
from triage.records.display import FIRING_COLUMNS, axis_rows, firing_row
from triage.rulepack.format import SET_VALUES

__all__ = [
    "AXIS_VALUES",
    "DECISION_COLUMNS",
    "FIRING_COLUMNS",
    "RowValue",
    "axis_counts",
    "axis_rows",
    "axis_values",
    "decision_row",
    "firing_row",
    "top_reasons",
]

RowValue = str | bool | float | tuple[str, ...] | None
"""A cell: text, flag, number, several codes, or nothing."""

DECISION_COLUMNS = (
    "complaint_id",
    "validity",
    "nature",
    "severity",
    "responsibility",
    "department",
    "needs_review",
    "validity_reasons",
    "nature_reasons",
    "severity_reasons",
    "responsibility_reasons",
    "review_reasons",
    "nature_score",
    "actions",
    "rules",
    "defaults",
    "ruleset_version",
    "as_of",
)
"""The keys of `decision_row`, in order."""


def decision_row(decision: Decision) -> dict[str, RowValue]:
    """The decision as one flat row (see `DECISION_COLUMNS`)."""
    reasons = decision.reasons
    return {
        "complaint_id": decision.complaint_id,
        "validity": decision.validity.value,
        "nature": decision.nature.value,
        "severity": decision.severity.value,
        "responsibility": decision.responsibility.party.value,
        "department": decision.responsibility.department,
        "needs_review": decision.needs_review,
        "validity_reasons": reasons.validity,
        "nature_reasons": reasons.nature,
        "severity_reasons": reasons.severity,
        "responsibility_reasons": reasons.responsibility,
        "review_reasons": decision.review_reasons,
        "nature_score": decision.nature_score,
        "actions": tuple(action.code for action in decision.actions),
        "rules": tuple(firing.rule_id for firing in decision.trace),
        "defaults": tuple(axis.value for axis in decision.defaults),
        "ruleset_version": decision.ruleset_version,
        "as_of": decision.as_of.isoformat() if decision.as_of else None,
    }


def top_reasons(decision: Decision, limit: int = 3) -> tuple[str, ...]:
    """The first reason code of each axis, then review reasons, at most ``limit`` of them."""
    reasons = decision.reasons
    firsts = [
        codes[0]
        for codes in (reasons.validity, reasons.nature, reasons.severity, reasons.responsibility)
        if codes
    ]
    return tuple(dict.fromkeys([*firsts, *decision.review_reasons]))[:limit]


AXIS_VALUES: dict[str, tuple[str, ...]] = {
    **{str(axis): values for axis, values in SET_VALUES.items()},
    "needs_review": ("yes", "no"),
}
"""Every value of each axis counted by `axis_counts`, in scale order."""


def axis_values(decision: Decision) -> dict[str, str]:
    """The decided value of each axis as a text, with the department and the review flag."""
    return {
        "validity": decision.validity.value,
        "nature": decision.nature.value,
        "severity": decision.severity.value,
        "responsibility": decision.responsibility.party.value,
        "department": decision.responsibility.department or "",
        "needs_review": "yes" if decision.needs_review else "no",
    }


def axis_counts(decisions: Iterable[Decision]) -> dict[str, dict[str, int]]:
    """How many decisions took each value of each axis (zeros included)."""
    counted: dict[str, Counter[str]] = {axis: Counter() for axis in AXIS_VALUES}
    for decision in decisions:
        values = axis_values(decision)
        for axis in AXIS_VALUES:
            counted[axis][values[axis]] += 1
    return {
        axis: {value: counted[axis][value] for value in values}
        for axis, values in AXIS_VALUES.items()
    }
