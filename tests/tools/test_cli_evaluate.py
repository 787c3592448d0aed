"""``triage evaluate``: figures against labelled data, always exit 0."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.tools.helpers import AT, DEMO, EXAMPLES, invoke, write_jsonl


def _labelled(text: str, **expected: str) -> dict[str, object]:
    return {
        "complaint": {"id": f"l{len(text)}", "text": text, "received_at": AT},
        "expected": expected,
    }


@pytest.fixture
def labelled_file(tmp_path: Path) -> Path:
    """Three labelled complaints (one miss on nature and severity) and one bad line."""
    return write_jsonl(
        tmp_path / "labelled.jsonl",
        [
            _labelled(
                "我在店里摔倒骨折了，要求赔偿5万元，不赔就找媒体曝光！",
                validity="valid",
                nature="normal",
                severity="medium",
                responsibility="respondent",
            ),
            _labelled("感谢客服小王，表扬一下", validity="invalid", severity="low"),
            {
                "complaint": {"id": "x", "text": "x", "received_at": AT},
                "expected": {"validity": "ok"},
            },
            _labelled("厂家的产品有问题", validity="valid", responsibility="supplier"),
        ],
    )


def test_reports_accuracy_confusion_rules_and_misses(labelled_file: Path) -> None:
    """The text report has the agreement table, confusion matrices, rule counts and misses."""
    result = invoke("evaluate", labelled_file, "--rules", DEMO)
    assert result.exit_code == 0
    out = result.stdout
    assert "agreement with the labels" in out
    assert "severity ±1 level" in out
    assert "nature: expected ↓ decided →" in out
    assert "rules fired most" in out
    assert "miss: l27" in out
    assert "expected normal, decided malicious" in out
    assert f"{labelled_file}:3: invalid LabelledComplaint: expected.validity" in result.stderr
    assert "skipped 1 bad line" in result.stderr


def test_json_report_holds_the_figures(labelled_file: Path) -> None:
    """--format json gives accuracy per axis, within-one agreement and the misses."""
    result = invoke("evaluate", labelled_file, "--rules", DEMO, "--format", "json")
    assert result.exit_code == 0
    report = json.loads(result.stdout)
    assert report["total"] == 3
    assert report["accuracy"] == {
        "validity": 1.0,
        "nature": 0.0,
        "severity": 0.5,
        "responsibility": 1.0,
    }
    assert report["severity_within_one"] == 1.0
    assert [m["complaint_id"] for m in report["misses"]] == ["l27"]
    assert report["rule_counts"]["demo.validity.ground"] == 2


def test_bad_line_fails_the_run_when_asked(labelled_file: Path) -> None:
    """--on-error fail stops at the bad labelled line with exit code 1."""
    result = invoke("evaluate", labelled_file, "--rules", DEMO, "--on-error", "fail")
    assert result.exit_code == 1
    assert f"{labelled_file}:3:" in result.stderr


def test_bundled_labelled_examples_with_the_default_packs() -> None:
    """The bundled labelled file is evaluated with the default packs, all 110 complaints."""
    result = invoke("evaluate", EXAMPLES / "labelled.jsonl", "--format", "json", "--worst", "3")
    assert result.exit_code == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["total"] == 110
    assert set(report["accuracy"]) == {"validity", "nature", "severity", "responsibility"}
    assert len(report["misses"]) <= 3
