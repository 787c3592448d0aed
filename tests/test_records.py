"""Complaint and Decision records: validation, JSON round-trips and schemas."""

from __future__ import annotations

import contextlib
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from triage import Complaint, Decision, RecordError, Severity, parse_complaint
from triage.records import (
    Axis,
    Effect,
    EffectKind,
    Firing,
    Nature,
    Party,
    Responsibility,
    Span,
    Validity,
)
from triage.testing import complaint_dicts, complaints

MINIMAL = {"id": "c1", "text": "快递丢了", "received_at": "2026-03-01T10:00:00+08:00"}


def test_minimal_complaint_needs_only_id_text_received_at() -> None:
    """A complaint with just id, text and received_at is valid and gets empty defaults."""
    complaint = Complaint.model_validate(MINIMAL)
    assert complaint.channel == "other"
    assert complaint.requests == ()
    assert complaint.respondent is None
    assert complaint.received_at.utcoffset() is not None


@pytest.mark.parametrize(
    ("change", "field", "expected"),
    [
        ({"received_at": "2026-03-01T10:00:00"}, "received_at", "timezone"),
        ({"amount_paid": "-5"}, "amount_paid", "greater than or equal to 0"),
        ({"channel": "fax"}, "channel", "'hotline'"),
        ({"text": None}, "text", "string"),
        ({"text": "   "}, "text", "pattern"),
        ({"loss_amount": "NaN"}, "loss_amount", "finite"),
        ({"requests": [{"kind": "bribe"}]}, "requests.0.kind", "'apology'"),
        ({"incident_at": "2026-03-01"}, "incident_at", "timezone"),
        ({"hotline": "call me"}, "hotline", "pattern"),
        ({"unknown": 1}, "unknown", "Extra inputs"),
    ],
)
def test_bad_records_name_the_field(change: dict[str, Any], field: str, expected: str) -> None:
    """Each kind of bad record raises an error naming the offending field and the expectation."""
    data = {**MINIMAL, **change}
    with pytest.raises(RecordError) as caught:
        parse_complaint(data)
    locs = [p.loc for p in caught.value.problems]
    assert field in locs
    assert expected in str(caught.value)
    assert field in str(caught.value)


def test_short_bad_values_are_quoted_long_ones_are_not() -> None:
    """The message shows a short wrong value, never a whole complaint text."""
    with pytest.raises(RecordError, match=r"channel: .*\(got 'fax'\)"):
        parse_complaint({**MINIMAL, "channel": "fax"})
    with pytest.raises(RecordError) as caught:
        parse_complaint({**MINIMAL, "text": " " * 500})
    assert "got" not in str(caught.value)


def test_missing_text_is_named() -> None:
    """A record without text names the missing field."""
    data = {k: v for k, v in MINIMAL.items() if k != "text"}
    with pytest.raises(RecordError, match=r"text: Field required"):
        parse_complaint(data)


def test_parse_complaint_reports_line_numbers() -> None:
    """A line number given to the parser appears at the start of the message."""
    with pytest.raises(RecordError, match=r"^line 7: invalid Complaint"):
        parse_complaint("{}", line=7)


def test_parse_complaint_rejects_non_objects() -> None:
    """A JSON array or a number is not a complaint, and the error says so."""
    with pytest.raises(RecordError, match="expected an object"):
        parse_complaint([1, 2])  # type: ignore[arg-type]


@given(complaints())
def test_complaint_json_round_trip(complaint: Complaint) -> None:
    """Any valid complaint survives JSON serialisation unchanged."""
    assert Complaint.model_validate_json(complaint.model_dump_json()) == complaint


@given(complaint_dicts())
def test_complaint_dicts_validate(data: dict[str, Any]) -> None:
    """The JSON-shaped dicts of the strategy are accepted by the public parser."""
    assert parse_complaint(data).id == data["id"]


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=12,
)


@given(
    st.dictionaries(
        st.sampled_from([*Complaint.model_fields, "extra"]) | st.text(max_size=5),
        json_values,
        max_size=10,
    )
)
def test_validation_raises_only_the_documented_error(data: dict[str, Any]) -> None:
    """No input dict makes validation raise anything but the documented error types."""
    with contextlib.suppress(ValidationError):
        Complaint.model_validate(data)
    with contextlib.suppress(RecordError):
        parse_complaint(data)


def test_json_schemas_exist() -> None:
    """Both records export a JSON Schema with their required fields."""
    complaint_schema = Complaint.model_json_schema()
    decision_schema = Decision.model_json_schema()
    assert set(complaint_schema["required"]) == {"id", "text", "received_at"}
    assert "trace" in decision_schema["properties"]
    assert "ruleset_version" in decision_schema["required"]


def test_severity_is_ordered() -> None:
    """Severity compares by level, not alphabetically, and a raise stops at the ceiling."""
    assert Severity.LOW < Severity.MEDIUM < Severity.HIGH < Severity.CRITICAL
    assert max([Severity.HIGH, Severity.CRITICAL, Severity.LOW]) is Severity.CRITICAL
    assert Severity.MEDIUM.raised() is Severity.HIGH
    assert Severity.HIGH.raised(ceiling=Severity.HIGH) is Severity.HIGH
    assert Severity.CRITICAL.raised() is Severity.CRITICAL


def _decision() -> Decision:
    firing = Firing(
        rule_id="core.severity.injury",
        title="人身伤害",
        axis=Axis.SEVERITY,
        effects=(Effect(kind=EffectKind.SET, value="high", reason="injury"),),
        file="rules/core/severity.yaml",
        line=12,
        source="消法 第49条",
        facts={"mentions": ("injury",), "amount_demanded": 5000.0, "repeat_count": 2, "x": True},
        spans=(
            Span(fact="mentions", lexicon="injury", term="受伤", surface="受傷", start=3, end=5),
        ),
    )
    return Decision(
        complaint_id="c1",
        validity=Validity.VALID,
        nature=Nature.NORMAL,
        severity=Severity.HIGH,
        responsibility=Responsibility(party=Party.RESPONDENT, department="营销"),
        needs_review=True,
        trace=(firing,),
        ruleset_version="abc",
        as_of=datetime(2026, 1, 1, tzinfo=UTC),
    )


def test_decision_json_round_trip_keeps_fact_types() -> None:
    """A decision's trace keeps bools, ints, floats and string tuples through JSON."""
    decision = _decision()
    again = Decision.model_validate_json(decision.model_dump_json())
    assert again == decision
    facts = again.trace[0].facts
    assert facts["x"] is True
    assert isinstance(facts["repeat_count"], int)
    assert isinstance(facts["amount_demanded"], float)


def test_records_are_frozen() -> None:
    """Records cannot be changed after creation."""
    complaint = Complaint.model_validate(MINIMAL)
    with pytest.raises(ValidationError):
        complaint.text = "changed"  # type: ignore[misc]


def test_money_is_decimal() -> None:
    """Amounts are Decimals, exactly as written."""
    complaint = Complaint.model_validate({**MINIMAL, "amount_paid": "5000.10"})
    assert complaint.amount_paid == Decimal("5000.10")
