"""A record whose source gives no date (received_at null) reads no time against any day:
not a placeholder's. A made-up 2020-01-01 made a 2021 date in the text read as 'written
later' (every time reading dropped) and an hotel's 2008 plan 'at the year's end' read as a
promise overdue; an unknown day is unknown. Only the text itself can tell that a promised
date passed (至今没人修: tests/text/test_overdue_told.py)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta, timezone

import pytest

from triage import Engine
from triage.records import Complaint

CHINA = timezone(timedelta(hours=8))
TEXT = "物业承诺2008年11月底前修好楼道的灯，2008年3月开始就坏了"


@pytest.fixture(scope="module")
def engine() -> Iterator[Engine]:
    """The default engine, shared by the module's tests."""
    with Engine.default() as default:
        yield default


def _complaint(received_at: datetime | None, text: str = TEXT) -> Complaint:
    return Complaint.model_validate({"id": "u1", "text": text, "received_at": received_at})


def test_an_undated_record_reads_no_time_and_no_overdue_promise(engine: Engine) -> None:
    """An undated record reads no times, no reference date, and no promise_overdue, days_open
    or received_date fact."""
    features = engine.analyse(_complaint(None))
    assert features.times == ()
    assert features.reference_date is None
    assert "promise_overdue" not in features.facts
    assert "days_open" not in features.facts
    assert "received_date" not in features.facts


def test_an_undated_record_reads_a_promise_passed_only_when_its_text_says_so(
    engine: Engine,
) -> None:
    """An undated record holds promise_overdue when its text says the promise passed (至今没人修),
    still with no reference date."""
    told = engine.analyse(_complaint(None, TEXT + "，至今没人修"))
    assert told.facts.get("promise_overdue") is True
    assert told.reference_date is None


def test_an_undated_record_ignores_as_of_for_its_text(engine: Engine) -> None:
    """``as_of`` gives an undated record's text no date to read against, though the decision
    records it as its moment."""
    as_of = datetime(2026, 12, 1, tzinfo=CHINA)
    features = engine.analyse(_complaint(None), as_of=as_of)
    assert features.times == ()
    assert "promise_overdue" not in features.facts
    decision = engine.decide(_complaint(None), as_of=as_of)
    assert decision.as_of == as_of


def test_an_undated_decision_says_its_moment_is_unknown(engine: Engine) -> None:
    """An undated record decided without ``as_of`` has no moment: its ``as_of`` is None."""
    assert engine.decide(_complaint(None)).as_of is None


def test_a_dated_record_still_reads_its_times(engine: Engine) -> None:
    """A dated record still reads its times against its date: the promise overdue, 0 days open."""
    features = engine.analyse(_complaint(datetime(2009, 1, 5, tzinfo=CHINA)))
    assert features.times
    assert features.facts.get("promise_overdue") is True
    assert features.facts["days_open"] == 0
