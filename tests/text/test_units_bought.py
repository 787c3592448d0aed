"""Units bought for a claim: split purchases add up, weights and volumes are not units."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from triage.facts import Analyser

_ANALYSER = Analyser({"x": ["占位"]})
"""For the property tests: hypothesis runs each example without the fixtures' scope."""


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
        ("我从商家处买孔明灯五千零五十个。", 5050),
        ("在你们网店买茶叶六十盒。", 60),
    ],
)
def test_units_bought(analyser: Analyser, text: str, units: int) -> None:
    """Purchases told one by one are summed, unless the text states the total itself; a bare
    买 before the count is a purchase as 买了 is."""
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
        "买家秀里有5张图。",
        "买卖合同写着3台。",
        "这次买的同一款牛奶6盒都过期了。",
    ],
)
def test_not_units(analyser: Analyser, text: str) -> None:
    """Weights are not units, a single payment says nothing of quantity, an article (第…条)
    is no count, 共 in 共和国 or 共同 totals nothing, and 买家, 买卖 and the goods named by
    买的 tell no purchase."""
    assert "units_bought" not in analyser.analyse(text).facts


@pytest.mark.parametrize(
    ("text", "units"),
    [
        ("我在你们网店下了12单，每单5盒。", 60),
        ("分三单，每单10瓶。", 30),
        ("下了12个订单，每个订单5盒。", 60),
        ("每单5盒，一共下了12单。", 60),
        ("买了8箱，每箱6瓶。", 48),
        ("买了3箱，每箱12罐。", 36),
        ("每箱装12罐，买了3箱。", 36),
        ("两箱共24罐。", 24),
        ("买了牛肉干10袋、猪肉脯20袋。", 30),
        ("买了A 10瓶、B 20袋。", 30),
        ("买了2盒牛奶和3袋面包。", 5),
        ("总共买了35盒。", 35),
        ("连续5天，每天买3瓶。", 15),
        ("连续5天，我每天在你们店买5瓶这种饮料。", 25),
        ("每天买3瓶，连续买了7天。", 21),
        ("两种各买了20盒。", 40),
        ("这款面膜三种口味各买了10盒。", 30),
        ("巧克力、饼干、薯片各买了10包。", 30),
        ("一家人买了2箱牛奶，每箱6瓶。", 12),
        ("每瓶68元，买了2瓶。", 2),
        ("买了3箱，每箱20斤。", 3),
    ],
)
def test_units_in_their_structures(analyser: Analyser, text: str, units: int) -> None:
    """Orders, cases, days or kinds by the units in each, goods listed after one purchase
    word and each of several kinds count the whole bought; a price or a weight per case
    counts nothing more."""
    assert analyser.analyse(text).facts.get("units_bought") == units


@pytest.mark.parametrize(
    ("text", "units"),
    [
        ("买了10盒，其中5盒过期。", 10),
        ("买了5瓶，退了2瓶。", 5),
        ("买了2瓶，2瓶都坏了。", 2),
        ("我1月在你这儿微信下单的8箱红酒，48瓶，一共28320元。", 48),
        ("我买了3台电脑，每台5000元。", 3),
        ("分两次买了手机，每次1台。", 2),
        ("我买了十五包香肠，结账后发现十四包过期了。", 15),
        ("买了20瓶，结账时其中3瓶没扫上。", 20),
    ],
)
def test_counts_not_added(analyser: Analyser, text: str, units: int) -> None:
    """A part of what was bought (其中, 退了, a count found after 发现 at checkout), the same
    goods told again after a bare comma (8箱红酒，48瓶) and a price per unit add nothing to the
    count."""
    assert analyser.analyse(text).facts.get("units_bought") == units


@pytest.mark.parametrize(
    "text",
    [
        "住了3天，每天送2瓶水。",
        "连续3天，每天打了5次电话。",
        "点了3份套餐，每份2个汉堡。",
        "快递分3个包裹，每个包裹2件。",
        "孩子每天喝2瓶，喝了3天就拉肚子。",
        "一共三个人，各吃了一碗面。",
        "12个月，每月还款1000元。",
    ],
)
def test_groups_without_a_purchase(analyser: Analyser, text: str) -> None:
    """Groups by the units in each count goods bought only beside a purchase: a hotel's water,
    calls, a meal's dishes, parcels, what a child drank and instalments are none."""
    assert "units_bought" not in analyser.analyse(text).facts


_MEASURES = st.sampled_from(list("瓶盒袋包罐件支条份台听只套双"))
_GROUPED = st.sampled_from(
    [
        "下了{n}单，每单{m}{u}。",
        "分{n}次购买，每次{m}{u}。",
        "我下了{n}个订单，每个订单买了{m}{u}。",
        "买了{n}箱，每箱{m}{u}。",
        "每箱装{m}{u}，一共买了{n}箱。",
        "连续{n}天，每天都在你们店买{m}{u}。",
        "每单{m}{u}，一共下了{n}单。",
        "{n}种口味各买了{m}{u}。",
    ]
)


@settings(max_examples=300)
@given(
    template=_GROUPED,
    groups=st.integers(min_value=2, max_value=500),
    each=st.integers(min_value=1, max_value=500),
    measure=_MEASURES,
)
def test_groups_by_units_multiply(template: str, groups: int, each: int, measure: str) -> None:
    """N orders, cases, days or kinds of M units each are N·M bought, whatever the measure."""
    text = template.format(n=groups, m=each, u=measure)
    assert _ANALYSER.analyse(text).facts.get("units_bought") == groups * each


_NOT_UNITS = st.sampled_from(["斤", "公斤", "千克", "克", "吨", "升", "毫升", "元", "块钱"])
_WEIGHED = st.sampled_from(
    [
        "买了{n}{w}蜂蜜，要求十倍赔偿。",
        "下了{n}单，每单{m}{w}。",
        "连续{n}天，每天买{m}{w}。",
        "共计{n}{w}。",
        "两种各买了{m}{w}。",
    ]
)


@settings(max_examples=300)
@given(
    template=_WEIGHED,
    first=st.integers(min_value=2, max_value=500),
    second=st.integers(min_value=1, max_value=500),
    weight=_NOT_UNITS,
)
def test_weights_volumes_and_money_never_count(
    template: str, first: int, second: int, weight: str
) -> None:
    """Weights, volumes and money are never units bought, in any structure."""
    text = template.format(n=first, m=second, w=weight)
    assert "units_bought" not in _ANALYSER.analyse(text).facts


@settings(max_examples=200)
@given(
    bought=st.integers(min_value=1, max_value=500),
    price=st.integers(min_value=1, max_value=5000),
    measure=_MEASURES,
)
def test_price_per_unit_is_no_count(bought: int, price: int, measure: str) -> None:
    """A unit that is the price's (每瓶68元) counts nothing: the units bought stay those told."""
    text = f"买了{bought}{measure}，每{measure}{price}元。"
    assert _ANALYSER.analyse(text).facts.get("units_bought") == bought


@pytest.mark.parametrize(
    ("text", "units"),
    [
        ("我在你们店买了3部同型号手机，另外两家店也各买了2部。", 7),
        ("在你们店买了2台，在另外两家店又各买了2台同款行车记录仪。", 6),
        ("我在你们专柜买了4双，别的三家也买了同款各1双。", 7),
        # near misses: the shops each, with none told besides, and kinds each stay their whole
        ("在两家店各买了2台同款空调。", 4),
        ("另外两家店各买了3件。", 6),
        ("这款面膜三种口味各买了10盒。", 30),
    ],
)
def test_other_shops_add(analyser: Analyser, text: str, units: int) -> None:
    """What other shops each sold (另外两家店各买了2部) is bought besides what this shop sold,
    so it adds to it; shops or kinds each with nothing told besides are the whole."""
    assert analyser.analyse(text).facts.get("units_bought") == units
