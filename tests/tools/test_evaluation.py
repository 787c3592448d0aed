"""triage.evaluate and load_labelled: figures, ordering of misses, and bad lines."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.tools.helpers import AT, write_jsonl
from triage import Complaint, Engine, RecordError, evaluate, load_labelled


def _complaint(complaint_id: str, text: str) -> Complaint:
    return Complaint.model_validate({"id": complaint_id, "text": text, "received_at": AT})


def test_pairs_are_scored_per_axis(demo_engine: Engine) -> None:
    """(complaint, expected) pairs give accuracy, confusion, within-one and rule counts."""
    report = evaluate(
        demo_engine,
        [
            (_complaint("p1", "我骨折了"), {"severity": "high", "validity": "valid"}),
            (_complaint("p2", "我骨折了"), {"severity": "critical"}),
            (_complaint("p3", "感谢客服"), {"severity": "high", "validity": "invalid"}),
        ],
    )
    assert report.total == 3
    assert report.accuracy["severity"] == pytest.approx(1 / 3)
    assert report.accuracy["validity"] == 1.0
    assert report.score("nature").total == 0
    assert report.severity_within_one == pytest.approx(2 / 3)
    severity = report.score("severity")
    assert severity.labels == ("low", "medium", "high", "critical")
    assert severity.confusion[3] == (0, 0, 1, 0)
    assert severity.confusion[2] == (1, 0, 1, 0)
    assert dict(report.rule_counts)["demo.severity.injury"] == 2
    assert dict(report.rule_counts)["demo.nature.threat"] == 0


def test_worst_misses_come_first(demo_engine: Engine) -> None:
    """Misses are ordered by the number of wrong axes, then by severity distance."""
    report = evaluate(
        demo_engine,
        [
            (_complaint("one", "我骨折了"), {"severity": "critical"}),
            (_complaint("two", "我骨折了"), {"severity": "low", "validity": "invalid"}),
            (_complaint("far", "感谢客服"), {"severity": "critical"}),
        ],
    )
    assert [miss.item.complaint.id for miss in report.misses] == ["two", "far", "one"]
    assert report.misses[0].wrong == ("validity", "severity")
    assert report.misses[0].decision.trace


def test_report_as_data_and_text(demo_engine: Engine) -> None:
    """to_dict is JSON-serialisable with every figure; to_text shows tables and misses."""
    report = evaluate(demo_engine, [(_complaint("t1", "我骨折了"), {"severity": "low"})])
    data = json.loads(json.dumps(report.to_dict(), ensure_ascii=False))
    assert data["severity_exact"] == 0.0
    assert data["misses"][0]["wrong"] == {"severity": {"expected": "low", "decided": "high"}}
    locations = [firing["location"] for firing in data["misses"][0]["trace"]]
    assert any(location.endswith("demo/rules.yaml:2") for location in locations)
    text = report.to_text()
    assert "agreement with the labels" in text
    assert "miss: t1" in text
    assert "demo.severity.injury 人身伤害" in text


def test_load_labelled_names_every_bad_line(tmp_path: Path) -> None:
    """One RecordError lists each bad line with its number and the field at fault."""
    path = write_jsonl(
        tmp_path / "labelled.jsonl",
        [
            {"complaint": {"id": "a", "text": "x", "received_at": AT}, "expected": {}},
            "not json",
            {"complaint": {"id": "b", "text": "x", "received_at": AT}, "expected": {"nature": "x"}},
            {"complaint": {"id": "c", "text": "x", "received_at": AT}, "expected": {"valid": 1}},
        ],
    )
    with pytest.raises(RecordError) as caught:
        load_labelled(path)
    locations = [problem.loc for problem in caught.value.problems]
    assert locations == ["line 2", "line 3", "line 4"]
    assert "expected.nature" in str(caught.value)
    assert "expected.valid" in str(caught.value)


def test_load_labelled_keeps_metadata_keys(tmp_path: Path) -> None:
    """Top-level keys beyond complaint/expected/note are kept as metadata, not errors."""
    path = write_jsonl(
        tmp_path / "labelled.jsonl",
        [
            {
                "complaint": {"id": "a", "text": "x", "received_at": AT},
                "expected": {"validity": "invalid"},
                "sector": "lending",
                "annotator": "A",
            }
        ],
    )
    (line,) = load_labelled(path)
    assert line.expected.validity == "invalid"
    assert line.model_extra == {"sector": "lending", "annotator": "A"}


def test_evaluate_reads_a_path(demo_engine: Engine, tmp_path: Path) -> None:
    """evaluate accepts the path of a labelled file."""
    path = write_jsonl(
        tmp_path / "labelled.jsonl",
        [
            {
                "complaint": {"id": "a", "text": "感谢客服", "received_at": AT},
                "expected": {"validity": "invalid"},
                "note": "praise",
            }
        ],
    )
    report = evaluate(demo_engine, path)
    assert report.total == 1
    assert report.accuracy["validity"] == 1.0
