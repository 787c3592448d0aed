"""``triage schema`` and ``triage facts``."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from tests.tools.helpers import DEMO, ROOT, invoke
from triage import Complaint, Decision
from triage.errors import UnknownOperatorError
from triage.rulepack.loader import load_text
from triage.rulepack.spec import Op
from triage.tools.schemas import RULE_OPERATORS, json_schema


def _schema(kind: str) -> dict[str, object]:
    result = invoke("schema", kind)
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def test_record_schemas_are_the_models() -> None:
    """schema complaint / decision print the pydantic models' JSON Schemas."""
    assert _schema("complaint") == Complaint.model_json_schema()
    assert _schema("decision") == Decision.model_json_schema()


def _rule_documents() -> list[Path]:
    return sorted(
        path
        for folder in (DEMO, *sorted((ROOT / "rules").iterdir()))
        if folder.is_dir()
        for path in folder.glob("*.yaml")
    )


def test_rule_schema_accepts_every_shipped_rule_file() -> None:
    """Every rule file and manifest of the demo and bundled packs validates."""
    validator = jsonschema.Draft202012Validator(_schema("rules"))
    documents = _rule_documents()
    assert DEMO / "rules.yaml" in documents
    assert any(path.parent.parent == ROOT / "rules" for path in documents)
    for path in documents:
        errors = list(validator.iter_errors(yaml.safe_load(path.read_text(encoding="utf-8"))))
        assert not errors, f"{path}: {errors[0].message}"


def test_case_schema_accepts_the_demo_cases() -> None:
    """The demo case file validates against the case-file schema."""
    validator = jsonschema.Draft202012Validator(_schema("cases"))
    document = yaml.safe_load((DEMO / "cases" / "cases.yaml").read_text(encoding="utf-8"))
    assert not list(validator.iter_errors(document))


@pytest.mark.parametrize(
    ("fragment", "why"),
    [
        ("when: {amount_paid: {'=>': 5}}\n    then: {set: high, reason: r}", "operator"),
        ("when: {amount_paid: 5}\n    then: {set: malicious, reason: r}", "set value"),
        ("when: {amount_paid: 5}\n    then: {set: high, reason: r, colour: red}", "then key"),
        ("when: {}\n    then: {set: high, reason: r}", "empty condition"),
    ],
)
def test_rule_schema_rejects_mistakes(fragment: str, why: str) -> None:
    """Wrong operators, set values, effect keys and empty conditions fail the schema."""
    document = yaml.safe_load(
        "rules:\n  - id: x.rule\n    title: t\n    axis: severity\n    source: s\n    " + fragment
    )
    errors = list(jsonschema.Draft202012Validator(json_schema("rules")).iter_errors(document))
    assert errors, why


@pytest.mark.parametrize("operator", RULE_OPERATORS)
def test_every_schema_operator_is_one_the_loader_knows(operator: str) -> None:
    """Each operator the schema allows is accepted by the rule loader."""
    operand = {
        "exists": "true",
        "count": "1",
        "param": "big",
        "in": "[1, 2]",
        "not_in": "[1, 2]",
        "not in": "[1, 2]",
        "has_any": "[1, 2]",
    }.get(operator, "1")
    fact = "evidence_kinds" if operator in ("has", "has_any", "count") else "history_count"
    if fact == "evidence_kinds":
        operand = {"has": "photo", "has_any": "[photo, video]"}.get(operator, operand)
    text = (
        "name: t\nparameters: {big: 1}\nrules:\n  - id: t.rule\n    title: t\n"
        f"    axis: severity\n    source: s\n    when: {{{fact}: {{'{operator}': {operand}}}}}\n"
        "    then: {set: high, reason: r}\n"
    )
    try:
        load_text(text)
    except UnknownOperatorError as error:  # pragma: no cover - the failure being tested
        pytest.fail(f"the loader refuses {operator!r}: {error}")


def test_schema_operators_cover_the_language() -> None:
    """Every operator of the rule language has a key in the schema ('count' for counts)."""
    spelled = {op.value for op in Op if not op.is_count}
    assert spelled <= set(RULE_OPERATORS)
    assert "count" in RULE_OPERATORS


def test_unknown_schema_kind_is_a_usage_error() -> None:
    """schema with an unknown kind exits with 2 and lists the kinds."""
    result = invoke("schema", "bogus")
    assert result.exit_code == 2
    assert "complaint" in result.stderr


def test_facts_table_and_json_include_derived_facts(tmp_path: Path) -> None:
    """facts lists base facts and the facts a pack's derive rules declare."""
    pack = tmp_path / "derive"
    pack.mkdir()
    (pack / "pack.yaml").write_text("name: derive\n", encoding="utf-8")
    (pack / "rules.yaml").write_text(
        "rules:\n  - id: derive.threat\n    title: 威胁\n    axis: derive\n    source: s\n"
        "    when: {history_count: {'>': 1}}\n    then: {derive: {repeat_threat: true}}\n",
        encoding="utf-8",
    )
    table = invoke("facts", "--rules", pack)
    data = json.loads(invoke("facts", "--rules", pack, "--format", "json").stdout)
    assert table.exit_code == 0
    assert "amount_paid" in table.stdout
    assert "repeat_threat" in table.stdout
    derived = next(item for item in data if item["name"] == "repeat_threat")
    assert derived["type"] == "bool"
    assert derived["origin"] == "derive:derive"
    channel = next(item for item in data if item["name"] == "channel")
    assert "hotline" in channel["values"]


def test_facts_of_the_bundled_packs() -> None:
    """facts with the default packs lists the base vocabulary and core's derived facts."""
    data = json.loads(invoke("facts", "--format", "json").stdout)
    origins = {item["origin"] for item in data}
    assert "text" in origins
    assert any(origin.startswith("derive:core") for origin in origins)
