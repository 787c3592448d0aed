"""A one-character 如 that jieba cut out of a name (黄/如/县, 东/如/村, 住/如/家), or one
that says "the same as" (一切如旧，) or lists (如：), is no condition marker: the sentence
after it is asserted."""

from __future__ import annotations

import pytest

from triage.facts import Analyser

ANALYSER = Analyser({"outage": ["没有水", "停水"], "dirt": ["很脏"], "illness": ["生病"]})


def _facts(text: str) -> dict[str, object]:
    return dict(ANALYSER.analyse(text).facts)


@pytest.mark.parametrize(
    ("text", "lexicon"),
    [
        ("城乡水务局在仲宫镇黄如县安装自来水管，水管至今没有水", "outage"),
        ("东如村经常停水，没人管", "outage"),
        ("清如路一带停水三天了", "outage"),
        ("嘉如花园小区至今没有水", "outage"),
        ("这次住如家快捷，房间很脏", "dirt"),
        ("北京如家酒店房间很脏", "dirt"),
        ("号称宾至如家，房间很脏", "dirt"),
        ("一切如旧，只住了一个晚上，我就生病了", "illness"),
        ("装修说好翻新，结果房间如旧，还是很脏", "dirt"),
        ("问题很多，如：房间很脏，前台不管", "dirt"),
    ],
)
def test_ru_in_a_name_or_likeness_opens_no_condition(text: str, lexicon: str) -> None:
    """A place's name, the hotel chain, 如旧 ending its clause (as before) or 如： (examples):
    what follows 如 is told, not supposed."""
    facts = _facts(text)
    assert facts.get("mentions") == (lexicon,)
    assert "mentions_conditional" not in facts


@pytest.mark.parametrize(
    "text",
    [
        "如停水超过三天，请联系物业",
        "用户如没有水，可拨打热线",
        "如家里停水，请先关闸",
        "如停水，请先关闸",
        "如有停水，请联系物业",
    ],
)
def test_ru_as_if_still_opens_a_condition(text: str) -> None:
    """Near misses: 如 opening a clause, after its subject, before 家里 or before one word
    it supposes (如停水，) is "if"."""
    assert _facts(text).get("mentions_conditional") == ("outage",)
