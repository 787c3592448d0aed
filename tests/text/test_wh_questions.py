"""Questions asked with a question word of place, amount or date (在哪, 多少, 哪里, 几号)."""

from __future__ import annotations

import pytest
from tests.text.readings import asks_only, mode_of

from triage.facts import Analyser
from triage.text.clauses import Mode

ANALYSER = Analyser({"test_terms": ["扣款", "水费", "利息", "还款"]})


def _mode_of(text: str, word: str) -> Mode:
    return mode_of(ANALYSER, text, word)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("我的借呗这个月自动扣款是扣在哪里", "扣款"),
        ("借呗的利息是多少", "利息"),
        ("花呗在哪里还款", "还款"),
        ("这个月还款日是几号", "还款"),
        ("水费一吨多少钱", "水费"),
        ("上个月扣款，扣到哪儿了", "扣到"),
    ],
)
def test_question_words_of_place_amount_and_date_ask(text: str, word: str) -> None:
    """在哪 anywhere, or 多少 / 哪里 / 几号 … closing the clause, make it a question."""
    assert _mode_of(text, word) is Mode.QUESTION
    assert asks_only(ANALYSER, text)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("不清楚水费交到哪里", "水费"),
        ("我也不知道扣款在哪", "扣款"),
        ("水费没多少", "水费"),
        ("汤洒得哪里都是，扣款倒是很快", "扣款"),
        ("每次还款都要跑好几趟", "还款"),
    ],
)
def test_embedded_or_indefinite_words_ask_nothing(text: str, word: str) -> None:
    """Near misses: an embedded question told (不清楚…哪里), 没多少, 哪里都是, 好几趟."""
    assert _mode_of(text, word) is Mode.STATEMENT
    assert not asks_only(ANALYSER, text)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("蚂蚁借呗逾期多长时间会对个人产生影响", "逾期"),
        ("借呗逾期一天会有什么影响", "逾期"),
        ("借呗用那么多都不给提额，什么意思", "提额"),
        ("花呗扣款失败了，什么情况", "扣款"),
    ],
)
def test_questions_of_length_meaning_and_effect_ask(text: str, word: str) -> None:
    """多长时间, 有什么影响, 什么意思 and 什么情况 ask like 多久 and 怎么回事."""
    assert asks_only(ANALYSER, text)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("逾期一天，还款后没有什么影响", "逾期"),
        ("店大了欺客真明白什么意思了", "欺客"),
        ("我终于知道什么意思了", "知道"),
    ],
)
def test_no_effect_or_understanding_told_asks_nothing(text: str, word: str) -> None:
    """Near misses: 没有什么影响 tells that nothing came of it, 明白/知道什么意思了 an
    understanding reached."""
    assert _mode_of(text, word) is Mode.STATEMENT
    assert not asks_only(ANALYSER, text)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("空调一开就响，估计过不了多久就会坏", "空调"),
        ("这双鞋穿了没多久就开胶了", "开胶"),
        ("买来没过多久屏幕就碎了", "屏幕"),
        ("电池用不了多久就没电", "电池"),
        ("才买了没有多久，扣款就出错了", "扣款"),
    ],
)
def test_a_short_time_told_asks_nothing(text: str, word: str) -> None:
    """多久 after a negation (没多久, 没过多久, 过不了多久, 用不了多久) tells a short time."""
    assert _mode_of(text, word) is Mode.STATEMENT
    assert not asks_only(ANALYSER, text)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("花呗还款后多久恢复额度", "还款"),
        ("退款了多久能到账", "退款"),
        ("这都没到，多久能到", "多久"),
    ],
)
def test_how_long_still_asks(text: str, word: str) -> None:
    """Near misses: 多久 not after a negation asks how long (还款后多久, 多久能到)."""
    assert _mode_of(text, word) is Mode.QUESTION
    assert asks_only(ANALYSER, text)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("一股怪味，不知道放了多久", "怪味"),
        ("桌子上不知道多久没擦过", "桌子"),
        ("水果都皱了，不清楚放多久了", "水果"),
    ],
)
def test_a_time_past_not_known_asks_nothing(text: str, word: str) -> None:
    """不知道 … 多久 with 了 or 没…过 tells that goods or a room were left for long: no question."""
    assert _mode_of(text, word) is Mode.STATEMENT
    assert not asks_only(ANALYSER, text)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("还款了，不知道多久能恢复额度", "恢复"),
        ("不知道过多久能到账", "到账"),
        ("额度被降了？多久能恢复", "恢复"),
    ],
)
def test_how_long_wondered_still_asks(text: str, word: str) -> None:
    """Near misses: 不知道 … 多久 of what is still to come (多久能恢复, 过多久能到账) asks."""
    assert _mode_of(text, word) is Mode.QUESTION
    assert asks_only(ANALYSER, text)
