"""Fuzzing records and texts: any input is a Complaint or a RecordError, and decides totally."""

from __future__ import annotations

import json
import math
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.tools.helpers import DEMO
from triage import Complaint, Decision, Engine, parse_complaint
from triage.errors import RecordError
from triage.testing import complaint_texts

AT = "2026-03-01T10:00:00+08:00"

_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(),
    st.text(max_size=20),
    st.sampled_from(["1e400", "-1", "NaN", "Infinity", "2000", AT, "2026-03-01", "web", ""]),
)
json_values = st.recursive(
    _scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=20,
)
"""Any JSON-like value, with the awkward strings records meet (overflow, NaN, dates)."""

_FIELDS = [
    "id",
    "text",
    "received_at",
    "channel",
    "hotline",
    "sector",
    "complainant",
    "respondent",
    "requests",
    "amount_paid",
    "loss_amount",
    "incident_at",
    "evidence",
    "history",
    "handled_elsewhere",
    "in_scope",
]


_amounts = st.one_of(
    st.sampled_from(["1e400", "1.8e308", "1.7e308", "-0", "0.1", "1E+999999"]),
    st.decimals().map(str),
    st.floats(),
    json_values,
)
"""Sums as records carry them, overflowing ones included."""


@st.composite
def record_like(draw: st.DrawFn) -> dict[str, Any]:
    """A complaint-shaped dict: real field names, values valid or not, amounts often."""
    record: dict[str, Any] = {"id": "f1", "text": "投诉", "received_at": AT}
    for name in draw(st.lists(st.sampled_from(_FIELDS), max_size=5, unique=True)):
        record[name] = draw(json_values)
    for name in draw(st.lists(st.sampled_from(["amount_paid", "loss_amount"]), unique=True)):
        record[name] = draw(_amounts)
    if draw(st.booleans()):
        record["requests"] = [{"kind": "refund", "amount": draw(_amounts)}]
    return record


@pytest.fixture(scope="module")
def engine() -> Iterator[Engine]:
    """An engine over the demo pack."""
    with Engine.from_paths(DEMO) as built:
        yield built


def _finite_amounts(complaint: Complaint) -> bool:
    amounts = [complaint.amount_paid, complaint.loss_amount]
    amounts += [request.amount for request in complaint.requests]
    return all(math.isfinite(float(amount)) for amount in amounts if amount is not None)


def _parsed(data: Any) -> Complaint | RecordError:
    """The complaint in ``data``, or the RecordError it raises (any other error escapes)."""
    try:
        return parse_complaint(data)
    except RecordError as error:
        return error


@given(data=st.one_of(record_like(), json_values))
def test_any_value_is_a_complaint_or_a_record_error(data: Any) -> None:
    """parse_complaint on any value returns a Complaint with finite amounts or RecordError."""
    outcome = _parsed(data)
    if isinstance(outcome, RecordError):
        assert outcome.problems
    else:
        assert _finite_amounts(outcome)


@given(data=st.one_of(record_like(), json_values), noise=st.text(max_size=30))
def test_any_json_text_is_a_complaint_or_a_record_error(data: Any, noise: str) -> None:
    """JSON text, or JSON text with noise appended, never raises anything but RecordError."""
    for text in (json.dumps(data), json.dumps(data) + noise, noise):
        outcome = _parsed(text)
        assert isinstance(outcome, Complaint) or outcome.problems


@given(record=record_like(), key=st.sampled_from(["id", "text", "channel"]))
def test_a_repeated_key_is_always_refused(record: dict[str, Any], key: str) -> None:
    """Whatever else a record holds, repeating one of its keys is a RecordError."""
    text = json.dumps({**record, key: record.get(key, "x")})
    repeated = text[:-1] + f", {json.dumps(key)}: 1}}"
    with pytest.raises(RecordError, match="appears twice"):
        parse_complaint(repeated)


@given(
    text=st.one_of(complaint_texts(), st.text(min_size=1, max_size=200)),
    amount=st.one_of(
        st.none(),
        st.decimals(allow_nan=False, allow_infinity=False).map(str),
        st.floats(allow_nan=False, allow_infinity=False, min_value=0).map(repr),
    ),
)
def test_every_valid_complaint_gets_a_decision(
    engine: Engine, text: str, amount: str | None
) -> None:
    """Random texts and amounts: a Decision for every valid complaint, else a RecordError."""
    complaint = _parsed({"id": "f1", "text": text, "received_at": AT, "loss_amount": amount})
    if isinstance(complaint, RecordError):
        return
    decision = engine.decide(complaint)
    assert isinstance(decision, Decision)
    assert decision.complaint_id == "f1"
