"""The clause-reading benchmark records what ``decide`` asks without changing an answer (it
times nothing here)."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType
from unittest import mock

from triage import Complaint, Engine

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"
EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "complaints.jsonl"


def _benchmark() -> ModuleType:
    sys.path.insert(0, str(BENCHMARKS))  # reading.py takes its inputs from decide.py
    try:
        spec = importlib.util.spec_from_file_location(
            "reading_benchmark", BENCHMARKS / "reading.py"
        )
        assert spec is not None
        assert spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
    finally:
        sys.path.remove(str(BENCHMARKS))
    return module


def test_recording_keeps_every_decision_and_replays_the_same_answers() -> None:
    """Decided through the recording subclasses, the examples get byte-identical Decision
    JSON; the questions are recorded, and replayed on a plain reading of the same text
    they get the answers the matchers got."""
    module = _benchmark()
    rows = [json.loads(line) for line in EXAMPLES.read_text(encoding="utf-8").splitlines()[:12]]
    complaints = [Complaint.model_validate(row) for row in rows]
    with Engine.default() as engine:
        plain = [engine.decide(complaint).model_dump_json() for complaint in complaints]
        with (
            mock.patch("triage.facts.analyser.Scope", module.RecordingScope),
            mock.patch("triage.facts.analyser.ClauseReading", module.RecordingReading),
        ):
            recorded = [engine.decide(complaint).model_dump_json() for complaint in complaints]
    assert recorded == plain
    readings = module.RECORDED[-len(complaints) :]
    assert len(readings) == len(complaints)
    names = {name for reading in readings for name, _ in reading.calls}
    assert {"conditional", "mode"} <= names
    for reading in readings:
        text, segmentation = reading.reading._text, reading.segmentation
        scope = module.Scope(text, segmentation)
        fresh = module.ClauseReading(text, segmentation, scope, reading.reading.actors_map)
        for name, args in list(reading.calls):  # a copy: the mirror records again
            owner = scope if name in ("conditional", "negated_at") else fresh
            mirror = reading.scope if owner is scope else reading.reading
            assert getattr(owner, name)(*args) == getattr(type(owner), name)(mirror, *args)
