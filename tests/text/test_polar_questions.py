"""A yes/no question asks whether (ClauseReading.asks_whether): 又扣了吗 asserts no deduction,
while a question with a question word presupposes what it asks about (为什么又扣了 tells it).
The patterns whose meaning is an event told (``told: true``) find nothing in the first."""

from __future__ import annotations

import pytest
from tests.text.readings import clause_reading

from triage.facts import Analyser
from triage.text.patterns import PatternSpec

AGAIN = PatternSpec("t.pattern.again", "deducted", (("又", "还"), ("扣",)), gap=2, told=True)


def _asks_whether(analyser: Analyser, text: str, word: str) -> bool:
    reading, normalized = clause_reading(analyser, text)
    start = normalized.index(word)
    return reading.asks_whether(reading.token_at(start), start, start + len(word))


@pytest.mark.parametrize(
    "text",
    ["花呗又扣了吗", "是不是又扣了两次", "这个月又扣款了？", "使用花呗最后退货了手续费还扣吗"],
)
def test_a_yes_no_question_asks_whether(core_analyser: Analyser, text: str) -> None:
    """A yes/no question (花呗又扣了吗, 是不是又扣了两次) asks whether the deduction happened."""
    assert _asks_whether(core_analyser, text, "扣")


@pytest.mark.parametrize(
    "text",
    ["为什么又扣了我的钱", "怎么还扣我的呀", "什么时候扣的款？", "上个月又扣了我两百，能退吗"],
)
def test_a_question_word_or_a_statement_does_not(core_analyser: Analyser, text: str) -> None:
    """A question with a question word (为什么又扣了) or a statement before a question does not
    ask whether."""
    assert not _asks_whether(core_analyser, text, "扣")


def test_a_told_pattern_finds_nothing_in_a_yes_no_question() -> None:
    """A ``told: true`` pattern finds nothing in a yes/no question, but does in a why-question
    and a statement."""
    analyser = Analyser({}, patterns=(AGAIN,))

    def found(text: str) -> bool:
        return any(hit.term == AGAIN.id for hit in analyser.analyse(text).hits)

    assert not found("花呗又扣了吗")
    assert found("为什么又扣了我的钱")
    assert found("上个月又扣了我两百，能退吗")
