"""eval/reach.py ``fires``: in how many texts each pattern, lexicon term and rule fires."""

from __future__ import annotations

import importlib
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from triage import Engine

EVAL = Path(__file__).resolve().parents[1] / "eval"


@pytest.fixture(scope="module")
def reach() -> Iterator[ModuleType]:
    """eval/reach.py imported as a module, eval/ on sys.path for the module's tests only."""
    sys.path.insert(0, str(EVAL))
    try:
        yield importlib.import_module("reach")
    finally:
        sys.path.remove(str(EVAL))


@pytest.fixture(scope="module")
def engine() -> Iterator[Engine]:
    """The default engine, shared by the module's tests."""
    with Engine.default() as built:
        yield built


def _complaint(number: int, text: str) -> dict[str, Any]:
    return {
        "id": f"t-{number}",
        "text": text,
        "received_at": "2020-01-01T00:00:00+08:00",
        "channel": "web",
    }


def _pattern_example(engine: Engine) -> tuple[str, str]:
    """A pattern and one of its match examples that the engine reads as that pattern's hit."""
    for doc, _ in engine.ruleset.pattern_sources.patterns:
        for text in doc.examples.match:
            if any(hit.term == doc.id for hit in engine.analyse(text).hits):
                return doc.id, text
    raise AssertionError("no pattern example hits its pattern")


def test_counts_texts_per_set(reach: ModuleType, engine: Engine) -> None:
    """``tally`` counts per set the texts each term, pattern and rule fires in: a term once per
    text, a pattern's hit under the pattern, rules from the decision's trace."""
    pattern, example = _pattern_example(engine)
    food = "外卖里吃出了头发，商家拒绝退款"
    sets = {
        "a": [_complaint(1, food), _complaint(2, food + "，这外卖太恶心了")],
        "b": [_complaint(3, example)],
    }
    counts = reach.tally(engine, sets)
    assert counts["texts"] == {"a": 2, "b": 1}
    # a term counts once per text (the second holds 外卖 twice), in the set of the text
    assert counts["terms"]["ec_food_delivery\t外卖"].get("a") == 2
    assert counts["occurs"]["ec_food_delivery\t外卖"].get("a") == 2
    # a pattern's hit is counted under the pattern, not as a term of its lexicon
    assert counts["patterns"][pattern].get("b") == 1
    assert not any(key.endswith("\t" + pattern) for key in counts["terms"])
    # rules: counted from the decision's trace
    assert counts["rules"]["core.derive.has_grievance"].get("a") == 2


def test_never_lists_only_what_fires_nowhere(reach: ModuleType, engine: Engine) -> None:
    """``never`` lists exactly what fires in no text, and the counts hold every pattern and rule
    of the rule set."""
    counts = reach.tally(engine, {"a": [_complaint(1, "外卖里吃出了头发，商家拒绝退款")]})
    never = reach.never(counts)
    assert "ec_food_delivery\t外卖" not in never["terms"]
    assert "core.derive.has_grievance" not in never["rules"]
    # every item the rule set holds is listed, fired or not
    assert len(counts["patterns"]) == len(engine.ruleset.patterns)
    assert len(counts["rules"]) == len(engine.ruleset.rules)
    assert set(never["patterns"]) == {
        key for key, per in counts["patterns"].items() if not per.get("a")
    }
    assert never["patterns"]  # one short text reaches few of the patterns


def test_complaints_reads_each_file_kind(reach: ModuleType, tmp_path: Path) -> None:
    """``_complaints`` reads a labelled file's complaints, a pool file's rows (a title given the
    app channel) and plain complaint rows."""
    labelled = tmp_path / "labelled.jsonl"
    labelled.write_text('{"complaint": {"id": "x", "text": "t"}, "expected": {}}\n')
    pool = tmp_path / "pool.jsonl"
    pool.write_text('{"id": "p-1", "text": "t", "kind": "title"}\n')
    plain = tmp_path / "plain.jsonl"
    plain.write_text('{"id": "c-1", "text": "t", "channel": "web"}\n')
    assert reach._complaints(labelled) == [{"id": "x", "text": "t"}]
    assert reach._complaints(pool)[0]["channel"] == "app"  # a title's context
    assert reach._complaints(plain) == [{"id": "c-1", "text": "t", "channel": "web"}]
