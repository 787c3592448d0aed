"""A time promised or announced for an act that had passed when the complaint came in
(docs/text-analysis.md, "Times promised and passed"): ``find_overdue`` reads it to the last
day it can mean, and ``promise_overdue`` holds; a time still ahead, a promise kept, an act
told as done, a courier's estimate or a time the complainant asks for are none."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from triage.facts import Analyser
from triage.records import Complaint
from triage.text.normalize import Normalizer
from triage.text.times import find_overdue

NORMALIZER = Normalizer()


def overdue(text: str, reference: date) -> list[tuple[str, date]]:
    """The overdue times ``find_overdue`` reads in the text on the reference day, as (surface,
    last day meant)."""
    return [
        (found.surface, found.date) for found in find_overdue(NORMALIZER.normalize(text), reference)
    ]


@pytest.mark.parametrize(
    ("text", "reference", "expected"),
    [
        # the cue before the date, the act after it
        (
            "工程公示写明2025年12月完工，现在路还挖着",
            date(2026, 3, 1),
            [("2025年12月", date(2025, 12, 31))],
        ),
        (
            "物业约定3月2日上门更换水表，等了一天没人来",
            date(2026, 3, 10),
            [("3月2日", date(2026, 3, 2))],
        ),
        (
            "街道答复11月中旬能修好路灯，到现在还是黑的",
            date(2026, 12, 1),
            [("11月中旬", date(2026, 11, 20))],
        ),
        (
            "原计划2019年年底通水，村里至今还在买水",
            date(2020, 5, 1),
            [("2019年年底", date(2019, 12, 31))],
        ),
        ("客服保证5月初退款到账，钱一直没到", date(2026, 5, 20), [("5月初", date(2026, 5, 10))]),
        # the plan right after the date
        (
            "2026年4月份准备重新铺设管道，一直拖着没动工",
            date(2026, 6, 1),
            [("2026年4月份", date(2026, 4, 30))],
        ),
        # 年底 alone: this year's end, or last year's when this one is over half a year ahead
        (
            "之前回复说年底前做好，现在已经4月了都还没做好",
            date(2026, 4, 12),
            [("年底", date(2025, 12, 31))],
        ),
        # a December promise read in January is last December's
        (
            "之前反馈说12月下旬能解决，现在已经1月了",
            date(2026, 1, 15),
            [("12月下旬", date(2025, 12, 31))],
        ),
        # a schedule set by a requirement (按照要求), passed with the work not done
        (
            "按照要求2017年12月31日完工通水。时间已经过了9个月，治理尚未完成",
            date(2018, 9, 25),
            [("2017年12月31日", date(2017, 12, 31))],
        ),
        # on time denied later in the sentence is no promise kept
        (
            "施工公告写明2018年4月30日完工，到现在还没有完工，一直无法如期完工",
            date(2018, 6, 11),
            [("2018年4月30日", date(2018, 4, 30))],
        ),
        (
            "物业承诺3月2日前修好电梯，没有按时修好",
            date(2026, 3, 10),
            [("3月2日", date(2026, 3, 2))],
        ),
        # a later date the complainant asks for does not make the text written later,
        # as find_times reads it too
        (
            "物业承诺11月底前修好，至今没修，要求2027年1月1日前处理完",
            date(2026, 12, 7),
            [("11月底", date(2026, 11, 30))],
        ),
    ],
)
def test_a_time_promised_and_passed_is_overdue(
    text: str, reference: date, expected: list[tuple[str, date]]
) -> None:
    """A time promised or announced for an act and passed by the reference day is overdue, read
    to the last day it can mean."""
    assert overdue(text, reference) == expected


@pytest.mark.parametrize(
    ("text", "reference"),
    [
        # still ahead: the last day it can mean has not passed
        ("预计十月底完工", date(2026, 10, 29)),
        ("承诺12月底前修好", date(2026, 11, 20)),
        ("物业答复本月20日前处理", date(2026, 6, 1)),
        ("街道答复年底前做好", date(2026, 11, 12)),
        # kept, or told as done
        ("约定3月2日上门安装，师傅按时来装好了", date(2026, 3, 10)),
        ("公告写明2018年4月30日完工，工程如期完工", date(2018, 6, 11)),
        ("答复11月5日前修好，已经修好了，但又坏了", date(2026, 11, 20)),
        ("客服说11月5日处理了，可问题还在", date(2026, 11, 20)),
        # a courier's or rider's estimate is no commitment
        ("快递说11月5日送到，到现在还没到", date(2026, 11, 20)),
        # a date of the harm, or the complainant's own deadline, is no promise
        ("11月5日停水，至今未恢复", date(2026, 11, 20)),
        ("我要求11月5日前修好，到现在也没修", date(2026, 11, 20)),
        # a date after the reference (written later): nothing can be placed from it
        ("用户反映:2026-11-04，后台承诺十一月份会处理", date(2026, 1, 1)),
        # no act after the date in its clause
        ("工作人员告知3月2日，之后就没消息了", date(2026, 3, 10)),
    ],
)
def test_no_time_is_overdue(text: str, reference: date) -> None:
    """A time still ahead, a promise kept, an act told done, a courier's estimate, a date of the
    harm or the complainant's own, a later date or a time with no act is not overdue."""
    assert overdue(text, reference) == []


@given(
    days=st.integers(min_value=1, max_value=150),
    act=st.sampled_from(["修好", "完工", "处理", "退款"]),
)
def test_a_promised_day_is_overdue_exactly_when_it_has_passed(days: int, act: str) -> None:
    """A promised day is overdue once it has passed, not on the day itself or before it."""
    due = date(2026, 7, 15)
    text = f"工作人员承诺{due.month}月{due.day}日前{act}，一直没有下文"
    assert bool(overdue(text, due + timedelta(days=days))) is True
    assert overdue(text, due) == []
    assert overdue(text, due - timedelta(days=days)) == []


def test_promise_overdue_is_a_fact_with_its_evidence(core_analyser: Analyser) -> None:
    """A promise passed by the received date holds the fact promise_overdue with the date as its
    evidence; one still ahead does not."""
    received = datetime(2026, 3, 10, 9, 0, tzinfo=timezone(timedelta(hours=8)))
    complaint = Complaint(
        id="c1", text="燃气公司约定3月2日上门安装燃气表，没有人来。", received_at=received
    )
    features = core_analyser.analyse(complaint)
    assert features.facts["promise_overdue"] is True
    assert [span.surface for span in features.spans["promise_overdue"]] == ["3月2日"]
    kept = Complaint(id="c2", text="燃气公司约定3月20日上门安装燃气表。", received_at=received)
    assert "promise_overdue" not in core_analyser.analyse(kept).facts
