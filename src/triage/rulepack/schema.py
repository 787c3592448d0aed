"""JSON Schemas of the pack file kinds, built from the rule format's one definition.

Rule documents (rule files, ``pack.yaml`` manifests, a whole pack in one document) and
case files are described from the tables of ``triage.rulepack.format``; pattern files from
their pydantic models in ``triage.rulepack.patterns``. A schema checks shapes, for editors
and CI; the loader also checks what a schema cannot: known facts, types against the
vocabulary, lexicons, parameters and duplicate ids.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from triage.records.decision import Axis
from triage.rulepack.format import (
    ACTION_CODES,
    ACTION_KEYS,
    CASE_KEYS,
    COUNT_OPERATORS,
    EXPECT_KEYS,
    FACT_NAME_REGEX,
    MANIFEST_KEYS,
    OPERATORS,
    PACK_NAME_REGEX,
    POLICY_CHOICES,
    POLICY_KEYS,
    RULE_ID_DESCRIPTION,
    RULE_ID_REGEX,
    RULE_KEYS,
    RULE_OPERATORS,
    RULE_REQUIRED,
    SET_VALUES,
    THEN_KEYS,
)
from triage.rulepack.patterns import PatternFile
from triage.rulepack.spec import Op

__all__ = ["cases_schema", "patterns_schema", "rules_schema"]

_DRAFT = "https://json-schema.org/draft/2020-12/schema"
_TEXT = {"type": "string", "minLength": 1, "pattern": r"\S"}
_NAME = {"type": "string", "pattern": FACT_NAME_REGEX}


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/$defs/{name}"}


def _keyed(keys: Iterable[str], properties: Mapping[str, Any]) -> dict[str, Any]:
    """``properties`` in the order of ``keys``; they must name the same keys."""
    keys = tuple(keys)
    if set(keys) != set(properties):
        raise AssertionError(f"schema and format disagree: {sorted(set(keys) ^ set(properties))}")
    return {key: properties[key] for key in keys}


def _operators() -> dict[str, Any]:
    value = {"anyOf": [_ref("constant"), _ref("param")]}
    number = {"anyOf": [{"type": "number"}, _ref("param")]}
    many = {"anyOf": [_ref("constants"), _ref("param")]}
    whole = {"type": "integer", "minimum": 0}
    operand: dict[Op, Any] = {
        Op.EQ: value,
        Op.NE: value,
        Op.LT: number,
        Op.LE: number,
        Op.GT: number,
        Op.GE: number,
        Op.IN: many,
        Op.NOT_IN: many,
        Op.EXISTS: {"type": "boolean"},
        Op.HAS: value,
        Op.HAS_ANY: many,
        Op.COUNT_EQ: {
            "anyOf": [
                whole,
                {
                    "type": "object",
                    "minProperties": 1,
                    "additionalProperties": False,
                    "properties": dict.fromkeys(COUNT_OPERATORS, whole),
                },
            ]
        },
    }
    properties = {key: operand[op] for key, op in OPERATORS.items()}
    return {
        "description": "Operators applied to the fact; several in one mapping must all hold.",
        "type": "object",
        "minProperties": 1,
        "additionalProperties": False,
        "properties": _keyed(RULE_OPERATORS, {**properties, "param": {"type": "string"}}),
    }


def _action() -> dict[str, Any]:
    return {
        "anyOf": [
            {"enum": list(ACTION_CODES)},
            {
                "type": "object",
                "required": ["code"],
                "additionalProperties": False,
                "properties": _keyed(
                    ACTION_KEYS,
                    {
                        "code": {"enum": list(ACTION_CODES)},
                        "deadline_days": {"type": "integer", "minimum": 0},
                        "working_days": {"type": "boolean"},
                        "note": {"type": "string"},
                    },
                ),
            },
        ]
    }


def _then() -> dict[str, Any]:
    every_value = sorted({value for values in SET_VALUES.values() for value in values})
    properties = {
        "set": {"enum": every_value, "description": "The value the rule sets on its axis."},
        "reason": {"type": "string", "description": "Reason code, shown in the decision."},
        "weight": {"type": "number", "minimum": 0, "description": "Nature rules only."},
        "decisive": {"type": "boolean", "description": "Nature rules setting malicious."},
        "department": {"type": "string", "description": "Responsibility rules only."},
        "raise": {"type": "boolean", "description": "Severity rules: raise one level."},
        "review": {"type": "string", "description": "Reason code for needs_review."},
        "actions": {
            "type": "array",
            "items": _ref("action"),
            "description": "Recommended actions: codes, or {code, deadline_days, ...}.",
        },
        "derive": {
            "type": "object",
            "minProperties": 1,
            "propertyNames": _NAME,
            "additionalProperties": _ref("constant"),
            "description": "Derive rules only: new facts and their constant values.",
        },
    }
    return {
        "description": "What the rule does when it fires.",
        "type": "object",
        "minProperties": 1,
        "additionalProperties": False,
        "properties": _keyed(THEN_KEYS, properties),
    }


def _set_by_axis() -> list[dict[str, Any]]:
    rules = [
        {
            "if": {"properties": {"axis": {"const": str(axis)}}, "required": ["axis"]},
            "then": {"properties": {"then": {"properties": {"set": {"enum": list(values)}}}}},
        }
        for axis, values in SET_VALUES.items()
    ]
    rules.extend(
        {
            "if": {"properties": {"axis": {"const": str(axis)}}, "required": ["axis"]},
            "then": {"properties": {"then": {"not": {"required": ["set"]}}}},
        }
        for axis in Axis
        if axis not in SET_VALUES
    )
    return rules


def _rule() -> dict[str, Any]:
    properties = {
        "id": {
            "type": "string",
            "pattern": RULE_ID_REGEX,
            "description": RULE_ID_DESCRIPTION[0].upper() + RULE_ID_DESCRIPTION[1:] + ".",
        },
        "title": {**_TEXT, "description": "What the rule says, in Chinese."},
        "axis": {
            "enum": [str(axis) for axis in Axis],
            "description": "What the rule decides about; derive rules add facts, handling "
            "rules add advice.",
        },
        "when": {**_ref("condition"), "description": "When the rule fires."},
        "then": {**_ref("then"), "description": "What it does then."},
        "priority": {
            "type": "integer",
            "description": "Responsibility: the highest priority wins (default 0).",
        },
        "source": {
            **_TEXT,
            "description": "The ground: a law and article, a regulation, a standard, or a "
            "published document by its title.",
        },
        "tags": {
            "type": "array",
            "items": {"type": "string"},
            "description": "Words to group rules by.",
        },
        "enabled": {"type": "boolean", "description": "false: loaded and checked, never fires."},
    }
    return {
        "type": "object",
        "required": list(RULE_REQUIRED),
        "additionalProperties": False,
        "properties": _keyed(RULE_KEYS, properties),
        "allOf": _set_by_axis(),
    }


def _defs() -> dict[str, Any]:
    constant = {"type": ["string", "number", "boolean"]}
    return {
        "constant": constant,
        "constants": {"type": "array", "minItems": 1, "items": constant},
        "param": {
            "type": "object",
            "required": ["param"],
            "additionalProperties": False,
            "properties": {"param": {"type": "string"}},
            "description": "A pack parameter, by name.",
        },
        "condition": {
            "description": "all/any/not of conditions, or fact: value (several keys: all hold).",
            "type": "object",
            "minProperties": 1,
            "properties": {
                "all": {"type": "array", "minItems": 1, "items": _ref("condition")},
                "any": {"type": "array", "minItems": 1, "items": _ref("condition")},
                "not": _ref("condition"),
            },
            "propertyNames": _NAME,
            "additionalProperties": _ref("test"),
        },
        "test": {
            "description": "fact: constant (==), fact: [constants] (in), or fact: {operator: …}.",
            "anyOf": [
                _ref("constant"),
                _ref("constants"),
                _ref("param"),
                _ref("operators"),
            ],
        },
        "operators": _operators(),
        "action": _action(),
        "then": _then(),
        "rule": _rule(),
    }


def _policy() -> dict[str, Any]:
    properties: dict[str, Any] = {key: {"enum": list(v)} for key, v in POLICY_CHOICES.items()}
    properties["nature_threshold"] = {"type": "number", "exclusiveMinimum": 0}
    return {
        "type": "object",
        "additionalProperties": False,
        "properties": _keyed(POLICY_KEYS, properties),
    }


def rules_schema() -> dict[str, Any]:
    """The schema of a rule file, a ``pack.yaml`` manifest, or a whole pack in one document."""
    properties = {
        "name": {
            "type": "string",
            "pattern": PACK_NAME_REGEX,
            "description": "The pack's name (default: its folder's).",
        },
        "version": {"type": ["string", "number"], "description": "The pack's version."},
        "description": {"type": "string", "description": "What the pack covers."},
        "extends": {
            "anyOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}],
            "description": "Packs this one builds on, by name (loaded first).",
        },
        "policy": {**_policy(), "description": "How the axes are resolved: defaults, threshold."},
        "parameters": {
            "type": "object",
            "additionalProperties": {"type": ["number", "string"]},
            "description": "Named numbers rules compare with ({param: name}).",
        },
        "labels": {
            "type": "object",
            "propertyNames": _NAME,
            "additionalProperties": _TEXT,
            "description": "Reason codes in Chinese, for Chinese output.",
        },
        "rules": {"type": "array", "items": _ref("rule"), "description": "The rules."},
    }
    return {
        "$schema": _DRAFT,
        "title": "triage rule file, pack manifest, or whole pack",
        "type": "object",
        "additionalProperties": False,
        "properties": _keyed(MANIFEST_KEYS, properties),
        "$defs": _defs(),
    }


def cases_schema() -> dict[str, Any]:
    """The schema of a case file (``cases/*.yaml``)."""
    rule_ids = {"anyOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}]}
    expect: dict[str, Any] = {str(axis): {"enum": list(v)} for axis, v in SET_VALUES.items()}
    expect["needs_review"] = {"type": "boolean"}
    case = {
        "id": {"type": "string", "description": "The case's name, unique in its pack."},
        "text": {"type": "string", "description": "The complaint text."},
        "complaint": {
            "type": "object",
            "description": "A whole complaint record (text, channel, amounts, ...).",
        },
        "received_at": {
            "type": "string",
            "description": "When it was received (default 2026-06-01T10:00:00+08:00).",
        },
        "fires": {**rule_ids, "description": "Rule ids that must fire."},
        "not_fires": {**rule_ids, "description": "Rule ids that must not fire."},
        "expect": {
            "description": "Axis values (and needs_review) the decision must have.",
            "type": "object",
            "additionalProperties": False,
            "properties": _keyed(EXPECT_KEYS, expect),
        },
    }
    return {
        "$schema": _DRAFT,
        "title": "triage rule-pack case file",
        "type": "object",
        "required": ["cases"],
        "additionalProperties": False,
        "properties": {
            "cases": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["id"],
                    "additionalProperties": False,
                    "properties": _keyed(CASE_KEYS, case),
                },
            }
        },
    }


def patterns_schema() -> dict[str, Any]:
    """The schema of a pattern file (``patterns/*.yaml``), from its pydantic models."""
    return {
        "$schema": _DRAFT,
        "title": "triage rule-pack pattern file",
        **PatternFile.model_json_schema(),
    }
