"""The best-guess sector, from the hits of lexicons named ``sector_<name>``.

Each hit weighs 1, or 0.5 when negated or conditional (没收到快递 still speaks of delivery).
A hit of a lexicon named ``sector_not_<name>`` weighs the same against sector ``<name>``:
a phone's own parts (屏幕, 电池, 充电器) say its 信号 is the phone's reception, not an
operator's network. The sector with the highest total above 0 wins; a tie goes to the
sector mentioned first.

A hit inside a place name weighs nothing: a term followed, within a few characters and no
word that links a clause (在, 的, 被), by 市场, 广场, 大厦, 小区, a numbered road, or a venue
named by it followed by 附近, 对面 or 旁边 tells where (瑞坊城汽车配件市场, 友好饭店旁边), not what
the complaint is about.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from triage.text.features import Hit, SectorGuess
from triage.text.lexicons import NOT_SECTOR_PREFIX, SECTOR_PREFIX

__all__ = ["guess_sector"]

_ASIDE_WEIGHT = 0.5
_NAME = r"[^\W\d_在到去从的了被把给向和与跟是上里]{0,4}?"
_PLACE = re.compile(
    rf".{_NAME}(?:(?:市场|广场|大厦|小区|[路街道巷](?:\d|口))"
    r"|(?<=[店行场站院馆厅楼城所局司园厂])(?:附近|对面|旁边))"
)
"""A place name's end after a term's last character: its kind, a numbered road, or a venue's
side (饭店旁边, 汽车站附近; not 后备箱附近, an object's side)."""


def guess_sector(hits: Iterable[Hit], text: str) -> SectorGuess | None:
    """The sector whose lexicon hits weigh most, with those hits as evidence; None if no hits.

    ``text`` is the normalised text the hits were found in.
    """
    scores: dict[str, float] = {}
    against: dict[str, float] = {}
    evidence: dict[str, list[Hit]] = {}
    for hit in hits:
        if not hit.lexicon.startswith(SECTOR_PREFIX) or _PLACE.match(text, hit.end - 1):
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
