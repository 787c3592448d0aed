"""Measure the bundled packs' confidence per axis on the dev split and ship it.

    python eval/calibrate.py

For each axis, each way of deciding it (``rule`` or ``default``) and each value decided,
the share of dev-split complaints whose decision matched the adjudicated label, smoothed
by one agreement and one miss ((k + 1) / (n + 2)). Keys seen fewer than ``MIN_COUNT``
times are left out: decisions reached that way get no confidence and are never
auto-applied. ``*`` is each axis's overall rate, for information. The result is
``rules/core/calibration.json``; never measure it on the test split.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from triage import Engine
from triage.tools.evaluation import load_labelled
from triage.tools.rows import axis_values

HERE = Path(__file__).parent
TARGET = HERE.parent / "rules" / "core" / "calibration.json"
AXES = ("validity", "nature", "severity", "responsibility")
MIN_COUNT = 10


def main() -> None:
    """Measure the confidence table on the dev split, write it to rules/core/calibration.json
    and print it."""
    items = load_labelled(HERE / "dev.jsonl")
    counted: Counter[tuple[str, str, bool]] = Counter()
    with Engine.default() as engine:
        for item in items:
            decision = engine.decide(item.complaint)
            decided, expected = axis_values(decision), item.expected.values()
            for axis in AXES:
                if axis not in expected:
                    continue
                how = "default" if axis in decision.defaults else "rule"
                right = decided[axis] == expected[axis]
                counted[(axis, f"{how}:{decided[axis]}", right)] += 1
                counted[(axis, "*", right)] += 1
    table: dict[str, dict[str, float]] = {}
    for axis in AXES:
        keys = sorted({key for a, key, _ in counted if a == axis})
        rates = {}
        for key in keys:
            right, wrong = counted[(axis, key, True)], counted[(axis, key, False)]
            if right + wrong >= MIN_COUNT:
                rates[key] = round((right + 1) / (right + wrong + 2), 3)
        table[axis] = rates
    document = {
        "measured_on": "eval/dev.jsonl",
        "complaints": len(items),
        "method": "(agreements + 1) / (decisions + 2) per axis, way of deciding and value",
        "confidence": table,
    }
    TARGET.write_text(json.dumps(document, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(table, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
