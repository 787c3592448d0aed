"""The rule format is defined once: parser, JSON Schema, rows and docs agree on it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from triage.errors import RuleError
from triage.records.decision import Axis, Nature, Party, Severity, Validity
from triage.records.labels import label
from triage.resolution.resolve import MALICIOUS_REVIEW
from triage.rulepack.format import (
    ACTION_CODES,
    DECIDED_AXES,
    OPERATORS,
    RULE_OPERATORS,
    SET_VALUES,
    THEN_KEYS,
)
from triage.rulepack.labels import pack_labels, unlabelled
from triage.rulepack.loader import bundled_rules_dir, load_packs, load_text
from triage.tools.rows import AXIS_VALUES
from triage.tools.schemas import json_schema

_VALIDATORS = {
    kind: jsonschema.Draft202012Validator(json_schema(kind))
    for kind in ("rules", "cases", "patterns")
}


def _errors(kind: str, document: Any) -> list[str]:
    return [error.message for error in _VALIDATORS[kind].iter_errors(document)]


def _rule_text(
    rule_id: str = "core.rule",
    *,
    when: str = "{history_count: {'>': 1}}",
    then: str = "{set: high, reason: r}",
    axis: str = "severity",
    head: str = "name: t\n",
) -> str:
    return (
        f"{head}rules:\n  - id: {rule_id}\n    title: 标题\n    axis: {axis}\n"
        f"    source: s\n    when: {when}\n    then: {then}\n"
    )


def _loads(text: str) -> bool:
    try:
        load_text(text)
    except RuleError:
        return False
    return True


def test_chinese_rule_id_loads_and_validates() -> None:
    """A rule id like core.投诉 both loads and validates against the published schema."""
    text = _rule_text("core.投诉")
    assert _loads(text)
    assert _errors("rules", yaml.safe_load(text)) == []


@pytest.mark.parametrize(
    "rule_id", ["core", "Core.rule", "core..rule", "core.1rule", "core.a b", "core.é"]
)
def test_bad_rule_ids_fail_both(rule_id: str) -> None:
    """Ids the loader refuses, the schema refuses too."""
    text = _rule_text(repr(rule_id))
    assert not _loads(text)
    assert _errors("rules", yaml.safe_load(text))


def test_axis_values_are_the_set_values() -> None:
    """The values rows count per axis are those a rule may set, and the enums' values."""
    enums = {
        Axis.VALIDITY: Validity,
        Axis.NATURE: Nature,
        Axis.SEVERITY: Severity,
        Axis.RESPONSIBILITY: Party,
    }
    assert tuple(SET_VALUES) == DECIDED_AXES
    for axis, enum in enums.items():
        assert SET_VALUES[axis] == tuple(enum)
        assert AXIS_VALUES[axis] == SET_VALUES[axis]


def test_schema_operators_are_the_parsers() -> None:
    """The schema's operator keys are exactly the parser's operators and param."""
    operators = json_schema("rules")["$defs"]["operators"]["properties"]
    assert tuple(operators) == RULE_OPERATORS
    assert set(RULE_OPERATORS) == {*OPERATORS, "param"}


@pytest.mark.parametrize("operator", ["=>", "=", "has_all", "eq", "contains"])
def test_unknown_operators_fail_both(operator: str) -> None:
    """An operator the parser does not know fails the schema too."""
    text = _rule_text(when=f"{{history_count: {{'{operator}': 1}}}}")
    assert not _loads(text)
    assert _errors("rules", yaml.safe_load(text))


def test_schema_then_keys_are_the_parsers() -> None:
    """The effect keys in the schema are the parser's, in the same order."""
    assert tuple(json_schema("rules")["$defs"]["then"]["properties"]) == THEN_KEYS


@pytest.mark.parametrize(
    ("field", "value"),
    [("name", "'核心'"), ("name", "'a b'"), ("version", "[1]"), ("description", "{a: 1}")],
)
def test_manifest_fields_agree(field: str, value: str) -> None:
    """Pack names, versions and descriptions load exactly when the schema accepts them."""
    text = _rule_text(head=f"{field}: {value}\n")
    assert _loads(text) == (_errors("rules", yaml.safe_load(text)) == [])


def _pack_files() -> list[tuple[Path, str]]:
    root = bundled_rules_dir()
    found: list[tuple[Path, str]] = []
    for pack in sorted(p for p in root.iterdir() if (p / "pack.yaml").is_file()):
        found += [(path, "rules") for path in sorted(pack.glob("*.yaml"))]
        found += [(path, "cases") for path in sorted(pack.glob("cases/*.yaml"))]
        found += [(path, "patterns") for path in sorted(pack.glob("patterns/*.yaml"))]
    return found


def test_every_bundled_pack_file_validates() -> None:
    """Every file of the bundled packs, which the loader accepts, validates against its schema."""
    load_packs(bundled_rules_dir())
    files = _pack_files()
    assert {kind for _, kind in files} == {"rules", "cases", "patterns"}
    for path, kind in files:
        errors = _errors(kind, yaml.safe_load(path.read_text(encoding="utf-8")))
        assert not errors, f"{path}: {errors[0]}"


_FACTS = {
    "history_count": ("==", "!=", "<", "<=", ">", ">=", "in", "not_in", "not in", "exists"),
    "evidence_kinds": ("has", "has_any", "count", "exists"),
}
_OPERANDS = {
    "in": "[1, 2]",
    "not_in": "[1, 2]",
    "not in": "[1, 2]",
    "exists": "true",
    "has": "photo",
    "has_any": "[photo, video]",
    "count": "{'>=': 1}",
}
_word = st.text(alphabet="abz09_-.投诉AZ é", min_size=1, max_size=8)


def _maybe(draw: st.DrawFn, good: str, bad: st.SearchStrategy[str]) -> str:
    """``good`` three times in four, else a drawn variant."""
    return good if draw(st.integers(0, 3)) else draw(bad)


@st.composite
def _rule_documents(draw: st.DrawFn) -> str:
    """Type-correct rule documents, perturbed where the format (not the facts) decides."""
    axis = draw(st.sampled_from([*DECIDED_AXES, Axis.HANDLING, Axis.DERIVE]))
    fact = draw(st.sampled_from(sorted(_FACTS)))
    operator = _maybe(draw, draw(st.sampled_from(_FACTS[fact])), st.sampled_from(["=>", "has_all"]))
    when = f"{{{fact}: {{'{operator}': {_OPERANDS.get(operator, '1')}}}}}"
    if axis is Axis.HANDLING:
        then = "{actions: [verify]}"
    elif axis is Axis.DERIVE:
        then = f"{{derive: {{'{_maybe(draw, 'new_fact', _word)}': true}}}}"
    else:
        every = sorted({v for values in SET_VALUES.values() for v in values})
        value = _maybe(draw, draw(st.sampled_from(SET_VALUES[axis])), st.sampled_from(every))
        then = f"{{set: {value}, reason: r}}"
    if not draw(st.integers(0, 7)):
        then = then[:-1] + f", '{draw(st.sampled_from(['colour', 'sett']))}': r}}"
    words = st.builds(".".join, st.lists(_word, min_size=1, max_size=3))
    rule_id = _maybe(draw, "core.rule", words)
    name = _maybe(draw, "t", _word)
    return _rule_text(repr(rule_id), when=when, then=then, axis=str(axis), head=f"name: {name!r}\n")


@settings(max_examples=300, deadline=None)
@given(_rule_documents())
def test_generated_rule_files_load_exactly_when_they_validate(text: str) -> None:
    """A generated rule file validates against the schema if and only if the loader accepts it."""
    document = yaml.safe_load(text)
    assert _loads(text) == (_errors("rules", document) == []), text


def test_every_bundled_reason_code_has_a_chinese_label() -> None:
    """Each reason and review code a bundled rule gives is labelled in Chinese by its packs."""
    ruleset = load_packs(bundled_rules_dir())
    assert pack_labels(ruleset.packs)
    assert unlabelled(ruleset.packs) == {}


def test_every_fixed_code_has_a_chinese_label() -> None:
    """Axis values, action codes and the resolution's review reasons have fixed labels."""
    fixed = [
        *(value for values in SET_VALUES.values() for value in values),
        *ACTION_CODES,
        *(f"unresolved_{axis}" for axis in DECIDED_AXES if axis is not Axis.NATURE),
        MALICIOUS_REVIEW,
        *map(str, DECIDED_AXES),
    ]
    assert [code for code in fixed if label(code, "zh") == code] == []


def test_labels_must_name_codes_and_texts() -> None:
    """A label with a bad code or an empty text fails the loader and the schema alike."""
    for labels in ("{Bad-Code: 标签}", "{code: ''}", "[a]"):
        text = _rule_text(head=f"name: t\nlabels: {labels}\n")
        assert not _loads(text)
        assert _errors("rules", yaml.safe_load(text))
