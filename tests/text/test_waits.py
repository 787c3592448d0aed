"""Waits told with a number (``find_waits``, facts ``wait_minutes`` and ``late_minutes``): a
span of minutes or hours after a wait verb (等了, 送了; 用了/花了 about delivery or serving) or
before the arrival (才送到), or from an order time to an arrival time (十二点下单，两点才送到),
in minutes; after 超时, 迟到, 晚了 the time past the promise. A
span expected, promised, not reached or quick, or time spent on anything else, is none."""

from __future__ import annotations

import pytest

from triage.facts import Analyser
from triage.records import Complaint
from triage.text.features import SignalKind
from triage.text.normalize import Normalizer
from triage.text.waits import find_waits

NORMALIZER = Normalizer()


def waits(text: str) -> list[tuple[str, int]]:
    """The waits ``find_waits`` reads in the text, as (kind, minutes)."""
    return [(found.kind.value, found.value) for found in find_waits(NORMALIZER.normalize(text))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("等了123分钟，饭都凉了", [("wait", 123)]),
        ("等了一个半小时", [("wait", 90)]),
        ("送了两个多小时", [("wait", 120)]),
        ("一个小时才送到", [("wait", 60)]),
        ("足足等了90分钟", [("wait", 90)]),
        ("等了将近2个小时，说电动车坏了", [("wait", 120)]),
        ("足足等了将近一个钟才可以进房间", [("wait", 60)]),
        ("等了半个钟头还没上", [("wait", 30)]),
        ("三小时二十分才送到", [("wait", 200)]),
        ("定了餐一小时之后才送到", [("wait", 60)]),
        ("八十多分钟才送达", [("wait", 80)]),
        ("两个小时送到，饭都凉了", [("wait", 120)]),
        ("送餐用了一个半小时", [("wait", 90)]),
        ("花了一小时才上齐", [("wait", 60)]),
        ("苦等了1.5小时", [("wait", 90)]),
    ],
)
def test_a_wait_is_read(text: str, expected: list[tuple[str, int]]) -> None:
    """A wait after a wait verb or before the arrival is read in minutes, in any numerals."""
    assert waits(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("超时40分钟", [("late", 40)]),
        ("骑手迟到了半个小时", [("late", 30)]),
        ("慢了大约一个小时", [("late", 60)]),
        ("比预计时间晚了1小时多", [("late", 60)]),
    ],
)
def test_a_time_past_the_promise_is_read(text: str, expected: list[tuple[str, int]]) -> None:
    """After 超时, 迟到, 晚了 or 慢了 the span is how far past the promise it came."""
    assert waits(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "等了5分钟就到了",
        "半小时就到了，很快",
        "一小时内送到，不错",
        "不到半小时就送到了",
        "预计一个小时送到",
        "还要等一个小时",
        "用了两个小时做完作业",
        "花了三个小时写报告",
        "两个小时后来了个电话",
        "三点钟才到",
    ],
)
def test_no_wait(text: str) -> None:
    """Speed, a limit, a span expected, time spent on anything else or a clock is no wait."""
    assert waits(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1:50订的，快五点送到的", [("wait", 190)]),
        ("十二点下单，两点才送到", [("wait", 120)]),
        ("11点半点的餐1点多才到", [("wait", 90)]),
        ("十一点四十订的，一点零五送到", [("wait", 85)]),
        ("下午3点下单，晚上7点才送来", [("wait", 240)]),
        ("下单时间是11:20，13:05才送到", [("wait", 105)]),
        ("3点下单3点半就到了", [("wait", 30)]),
    ],
)
def test_a_wait_told_by_clock_times_is_read(text: str, expected: list[tuple[str, int]]) -> None:
    """An order time and a later arrival time give the wait as their difference, across noon
    or midnight on a 12-hour dial unless the half of the day is told."""
    assert waits(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "营业时间10点到2点",
        "12点下单，营业时间10点到2点",
        "两点才送到",
        "十二点下单，还没送到",
        "晚上11点下的单，第二天上午10点送到",
        "10:25下的单，建议11:45送到",
        "十二点下单，预计两点送到",
    ],
)
def test_no_wait_by_clock_times(text: str) -> None:
    """A range of hours, an arrival with no order time, an order with no arrival, an arrival
    only asked or expected, or times over 12 hours apart tell no wait."""
    assert waits(text) == []


def test_a_wait_is_a_fact_with_its_evidence(core_analyser: Analyser) -> None:
    """The longest wait is the fact wait_minutes, the longest time past the promise
    late_minutes, each with its surface as evidence."""
    complaint = Complaint(
        id="c1", text="外卖超时40分钟，一共等了137分钟，饭都凉了。", received_at=None
    )
    features = core_analyser.analyse(complaint)
    assert features.facts["wait_minutes"] == 137
    assert features.facts["late_minutes"] == 40
    assert [span.surface for span in features.spans["wait_minutes"]] == ["137分钟"]


def test_kinds_are_signal_kinds() -> None:
    """Waits are counted signals of their own kinds."""
    found = find_waits(NORMALIZER.normalize("超时40分钟，等了两个小时"))
    assert {signal.kind for signal in found} == {SignalKind.LATE, SignalKind.WAIT}
