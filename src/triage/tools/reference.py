"""The rule reference page (``docs/rule-reference.md``), written from the rule format.

Keys, descriptions, operators, axis values and action codes come from
``triage.rulepack.format`` and the schemas built from it, so the page says what the
loader and ``triage schema rules`` say; a test keeps the page current.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from triage.records.labels import label
from triage.rulepack.format import (
    ACTION_CODES,
    COUNT_OPERATORS,
    FACT_NAME_REGEX,
    OPERATORS,
    PACK_NAME_REGEX,
    RULE_ID_REGEX,
    RULE_REQUIRED,
    SET_VALUES,
)
from triage.rulepack.schema import cases_schema, rules_schema
from triage.rulepack.spec import Op

__all__ = ["rule_reference"]

_HEAD = """# Rule reference

<!-- Written by triage.tools.reference from the rule format; do not edit by hand.
     Regenerate: TRIAGE_REGENERATE=1 python -m pytest tests/tools/test_rule_reference.py -->

Every key a pack file may hold, as the loader reads it and `triage schema rules`,
`triage schema cases` and `triage schema patterns` describe it. The
[guide](rule-authoring.md) explains how to use them.
"""


_MEANING = {
    Op.EQ: "equals (a list fact: contains)",
    Op.NE: "differs",
    Op.LT: "less than",
    Op.LE: "at most",
    Op.GT: "more than",
    Op.GE: "at least",
    Op.IN: "one of the list",
    Op.NOT_IN: "none of the list",
    Op.EXISTS: "`true`: the fact has a value; `false`: it is absent",
    Op.HAS: "the list fact contains the item",
    Op.HAS_ANY: "the list fact contains any of the items",
    Op.COUNT_EQ: "the number of items of a list fact",
}


def _code(items: Iterable[object]) -> str:
    return ", ".join(f"`{item}`" for item in items)


def _table(properties: Mapping[str, Any], required: Iterable[str] = ()) -> list[str]:
    needed = set(required)
    rows = ["| key | required | meaning |", "|---|---|---|"]
    for key, spec in properties.items():
        mark = "yes" if key in needed else ""
        rows.append(f"| `{key}` | {mark} | {spec.get('description', '')} |")
    return rows


def rule_reference() -> str:
    """The rule reference page as Markdown."""
    rules = rules_schema()
    defs = rules["$defs"]
    cases = cases_schema()["properties"]["cases"]["items"]
    lines = [_HEAD, "## A pack document", ""]
    lines += [
        "`pack.yaml`, a rule file (`rules:` and `description:` only) or a whole pack in "
        "one document.",
        "",
        *_table(rules["properties"]),
        "",
        f"A pack name matches `{PACK_NAME_REGEX}`. `labels:` maps reason codes "
        "(`reason:` and `review:` values) to the Chinese shown by `--lang zh`; a child "
        "pack's label replaces its parent's.",
        "",
        "### policy",
        "",
        "| key | values |",
        "|---|---|",
    ]
    for key, spec in rules["properties"]["policy"]["properties"].items():
        values = _code(spec["enum"]) if "enum" in spec else "a number above 0"
        lines.append(f"| `{key}` | {values} |")
    lines += ["", "## A rule", "", *_table(defs["rule"]["properties"], RULE_REQUIRED), ""]
    lines += [
        f"A rule id matches `{RULE_ID_REGEX}` (Chinese characters allowed).",
        "",
        "### What each axis may set",
        "",
        "| axis | `set:` values (scale order) | 中文 |",
        "|---|---|---|",
    ]
    for axis, choices in SET_VALUES.items():
        chinese = "、".join(label(value, "zh") for value in choices)
        lines.append(f"| `{axis}` | {_code(choices)} | {chinese} |")
    lines += ["", "## Conditions", ""]
    lines += [
        "A condition maps fact names (matching `" + FACT_NAME_REGEX + "`) to a test, or "
        "holds `all: [...]`, `any: [...]` or `not: {...}`; several keys must all hold. A "
        "test is a constant (equals), a list (one of) or a mapping of operators:",
        "",
        "| operator | true when |",
        "|---|---|",
    ]
    for key, op in OPERATORS.items():
        lines.append(f"| `{key}` | {_MEANING[op]} |")
    lines += [
        "| `param` | equals the pack parameter named |",
        "",
        f"`count` takes a whole number or a mapping of {_code(COUNT_OPERATORS)} to whole "
        "numbers. Any operand may be `{param: name}`.",
        "",
        "## Effects (`then:`)",
        "",
        *_table(defs["then"]["properties"]),
        "",
        "### Action codes",
        "",
        "| code | 中文 |",
        "|---|---|",
        *(f"| `{code}` | {label(code, 'zh')} |" for code in ACTION_CODES),
        "",
        "## A case file (`cases/*.yaml`)",
        "",
        *_table(cases["properties"], cases["required"]),
        "",
        "## A pattern file (`patterns/*.yaml`)",
        "",
        "Pattern files are described by the pydantic models of "
        "`triage.rulepack.patterns`, their schema is `triage schema patterns`, and the "
        "[guide](rule-authoring.md#clause-patterns) shows them at work.",
    ]
    return "\n".join(lines)
