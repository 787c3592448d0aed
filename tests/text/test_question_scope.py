"""Questions are read per clause: a comma-joined ticket asks only where it asks."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from tests.text.readings import clause_reading, mode_of

from triage.facts import Analyser
from triage.text.clauses import Mode

ANALYSER = Analyser({"test_terms": ["黑屏", "退货"]})

STATED = (
    "手机用了三天就黑屏了",
    "客服一直不回复",
    "钱被划走了两千元",
    "外卖送到的时候汤全洒了",
    "我家已经停电两天",
)
"""Clauses that state and ask nothing."""
ASKING = (
    "请问能不能退货",
    "什么时候给我处理",
    "为什么不给退款",
    "这样合理吗",
    "会不会影响征信？",
    "到底怎么回事",
)
"""Clauses that ask by themselves."""


def _mode_of(text: str, word: str) -> Mode:
    return mode_of(ANALYSER, text, word)


def test_questions_are_read_per_clause() -> None:
    """A comma-joined ticket asks only in the clause that asks; 请问 opens the question."""
    ticket = "手机用了三天就黑屏了，请问能不能退货，客服一直不回复"
    assert _mode_of(ticket, "黑屏") is Mode.STATEMENT
    assert _mode_of(ticket, "退货") is Mode.QUESTION
    assert _mode_of(ticket, "不回复") is Mode.STATEMENT
    assert _mode_of("钱被划走了，怎么办？", "划走") is Mode.STATEMENT
    assert _mode_of("钱被划走了，怎么办？", "怎么办") is Mode.QUESTION
    assert _mode_of("我的卡被扣了年费，这合理吗，", "合理") is Mode.QUESTION
    # 请问 with the asking in a later clause: the earlier clause is what it presupposes
    assert _mode_of("请问我家停电了，什么时候来电？", "停电") is Mode.STATEMENT
    assert _mode_of("请问我家停电了，什么时候来电？", "来电") is Mode.QUESTION
    # 请问 with no other asking: its own clause asks, and the next one when it stands alone
    assert _mode_of("请问明天小区停电", "停电") is Mode.QUESTION
    assert _mode_of("请问，明天小区停电", "停电") is Mode.QUESTION
    assert _mode_of("想问一下，明天小区停电，冰箱的肉都坏了", "停电") is Mode.QUESTION
    assert _mode_of("想问一下，明天小区停电，冰箱的肉都坏了", "坏了") is Mode.STATEMENT
    # a rhetorical clause asserts; the others of its sentence are read on their own
    assert _mode_of("这不是坑人吗，我要投诉", "坑人") is Mode.RHETORICAL
    assert _mode_of("这不是坑人吗，我要投诉", "投诉") is Mode.STATEMENT


def test_consultation_verbs_open_a_question() -> None:
    """咨询, 询问, 想了解 … open a question as 请问 does; 咨询 in a name (咨询电话) does not."""
    assert _mode_of("咨询更换水表的费用由谁承担", "更换") is Mode.QUESTION
    assert _mode_of("用户想了解宽带提速后的资费，请回电", "提速") is Mode.QUESTION
    assert _mode_of("用户想了解宽带提速后的资费，请回电", "回电") is Mode.STATEMENT
    assert _mode_of("来电询问供暖费收费标准", "收费") is Mode.QUESTION
    assert _mode_of("拨打咨询电话无人接听", "无人接听") is Mode.STATEMENT
    assert _mode_of("交了咨询费，服务没有兑现", "交了") is Mode.STATEMENT
    # as with 请问, a later clause that asks leaves the earlier ones stated
    assert _mode_of("咨询一下我家停电了，什么时候来电？", "停电") is Mode.STATEMENT


def test_a_rhetorical_question_runs_to_the_clause_that_closes_it() -> None:
    """难道/凭什么 open a rhetorical question that ends at its 吗 or ？, and 不是…吗 covers
    the clauses between; a clause after it is read on its own."""
    assert _mode_of("难道你们就不管，让我们一直等吗", "一直等") is Mode.RHETORICAL
    assert _mode_of("这不是说好的，七天发货吗，现在还没发", "发货") is Mode.RHETORICAL
    assert _mode_of("这不是说好的，七天发货吗，现在还没发", "还没发") is Mode.STATEMENT
    assert _mode_of("凭什么扣我的钱，我要投诉", "投诉") is Mode.STATEMENT
    assert _mode_of("凭什么扣我的钱，我要投诉", "扣") is Mode.RHETORICAL


@given(
    before=st.lists(st.sampled_from(STATED + ASKING), max_size=4),
    stated=st.sampled_from(STATED),
    after=st.lists(st.sampled_from(STATED + ASKING), max_size=4),
    end=st.sampled_from(("", "。", "？", "！")),
)
def test_a_stated_clause_stays_stated_among_questions(
    before: list[str], stated: str, after: list[str], end: str
) -> None:
    """Whatever asking clauses surround it in the sentence, a clause that asks nothing is no
    question, and each asking clause is one."""
    text = "，".join([*before, stated, *after]) + end
    word = stated[2:5]
    position = len("，".join(before)) + (1 if before else 0)
    assert text[position : position + len(stated)] == stated
    assert _mode_at(text, position + 2, word) is not Mode.QUESTION or (not after and end == "？")
    offset = 0
    for clause in [*before, stated, *after]:
        if clause in ASKING:
            assert _mode_at(text, offset + 1, clause[1:3]) is Mode.QUESTION, clause
        offset += len(clause) + 1


def _mode_at(text: str, start: int, word: str) -> Mode:
    reading, normalized = clause_reading(ANALYSER, text)
    assert normalized[start : start + len(word)] == word
    return reading.mode(reading.token_at(start), start, start + len(word))
