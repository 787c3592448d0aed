"""Strict records: finite amounts, no repeated keys, a typed as_of, documented coercions."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from decimal import Decimal

import pytest

from tests.tools.helpers import DEMO
from triage import Engine, parse_complaint
from triage.errors import RecordError
from triage.records import Complaint
from triage.tools.inputs import BadLine, Numbered, read_jsonl

AT = "2026-03-01T10:00:00+08:00"
BASE = {"id": "c1", "text": "店里多收了我钱", "received_at": AT}


def _problems(error: RecordError) -> dict[str, str]:
    return {problem.loc: problem.message for problem in error.problems}


@pytest.mark.parametrize(
    ("extra", "loc"),
    [
        ({"amount_paid": "1e400"}, "amount_paid"),
        ({"loss_amount": "2E+308"}, "loss_amount"),
        ({"requests": [{"kind": "refund", "amount": "1e400"}]}, "requests.0.amount"),
    ],
)
def test_amounts_that_overflow_are_a_record_error(extra: dict[str, object], loc: str) -> None:
    """An amount beyond the largest float ("1e400") is refused, naming the field."""
    with pytest.raises(RecordError) as caught:
        parse_complaint({**BASE, **extra})
    assert "overflow" in _problems(caught.value)[loc]


def test_a_json_number_that_overflows_is_a_record_error() -> None:
    """A JSON number 1e400 (infinite as a float) is refused too."""
    text = json.dumps(BASE)[:-1] + ', "amount_paid": 1e400}'
    with pytest.raises(RecordError, match="amount_paid"):
        parse_complaint(text)


def test_the_largest_finite_amount_is_kept() -> None:
    """1.7e308 still fits a float, so it is accepted as written."""
    complaint = parse_complaint({**BASE, "amount_paid": "1.7e308"})
    assert complaint.amount_paid == Decimal("1.7e308")


def test_an_overflowing_amount_no_longer_lowers_severity() -> None:
    """1e400 used to become inf and be dropped (low where 1.7e308 is high); now it is refused."""
    with Engine.from_paths(DEMO) as engine:
        big = engine.decide({**BASE, "loss_amount": "1.7e308"})
        with pytest.raises(RecordError):
            engine.decide({**BASE, "loss_amount": "1e400"})
    assert big.severity != "low"


@pytest.mark.parametrize(
    ("text", "key"),
    [
        (f'{{"id": "a", "id": "b", "text": "x", "received_at": "{AT}"}}', "id"),
        (
            f'{{"id": "a", "text": "x", "received_at": "{AT}", '
            '"complainant": {"name": "甲", "name": "乙"}}',
            "name",
        ),
    ],
    ids=["top-level", "nested"],
)
def test_repeated_json_keys_are_a_record_error(text: str, key: str) -> None:
    """A key that appears twice in one JSON object is an error, not "the last one wins"."""
    with pytest.raises(RecordError) as caught:
        parse_complaint(text)
    assert _problems(caught.value) == {key: "key appears twice in one object"}
    assert caught.value.problems[0].type == "duplicate_key"


def test_repeated_keys_in_a_jsonl_file_are_a_located_bad_line() -> None:
    """The reader reports the line of a record with a repeated key and keeps the others."""
    lines = [
        json.dumps(BASE),
        f'{{"id": "a", "text": "x", "text": "y", "received_at": "{AT}"}}',
    ]
    first, second = read_jsonl(lines, Complaint, "in.jsonl")
    assert isinstance(first, Numbered)
    assert isinstance(second, BadLine)
    assert str(second) == "in.jsonl:2: invalid Complaint: text: key appears twice in one object"


def test_keys_repeated_in_different_objects_are_fine() -> None:
    """The same key in two objects (two requests) is no repetition."""
    text = json.dumps(
        {**BASE, "requests": [{"kind": "refund"}, {"kind": "apology"}]}, ensure_ascii=False
    )
    assert len(parse_complaint(text).requests) == 2


@pytest.mark.parametrize(
    "as_of",
    ["2026-03-01T10:00:00+08:00", 1_700_000_000, datetime(2026, 3, 1)],
    ids=["string", "number", "naive"],
)
def test_as_of_of_the_wrong_type_is_a_record_error(as_of: object) -> None:
    """decide() and analyse() refuse an as_of that is no timezone-aware datetime."""
    with Engine.from_paths(DEMO) as engine:
        with pytest.raises(RecordError, match="as_of"):
            engine.decide(BASE, as_of=as_of)  # type: ignore[arg-type]
        with pytest.raises(RecordError, match="as_of"):
            engine.analyse("店里多收了我钱", as_of=as_of)  # type: ignore[arg-type]


def test_coercions_documented_in_records_md() -> None:
    """The coercions docs/records.md lists happen as it says: epoch, bytes, strings."""
    complaint = parse_complaint(
        {
            "id": "c1",
            "text": "店里多收了我钱".encode(),
            "received_at": 1_772_330_400,
            "amount_paid": "2000.50",
            "complainant": {"anonymous": "true"},
        }
    )
    assert complaint.received_at == datetime(2026, 3, 1, 2, 0, tzinfo=UTC)
    assert complaint.text == "店里多收了我钱"
    assert complaint.amount_paid == Decimal("2000.50")
    assert complaint.complainant.anonymous is True
