"""The best-guess sector, from the hits of lexicons named ``sector_<name>``.

Each hit weighs 1, or 0.5 when negated or conditional (没收到快递 still speaks of delivery).
A hit of a lexicon named ``sector_not_<name>`` weighs the same against sector ``<name>``:
a phone's own parts (屏幕, 电池, 充电器) say its 信号 is the phone's reception, not an
operator's network. The sector with the highest total above 0 wins; a tie goes to the
sector mentioned first.
"""

from __future__ import annotations

from collections.abc import Iterable

from triage.text.features import Hit, SectorGuess
from triage.text.lexicons import NOT_SECTOR_PREFIX, SECTOR_PREFIX

__all__ = ["guess_sector"]

_ASIDE_WEIGHT = 0.5


def guess_sector(hits: Iterable[Hit]) -> SectorGuess | None:
    """The sector whose lexicon hits weigh most, with those hits as evidence; None if no hits."""
    scores: dict[str, float] = {}
    against: dict[str, float] = {}
    evidence: dict[str, list[Hit]] = {}
    for hit in hits:
        if not hit.lexicon.startswith(SECTOR_PREFIX):
            continue
        weight = 1.0 if hit.asserted else _ASIDE_WEIGHT
        if hit.lexicon.startswith(NOT_SECTOR_PREFIX):
            name = hit.lexicon[len(NOT_SECTOR_PREFIX) :]
            against[name] = against.get(name, 0.0) + weight
        else:
            name = hit.lexicon[len(SECTOR_PREFIX) :]
            scores[name] = scores.get(name, 0.0) + weight
            evidence.setdefault(name, []).append(hit)
    for name, weight in against.items():
        if name in scores:
            scores[name] -= weight
            if scores[name] <= 0:
                del scores[name]
    if not scores:
        return None
    best = max(scores, key=lambda name: (scores[name], -evidence[name][0].start))
    return SectorGuess(best, scores[best], tuple(evidence[best]))
