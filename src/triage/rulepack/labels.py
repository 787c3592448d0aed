"""Reason labels: the Chinese text of each reason code, from the packs' ``labels:``."""

from __future__ import annotations

from collections.abc import Iterable

from triage.rulepack.spec import Pack, Rule

__all__ = ["pack_labels", "reason_codes", "unlabelled"]


def pack_labels(packs: Iterable[Pack]) -> dict[str, str]:
    """Every pack's reason labels merged, a later pack's (a child's) over an earlier's."""
    labels: dict[str, str] = {}
    for pack in packs:
        labels.update(pack.manifest.labels)
    return labels


def reason_codes(rules: Iterable[Rule]) -> dict[str, Rule]:
    """The reason and review codes the rules give, each with the first rule giving it."""
    codes: dict[str, Rule] = {}
    for rule in rules:
        for code in (rule.then.reason, rule.then.review):
            if code is not None:
                codes.setdefault(code, rule)
    return codes


def unlabelled(packs: Iterable[Pack]) -> dict[str, Rule]:
    """The codes the packs' rules give that no pack labels, with a rule giving each."""
    chosen = tuple(packs)
    labels = pack_labels(chosen)
    codes = reason_codes(rule for pack in chosen for rule in pack.rules)
    return {code: rule for code, rule in codes.items() if code not in labels}
