"""A verb's potential form (充不进, 登不上, 拿不出来, 考不上) asserts an inability, a failure met:
its 不 negates nothing after it, and once a cue has reached its own predicate, a potential form
after it starts another (没基础考不上明显欺骗). A plain 不 before a verb (再也不上京东, 老板不开
网络) still negates."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from triage.facts import Analyser

TERMS = {
    "device": ["手机", "花呗", "钥匙", "网络"],
    "problem": ["坏", "欺骗", "故障"],
    "place": ["京东", "酒店", "客人"],
}
ANALYSER = Analyser(TERMS)


def _negated(text: str, term: str) -> bool:
    hits = [hit for hit in ANALYSER.analyse(text).hits if hit.term == term]
    assert hits, (text, term)
    return hits[-1].negated


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
    assert not _negated(text, term)


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("没基础考不上明显欺骗", "欺骗"),
        ("没有网络打不开故障", "故障"),
    ],
)
def test_a_potential_form_after_the_negated_predicate_starts_another(text: str, term: str) -> None:
    """Past the cue's own predicate (没基础), a potential form (考不上) starts an asserted one."""
    assert not _negated(text, term)


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
    assert _negated(text, term)


@given(
    st.sampled_from(["充", "登", "锁", "拿", "装", "打"]),
    st.sampled_from(["进去", "上去", "出来", "起来", "下来"]),
)
def test_any_cut_potential_form_leaves_the_next_word_asserted(verb: str, complement: str) -> None:
    """Whatever the verb and directional complement, V/不/C leaves the word after it asserted."""
    assert not _negated(f"手机{verb}不{complement}花呗", "花呗")
