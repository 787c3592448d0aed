"""Decisions as flat rows: one dict of plain values per decision, for CSV and DataFrames."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from triage.records.decision import Decision, EffectKind, Firing
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
"""The keys of :func:`decision_row`, in order."""


def decision_row(decision: Decision) -> dict[str, RowValue]:
    """The decision as one flat row (see :data:`DECISION_COLUMNS`)."""
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
        "as_of": decision.as_of.isoformat(),
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


FIRING_COLUMNS = ("rule", "axis", "effect", "location", "source", "facts", "spans")
"""The keys of :func:`firing_row`, in order."""


def _effect(firing: Firing) -> str:
    parts = []
    for effect in firing.effects:
        if effect.kind is EffectKind.DERIVE:
            parts.append(f"derive {effect.fact}={_plain(effect.value)}")
        elif effect.kind is EffectKind.SET:
            weight = f" ×{effect.weight:g}" if effect.weight not in (None, 1.0) else ""
            decisive = " decisive" if effect.decisive else ""
            parts.append(f"set {effect.value}{weight}{decisive} ({effect.reason})")
        elif effect.kind is EffectKind.ACTION:
            parts.append(f"action {effect.value}")
        else:
            parts.append(f"{effect.kind.value} ({effect.reason})")
    return "; ".join(parts)


def _plain(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, tuple):
        return "[" + ", ".join(map(str, value)) + "]"
    return str(value)


def firing_row(firing: Firing) -> dict[str, str]:
    """One firing of a trace as display texts (see :data:`FIRING_COLUMNS`)."""
    return {
        "rule": f"{firing.rule_id} {firing.title}",
        "axis": firing.axis.value,
        "effect": _effect(firing),
        "location": f"{firing.file}:{firing.line}",
        "source": firing.source,
        "facts": ", ".join(f"{name}={_plain(value)}" for name, value in firing.facts.items()),
        "spans": " ".join(f"「{span.surface}」" for span in firing.spans),
    }


AXIS_VALUES: dict[str, tuple[str, ...]] = {
    **{str(axis): values for axis, values in SET_VALUES.items()},
    "needs_review": ("yes", "no"),
}
"""Every value of each axis counted by :func:`axis_counts`, in scale order."""


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


def axis_rows(decision: Decision) -> list[tuple[str, str, str]]:
    """(what, value, reasons) display rows: the four axes, review, then each action."""
    reasons = decision.reasons
    department = decision.responsibility.department
    rows = [
        ("validity", decision.validity.value, reasons.validity),
        ("nature", f"{decision.nature.value} (score {decision.nature_score:g})", reasons.nature),
        ("severity", decision.severity.value, reasons.severity),
        (
            "responsibility",
            decision.responsibility.party.value + (f" / {department}" if department else ""),
            reasons.responsibility,
        ),
        ("needs review", "yes" if decision.needs_review else "no", decision.review_reasons),
    ]
    shown = [
        (axis, value + (" (default)" if axis in decision.defaults else ""), ", ".join(codes))
        for axis, value, codes in rows
    ]
    for action in decision.actions:
        deadline = (
            f"within {action.deadline_days}{' working' if action.working_days else ''} days "
            if action.deadline_days is not None
            else ""
        )
        shown.append(("action", action.code, f"{deadline}({action.rule_id})"))
    return shown
