"""``triage diff``: two rule sets over the same complaints."""

from __future__ import annotations

import json
from pathlib import Path

from tests.tools.helpers import DEMO, EXAMPLES, invoke


def test_a_parameter_change_is_traced_to_its_rule(complaints_file: Path) -> None:
    """Raising the money threshold changes a3's severity, caused by demo.severity.money."""
    result = invoke(
        "diff", complaints_file, "--old", DEMO, "--new", DEMO, "--new-param", "big=100000"
    )
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert "severity: medium → low" in out
    assert "-demo.severity.money" in out
    assert "1 of 3 decisions change" in out


def test_json_output_and_exit_code(complaints_file: Path) -> None:
    """--format json lists the changes and counts; --exit-code makes a change exit 1."""
    result = invoke(
        "diff",
        complaints_file,
        "--old",
        DEMO,
        "--new",
        DEMO,
        "--new-param",
        "big=100000",
        "--format",
        "json",
        "--exit-code",
    )
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert report["total"] == 3
    assert report["changed"] == 1
    assert report["changes"] == [
        {
            "complaint_id": "a3",
            "changes": [
                {"axis": "severity", "before": "medium", "after": "low"},
                {"axis": "needs_review", "before": "no", "after": "yes"},
            ],
            "rules_gone": ["demo.severity.money"],
            "rules_new": [],
            "rules_changed": [],
        }
    ]
    assert report["summary"] == [
        {"axis": "severity", "before": "medium", "after": "low", "count": 1},
        {"axis": "needs_review", "before": "no", "after": "yes", "count": 1},
    ]


def test_same_rules_change_nothing(complaints_file: Path) -> None:
    """The same rules on both sides change no decision, and --exit-code then exits 0."""
    result = invoke("diff", complaints_file, "--old", DEMO, "--new", DEMO, "--exit-code")
    assert result.exit_code == 0
    assert "0 of 3 decisions change" in result.stdout


def test_new_rules_from_one_yaml_file(complaints_file: Path, tmp_path: Path) -> None:
    """A whole pack in one file as --new: its new rule shows as +rule on every change."""
    whatif = tmp_path / "whatif.yaml"
    whatif.write_text(
        "name: whatif\n"
        "rules:\n"
        "  - id: whatif.responsibility.customer\n"
        "    title: 一律由顾客负责\n"
        "    axis: responsibility\n"
        "    source: test\n"
        "    when: {text_length: {'>': 0}}\n"
        "    then: {set: customer, reason: always}\n",
        encoding="utf-8",
    )
    result = invoke("diff", complaints_file, "--old", DEMO, "--new", whatif, "--format", "json")
    report = json.loads(result.stdout)
    assert report["changed"] == 3
    assert all("whatif.responsibility.customer" in c["rules_new"] for c in report["changes"])


def test_bad_rules_on_one_side_exit_with_three(complaints_file: Path, tmp_path: Path) -> None:
    """A broken --new rule file stops the diff with its location and exit code 3."""
    whatif = tmp_path / "whatif.yaml"
    whatif.write_text("name: whatif\nrules:\n  - id: [unclosed\n", encoding="utf-8")
    result = invoke("diff", complaints_file, "--old", DEMO, "--new", whatif)
    assert result.exit_code == 3
    assert result.stderr.startswith(f"{whatif}:")
    assert "[syntax]" in result.stderr


def test_bundled_examples_with_a_lower_threshold() -> None:
    """Lowering money_high in the default packs raises some bundled complaints' severity."""
    result = invoke(
        "diff", EXAMPLES / "complaints.jsonl", "--new-param", "money_high=5000", "--format", "json"
    )
    assert result.exit_code == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["total"] == 110
    assert report["changed"] > 0
    assert {t["axis"] for t in report["summary"]} >= {"severity"}
