"""Decision quality is guarded like correctness: agreement on the frozen real-text test split.

``eval/quality.json`` records the engine's figures on ``eval/test.jsonl`` (real complaints,
two independent annotators, adjudicated); a change that lowers them by more than MARGIN
fails here. Raise the record with ``python eval/record_quality.py`` after an improvement.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from triage import Engine, EvaluationReport, evaluate

EVAL = Path(__file__).resolve().parents[1] / "eval"
MARGIN = 0.02
"""How far an axis may fall below its record before the suite fails (noise of rule edits)."""


@pytest.fixture(scope="module")
def recorded() -> dict[str, dict[str, float]]:
    """The recorded figures per axis."""
    figures = json.loads((EVAL / "quality.json").read_text(encoding="utf-8"))
    return dict(figures["axes"])


@pytest.fixture(scope="module")
def report() -> Iterator[EvaluationReport]:
    """The default engine evaluated on the frozen test split."""
    with Engine.default() as engine:
        yield evaluate(engine, EVAL / "test.jsonl")


def test_the_test_split_is_real_and_annotated(report: EvaluationReport) -> None:
    """The split holds hundreds of complaints, each with two annotators' labels."""
    assert report.total >= 300
    assert {entry.axis for entry in report.annotators} == {
        "validity",
        "nature",
        "severity",
        "responsibility",
    }


@pytest.mark.parametrize("axis", ["validity", "severity", "responsibility"])
def test_kappa_does_not_fall(
    report: EvaluationReport, recorded: dict[str, dict[str, float]], axis: str
) -> None:
    """Cohen's kappa on the axis stays within MARGIN of its record."""
    assert report.kappa[axis] >= recorded[axis]["kappa"] - MARGIN, (
        f"{axis}: kappa {report.kappa[axis]:.3f} < recorded {recorded[axis]['kappa']:.3f}"
    )


def test_nature_accuracy_does_not_fall(
    report: EvaluationReport, recorded: dict[str, dict[str, float]]
) -> None:
    """Nature is almost always normal on real traffic: its accuracy is guarded, not kappa."""
    assert report.accuracy["nature"] >= recorded["nature"]["accuracy"] - MARGIN


def test_malicious_cases_precision_and_recall_do_not_fall() -> None:
    """On the frozen split of published malicious and aggressive-but-lawful cases, nature's
    precision and recall stay within MARGIN of their records."""
    figures = json.loads((EVAL / "quality.json").read_text(encoding="utf-8"))["malicious_cases"]
    with Engine.default() as engine:
        cases = evaluate(engine, EVAL / "malicious" / "test.jsonl")
    assert (cases.malicious_precision or 0.0) >= figures["precision"] - MARGIN
    assert (cases.malicious_recall or 0.0) >= figures["recall"] - MARGIN
