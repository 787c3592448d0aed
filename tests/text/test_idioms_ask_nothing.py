"""Fixed expressions built on question words that ask nothing: 没什么意思 (pointless), 能不能走点心
(a reproach), 无论如何 / 不管怎么 (any answer conceded), 怎么也打不通 (however hard), 是不是 in a
doubt told (不知道是不是真货, 怀疑是不是二手的). A failure told beside one is a complaint, not a
consultation."""

from __future__ import annotations

import pytest
from tests.text.readings import asks_only, mode_of

from triage.facts import Analyser
from triage.text.clauses import Mode

ANALYSER = Analyser(
    {
        "test_terms": [
            "保质期",
            "洒了",
            "退款",
            "打不通",
            "睡不着",
            "意思",
            "心意",
            "钱",
            "真货",
            "二手",
            "正品",
            "坏了",
            "假的",
        ]
    }
)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("没包装没生产日期没保质期能不能走点心", "保质期"),
        ("菜全洒了，能不能用点心", "洒了"),
        ("说了三次还是错，能不能上点心", "还是错"),
        ("能不能长点心啊，菜都洒了", "洒了"),
        ("买来一读觉得没有什么意思", "意思"),
        ("这书写得没什么意思", "意思"),
        ("无论如何都要退款", "退款"),
        ("不管怎么打都打不通", "打不通"),
        ("不论是否签收都要退款", "退款"),
        ("客服电话怎么也打不通", "打不通"),
        ("隔壁太吵，晚上怎么样也睡不着", "睡不着"),
        ("不知道是不是真货", "真货"),
        ("怀疑是不是二手的", "二手"),
        ("不知是不是别人退回的二手", "二手"),
        ("也不清楚是不是正品", "正品"),
        ("不晓得是不是坏了", "坏了"),
        ("很怀疑是不是假的", "假的"),
    ],
)
def test_idioms_with_question_words_state(text: str, word: str) -> None:
    """The clause states, and the text does not only ask."""
    assert mode_of(ANALYSER, text, word) is Mode.STATEMENT
    assert not asks_only(ANALYSER, text)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("这是什么意思？", "意思"),
        ("客服说的这话是什么意思", "意思"),
        ("能不能退款", "退款"),
        ("能不能多给点心意", "心意"),
        ("多少钱", "钱"),
        ("电话怎么打不通", "打不通"),
        ("如何退款", "退款"),
        ("是不是二手的", "二手"),
        ("不知道是不是正品？", "正品"),
        ("这个是不是坏了怎么办", "坏了"),
    ],
)
def test_real_questions_still_ask(text: str, word: str) -> None:
    """Near misses: a meaning asked (是什么意思), 能不能 before another verb, 多少钱, 怎么 and
    如何 on their own ask, and so does 是不是 alone, closed by ？ or before 怎么办."""
    assert mode_of(ANALYSER, text, word) is Mode.QUESTION
    assert asks_only(ANALYSER, text)
