"""Yes/no questions asked as A-not-A (算不算, 扣不扣, 要不要): the asked verb is not asserted."""

from __future__ import annotations

import pytest
from tests.text.readings import asks_only, mode_of

from triage.facts import Analyser
from triage.text.clauses import Mode

ANALYSER = Analyser({"test_terms": ["扣款", "手续费", "逾期", "卡顿", "死机", "坑"]})


def _mode_of(text: str, word: str) -> Mode:
    return mode_of(ANALYSER, text, word)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("花呗逾期九号还算不算", "逾期"),
        ("花呗扣款扣不扣手续费", "手续费"),
        ("要不要扣手续费", "手续费"),
        ("借呗提前还款收不收手续费", "手续费"),
        ("退货以后逾期还算不算数", "逾期"),
    ],
)
def test_a_not_a_asks(text: str, word: str) -> None:
    """An A-not-A question (算不算, 扣不扣, 要不要) asks about its verb, and the text only asks."""
    assert _mode_of(text, word) is Mode.QUESTION
    assert asks_only(ANALYSER, text)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("手机时不时卡顿", "卡顿"),
        ("电脑动不动就死机", "死机"),
        ("东西还不错不错，就是扣款慢", "扣款"),
    ],
)
def test_adverbs_and_repeats_ask_nothing(text: str, word: str) -> None:
    """Adverbs (时不时, 动不动) and repeated words (不错不错) that look like A-not-A ask nothing."""
    assert _mode_of(text, word) is Mode.STATEMENT


def test_a_not_a_about_a_clause_keeps_the_event_told() -> None:
    """An A-not-A (能不能退) asks only its own clause: the deduction told before it (被扣款两次)
    stays a statement."""
    text = "上个月被扣款两次，能不能退"
    assert _mode_of(text, "扣款") is Mode.STATEMENT
    assert _mode_of(text, "退") is Mode.QUESTION


def test_how_bad_asked_is_rhetorical() -> None:
    """An A-not-A of how bad (要不要这么坑) is rhetorical."""
    assert _mode_of("刚买就降价，要不要这么坑", "坑") is Mode.RHETORICAL
