"""Agreement figures: Cohen's kappa, and evaluation against two annotators."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.tools.helpers import AT, write_jsonl
from triage import Engine, evaluate
from triage.tools.agreement import agreement, cohen_kappa


def test_kappa_of_a_textbook_table() -> None:
    """20 yes/yes, 5 yes/no, 10 no/yes and 15 no/no give kappa 0.4."""
    pairs = [("y", "y")] * 20 + [("y", "n")] * 5 + [("n", "y")] * 10 + [("n", "n")] * 15
    assert cohen_kappa(pairs) == pytest.approx(0.4)
    figures = agreement(pairs)
    assert (figures.total, figures.agreed) == (50, 35)
    assert figures.accuracy == pytest.approx(0.7)


def test_a_constant_answer_earns_no_kappa() -> None:
    """Always answering the majority label scores high accuracy and zero kappa."""
    pairs = [("valid", "valid")] * 9 + [("invalid", "valid")]
    assert agreement(pairs).accuracy == pytest.approx(0.9)
    assert cohen_kappa(pairs) == pytest.approx(0.0)


def test_kappa_edge_cases() -> None:
    """No pairs give 0; one shared label everywhere gives 1; total disagreement is negative."""
    assert cohen_kappa([]) == 0.0
    assert cohen_kappa([("a", "a")] * 3) == 1.0
    assert cohen_kappa([("a", "b"), ("b", "a")]) == pytest.approx(-1.0)


def test_evaluation_against_two_annotators(demo_engine: Engine, tmp_path: Path) -> None:
    """Annotations give engine-vs-annotator and annotator-vs-annotator figures, per source."""
    lines = [
        {
            "complaint": {"id": "a1", "text": "我骨折了", "received_at": AT},
            "expected": {"severity": "high", "validity": "valid"},
            "annotations": {
                "a": {"severity": "high", "validity": "valid"},
                "b": {"severity": "critical", "validity": "valid"},
            },
            "source": "forum",
        },
        {
            "complaint": {"id": "a2", "text": "感谢客服", "received_at": AT},
            "expected": {"severity": "low", "validity": "invalid"},
            "annotations": {
                "a": {"severity": "low", "validity": "invalid"},
                "b": {"severity": "low", "validity": "invalid"},
            },
            "source": {"name": "board", "repo": "x/y"},
        },
    ]
    path = tmp_path / "labelled.jsonl"
    write_jsonl(path, lines)
    report = evaluate(demo_engine, path)
    severity = next(entry for entry in report.annotators if entry.axis == "severity")
    engine = dict(severity.engine)
    assert engine["a"].accuracy == 1.0
    assert engine["b"].accuracy == pytest.approx(0.5)
    assert severity.between is not None
    assert severity.between.accuracy == pytest.approx(0.5)
    assert dict(severity.severity_within_one) == {"a": 1.0, "b": 1.0}
    assert report.invalid_recall == 1.0
    assert [name for name, _, _ in report.by_source] == ["board", "forum"]
    data = report.to_dict()
    assert data["annotators"]["severity"]["between"]["accuracy"] == 0.5
    assert data["kappa"]["validity"] == 1.0
    assert "annotators" in report.to_text()
