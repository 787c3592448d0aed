"""A 不…就 reading is a condition only when it has the shape of one (docs/text-analysis.md,
"Conditions"): 不 + a verb of an act the other side is to do or not do (不赔, 不给钱, 不处理,
不及时处理, 不把钱退给我, 协商不成), a strong 不-word (再不, 要不是) or a sum short of the
demand, before 就. 不 + a judgement or a state (口感不好, 不实用, 不耐用, 设计不合理) is a
verdict, and what follows it with 就 happened. A clause closed by 的话 (不处理的话) is a
condition too; its consequence is the clause after it, or the rest of its own clause."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from tests.text.readings import conditional

from triage.facts import Analyser

LEXICONS = {
    "leverage": ["曝光", "媒体", "记者", "抖音", "12345"],
    "illness": ["拉肚子", "腹泻"],
    "fault": ["坏了", "失灵", "没电", "黑屏", "放着"],
}

JUDGEMENTS = (
    "口感不好", "不实用", "不耐用", "设计不合理", "质量不行", "做工不怎么样", "一点都不新鲜",
    "电池不经用", "真不靠谱", "包装不结实", "屏幕不清楚", "材料不环保", "服务不到位",
)  # fmt: skip
"""Verdicts and states told with 不: a judgement, not the antecedent of a condition."""
HAPPENINGS = (
    ("吃了就拉肚子", "拉肚子"),
    ("半天就没电了", "没电"),
    ("用了两次就失灵了", "失灵"),
    ("买来就放着了", "放着"),
    ("刚开机就黑屏", "黑屏"),
    ("第二天就坏了", "坏了"),
)
"""What followed, told with a 就 of sequence."""
REFUSALS = (
    "不赔", "不给钱", "不退钱", "你们不处理", "不解决", "不及时处理", "不把钱退给我",
    "再不给个说法", "不马上退款", "不给我换", "不同意赔偿", "不出钱", "不想被查",
)  # fmt: skip
"""Acts the other side is to do or not do: the antecedent of a condition."""
THREATS = (
    ("就曝光", "曝光"),
    ("我就找媒体", "媒体"),
    ("我就发抖音", "抖音"),
    ("我就去12345投诉", "12345"),
    ("就找记者来", "记者"),
)


@pytest.fixture(scope="module")
def analyser() -> Analyser:
    """An analyser over the module's lexicons."""
    return Analyser(LEXICONS)


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("口感不好，吃了就拉肚子", "拉肚子"),
        ("不实用，买来就放着了", "放着"),
        ("不耐用，半天就没电了", "没电"),
        ("设计不合理，用了两次就失灵了", "失灵"),
        ("信号不好就掉线，第二天就坏了", "坏了"),
        ("苹果小不说，买来第二天就坏了", "坏了"),
        ("客服说的话很难听，第二天就坏了", "坏了"),
        ("还说什么未拆封之类的话，拆了第二天就坏了", "坏了"),
        ("骂了很多难听的话，第二天就坏了", "坏了"),
    ],
)
def test_a_verdict_before_a_happening_sets_up_no_condition(
    analyser: Analyser, text: str, term: str
) -> None:
    """A verdict or state before a happening told with 就 (口感不好，吃了就拉肚子) sets up no
    condition: the happening is asserted."""
    assert not conditional(analyser, text, term, last=False)


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("不给钱就曝光", "曝光"),
        ("你们不及时处理就曝光", "曝光"),
        ("不把钱退给我我就找记者", "记者"),
        ("协商不成我就找媒体", "媒体"),
        ("再不处理，我就发抖音", "抖音"),
        ("你们要想不被查，就找媒体的事别提了", "媒体"),
        ("不处理的话，我就去12345投诉", "12345"),
        ("不处理的话我会找媒体", "媒体"),
        ("要求不高的话，买来就放着也行", "放着"),
    ],
)
def test_a_refusal_or_a_clause_with_de_hua_is_a_condition(
    analyser: Analyser, text: str, term: str
) -> None:
    """A refusal (不给钱, 不及时处理, 协商不成, 再不处理) or a clause closed by 的话 makes what
    follows it conditional."""
    assert conditional(analyser, text, term, last=False)


def test_the_condition_of_de_hua_ends_with_its_consequence(analyser: Analyser) -> None:
    """举报的话你们会被罚，还不如…: the comparison after the consequence is asserted; a
    sentence after it too."""
    assert not conditional(analyser, "不处理的话我就曝光，手机第二天就坏了", "坏了", last=False)
    assert not conditional(analyser, "不赔的话，我就找媒体。手机第二天就坏了", "坏了", last=False)


@given(
    judgement=st.sampled_from(JUDGEMENTS),
    happening=st.sampled_from(HAPPENINGS),
    comma=st.sampled_from(("，", "", "！", " ")),
)
def test_no_verdict_makes_a_happening_hypothetical(
    analyser: Analyser, judgement: str, happening: tuple[str, str], comma: str
) -> None:
    """Whatever the verdict and whatever followed it: what followed is asserted."""
    text, term = judgement + comma + happening[0], happening[1]
    assert not conditional(analyser, text, term, last=False), text


@given(
    refusal=st.sampled_from(REFUSALS),
    threat=st.sampled_from(THREATS),
    comma=st.sampled_from(("，", "")),
    de_hua=st.booleans(),
)
def test_every_refusal_before_a_threat_is_a_condition(
    analyser: Analyser, refusal: str, threat: tuple[str, str], comma: str, de_hua: bool
) -> None:
    """不给钱就曝光 and all its phrasings stay conditions (extortion rests on them), with or
    without 的话 and a comma."""
    text = refusal + ("的话" if de_hua else "") + comma + threat[0]
    assert conditional(analyser, text, threat[1], last=False), text
