"""Malformed rule sets give the documented error, located at file:line:column."""

from __future__ import annotations

from pathlib import Path

import pytest

from triage.errors import (
    CycleError,
    DuplicateRuleError,
    FactTypeError,
    LexiconError,
    PackError,
    RuleError,
    RuleErrors,
    RuleSyntaxError,
    UnknownFactError,
    UnknownOperatorError,
)
from triage.rulepack.loader import load_packs, load_text

HEAD = "name: bad\nrules:\n"
RULE = """  - id: bad.rule.one
    title: 一条规则
    axis: severity
    source: test
    when: {WHEN}
    then: {THEN}
"""


def _rule(when: str = "{mentions: injury}", then: str = "{set: high, reason: injury}") -> str:
    return RULE.replace("{WHEN}", when).replace("{THEN}", then)


LEXICONS = {"injury": ["受伤"], "leverage": ["曝光"]}

CASES = [
    # (case id, text, error class, line, fragment of the message)
    ("invalid-yaml", HEAD + "  - id: [unclosed\n", RuleSyntaxError, 4, "invalid YAML"),
    (
        "unknown-fact",
        HEAD + _rule(when="{amout: {'>': 5}}"),
        UnknownFactError,
        7,
        "did you mean 'amount",
    ),
    (
        "unknown-operator",
        HEAD + _rule(when="{amount_paid: {'=>': 5}}"),
        UnknownOperatorError,
        7,
        "'=>'",
    ),
    (
        "wrong-type",
        HEAD + _rule(when="{amount_paid: {'>': high}}"),
        FactTypeError,
        7,
        "compared with 'high'",
    ),
    (
        "order-on-text",
        HEAD + _rule(when="{sector: {'<': food}}"),
        FactTypeError,
        7,
        "'<' does not apply",
    ),
    (
        "bad-closed-value",
        HEAD + _rule(when="{channel: hotlin}"),
        FactTypeError,
        7,
        "did you mean 'hotline'",
    ),
    (
        "unknown-lexicon",
        HEAD + _rule(when="{mentions: injurie}"),
        LexiconError,
        7,
        "did you mean 'injury'",
    ),
    (
        "unknown-axis",
        HEAD + _rule().replace("axis: severity", "axis: sevrity"),
        RuleSyntaxError,
        5,
        "did you mean 'severity'",
    ),
    (
        "bad-set-value",
        HEAD + _rule(then="{set: huge, reason: x}"),
        RuleSyntaxError,
        8,
        "'huge' is not a severity value",
    ),
    ("missing-reason", HEAD + _rule(then="{set: high}"), RuleSyntaxError, 8, "needs a 'reason'"),
    ("duplicate-id", HEAD + _rule() + _rule(), DuplicateRuleError, 9, "already used"),
    (
        "bad-id",
        HEAD + _rule().replace("bad.rule.one", "Bad Rule"),
        RuleSyntaxError,
        3,
        "rule id must be",
    ),
    (
        "unknown-key",
        HEAD + _rule() + "    prority: 5\n",
        RuleSyntaxError,
        9,
        "did you mean 'priority'",
    ),
    (
        "missing-source",
        HEAD + _rule().replace("    source: test\n", ""),
        RuleSyntaxError,
        3,
        "'source'",
    ),
    (
        "unknown-action",
        HEAD + _rule(then="{actions: [refnd]}"),
        RuleSyntaxError,
        8,
        "did you mean 'refund'",
    ),
    (
        "unknown-parameter",
        HEAD + _rule(when="{amount_paid: {'>': {param: nope}}}"),
        RuleSyntaxError,
        7,
        "unknown parameter",
    ),
    (
        "code-in-yaml",
        HEAD + _rule(when="!!python/object/apply:os.system ['true']"),
        RuleSyntaxError,
        7,
        "cannot be read",
    ),
    (
        "duplicate-key",
        HEAD + _rule().replace("    source: test\n", "    source: a\n    source: b\n"),
        RuleSyntaxError,
        7,
        "appears twice",
    ),
    (
        "derive-wrong-axis",
        HEAD + _rule(then="{derive: {big: true}}"),
        RuleSyntaxError,
        8,
        "only for rules with axis: derive",
    ),
    (
        "not-a-mapping",
        "name: bad\nrules:\n  - just text\n",
        RuleSyntaxError,
        3,
        "a rule must be a mapping",
    ),
    ("empty-condition", HEAD + _rule(when="{}"), RuleSyntaxError, 7, "non-empty mapping"),
]


@pytest.mark.parametrize(
    ("text", "kind", "line", "fragment"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_bad_rule_text_gives_a_located_error(
    text: str, kind: type[RuleError], line: int, fragment: str
) -> None:
    """Each malformed rule set raises the documented error class at the right line."""
    with pytest.raises(kind) as caught:
        load_text(text, lexicons=LEXICONS, file="bad.yaml")
    error = caught.value
    assert error.line == line, str(error)
    assert fragment in str(error)
    assert str(error).startswith(f"bad.yaml:{line}:")
    assert f"[{kind.code}]" in str(error)


def test_all_problems_of_a_file_are_reported_at_once() -> None:
    """Several mistakes in one text come back together, each with its own location."""
    text = HEAD + _rule(when="{amout: 1}") + _rule(when="{mentions: nope}").replace(".one", ".two")
    with pytest.raises(RuleErrors) as caught:
        load_text(text, lexicons=LEXICONS, file="bad.yaml")
    codes = [error.code for error in caught.value.errors]
    assert codes == ["unknown-fact", "lexicon"]
    assert "bad.yaml:7:" in str(caught.value)
    assert "bad.yaml:13:" in str(caught.value)


def test_derived_fact_cycle_is_refused() -> None:
    """Derive rules that feed each other are refused at load time."""
    rule = "  - {{id: bad.derive.{0}, title: {0}, axis: derive, source: t, when: {{{1}: true}}, "
    rule += "then: {{derive: {{{0}: true}}}}}}\n"
    text = HEAD + rule.format("a", "b") + rule.format("b", "a")
    with pytest.raises(CycleError, match="depend on themselves"):
        load_text(text, file="bad.yaml")


def _pack(
    root: Path, name: str, manifest: str, rules: str = "", lexicons: dict[str, str] | None = None
) -> Path:
    folder = root / name
    (folder / "lexicons").mkdir(parents=True)
    (folder / "pack.yaml").write_text(manifest, encoding="utf-8")
    if rules:
        (folder / "rules.yaml").write_text(rules, encoding="utf-8")
    for lexicon, body in (lexicons or {}).items():
        (folder / "lexicons" / f"{lexicon}.txt").write_text(body, encoding="utf-8")
    return folder


def test_lexicon_file_errors_name_the_line(tmp_path: Path) -> None:
    """A lexicon term with a space is reported at its file and line."""
    folder = _pack(tmp_path, "p", "name: p\n", lexicons={"injury": "# comment\n受伤\n骨 折\n"})
    with pytest.raises(LexiconError) as caught:
        load_packs(folder)
    assert caught.value.line == 3
    assert str(caught.value).endswith(
        "(one term per line; terms are single words or phrases without spaces)"
    )
    assert "injury.txt:3:1:" in str(caught.value)


def test_missing_parent_pack_is_reported(tmp_path: Path) -> None:
    """A pack extending an unknown pack names it."""
    folder = _pack(tmp_path, "child", "name: child\nextends: [nowhere]\n")
    with pytest.raises(PackError, match="extends 'nowhere'"):
        load_packs(folder)


def test_not_a_pack_folder(tmp_path: Path) -> None:
    """A folder without pack.yaml is refused with a hint."""
    with pytest.raises(PackError, match="not a rule pack"):
        load_packs(tmp_path)


def test_rule_file_errors_carry_the_file_path(tmp_path: Path) -> None:
    """Errors in a pack's rule file start with that file's path and line."""
    folder = _pack(
        tmp_path,
        "p",
        "name: p\n",
        rules=HEAD.replace("name: bad\n", "") + _rule(when="{amout: 1}"),
        lexicons={"injury": "受伤\n"},
    )
    with pytest.raises(UnknownFactError) as caught:
        load_packs(folder)
    assert caught.value.file is not None
    assert caught.value.file.endswith("rules.yaml")
    assert caught.value.line == 6
    assert caught.value.rule_id == "bad.rule.one"
