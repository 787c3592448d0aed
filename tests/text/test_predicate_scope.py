"""A negation scopes over its own predicate, not over a later one: 不清鲜变味 still tells the
taint, 谈不上服务、电视遥控器不管用 the remote control, while a list of nouns under one 没有
(没有毛巾、牙刷) and the clause after a verb that takes one (没有发现有异物) stay negated."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from triage.facts import Analyser

TERMS = {
    "problem": ["变味", "脏", "臭", "吵", "上当", "异物", "坏"],
    "item": ["牙刷", "拖鞋", "电视"],
}
ANALYSER = Analyser(TERMS)


def _negated(text: str, term: str) -> bool:
    hits = [hit for hit in ANALYSER.analyse(text).hits if hit.term == term]
    assert hits, (text, term)
    return hits[-1].negated


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("快递时苹果已不清鲜变味", "变味"),
        ("地毯没打扫干净较脏", "脏"),
        ("服务不到位有点上当的感觉", "上当"),
        ("谈不上服务、电视遥控器不管用", "电视"),
        ("菜不热也很臭", "臭"),
    ],
)
def test_a_later_predicate_is_outside_the_negation(text: str, term: str) -> None:
    """A predicate after the negated one (不清鲜变味, 不到位有点上当) is outside the negation."""
    assert not _negated(text, term)


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("没有发现任何异物", "异物"),
        ("没有发现有异物", "异物"),
        ("不是说有多脏", "脏"),
        ("没有毛巾、牙刷", "牙刷"),
        ("房间不脏", "脏"),
        ("不是特别吵", "吵"),
    ],
)
def test_the_negated_predicate_and_its_object_stay_negated(text: str, term: str) -> None:
    """A negated predicate (房间不脏, 不是特别吵), the clause after 没有发现 and a noun listed
    under one 没有 stay negated."""
    assert _negated(text, term)


@given(
    st.sampled_from(["没打扫干净", "不新鲜", "没收拾好", "不到位"]),
    st.sampled_from(["也", "还有点", "比较", "很", "特别", "变得"]),
    st.sampled_from(["脏", "臭", "吵"]),
)
def test_an_opener_after_the_negated_predicate_starts_an_asserted_one(
    negated: str, opener: str, term: str
) -> None:
    """An opener after a negated predicate (也, 很, 变得) starts an asserted one: 没打扫干净也脏
    tells the dirt."""
    assert not _negated(f"房间{negated}{opener}{term}", term)


@given(st.lists(st.sampled_from(["毛巾", "牙刷", "拖鞋", "梳子"]), min_size=1, max_size=2))
def test_a_list_of_nouns_under_one_cue_is_negated_as_a_whole(items: list[str]) -> None:
    """A list of nouns under one 没有 (没有毛巾、牙刷) is negated to its last item."""
    text = "房间没有" + "、".join([*items, "牙刷"])
    assert _negated(text, "牙刷")
