"""Decisions are hashable: equal decisions hash alike and serve as set members and keys."""

from __future__ import annotations

import json

import pytest

from tests.tools.helpers import EXAMPLES
from triage import Decision, Engine, parse_complaint


def _decisions() -> list[Decision]:
    lines = (EXAMPLES / "complaints.jsonl").read_text(encoding="utf-8").splitlines()[:5]
    with Engine.default() as engine:
        return [engine.decide(parse_complaint(json.loads(line))) for line in lines]


def test_decisions_hash_by_value_and_keep_their_json() -> None:
    """A decision read back from its JSON is equal, hashes alike, and dumps the same JSON."""
    decisions = _decisions()
    assert any(firing.facts for decision in decisions for firing in decision.trace)
    for decision in decisions:
        again = Decision.model_validate_json(decision.model_dump_json())
        assert again == decision
        assert hash(again) == hash(decision)
        assert again.model_dump_json() == decision.model_dump_json()
        facts = json.loads(decision.model_dump_json())["trace"][0]["facts"]
        assert isinstance(facts, dict)
    assert len(set(decisions + decisions)) == len(decisions)


def test_firing_facts_cannot_change() -> None:
    """The facts of a firing are read-only."""
    firing = next(f for d in _decisions() for f in d.trace if f.facts)
    name = next(iter(firing.facts))
    with pytest.raises(TypeError):
        firing.facts[name] = 1  # type: ignore[index]
