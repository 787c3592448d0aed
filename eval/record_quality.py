"""Record the engine's agreement on the frozen test split, which CI guards.

    python eval/record_quality.py

Writes ``quality.json``: per axis, the engine's accuracy and Cohen's kappa against the
adjudicated labels of ``test.jsonl``, beside the two annotators' agreement with each other;
and nature's precision and recall on the published malicious cases (``malicious/test.jsonl``).
``tests/test_decision_quality.py`` fails when a change lowers an axis's kappa (nature: its
accuracy) by more than ``MARGIN``. Run it after an improvement, never to accept a drop.
Only the aggregate figures are read: nobody looks at individual test misses.
"""

from __future__ import annotations

import json
from pathlib import Path

from triage import Engine, evaluate

HERE = Path(__file__).parent


def measure() -> dict[str, object]:
    """The figures of the default engine on the test split."""
    with Engine.default() as engine:
        report = evaluate(engine, HERE / "test.jsonl")
    axes: dict[str, dict[str, float | None]] = {}
    for score in report.scores:
        between = next(
            (entry.between for entry in report.annotators if entry.axis == score.axis), None
        )
        axes[score.axis] = {
            "accuracy": round(score.accuracy, 4),
            "kappa": round(score.kappa, 4),
            "annotators_accuracy": round(between.accuracy, 4) if between else None,
            "annotators_kappa": round(between.kappa, 4) if between else None,
        }
    with Engine.default() as engine:
        cases = evaluate(engine, HERE / "malicious" / "test.jsonl")
    return {
        "malicious_cases": {
            "split": "malicious/test.jsonl",
            "complaints": cases.total,
            "precision": round(cases.malicious_precision or 0.0, 4),
            "recall": round(cases.malicious_recall or 0.0, 4),
        },
        "split": "test.jsonl",
        "complaints": report.total,
        "axes": axes,
        "severity_within_one": round(report.severity_within_one, 4),
        "invalid_recall": round(report.invalid_recall or 0.0, 4),
        "malicious_rate": round(report.malicious_rate, 4),
    }


def main() -> None:
    """Measure the figures on the test split, write them to quality.json and print them."""
    figures = measure()
    (HERE / "quality.json").write_text(
        json.dumps(figures, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    print(json.dumps(figures, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
