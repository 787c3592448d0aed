"""``triage lint``: findings with code, location and hint; exit 1 on errors and warnings."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.tools.helpers import DEMO, invoke, write_jsonl

BAD_RULES = """\
rules:
  - id: bad.severity.contradiction
    title: 金额矛盾
    axis: severity
    source: 消法 第55条
    when: {all: [{amount_paid: {'>': 5}}, {amount_paid: {'<': 3}}]}
    then: {set: high, reason: contradiction}
  - id: bad.responsibility.shop
    title: 商家负责
    axis: responsibility
    source: 消法 第40条
    priority: 10
    when: {mentions: shop}
    then: {set: respondent, reason: seller_first}
  - id: bad.responsibility.maker
    title: 厂家负责
    axis: responsibility
    source: TODO
    priority: 5
    when: {all: [{mentions: shop}, {mentions: maker}]}
    then: {set: supplier, reason: producer}
  - id: bad.responsibility.maker_again
    title: 厂家负责（重复）
    axis: responsibility
    source: 产品质量法 第41条
    priority: 1
    when: {all: [{mentions: maker}, {mentions: shop}, {mentions: maker}]}
    then: {set: supplier, reason: producer}
"""


@pytest.fixture
def bad_pack(tmp_path: Path) -> Path:
    """A pack with a contradiction, a shadowed rule, a duplicate and a placeholder source."""
    pack = tmp_path / "bad"
    (pack / "lexicons").mkdir(parents=True)
    (pack / "pack.yaml").write_text("name: bad\n", encoding="utf-8")
    (pack / "rules.yaml").write_text(BAD_RULES, encoding="utf-8")
    (pack / "lexicons" / "shop.txt").write_text("店里\n", encoding="utf-8")
    (pack / "lexicons" / "maker.txt").write_text("厂家\n", encoding="utf-8")
    (pack / "lexicons" / "unused.txt").write_text("无关\n", encoding="utf-8")
    return pack


def test_clean_pack_passes() -> None:
    """The demo pack has no error or warning: exit code 0."""
    result = invoke("lint", DEMO)
    assert result.exit_code == 0, result.stdout
    assert "0 error, 0 warning" in result.stdout


def test_findings_have_codes_locations_and_hints(bad_pack: Path) -> None:
    """Each kind of problem is found at its rule's file and line, with a hint; exit 1."""
    result = invoke("lint", bad_pack, "--format", "json", "--min-level", "info")
    assert result.exit_code == 1
    findings = json.loads(result.stdout)["findings"]
    found = {(f["code"], f["rule_id"]) for f in findings}
    assert ("never-fires", "bad.severity.contradiction") in found
    assert ("shadowed", "bad.responsibility.maker") in found
    assert ("duplicate-condition", "bad.responsibility.maker_again") in found
    assert ("repeated-test", "bad.responsibility.maker_again") in found
    assert ("no-source", "bad.responsibility.maker") in found
    assert ("untested", "bad.responsibility.shop") in found
    assert ("unused-lexicon", None) in found
    never = next(f for f in findings if f["code"] == "never-fires")
    assert never["location"] == f"{bad_pack / 'rules.yaml'}:2"
    assert never["level"] == "error"
    assert "amount_paid < 3 and amount_paid > 5" in never["message"]
    assert all(f["hint"] for f in findings)
    assert "lint failed" in result.stderr


def test_text_listing_and_min_level(bad_pack: Path) -> None:
    """The listing reads file:line: level [code] rule: message; info is listed on request."""
    default = invoke("lint", bad_pack)
    everything = invoke("lint", bad_pack, "--min-level", "info")
    assert default.exit_code == everything.exit_code == 1
    location = f"{bad_pack / 'rules.yaml'}:2: error [never-fires] bad.severity.contradiction:"
    assert location in default.stdout
    assert "hint:" in default.stdout
    assert "unused-lexicon" not in default.stdout
    assert "below warning not shown" in default.stdout
    assert "unused-lexicon" in everything.stdout


def test_examples_count_for_the_term_check(bad_pack: Path, tmp_path: Path) -> None:
    """Terms no case matched are info; an --examples text that uses them clears them."""

    def unused_terms(*args: str | Path) -> set[str]:
        result = invoke("lint", bad_pack, "--format", "json", "--min-level", "info", *args)
        return {
            f["message"]
            for f in json.loads(result.stdout)["findings"]
            if f["code"] == "unused-term"
        }

    examples = write_jsonl(
        tmp_path / "examples.jsonl",
        [
            {
                "id": "e1",
                "text": "我在店里买的，厂家不管",
                "received_at": "2026-03-01T10:00:00+08:00",
            }
        ],
    )
    alone = unused_terms()
    with_examples = unused_terms("--examples", examples)
    assert any("'店里'" in message for message in alone)
    assert any("'厂家'" in message for message in alone)
    assert not any("'店里'" in message or "'厂家'" in message for message in with_examples)
    assert any("'无关'" in message for message in with_examples)


def test_bundled_packs_are_linted() -> None:
    """The default packs lint without crashing: a listing and a count line, exit 0 or 1."""
    result = invoke("lint", "--min-level", "error")
    assert result.exit_code in (0, 1), result.stderr
    assert "findings:" in result.stdout


PATTERN_RULES = """\
rules:
  - id: demo.severity.spoiled_eaten
    title: 变质食品已吃
    axis: severity
    source: 食品安全法 第三十四条
    when: {mentions: spoiled_eaten}
    then: {set: high, reason: spoiled_eaten}
"""

PATTERNS = """\
patterns:
  - id: demo.pattern.spoiled_then_eaten
    lexicon: spoiled_eaten
    groups: [['@spoiled'], ['@ate']]
    examples: {match: [饭馊了我吃了], miss: [饭馊了没吃]}
  - id: demo.pattern.orphan
    lexicon: nobody_reads
    groups: [['@orphan'], ['@ate']]
    examples: {match: [发霉了我吃了], miss: [发霉了没吃]}
"""


def test_lexicons_a_read_pattern_draws_on_are_read(tmp_path: Path) -> None:
    """A lexicon named in the groups of a pattern whose lexicon a rule reads is in use, and so
    are the actor lexicons the analyser reads; one drawn on only for an unread lexicon is not."""
    pack = tmp_path / "demo"
    (pack / "lexicons").mkdir(parents=True)
    (pack / "patterns").mkdir()
    (pack / "pack.yaml").write_text("name: demo\n", encoding="utf-8")
    (pack / "rules.yaml").write_text(PATTERN_RULES, encoding="utf-8")
    (pack / "patterns" / "eaten.yaml").write_text(PATTERNS, encoding="utf-8")
    for name, term in [
        ("spoiled_eaten", "馊了吃"),
        ("spoiled", "馊了"),
        ("ate", "吃了"),
        ("orphan", "发霉"),
        ("nobody_reads", "霉吃"),
        ("actor_third_party", "快递员"),
    ]:
        (pack / "lexicons" / f"{name}.txt").write_text(term + "\n", encoding="utf-8")
    result = invoke("lint", pack, "--format", "json", "--min-level", "info")
    unused = {
        Path(f["file"]).stem
        for f in json.loads(result.stdout)["findings"]
        if f["code"] == "unused-lexicon"
    }
    assert unused == {"orphan", "nobody_reads"}
