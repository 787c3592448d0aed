"""Chinese output: reasons by the packs' labels in run and explain, the notebook HTML."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from tests.tools.helpers import DEMO, EXAMPLES, invoke
from triage import Decision, Engine
from triage.records.display import decision_html
from triage.records.labels import label
from triage.rulepack.labels import pack_labels


def _ex001() -> Decision:
    result = invoke("run", EXAMPLES / "complaints.jsonl", "--format", "jsonl")
    return Decision.model_validate(json.loads(result.stdout.splitlines()[0]))


def test_run_lang_zh_shows_chinese_reasons() -> None:
    """triage run --lang zh shows each top reason by its Chinese label, whole, on its own line."""
    with Engine.default() as engine:
        labels = pack_labels(engine.ruleset.packs)
    decision = _ex001()
    result = invoke("run", EXAMPLES / "complaints.jsonl", "--lang", "zh")
    assert result.exit_code == 0, result.stderr
    first = decision.reasons.validity[0]
    assert first in labels
    lines = result.stdout.splitlines()
    assert any(f"│ {labels[first]} " in line for line in lines)
    assert first not in result.stdout
    assert "需复核" in result.stdout
    assert label(decision.validity.value, "zh") in result.stdout


def test_run_lang_en_shows_codes() -> None:
    """triage run --lang en shows the English values and the reason codes."""
    decision = _ex001()
    result = invoke("run", EXAMPLES / "complaints.jsonl", "--lang", "en")
    assert result.exit_code == 0, result.stderr
    assert f"│ {decision.reasons.validity[0]} " in result.stdout
    assert "review: yes = " in result.stdout


def test_run_table_never_cuts_a_reason() -> None:
    """Every reason label shown in the Chinese table appears whole within one line."""
    with Engine.default() as engine:
        labels = pack_labels(engine.ruleset.packs)
    result = invoke("run", EXAMPLES / "complaints.jsonl")
    shown = [
        line.split("│")[-2].strip()
        for line in result.stdout.splitlines()
        if line.count("│") == 8 and line.split("│")[-2].strip()
    ]
    assert shown
    axes = ("validity", "severity", "responsibility")
    fixed = ("malicious_needs_review", *(f"unresolved_{axis}" for axis in axes))
    allowed = {*labels.values(), *(label(code, "zh") for code in fixed)}
    assert set(shown) <= allowed, set(shown) - allowed


def test_explain_lang_zh_is_chinese_by_default() -> None:
    """triage explain without --lang shows Chinese headings, values and reason labels."""
    result = invoke("explain", EXAMPLES / "complaints.jsonl", "ex-001")
    assert result.exit_code == 0, result.stderr
    assert "投诉 ex-001" in result.stdout
    assert "有效性" in result.stdout
    assert "设为" in result.stdout


def test_decision_html_in_chinese_without_an_engine() -> None:
    """A decision renders in Chinese on its own, reasons by the titles of its rules."""
    decision = _ex001()
    html = decision_html(decision, lang="zh")
    axis_table = html.split("<table>")[1]
    code = decision.reasons.validity[0]
    firing = next(f for f in decision.trace if any(e.reason == code for e in f.effects))
    assert "有效性" in axis_table
    assert firing.title in axis_table
    assert code not in axis_table


def test_lint_flags_a_reason_without_a_chinese_label(tmp_path: Path) -> None:
    """triage lint warns about a reason code no pack labels, at the rule giving it."""
    pack = tmp_path / "demo"
    shutil.copytree(DEMO, pack)
    manifest = pack / "pack.yaml"
    text = manifest.read_text(encoding="utf-8")
    assert "  money: 涉及金额较大\n" in text
    manifest.write_text(text.replace("  money: 涉及金额较大\n", ""), encoding="utf-8")
    result = invoke("lint", pack, "--format", "json")
    findings = json.loads(result.stdout)["findings"]
    assert result.exit_code == 1
    assert [(f["code"], f["rule_id"]) for f in findings] == [
        ("unlabelled-reason", "demo.severity.money")
    ]


def test_explain_shows_each_reason_whole() -> None:
    """triage explain in Chinese shows every reason of the decision by its whole label."""
    with Engine.default() as engine:
        labels = pack_labels(engine.ruleset.packs)
    result = invoke("explain", EXAMPLES / "complaints.jsonl", "ex-008")
    decision = Decision.model_validate(
        json.loads(
            invoke("explain", EXAMPLES / "complaints.jsonl", "ex-008", "--format", "json").stdout
        )
    )
    reasons = decision.reasons
    codes = [*reasons.validity, *reasons.nature, *reasons.severity, *reasons.responsibility]
    assert codes
    for code in codes:
        assert labels[code] in result.stdout, code
