"""Confidence per axis from a pack's calibration, and review of malicious decisions."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from triage import Engine, RuleError
from triage.records import Axis, Confidence
from triage.rulepack.calibration import Calibration, CalibrationError

AT = "2026-03-01T10:00:00+08:00"


def test_lookup_by_way_of_deciding_and_value() -> None:
    """A rule-set value and a defaulted value read different rates; rare keys read None."""
    calibration = Calibration.from_data(
        {"confidence": {"validity": {"rule:valid": 0.8, "default:valid": 0.6, "*": 0.7}}}
    )
    values = {
        Axis.VALIDITY: "valid",
        Axis.NATURE: "normal",
        Axis.SEVERITY: "low",
        Axis.RESPONSIBILITY: "respondent",
    }
    assert calibration.confidence(values, ()).validity == 0.8
    assert calibration.confidence(values, (Axis.VALIDITY,)).validity == 0.6
    assert calibration.confidence(values, ()).severity is None


@pytest.mark.parametrize(
    "data",
    [
        {},
        {"confidence": {"colour": {"rule:x": 0.5}}},
        {"confidence": {"validity": {"rule:valid": 1.5}}},
        {"confidence": {"validity": {"rule:valid": "high"}}},
    ],
)
def test_bad_tables_are_refused(data: object) -> None:
    """Unknown axes, rates outside 0..1 and non-numbers are errors."""
    with pytest.raises(CalibrationError):
        Calibration.from_data(data)


def test_auto_apply_needs_every_axis() -> None:
    """auto_apply holds only when every axis is calibrated and reaches the threshold."""
    assert Confidence(validity=0.95, nature=0.99, severity=0.91, responsibility=0.9).auto_apply(0.9)
    assert not Confidence(validity=0.95, nature=0.99, severity=None, responsibility=0.9).auto_apply(
        0.5
    )


def test_the_bundled_packs_are_calibrated() -> None:
    """Default decisions carry confidences read from rules/core/calibration.json."""
    with Engine.default() as engine:
        decision = engine.decide(
            {
                "id": "c",
                "text": "网贷平台暴力催收，天天给我父母打电话，要求停止骚扰。",
                "received_at": AT,
            }
        )
    assert decision.confidence.validity is not None
    assert 0.0 < decision.confidence.validity <= 1.0


def test_a_malicious_decision_always_needs_review() -> None:
    """Flagging a complainant as malicious is never automatic."""
    with Engine.default() as engine:
        decision = engine.decide(
            {"id": "m", "text": "给钱我就取消举报，不给就等着查处吧。", "received_at": AT}
        )
    assert decision.nature == "malicious"
    assert decision.needs_review
    assert "malicious_needs_review" in decision.review_reasons


def test_a_bad_calibration_file_is_a_located_pack_error(tmp_path: Path) -> None:
    """calibration.json with a rate above 1 fails loading, naming the file."""
    root = tmp_path / "p"
    root.mkdir()
    (root / "pack.yaml").write_text("name: p\nversion: '1'\n", encoding="utf-8")
    (root / "calibration.json").write_text(
        json.dumps({"confidence": {"severity": {"rule:low": 2}}}), encoding="utf-8"
    )
    with pytest.raises(RuleError, match=r"calibration\.json"):
        Engine.from_paths(root)
