"""``triage explain``: one decision in full, from a file or from text."""

from __future__ import annotations

import json
import re
from pathlib import Path

from tests.tools.helpers import DEMO, EXAMPLES, invoke
from triage import Decision


def test_explains_a_complaint_from_a_file(complaints_file: Path) -> None:
    """The explanation shows the axes, each firing with file:line and facts, and marked text."""
    result = invoke("explain", complaints_file, "a1", "--rules", DEMO, "--lang", "en")
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert "complaint a1" in out
    assert "malicious" in out
    assert "demo/rules.yaml:2" in out
    assert "demo.severity.injury 人身伤害" in out
    assert "facts:  mentions=[injury, shop]" in out
    assert "source: 《消费者权益保护法》第四十九条" in out
    assert "我在【店里】摔倒【骨折】了" in out


def test_explains_text_given_on_the_command_line() -> None:
    """--text with --received-at decides that text; --format json gives the Decision."""
    result = invoke(
        "explain",
        "--text",
        "感谢客服小王，表扬一下",
        "--received-at",
        "2026-03-01T10:00:00+08:00",
        "--rules",
        DEMO,
        "--format",
        "json",
    )
    assert result.exit_code == 0, result.stderr
    decision = Decision.model_validate(json.loads(result.stdout))
    assert decision.validity == "invalid"
    assert [f.rule_id for f in decision.trace] == ["demo.validity.praise"]


def test_unknown_id_exits_with_one(complaints_file: Path) -> None:
    """An id that is not in the file is reported with exit code 1."""
    result = invoke("explain", complaints_file, "zz", "--rules", DEMO)
    assert result.exit_code == 1
    assert "no complaint with id 'zz'" in result.stderr


def test_a_file_of_several_complaints_needs_an_id(complaints_file: Path) -> None:
    """Without an ID, a file of three complaints is a usage error."""
    result = invoke("explain", complaints_file, "--rules", DEMO)
    assert result.exit_code == 2
    assert "holds 3 complaints" in result.stderr


def test_file_or_text_but_not_both_nor_neither(complaints_file: Path) -> None:
    """Giving neither a file nor --text, or both, is a usage error."""
    assert invoke("explain", "--rules", DEMO).exit_code == 2
    assert invoke("explain", complaints_file, "a1", "--text", "x", "--rules", DEMO).exit_code == 2


def test_invalid_received_at_is_a_usage_error() -> None:
    """A naive --received-at is refused with the field named."""
    result = invoke("explain", "--text", "x", "--received-at", "2026-03-01T10:00", "--rules", DEMO)
    assert result.exit_code == 2
    assert "received_at" in result.stderr


def test_bad_lines_before_the_complaint_are_reported(bad_complaints_file: Path) -> None:
    """Bad lines met while looking for the complaint are reported on stderr."""
    result = invoke("explain", bad_complaints_file, "a3", "--rules", DEMO, "--lang", "en")
    assert result.exit_code == 0
    assert "complaint a3" in result.stdout
    assert f"{bad_complaints_file}:3:" in result.stderr


def test_explains_a_bundled_example_with_the_default_packs() -> None:
    """A bundled example is explained with the default packs, rules located as core/FILE:LINE."""
    result = invoke("explain", EXAMPLES / "complaints.jsonl", "ex-003", "--lang", "en")
    assert result.exit_code == 0, result.stderr
    assert "complaint ex-003" in result.stdout
    assert re.search(r"(?<![/\w])core/\w+\.yaml:\d+", result.stdout)
