"""Fuzzing rule files: random YAML, aliases, deep nesting and mangled rules give a RuleError."""

from __future__ import annotations

from typing import Any
from unittest.mock import patch

import yaml
from hypothesis import given
from hypothesis import strategies as st

from triage.errors import RuleError
from triage.rulepack import yamlsource
from triage.rulepack.loader import RuleSet, load_text

_RULE = """name: fuzz
rules:
  - id: fuzz.severity.money
    title: 金额
    axis: severity
    source: test
    when: {all: [{amount_at_stake: {'>': 100}}, {text_length: {'>': 0}}]}
    then: {set: high, reason: money}
"""

_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=False),
    st.text(max_size=10),
    st.sampled_from(["severity", "high", "all", "any", "not", ">", "mentions", "rules", "id"]),
)
_keys = st.one_of(
    st.text(max_size=8),
    st.sampled_from(["name", "rules", "id", "when", "then", "axis", "extends", "set", "all"]),
)
structures = st.recursive(
    _scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(_keys, inner, max_size=4)),
    max_leaves=25,
)


def _outcome(text: str) -> RuleSet | RuleError:
    """Load ``text``; the only failure allowed is a RuleError."""
    try:
        return load_text(text, file="fuzz.yaml")
    except RuleError as error:
        failure = error
    assert str(failure).startswith("fuzz.yaml") or "problems in the rules" in str(failure)
    return failure


@given(document=structures)
def test_random_yaml_documents(document: Any) -> None:
    """Any YAML document loads or raises a located RuleError, nothing else."""
    _outcome(yaml.safe_dump(document, allow_unicode=True))


@given(
    shared=structures,
    uses=st.integers(1, 12),
    depth=st.integers(1, 8),
    cycle=st.booleans(),
)
def test_random_yaml_with_aliases(shared: Any, uses: int, depth: int, cycle: bool) -> None:
    """Anchors used many times, nested aliases and self-referencing values give a RuleError.

    The node limit is lowered to 5,000 so that alias bombs hit it quickly.
    """
    value: Any = [shared]
    for _ in range(depth):
        value = [value] * uses
    document: Any = {"name": "fuzz", "rules": value}
    if cycle:
        loop: list[Any] = [shared]
        loop.append(loop)
        document["rules"] = loop
    with patch.object(yamlsource, "MAX_NODES", 5_000):
        _outcome(yaml.dump(document, allow_unicode=True, Dumper=yaml.SafeDumper))


@given(
    depth=st.integers(1, 1200),
    opener=st.sampled_from(["[", "{a: ", "- "]),
)
def test_deep_nesting(depth: int, opener: str) -> None:
    """Nesting of any depth, in flow or block style, never overflows the stack."""
    if opener == "- ":
        text = "rules:\n" + "".join("  " * (level + 1) + "-\n" for level in range(depth))
    else:
        closer = "]" if opener == "[" else "}"
        text = "rules: " + opener * depth + closer * depth + "\n"
    _outcome(text)


@given(
    position=st.integers(0, len(_RULE) - 1),
    length=st.integers(0, 12),
    insert=st.text(alphabet="&*[]{}:,-'\"!|>#% \n\tab1", max_size=12),
)
def test_mangled_rule_files(position: int, length: int, insert: str) -> None:
    """A valid rule file with any stretch replaced by YAML punctuation loads or is a RuleError."""
    _outcome(_RULE[:position] + insert + _RULE[position + length :])


def test_the_unmangled_rule_file_loads() -> None:
    """The rule file the mangling starts from is valid (so mangling tests something)."""
    assert isinstance(_outcome(_RULE), RuleSet)
