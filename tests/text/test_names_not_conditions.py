"""A one-character 如 that jieba cut out of a name (黄/如/县, 东/如/村, 住/如/家) is no
condition marker: the sentence after it is asserted."""

from __future__ import annotations

import pytest

from triage.facts import Analyser

ANALYSER = Analyser({"outage": ["没有水", "停水"], "dirt": ["很脏"]})


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
    ],
)
def test_ru_in_a_name_opens_no_condition(text: str, lexicon: str) -> None:
    """A place's name or the hotel chain: what follows 如 is told, not supposed."""
    facts = _facts(text)
    assert facts.get("mentions") == (lexicon,)
    assert "mentions_conditional" not in facts


@pytest.mark.parametrize(
    "text",
    ["如停水超过三天，请联系物业", "用户如没有水，可拨打热线", "如家里停水，请先关闸"],
)
def test_ru_as_if_still_opens_a_condition(text: str) -> None:
    """Near misses: 如 opening a clause, after its subject, or before 家里 is "if"."""
    assert _facts(text).get("mentions_conditional") == ("outage",)
