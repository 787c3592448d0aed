"""Whether a text tells an event the writer met (坏了, 试过, 今天…) or only judges, compares,
worries or advises (太贵了, 不如翼虎, 担心动力弱): `triage.text.events`."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from triage.facts import Analyser

ANALYSER = Analyser({"test_terms": ["尾灯", "动力"]})


def _tells(text: str) -> bool:
    features = ANALYSER.analyse(text)
    assert features.tells_event == (features.facts.get("tells_event") is True)
    return features.tells_event


@pytest.mark.parametrize(
    "text",
    [
        "屏幕坏了",
        "我加过5.5，明显动力下降",
        "我轴承坏过，是有节奏的嗡嗡",
        "破导航使用过几次，差点没被气死",
        "最近气温零下，又开始响了",
        "晚上回来，匀速行驶。又不亮了！",
        "今天去4s店试车，他说是隔音问题",
        "上次送来的也是凉的",
        "刚收到裤子，裤子扣子就掉啦",
        "我加5.加过5.5，动力下降",
        "他们喝醉了把车开进了沟里",
        "说白了就是车又坏了",
    ],
)
def test_an_event_told(text: str) -> None:
    """A text telling what happened to the writer (坏了, 加过, 又开始响了, 今天去4s店试车) tells an
    event."""
    assert _tells(text)


@pytest.mark.parametrize(
    "text",
    [
        "这价格太贵了",
        "尾灯有点丑了",
        "价格贵死了",
        "想想当年的价格吧，肯定不会便宜了",
        "效果好就行了，要做工有啥用",
        "如果坏了就换一个",
        "担心用久了会坏",
        "我没测过",
        "夏天开了动力会减少吗？",
        "你厉害了我的哥",
        "嗯，知道了",
        "导航的分辨率太低，平幕上都是雪花",
        "比Eyesight还是差点意思",
        "那我不会直接买x3、q5了",
        "下次坚决按照保养手册保养了",
        "搭载链条，说白了跟别的车一样",
        "这个刹车我也是醉了",
        "刹车也没有，醉了",
    ],
)
def test_no_event_told(text: str) -> None:
    """Judgements, comparisons, worries, conditions, questions and plans tell no event."""
    assert not _tells(text)


_DEGREES = st.sampled_from(["太", "有点", "比较", "特别", "非常", "越来越", "实在", "真"])
_ADJECTIVES = st.sampled_from(["贵", "丑", "小", "慢", "吵", "难看", "老气", "土"])
_VERBS = st.sampled_from(["坏", "换", "修", "买", "退", "漏", "断", "裂", "掉"])
_SUBJECTS = st.sampled_from(["这车", "尾灯", "价格", "屏幕", "座椅", "外观"])


@given(_SUBJECTS, _DEGREES, _ADJECTIVES)
def test_a_judgement_by_degree_tells_no_event(subject: str, degree: str, adjective: str) -> None:
    """Whatever the degree and the adjective, 了 after a judgement closes it: no event."""
    assert not _tells(f"{subject}{degree}{adjective}了")


@given(_SUBJECTS, _VERBS, st.sampled_from(["了", "过"]))
def test_a_verb_with_its_aspect_tells_an_event(subject: str, verb: str, aspect: str) -> None:
    """A verb with 了 or 过 tells what happened; put as a condition or a question, it does not."""
    assert _tells(f"{subject}{verb}{aspect}")
    assert not _tells(f"如果{subject}{verb}{aspect}，就去4S店")
    assert not _tells(f"{subject}{verb}{aspect}吗？")
