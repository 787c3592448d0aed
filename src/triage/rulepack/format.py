"""The rule format, defined once: keys, operators, axis values and the id grammar.

The parser (`triage.rulepack.parse`), the rules JSON Schema
(`triage.rulepack.schema`), ``triage schema rules`` and the rule reference in
``docs/rule-authoring.md`` all read these tables, so they cannot drift apart.
"""

from __future__ import annotations

import re
from types import MappingProxyType
from typing import Final

from triage.records.decision import Axis, Nature, Party, Severity, Validity
from triage.rulepack.spec import ACTION_CODES, Op

__all__ = [
    "ACTION_CODES",
    "ACTION_KEYS",
    "CASE_KEYS",
    "COUNT_OPERATORS",
    "DECIDED_AXES",
    "EXPECT_KEYS",
    "FACT_NAME_REGEX",
    "MANIFEST_KEYS",
    "OPERATORS",
    "PACK_NAME_REGEX",
    "POLICY_CHOICES",
    "POLICY_KEYS",
    "RULE_ID_DESCRIPTION",
    "RULE_ID_REGEX",
    "RULE_KEYS",
    "RULE_OPERATORS",
    "RULE_REQUIRED",
    "SET_VALUES",
    "THEN_KEYS",
    "is_fact_name",
    "is_pack_name",
    "is_rule_id",
]

_WORD = r"[a-z\u3400-\u9fff][a-z0-9_\u3400-\u9fff-]*"
RULE_ID_REGEX: Final = rf"^{_WORD}(\.{_WORD})+$"
"""A rule id: two or more dotted words of lower-case letters, digits, ``_``, ``-`` or
Chinese characters, each starting with a letter or a Chinese character. Written so that
Python's ``re`` and the JavaScript regexes of editors read it alike, and matched the way
JSON Schema validators match a ``pattern`` (a search)."""
RULE_ID_DESCRIPTION: Final = "lower-case dotted words, e.g. core.validity.duplicate"
_RULE_ID = re.compile(RULE_ID_REGEX)
PACK_NAME_REGEX: Final = r"^[A-Za-z0-9_\u3400-\u9fff-]+$"
"""A pack name: one word of letters, digits, ``_``, ``-`` or Chinese characters."""
_PACK_NAME = re.compile(PACK_NAME_REGEX)
FACT_NAME_REGEX: Final = r"^[a-z][a-z0-9_]*$"
"""A fact name, as conditions read it and derive rules declare it; also the form of a
reason code, which a pack's ``labels:`` names in Chinese."""
_FACT_NAME = re.compile(FACT_NAME_REGEX)

DECIDED_AXES: Final = (Axis.VALIDITY, Axis.NATURE, Axis.SEVERITY, Axis.RESPONSIBILITY)
"""The four axes a decision answers (``handling`` and ``derive`` rules decide none)."""

SET_VALUES: Final = MappingProxyType(
    {
        Axis.VALIDITY: tuple(str(v) for v in Validity),
        Axis.NATURE: tuple(str(v) for v in Nature),
        Axis.SEVERITY: tuple(str(v) for v in Severity),
        Axis.RESPONSIBILITY: tuple(str(v) for v in Party),
    }
)
"""The values a rule of each decided axis may ``set``, in scale order."""

RULE_KEYS: Final = ("id", "title", "axis", "when", "then", "priority", "source", "tags", "enabled")
RULE_REQUIRED: Final = ("id", "title", "axis", "when", "then", "source")
THEN_KEYS: Final = (
    "set",
    "reason",
    "weight",
    "decisive",
    "department",
    "raise",
    "review",
    "actions",
    "derive",
)
ACTION_KEYS: Final = ("code", "deadline_days", "working_days", "note")
MANIFEST_KEYS: Final = (
    "name",
    "version",
    "description",
    "extends",
    "policy",
    "parameters",
    "labels",
    "rules",
)
POLICY_CHOICES: Final = MappingProxyType(
    {
        "validity_default": SET_VALUES[Axis.VALIDITY],
        "nature_default": SET_VALUES[Axis.NATURE],
        "severity_default": SET_VALUES[Axis.SEVERITY],
        "severity_raise_ceiling": SET_VALUES[Axis.SEVERITY],
        "responsibility_default": SET_VALUES[Axis.RESPONSIBILITY],
    }
)
"""Policy keys that choose an axis value, and their values."""
POLICY_KEYS: Final = (*POLICY_CHOICES, "nature_threshold")
CASE_KEYS: Final = ("id", "complaint", "text", "fires", "not_fires", "expect", "received_at")
EXPECT_KEYS: Final = (*(str(axis) for axis in DECIDED_AXES), "needs_review")

OPERATORS: Final = MappingProxyType(
    {
        "==": Op.EQ,
        "!=": Op.NE,
        "<": Op.LT,
        "<=": Op.LE,
        ">": Op.GT,
        ">=": Op.GE,
        "in": Op.IN,
        "not_in": Op.NOT_IN,
        "not in": Op.NOT_IN,
        "exists": Op.EXISTS,
        "has": Op.HAS,
        "has_any": Op.HAS_ANY,
        "count": Op.COUNT_EQ,
    }
)
"""Operator keys of a test (``{fact: {operator: value}}``) and the comparison each makes."""
COUNT_OPERATORS: Final = MappingProxyType({"==": Op.COUNT_EQ, ">=": Op.COUNT_GE, "<=": Op.COUNT_LE})
"""The comparisons inside ``count: {...}``."""
RULE_OPERATORS: Final = (*OPERATORS, "param")
"""Every key a test mapping may hold: the operators and ``param`` (``== {param: name}``)."""


def is_rule_id(text: str) -> bool:
    """Whether ``text`` is a rule id (see ``RULE_ID_REGEX``)."""
    return _RULE_ID.search(text) is not None


def is_pack_name(text: str) -> bool:
    """Whether ``text`` is a pack name (see ``PACK_NAME_REGEX``)."""
    return _PACK_NAME.search(text) is not None


def is_fact_name(text: str) -> bool:
    """Whether ``text`` is a fact name (see ``FACT_NAME_REGEX``)."""
    return _FACT_NAME.search(text) is not None
