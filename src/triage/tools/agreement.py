"""Agreement between two labellings of the same items: accuracy and Cohen's kappa.

Accuracy alone rewards guessing the majority class: on data where nine complaints in ten
are valid, "always valid" scores 0.9. Cohen's kappa discounts the agreement two raters
would reach by chance with their own label frequencies, so a constant answer scores 0.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

__all__ = ["Agreement", "agreement", "cohen_kappa"]


@dataclass(frozen=True)
class Agreement:
    """How often two labellings agree on the items both labelled, and kappa."""

    total: int
    agreed: int
    kappa: float

    @property
    def accuracy(self) -> float:
        """Share of the items on which both gave the same label."""
        return self.agreed / self.total if self.total else 0.0

    def to_dict(self) -> dict[str, float | int]:
        """The figures as JSON-able data."""
        return {
            "total": self.total,
            "accuracy": round(self.accuracy, 4),
            "kappa": round(self.kappa, 4),
        }


def cohen_kappa(pairs: Iterable[tuple[str, str]]) -> float:
    """Cohen's kappa of ``(first, second)`` label pairs; 0.0 for no pairs.

    When chance agreement is already total (both raters always gave one and the same
    label), kappa is undefined; it is reported as 1.0 if they agree everywhere, else 0.0.
    """
    counted = list(pairs)
    total = len(counted)
    if not total:
        return 0.0
    observed = sum(first == second for first, second in counted) / total
    firsts = Counter(first for first, _ in counted)
    seconds = Counter(second for _, second in counted)
    expected = sum(firsts[label] * seconds[label] for label in firsts) / (total * total)
    if expected >= 1.0:
        return 1.0 if observed >= 1.0 else 0.0
    return (observed - expected) / (1.0 - expected)


def agreement(pairs: Iterable[tuple[str, str]]) -> Agreement:
    """Accuracy and kappa of ``(first, second)`` label pairs."""
    counted = list(pairs)
    return Agreement(
        total=len(counted),
        agreed=sum(first == second for first, second in counted),
        kappa=cohen_kappa(counted),
    )
