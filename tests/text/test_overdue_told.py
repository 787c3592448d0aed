"""A time promised for an act in an undated text (no received_at, no as_of): the date cannot
be placed, so ``find_overdue`` reads it as passed only when the text itself tells the act
still not done after it, in its sentence or the next (docs/text-analysis.md, "Times promised
and passed"); a dated text is read against its date as before."""

from __future__ import annotations

from datetime import date

import pytest

from triage.facts import Analyser
from triage.records import Complaint
from triage.text.normalize import Normalizer
from triage.text.times import find_overdue

NORMALIZER = Normalizer()


def told(text: str) -> list[tuple[str, date]]:
    """The overdue times ``find_overdue`` reads in the text with no reference day, as (surface,
    date)."""
    return [(found.surface, found.date) for found in find_overdue(NORMALIZER.normalize(text), None)]


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("水务集团之前承诺11月底完成全部改造移交工作，可现在户表改造尚未施工。", "11月底"),
        ("说在6月份会解决占用绿化带的问题，然而到目前为止迟迟没有动静。", "6月份"),
        ("2020年10月份准备第二次重修，但一直拖延未进行修建，希望尽快重修。", "2020年10月份"),
        ("原定2018年5月1号完工，现在还在施工。", "2018年5月1号"),
        # the next sentence tells it
        ("物业答应3月2日上门换表。到今天也没有人来。", "3月2日"),
    ],
)
def test_a_promise_told_not_kept_is_overdue_without_a_date(text: str, surface: str) -> None:
    """In an undated text, a promised time whose act the text tells still undone (in its sentence
    or the next) is overdue, dated date.min."""
    assert told(text) == [(surface, date.min)]


@pytest.mark.parametrize(
    "text",
    [
        # nothing told after the date: an undated text cannot say it has passed
        "工程原定2018年5月1号完工。",
        "物业承诺12月底前修好。请问到时候能修好吗？",
        "工程原定明年6月完工，请市民理解",
        # kept
        "承诺11月5日修好，已经修好了，至今没有问题",
        # a courier's estimate is no commitment
        "快递说12月3日送到，到现在还没到",
        # not yet, but two sentences on: another matter
        "物业答应3月2日上门换表。换表后水压正常。楼道灯至今没修。",
    ],
)
def test_no_undated_time_is_overdue_unless_told(text: str) -> None:
    """In an undated text, a promised time is not overdue when nothing after it, a kept promise, a
    courier's estimate or only a sentence two on tells it undone."""
    assert told(text) == []


def test_an_undated_complaint_has_promise_overdue(core_analyser: Analyser) -> None:
    """An undated complaint whose text tells a promised act undone holds promise_overdue with the
    date as evidence; one that does not tell it holds none."""
    complaint = Complaint(
        id="c1", text="燃气公司承诺3月2日上门安装燃气表，至今没有人来。", received_at=None
    )
    features = core_analyser.analyse(complaint)
    assert features.facts["promise_overdue"] is True
    assert [span.surface for span in features.spans["promise_overdue"]] == ["3月2日"]
    kept = Complaint(id="c2", text="燃气公司承诺3月2日上门安装燃气表。", received_at=None)
    assert "promise_overdue" not in core_analyser.analyse(kept).facts
