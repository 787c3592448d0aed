"""The decide benchmark reads the inputs its docstring promises (it times nothing here)."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType

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
