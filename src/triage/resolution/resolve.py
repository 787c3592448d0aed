"""Per-axis resolution: from the rules that fired to the four answers.

The policy (set in the pack manifest, see `triage.rulepack.spec.Policy`):

- validity: any ``set: invalid`` makes the complaint invalid (an acceptance failure or a
  missing ground wins); otherwise ``valid`` if a ground fired; otherwise the default.
- nature: ``malicious`` when a decisive signal fired, or when the weights of the
  ``malicious`` signals minus the weights of the ``normal`` guards reach the threshold.
- severity: the highest level any rule set (else the default), then at most one raise,
  never above the raise ceiling.
- responsibility: the rule with the highest priority, ties broken by rule id.

An axis on which no rule fired takes the default, and the decision lists it in
``defaults``. A default on validity, severity or responsibility is a guess, not a finding:
it sets ``needs_review`` with the review reason ``unresolved_<axis>``. Nature is
different: no malicious signal is a finding (``normal``), not a fallback. A ``malicious``
nature always needs review (``malicious_needs_review``): a person confirms it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from triage.records.decision import (
    Action,
    Axis,
    Nature,
    Party,
    Reasons,
    Responsibility,
    Severity,
    Validity,
)
from triage.rulepack.spec import Policy, Rule

__all__ = ["MALICIOUS_REVIEW", "Resolution", "resolve"]


@dataclass(frozen=True)
class Resolution:
    """The resolved axes and handling advice, before the trace is attached."""

    validity: Validity
    nature: Nature
    severity: Severity
    responsibility: Responsibility
    nature_score: float
    needs_review: bool
    review_reasons: tuple[str, ...]
    reasons: Reasons
    defaults: tuple[Axis, ...]
    actions: tuple[Action, ...]


MALICIOUS_REVIEW = "malicious_needs_review"
"""Flagging a complainant as malicious is never automatic: a person confirms it."""

_REVIEWED_DEFAULTS = frozenset({Axis.VALIDITY, Axis.SEVERITY, Axis.RESPONSIBILITY})
"""Axes whose default is a fallback that a person must check, not a finding."""


def _strongest_first(rules: Sequence[Rule]) -> list[Rule]:
    return sorted(rules, key=lambda rule: (-rule.priority, rule.id))


# The helpers below take the fired rules strongest first (`resolve` sorts them once), so
# each part they pick out is strongest first too.


def _setting(rules: Sequence[Rule], axis: Axis) -> list[Rule]:
    return [r for r in rules if r.axis is axis and r.then.set is not None]


def _reasons(rules: Sequence[Rule]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(rule.then.reason for rule in rules if rule.then.reason))


def _validity(rules: Sequence[Rule], policy: Policy) -> tuple[Validity, tuple[str, ...], bool]:
    setting = _setting(rules, Axis.VALIDITY)
    invalid = [r for r in setting if r.then.set == Validity.INVALID]
    if invalid:
        return Validity.INVALID, _reasons(invalid), False
    if setting:
        return Validity.VALID, _reasons(setting), False
    return Validity(policy.validity_default), (), True


def _nature(rules: Sequence[Rule], policy: Policy) -> tuple[Nature, tuple[str, ...], float, bool]:
    setting = _setting(rules, Axis.NATURE)
    if not setting:
        return Nature(policy.nature_default), (), 0.0, True
    signals = [r for r in setting if r.then.set == Nature.MALICIOUS]
    guards = [r for r in setting if r.then.set == Nature.NORMAL]
    score = sum(r.then.weight or 0.0 for r in signals) - sum(r.then.weight or 0.0 for r in guards)
    decisive = [r for r in signals if r.then.decisive]
    if decisive or score >= policy.nature_threshold:
        return Nature.MALICIOUS, _reasons(decisive or signals), score, False
    return Nature.NORMAL, _reasons(guards), score, False


def _severity(rules: Sequence[Rule], policy: Policy) -> tuple[Severity, tuple[str, ...], bool]:
    setting = _setting(rules, Axis.SEVERITY)
    raising = [r for r in rules if r.axis is Axis.SEVERITY and r.then.raise_level]
    if setting:
        level = max(Severity(str(r.then.set)) for r in setting)
        reasons = _reasons([r for r in setting if r.then.set == level])
    else:
        level = Severity(policy.severity_default)
        reasons = ()
    ceiling = Severity(policy.severity_raise_ceiling)
    if raising and level < ceiling:
        level = level.raised(ceiling=ceiling)
        reasons = (*reasons, *_reasons(raising))
    return level, reasons, not setting and not raising


def _responsibility(
    rules: Sequence[Rule], policy: Policy
) -> tuple[Responsibility, tuple[str, ...], bool]:
    setting = _setting(rules, Axis.RESPONSIBILITY)
    if not setting:
        return _responsible(str(policy.responsibility_default), None), (), True
    winner = setting[0]
    return (
        _responsible(str(winner.then.set), winner.then.department),
        _reasons([winner]),
        False,
    )


# The records below are frozen and made from plain values, so one record serves every
# decision with the same values: made once, not validated again for each decision.
_SHARED = 4096
"""Distinct records of each kind kept (bounded, so memory stays flat)."""


@lru_cache(maxsize=_SHARED, typed=True)
def _responsible(party: str, department: str | None) -> Responsibility:
    return Responsibility(party=Party(party), department=department)


@lru_cache(maxsize=_SHARED, typed=True)
def _action(
    code: str, rule_id: str, deadline_days: int | None, working_days: bool, note: str | None
) -> Action:
    return Action(
        code=code,
        rule_id=rule_id,
        deadline_days=deadline_days,
        working_days=working_days,
        note=note,
    )


@lru_cache(maxsize=_SHARED, typed=True)
def _reasons_record(
    validity: tuple[str, ...],
    nature: tuple[str, ...],
    severity: tuple[str, ...],
    responsibility: tuple[str, ...],
) -> Reasons:
    return Reasons(
        validity=validity, nature=nature, severity=severity, responsibility=responsibility
    )


def _actions(rules: Sequence[Rule]) -> tuple[Action, ...]:
    chosen: dict[str, Action] = {}
    for rule in rules:
        for spec in rule.then.actions:
            action = _action(spec.code, rule.id, spec.deadline_days, spec.working_days, spec.note)
            known = chosen.get(spec.code)
            if known is None or _sooner(action, known):
                chosen[spec.code] = action
    return tuple(chosen.values())


def _sooner(action: Action, other: Action) -> bool:
    if action.deadline_days is None:
        return False
    return other.deadline_days is None or action.deadline_days < other.deadline_days


def resolve(fired: Sequence[Rule], policy: Policy) -> Resolution:
    """Resolve the four axes, review flag and actions from the rules that fired."""
    fired = _strongest_first(fired)
    validity, validity_reasons, validity_default = _validity(fired, policy)
    nature, nature_reasons, score, nature_default = _nature(fired, policy)
    severity, severity_reasons, severity_default = _severity(fired, policy)
    responsibility, responsibility_reasons, responsibility_default = _responsibility(fired, policy)
    review = [rule for rule in fired if rule.then.review]
    defaults = tuple(
        axis
        for axis, used in (
            (Axis.VALIDITY, validity_default),
            (Axis.NATURE, nature_default),
            (Axis.SEVERITY, severity_default),
            (Axis.RESPONSIBILITY, responsibility_default),
        )
        if used
    )
    review_reasons = (
        *(rule.then.review for rule in review if rule.then.review),
        *(f"unresolved_{axis.value}" for axis in defaults if axis in _REVIEWED_DEFAULTS),
        *((MALICIOUS_REVIEW,) if nature is Nature.MALICIOUS else ()),
    )
    return Resolution(
        validity=validity,
        nature=nature,
        severity=severity,
        responsibility=responsibility,
        nature_score=round(score, 6),
        needs_review=bool(review_reasons),
        review_reasons=tuple(dict.fromkeys(review_reasons)),
        reasons=_reasons_record(
            validity_reasons, nature_reasons, severity_reasons, responsibility_reasons
        ),
        defaults=defaults,
        actions=_actions(fired),
    )
