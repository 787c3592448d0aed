"""Units bought for a claim: split purchases add up, weights and volumes are not units."""

from __future__ import annotations

import pytest

from triage.facts import Analyser


@pytest.fixture(scope="module")
def analyser() -> Analyser:
    """An analyser without lexicons: units are read by signals, not terms."""
    return Analyser({"x": ["占位"]})


@pytest.mark.parametrize(
    ("text", "units"),
    [
        ("1月25日买了50袋河豚鱼干，27日又买了200袋。", 250),
        ("分6次刷卡买了蜂蜜。", 6),
        ("刷卡40次，每次买一盒。", 40),
        ("本人分8次购买，每次2件。", 16),
        ("我先后三次在你店购买同款白酒，每次8瓶，都是假酒。", 24),
        ("前后买了五次这个牌子的火腿肠，每次买十包。", 50),
        ("共计120盒，其中先买了40盒。", 120),
        ("购买40袋。", 40),
        ("我买了4箱16瓶珍宝酒。", 16),
        ("我1月在你这儿微信下单的8箱红酒，一共28320元。", 48),
        ("在网上拍了30盒面膜。", 30),
        ("订购了24瓶白酒。", 24),
        ("我于3月在你店购得某品牌白酒30瓶。", 30),
        ("从你们店里买走了二十五盒月饼。", 25),
        ("在你们超市一次性拿了50包辣条。", 50),
    ],
)
def test_units_bought(analyser: Analyser, text: str, units: int) -> None:
    """Purchases told one by one are summed, unless the text states the total itself."""
    assert analyser.analyse(text).facts.get("units_bought") == units


@pytest.mark.parametrize(
    "text",
    [
        "买了20斤蜂蜜，要求十倍赔偿。",
        "分1次付款买了手机。",
        "根据《中华人民共和国食品安全法》第一百四十八条要求，10倍赔偿。",
        "买了以后才看到第三条写着不退不换。",
        "和朋友共同使用的3台电脑都坏了。",
        "分3期付款，每期1000元。",
        "跑了3次，每次都等了1个小时。",
    ],
)
def test_not_units(analyser: Analyser, text: str) -> None:
    """Weights are not units, a single payment says nothing of quantity, an article (第…条)
    is no count, and 共 in 共和国 or 共同 totals nothing."""
    assert "units_bought" not in analyser.analyse(text).facts
