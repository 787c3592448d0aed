"""A negation scopes over its own predicate, not over a later one: 不清鲜变味 still tells the
taint, 谈不上服务、电视遥控器不管用 the remote control, while a list of nouns under one 没有
(没有毛巾、牙刷) and the clause after a verb that takes one (没有发现有异物) stay negated.

A verb's potential form (充不进, 登不上, 拿不出来, 考不上) asserts an inability, a failure met:
its 不 negates nothing after it, and past a cue's own predicate a potential form starts another
(没基础考不上明显欺骗). A plain 不 before a verb (再也不上京东, 老板不开网络) still negates."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from tests.text.readings import is_negated

from triage.facts import Analyser
from triage.text.scope import Scope

TERMS = {
    "problem": ["变味", "脏", "臭", "吵", "上当", "异物", "坏", "欺骗", "故障"],
    "item": ["牙刷", "拖鞋", "电视", "手机", "花呗", "钥匙", "网络"],
    "place": ["京东", "酒店", "客人"],
}
ANALYSER = Analyser(TERMS)


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("快递时苹果已不清鲜变味", "变味"),
        ("地毯没打扫干净较脏", "脏"),
        ("服务不到位有点上当的感觉", "上当"),
        ("谈不上服务、电视遥控器不管用", "电视"),
        ("菜不热也很臭", "臭"),
        ("1、没有拖鞋2、电视坏了", "电视"),  # a list number glued to the item before it
        ("没有拖鞋3、手机故障", "手机"),
        ("房间没有电视5、手机坏", "手机"),
    ],
)
def test_a_later_predicate_is_outside_the_negation(text: str, term: str) -> None:
    """A predicate after the negated one (不清鲜变味, 不到位有点上当), or in the next item of a
    list numbered without a mark before its number (没有拖鞋2、电视坏了), is outside the
    negation."""
    assert not is_negated(ANALYSER, text, term)


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
    assert is_negated(ANALYSER, text, term)


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
    assert not is_negated(ANALYSER, f"房间{negated}{opener}{term}", term)


@given(st.lists(st.sampled_from(["毛巾", "牙刷", "拖鞋", "梳子"]), min_size=1, max_size=2))
def test_a_list_of_nouns_under_one_cue_is_negated_as_a_whole(items: list[str]) -> None:
    """A list of nouns under one 没有 (没有毛巾、牙刷) is negated to its last item."""
    text = "房间没有" + "、".join([*items, "牙刷"])
    assert is_negated(ANALYSER, text, "牙刷")


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("电充不进去手机就坏了", "手机"),
        ("钱充不进去网络也断了", "网络"),
        ("一直登不上花呗", "花呗"),
        ("房门锁不上钥匙也拔不出来", "钥匙"),
        ("卡插不上手机", "手机"),
        ("壳子盖不上去手机有故障", "手机"),
        ("吃不下去手机还坏了", "手机"),
    ],
)
def test_the_not_of_a_potential_form_negates_nothing(text: str, term: str) -> None:
    """The 不 of a potential form cut apart (充/不/进去, 登/不/上) negates nothing after it."""
    assert not is_negated(ANALYSER, text, term)


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("没基础考不上明显欺骗", "欺骗"),
        ("没有网络打不开故障", "故障"),
    ],
)
def test_a_potential_form_after_the_negated_predicate_starts_another(text: str, term: str) -> None:
    """Past the cue's own predicate (没基础), a potential form (考不上) starts an asserted one."""
    assert not is_negated(ANALYSER, text, term)


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("以后再也不上京东", "京东"),
        ("老板不开网络", "网络"),
        ("我不上京东", "京东"),
        ("坚决不去这家酒店", "酒店"),
        ("他们不出去接客人", "客人"),
        ("空调也不开网络", "网络"),
        ("没有考不上的欺骗", "欺骗"),
    ],
)
def test_a_plain_not_before_a_verb_still_negates(text: str, term: str) -> None:
    """A 不 after an adverb or a pronoun (再也不上, 他们不出去), or after two characters before a
    complement that is a verb too (老板不开), negates; so does a cue before a potential form."""
    assert is_negated(ANALYSER, text, term)


@given(
    st.sampled_from(["充", "登", "锁", "拿", "装", "打"]),
    st.sampled_from(["进去", "上去", "出来", "起来", "下来"]),
)
def test_any_cut_potential_form_leaves_the_next_word_asserted(verb: str, complement: str) -> None:
    """Whatever the verb and directional complement, V/不/C leaves the word after it asserted."""
    assert not is_negated(ANALYSER, f"手机{verb}不{complement}花呗", "花呗")


@pytest.mark.parametrize(
    ("text", "clauses"),
    [
        ("1、没有拖鞋2、电视坏了", 2),  # a list number glued to the item before it
        ("只有2、3种牙刷", 1),  # a range of numbers, no list number
        ("没有4、5号楼的电视", 1),  # a list of numbers
        ("型号6020、电视", 1),  # four digits: no list number
    ],
)
def test_numbers_joined_by_a_list_mark_are_no_list_number(text: str, clauses: int) -> None:
    """A number answered by another after its 、 (2、3种, 4、5号楼) leaves the clause whole; a
    one-digit list number glued to the item before it ends that item."""
    features = ANALYSER.analyse(text)
    scope = Scope(features.normalized_text, features.segmentation)
    assert len({scope.clause(at) for at in range(len(text))}) == clauses


@given(
    st.sampled_from(["没有", "没", "不", "并没有", "从未"]),
    st.sampled_from(["变味", "异物", "臭"]),
    st.sampled_from(["，", ",", " ", "。"]),
    st.sampled_from(["", "吃了以后", "孩子", "就是"]),
    st.sampled_from(["脏", "吵", "坏"]),
)
def test_a_negation_stops_at_its_clause(
    cue: str, negated: str, mark: str, before: str, told: str
) -> None:
    """没有X，Y: the cue negates X, and no predicate past the comma (没有异味，头晕)."""
    text = f"{cue}{negated}{mark}{before}{told}"
    assert is_negated(ANALYSER, text, negated)
    assert not is_negated(ANALYSER, text, told)
