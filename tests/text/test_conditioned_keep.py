"""Lexicon hits: the hit conditions are asked only about the lexicons that have them.

`LexiconMatcher.find` with ``conditioned`` (the engine's way) must keep exactly the hits it
keeps when the condition check is asked about every hit.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from triage import Engine
from triage.facts import Analyser
from triage.text.clauses import ClauseReading
from triage.text.scope import Scope

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def analyser() -> Analyser:
    """The default engine's analyser, with the shipped packs."""
    with Engine.default() as engine:
        found: Analyser = engine._analyser
        return found


def _texts() -> list[str]:
    texts = []
    for name in ("examples/complaints.jsonl", "eval/dev.jsonl"):
        with (ROOT / name).open(encoding="utf-8") as file:
            for line in file:
                if line.strip():
                    row = json.loads(line)
                    texts.append(row.get("complaint", row)["text"])
    return texts


def _parts(analyser: Analyser, text: str) -> tuple:  # type: ignore[type-arg]
    normalized = analyser._normalizer.normalize(text)
    segmentation = analyser._segmenter.segment(normalized.text)
    scope = Scope(normalized.text, segmentation)
    reading = ClauseReading(normalized.text, segmentation, scope, analyser._actors)
    return normalized, segmentation, scope, reading


def test_the_shipped_packs_condition_some_lexicons(analyser: Analyser) -> None:
    """The shipped packs put hit conditions on some lexicons and not on others."""
    assert analyser._patterns.conditioned
    named = {name for names in analyser._lexicons._terms.values() for name in names}
    assert named - analyser._patterns.conditioned  # hits the condition check may skip


def test_asking_only_the_conditioned_lexicons_keeps_the_same_hits(analyser: Analyser) -> None:
    """Asking the hit conditions only about the conditioned lexicons keeps exactly the hits that
    asking about every hit keeps, on the examples and dev texts (where conditions drop hits)."""
    lexicons, patterns = analyser._lexicons, analyser._patterns
    differing = 0
    for text in _texts():
        normalized, segmentation, scope, reading = _parts(analyser, text)
        keep = patterns.keep(reading)
        every = lexicons.find(normalized, segmentation, scope, keep)
        some = lexicons.find(normalized, segmentation, scope, keep, patterns.conditioned)
        assert some == every, text
        differing += every != lexicons.find(normalized, segmentation, scope)
    assert differing > 0  # the conditions do drop hits on these texts


def test_a_lexicon_not_named_keeps_every_hit(analyser: Analyser) -> None:
    """A lexicon not named as conditioned keeps every hit under a condition that refuses all, while
    a named one loses its hits."""
    text = "商家不退款，客服说已经处理了，我要投诉"
    normalized, segmentation, scope, _ = _parts(analyser, text)
    lexicons = analyser._lexicons
    plain = lexicons.find(normalized, segmentation, scope)
    assert plain
    names = {hit.lexicon for hit in plain}
    dropped = next(iter(sorted(names)))

    def refuse(lexicon: str, token: int, start: int, end: int) -> bool:
        return False

    assert lexicons.find(normalized, segmentation, scope, refuse, frozenset()) == plain
    assert lexicons.find(normalized, segmentation, scope, refuse) == ()
    only = lexicons.find(normalized, segmentation, scope, refuse, frozenset({dropped}))
    assert only == tuple(hit for hit in plain if hit.lexicon != dropped)
