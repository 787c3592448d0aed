"""A sector word inside a place name tells where, not what the complaint is about."""

from __future__ import annotations

import pytest

from triage.facts import Analyser

LEXICONS = {
    "sector_automotive": ["汽车", "刹车片", "后备箱"],
    "sector_food": ["饭店"],
    "sector_finance": ["银行"],
    "sector_telecom": ["信号"],
}


@pytest.fixture(scope="module")
def analyser() -> Analyser:
    """An analyser over a few car, restaurant, bank and network words."""
    return Analyser(LEXICONS)


def _guessed(analyser: Analyser, text: str) -> str | None:
    guess = analyser.analyse(text).sector
    return None if guess is None else guess.name


@pytest.mark.parametrize(
    "text",
    [
        "故障地址：城东汽车配件市场，用户反映信号很差",
        "用户在友好饭店旁边，手机信号时有时无",
        "家在工商银行对面，信号一直不好",
        "地址：银行大厦，室内信号弱",
        "地址：汽车南站小区，信号差",
        "地址：汽车路12号，信号差",
    ],
)
def test_a_place_name_weighs_nothing(analyser: Analyser, text: str) -> None:
    """The market, the landmark or the block named by a sector word leaves the matter's sector."""
    assert _guessed(analyser, text) == "telecom"


def test_a_place_name_alone_guesses_nothing(analyser: Analyser) -> None:
    """An address with no matter told guesses no sector."""
    assert _guessed(analyser, "地址：城东汽车配件市场") is None


@pytest.mark.parametrize(
    "text",
    [
        "在汽车配件市场买的刹车片是假的，信号灯也坏了",
        "汽车在小区里被刮了，信号不好",
        "这家饭店的菜有头发，旁边桌的人信号很差",
        "卡被盗刷了，银行不管，附近网点也不受理",
        "后备箱附近一直异响，信号灯也亮了",
        "在京东商城买的汽车脚垫有异味，信号差",
    ],
)
def test_the_matter_keeps_its_sector(analyser: Analyser, text: str) -> None:
    """A word told as the matter, not a place's name, still weighs: near misses."""
    guess = analyser.analyse(text).sector
    assert guess is not None
    assert guess.name != "telecom"
