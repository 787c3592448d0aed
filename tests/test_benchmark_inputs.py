"""The decide benchmark reads the inputs its docstring promises (it times nothing here)."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType

import triage
from triage import Engine, parse_complaint

BENCHMARK = Path(__file__).resolve().parents[1] / "benchmarks" / "decide.py"


def _benchmark() -> ModuleType:
    spec = importlib.util.spec_from_file_location("decide_benchmark", BENCHMARK)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_flat_and_labelled_records_are_read_and_lengths_kept(tmp_path: Path) -> None:
    """A bare ``id``/``text`` row and a labelled row (``complaint`` holding them) both
    count; texts outside 50–2,000 characters are left out."""
    long_enough = "我在你们店买的热水器用了三天就漏水，" * 4
    rows = [
        {"id": "flat", "text": long_enough},
        {"complaint": {"id": "labelled", "text": long_enough}, "expected": {}},
        {"id": "short", "text": "太差了"},
        {"id": "long", "text": "漏" * 2001},
    ]
    path = tmp_path / "input.jsonl"
    path.write_text("\n".join(json.dumps(row, ensure_ascii=False) for row in rows) + "\n")
    kept = _benchmark().complaints(path)
    assert [complaint.id for complaint in kept] == ["flat", "labelled"]
    assert all(complaint.text == long_enough for complaint in kept)


def test_a_twin_is_a_second_copy_of_the_code_deciding_alike() -> None:
    """``--base`` imports another checkout's package under its own name: its modules are its
    own (no class shared with this one), it decides a complaint as this code does when the
    code is the same, and loading it writes no bytecode into the checkout."""
    source = Path(triage.__file__).parents[1]
    caches = sorted(source.rglob("__pycache__/*.pyc"))
    before = {path: path.stat().st_mtime_ns for path in caches}
    copy = _benchmark().twin(source, "triage_twin_test")
    assert copy.__name__ == "triage_twin_test"
    assert copy.Engine is not Engine
    assert copy.Engine.__module__.startswith("triage_twin_test.")
    record = {
        "id": "twin-1",
        "text": "我在你们店买的热水器用了三天就漏水，要求退货退款，商家一直推脱不处理。",
        "received_at": "2026-06-01T10:00:00+00:00",
    }
    with Engine.default() as engine, copy.Engine.default() as other:
        mine = engine.decide(parse_complaint(record)).model_dump_json()
        theirs = other.decide(copy.parse_complaint(record)).model_dump_json()
    assert mine == theirs
    assert {path: path.stat().st_mtime_ns for path in caches} == before
