"""The rule reference page is the one the rule format writes."""

from __future__ import annotations

import os
from pathlib import Path

from triage.rulepack.format import OPERATORS, RULE_KEYS, THEN_KEYS
from triage.tools.reference import rule_reference

PAGE = Path(__file__).resolve().parents[2] / "docs" / "rule-reference.md"


def test_rule_reference_is_current() -> None:
    """docs/rule-reference.md equals rule_reference() (TRIAGE_REGENERATE=1 rewrites it)."""
    generated = rule_reference() + "\n"
    if os.environ.get("TRIAGE_REGENERATE") == "1":
        PAGE.write_text(generated, encoding="utf-8")
    assert PAGE.read_text(encoding="utf-8") == generated, f"{PAGE} is stale"


def test_rule_reference_names_every_key_and_operator() -> None:
    """Every rule key, effect key and operator of the format is on the page."""
    page = rule_reference()
    for key in (*RULE_KEYS, *THEN_KEYS, *OPERATORS):
        assert f"| `{key}` |" in page, key
