"""怎么 + a verb put to the reader after a failure (让人怎么吃, 叫我怎么用, 这还怎么住) or
closed by ！ (可乐全洒在袋子里了，怎么喝！) exclaims that the goods or service cannot be
used: a rhetorical question, not a consultation. A way asked for (怎么退款, 怎么办, 怎么设置)
and 不怎么 ("not very") stay what they were."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from tests.text.readings import asks_only, mode_of

from triage.facts import Analyser
from triage.text.clauses import Mode

ANALYSER = Analyser({"test_terms": ["可乐", "粥", "房间", "平板", "退款", "花呗"]})


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("可乐全洒在袋子里了，怎么喝！", "可乐"),
        ("粥撒了一袋子，让人怎么吃", "粥"),
        ("房间这么脏，这让人怎么住？", "房间"),
        ("平板连膜都不贴，叫我怎么用？", "平板"),
        ("可乐洒了，这还怎么喝", "可乐"),
    ],
)
def test_how_after_a_failure_exclaims(text: str, word: str) -> None:
    """怎么 + a verb after a failure (让人怎么吃, 怎么喝！) is rhetorical, so the text does not only
    ask."""
    assert not asks_only(ANALYSER, text)
    assert mode_of(ANALYSER, text, "怎么") is Mode.RHETORICAL


@pytest.mark.parametrize(
    "text",
    ["请问怎么退款？", "花呗怎么开通", "怎么设置自动还款！", "让我怎么办？", "退款怎么处理"],
)
def test_a_way_asked_for_stays_a_question(text: str) -> None:
    """A way asked for (怎么退款, 怎么开通, 让我怎么办) stays a question the text only asks."""
    assert asks_only(ANALYSER, text)


@given(
    st.sampled_from(["让人", "叫人", "让我", "叫我", "这还", "还"]),
    st.sampled_from(["吃", "喝", "住", "用", "穿", "睡"]),
    st.sampled_from(["", "？", "！", "啊"]),
)
def test_how_put_to_the_reader_is_never_a_consultation(who: str, verb: str, end: str) -> None:
    """However 怎么 + a verb is put to the reader after a failure, the text is no consultation."""
    assert not asks_only(ANALYSER, f"东西全坏了，{who}怎么{verb}{end}")


def test_not_very_asks_nothing() -> None:
    """不怎么 ("not very") asks nothing: 不怎么开心 is a statement."""
    assert mode_of(ANALYSER, "一次不怎么开心的预定！", "开心") is Mode.STATEMENT


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("花呗还不知道怎么还款", "还款"),
        ("退款还不到账是什么情况", "退款"),
        ("还不清楚那么多钱去哪了？", "钱"),
    ],
)
def test_still_not_then_a_question_word_asks(text: str, word: str) -> None:
    """还不 … 怎么/什么/那么 is no rhetorical 还不…么: the 么 is part of the question word, so the
    clause asks (还不知道怎么还款), it does not assert."""
    assert mode_of(ANALYSER, text, word) is not Mode.RHETORICAL


@pytest.mark.parametrize(("text", "word"), [("这还不是坑人吗", "坑人"), ("钱还不退么", "退")])
def test_still_not_closed_by_a_particle_is_rhetorical(text: str, word: str) -> None:
    """还不/不是 … closed by 吗 or a bare 么 asserts (这还不是坑人吗)."""
    assert mode_of(ANALYSER, text, word) is Mode.RHETORICAL


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("花呗被冻结了。怎么可以解开", "解开"),
        ("借呗怎么可以开通", "开通"),
        ("逾期记录怎么能消除", "消除"),
        ("怎么可以设置自动还款", "设置"),
    ],
)
def test_how_can_i_before_my_own_step_asks(text: str, word: str) -> None:
    """怎么可以/怎么能 before a step the asker takes on their own account (解开, 开通, 消除, 设置)
    asks for the way: a question, not a rhetorical one."""
    assert mode_of(ANALYSER, text, word) is Mode.QUESTION


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("你们怎么可以乱扣钱", "扣钱"),
        ("怎么能这样对待顾客", "顾客"),
        ("商家怎么可以取消我的订单", "订单"),
        ("这种酒店怎么能开业", "开业"),
    ],
)
def test_how_can_you_stays_rhetorical(text: str, word: str) -> None:
    """怎么可以/怎么能 before the other side's act (乱扣钱, 这样对待, 取消我的订单) asserts."""
    assert mode_of(ANALYSER, text, word) is Mode.RHETORICAL
