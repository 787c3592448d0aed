"""Spoken and vague sums read as floors: 几万, 好几万, 上万, 大几千, 万把块, 五位数, ranges (3到5万)
and bounds (至少, 不低于). A floor is kept as a demand or a loss, never as a price."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from triage.facts import Analyser

_ANALYSER = Analyser({"x": ["占位"]})
"""For the property tests: hypothesis runs each example without the fixtures' scope."""


@pytest.fixture(scope="module")
def analyser() -> Analyser:
    """An analyser without lexicons: sums are read by the amount reader, not terms."""
    return _ANALYSER


def _amounts(analyser: Analyser, text: str) -> list[tuple[Decimal, str, str]]:
    return [
        (amount.value, amount.role.value, amount.surface)
        for amount in analyser.analyse(text).amounts
    ]


@pytest.mark.parametrize(
    ("text", "value", "surface"),
    [
        ("要求赔偿几万块", 20_000, "几万块"),
        ("这事没有好几万解决不了，赔我好几万", 20_000, "几万"),
        ("赔个上万块这事就算了", 10_000, "上万块"),
        ("精神损失费起码上十万", 100_000, "上十万"),
        ("我要大几千，少了不行", 5000, "大几千"),
        ("赔偿款小几万总要有的", 10_000, "小几万"),
        ("拿万把块钱出来", 10_000, "万把块钱"),
        ("赔个千把块就行", 1000, "千把块"),
        ("赔个五位数", 10_000, "五位数"),
        ("没有六位数的赔偿别想了事", 100_000, "六位数"),
        ("要求赔偿3到5万", 30_000, "3到5万"),
        ("要求赔偿3-5万元", 30_000, "3-5万元"),
        ("赔偿三到五万", 30_000, "三到五万"),
        ("要求赔3~5w", 30_000, "3~5w"),
        ("要求赔偿一万到两万元", 10_000, "一万到两万元"),
        ("要求赔偿1000-2000元", 1000, "1000-2000元"),
        ("我要求赔偿，至少五万", 50_000, "五万"),
        ("要求赔偿，不低于十万元", 100_000, "十万元"),
        ("你们出个十万八万的", 80_000, "十万八万"),
        ("赔我个五万三万的", 30_000, "五万三万"),
        # what the sum buys or settles: it is asked for that
        ("十万私了", 100_000, "十万"),
        ("五万块钱摆平", 50_000, "五万块钱"),
        ("五万元息事宁人", 50_000, "五万元"),
        ("五万买断视频", 50_000, "五万"),
        ("十万块，这事就算了", 100_000, "十万块"),
        ("两万块，一笔勾销", 20_000, "两万块"),
        ("转五万到这个账户", 50_000, "五万"),
        ("最少给十万", 100_000, "十万"),
        # the least it takes
        ("怎么也得上万", 10_000, "上万"),
        ("少说也得几万", 20_000, "几万"),
        ("没个几万块这事下不来", 20_000, "几万块"),
        ("五万块这事过不去", 50_000, "五万块"),
        ("没个两万块这事解决不了", 20_000, "两万块"),
        ("三万块以下搞不定", 30_000, "三万块"),
        ("少于两万免谈", 20_000, "两万"),
    ],
)
def test_a_spoken_demand_is_read_as_its_floor(
    analyser: Analyser, text: str, value: int, surface: str
) -> None:
    """The demand is the least the words can mean, with the words as its span."""
    assert _amounts(analyser, text) == [(Decimal(value), "demand", surface)]
    assert analyser.analyse(text).facts.get("amount_demanded") == float(value)


@pytest.mark.parametrize(
    ("text", "value", "surface"),
    [
        ("被骗了好几万", 20_000, "几万"),
        ("损失上千元", 1000, "上千元"),
        ("这一趟损失大几千", 5000, "大几千"),
    ],
)
def test_a_vague_loss_is_its_floor(analyser: Analyser, text: str, value: int, surface: str) -> None:
    """What was lost, said vaguely, is at least its floor."""
    assert _amounts(analyser, text) == [(Decimal(value), "loss", surface)]


@pytest.mark.parametrize(
    "text",
    [
        "花了几百块",  # a price said vaguely measures nothing
        "一年都几万的消费",
        "成千上万的人都看到了",  # a great many, no sum
        "我的密码是六位数",  # digits of a code
        "要求给我六位数的验证码",
        "晚上十点才送到",
        "要求赔偿两把伞",  # 把 after a digit is a measure word
        "赔我上百斤大米",  # a weight
        "要求赔偿万把斤粮食",
        "至少三天才到",
    ],
)
def test_no_sum(analyser: Analyser, text: str) -> None:
    """Vague numbers that are no money, or no demand or loss, give no amount."""
    assert _amounts(analyser, text) == []


@pytest.mark.parametrize(
    ("text", "value", "role"),
    [
        ("赔了我五百块，这事就算了", 500, "loss"),  # a settlement told, not asked
        ("花了三千块，算了", 3000, "paid"),
        ("花五万买个平安", 50_000, "paid"),
    ],
)
def test_a_settlement_told_is_no_demand(
    analyser: Analyser, text: str, value: int, role: str
) -> None:
    """A sum paid or received before a settlement word keeps the role of its own cue."""
    assert [(a, r) for a, r, _ in _amounts(analyser, text)] == [(Decimal(value), role)]


def test_a_pair_that_is_no_range_reads_its_second_number(analyser: Analyser) -> None:
    """5万-3万 falls, so it is no range: the second number is read alone."""
    assert _amounts(analyser, "赔偿5万-3万") == [(Decimal(30_000), "demand", "3万")]


def test_a_floor_word_alone_tells_no_role(analyser: Analyser) -> None:
    """至少 makes a bare number money but says nothing of whose it is."""
    assert _amounts(analyser, "起码5万") == [(Decimal(50_000), "other", "5万")]


_DEMAND = st.sampled_from(["要求赔偿", "赔我", "索赔", "我要", "赔个"])
_YUAN = st.sampled_from(["", "块", "元", "块钱"])


@settings(max_examples=60, deadline=None)
@given(cue=_DEMAND, many=st.sampled_from(["", "好"]), yuan=_YUAN)
def test_ji_wan_is_at_least_ten_thousand(cue: str, many: str, yuan: str) -> None:
    """几万 and 好几万, with any yuan word or none, ask at least 10,000."""
    demanded = _ANALYSER.analyse(f"{cue}{many}几万{yuan}").facts.get("amount_demanded")
    assert isinstance(demanded, float)
    assert demanded >= 10_000


@settings(max_examples=80, deadline=None)
@given(
    low=st.integers(1, 8),
    gap=st.integers(1, 9),
    joint=st.sampled_from(["到", "至", "-", "~"]),
    unit=st.sampled_from([("万", 10_000), ("千", 1000), ("w", 10_000), ("k", 1000)]),
    cue=_DEMAND,
)
def test_a_range_asks_its_lower_end(
    low: int, gap: int, joint: str, unit: tuple[str, int], cue: str
) -> None:
    """N到M万 (N < M) asks N × 10,000, never the upper end."""
    word, size = unit
    text = f"{cue}{low}{joint}{low + gap}{word}"
    assert _ANALYSER.analyse(text).facts.get("amount_demanded") == float(low * size)


_CHINESE_DIGITS = "一二三四五六七八九"


@settings(max_examples=80, deadline=None)
@given(
    pair=st.lists(st.integers(1, 9), min_size=2, max_size=2, unique=True),
    unit=st.sampled_from([("千", 1000), ("万", 10_000)]),
    cue=_DEMAND,
)
def test_two_sums_in_one_unit_ask_the_smaller(
    pair: list[int], unit: tuple[str, int], cue: str
) -> None:
    """三万五万, 五万三万, 三千五千: two sums said together in one unit ask the smaller."""
    word, size = unit
    first, second = pair
    text = f"{cue}{_CHINESE_DIGITS[first - 1]}{word}{_CHINESE_DIGITS[second - 1]}{word}"
    demanded = _ANALYSER.analyse(text).facts.get("amount_demanded")
    assert demanded == float(min(pair) * size)


@settings(max_examples=80, deadline=None)
@given(
    cue=_DEMAND,
    floor=st.sampled_from(["几", "好几", "上", "大几", "小几", "十几", "一两", "两三", ""]),
    unit=st.sampled_from(["十", "百", "千", "万"]),
    measure=st.sampled_from(["斤", "公斤", "升", "吨", "克", "米", "瓶", "盒", "天", "个月"]),
)
def test_a_weight_or_count_is_never_money(cue: str, floor: str, unit: str, measure: str) -> None:
    """However vague the number, a measure word after it makes it no sum."""
    assert _ANALYSER.analyse(f"{cue}{floor}{unit}{measure}").amounts == ()


@settings(max_examples=60, deadline=None)
@given(
    verb=st.sampled_from(["花了", "买了", "付了", "充值了", "交了"]),
    floor=st.sampled_from(["几", "好几", "上", "大几", "小几"]),
    unit=st.sampled_from(["百", "千", "万"]),
    yuan=_YUAN,
)
def test_a_vague_price_is_no_sum(verb: str, floor: str, unit: str, yuan: str) -> None:
    """A floor measures a demand or a loss; as a price it would only blur the measure."""
    assert _ANALYSER.analyse(f"{verb}{floor}{unit}{yuan}").amounts == ()


@pytest.mark.parametrize(
    ("text", "value", "role"),
    [
        ("要么转2000，要么投诉", 2000, "demand"),  # the other way out follows: demanded
        ("你们要么打五千过来，要么等着曝光", 5000, "demand"),
        ("买了300的鞋，要么退要么换", 300, "paid"),  # a cue of its own keeps its role
    ],
)
def test_a_sum_before_the_second_either_is_demanded(
    analyser: Analyser, text: str, value: int, role: str
) -> None:
    """要么 A, 要么 B: a sum in the first alternative with no cue of its own is what must be
    handed over to escape the second (要么转2000，要么投诉)."""
    assert [(amount.value, amount.role.value) for amount in analyser.analyse(text).amounts] == [
        (Decimal(value), role)
    ]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("不想被曝光的话，先准备两万块", 20_000),
        ("不想上新闻就筹五万现金", 50_000),
        ("不想被举报就拿五万来", 50_000),
        ("要是不想被投诉，就凑三万块", 30_000),
    ],
)
def test_a_sum_gathered_in_a_consequence_is_demanded(
    analyser: Analyser, text: str, value: int
) -> None:
    """准备, 筹, 凑, 拿 right before a sum in a condition's consequence: the sum is to be got
    ready and handed over, so it is demanded though no demand verb names it."""
    assert [(amount.value, amount.role.value) for amount in analyser.analyse(text).amounts] == [
        (Decimal(value), "demand")
    ]


@pytest.mark.parametrize(
    ("text", "amounts"),
    [
        ("我在筹五万现金买车", []),  # a plan: a bare number is no sum
        ("先准备两万块", [(Decimal(20_000), "other")]),  # no condition: no role
        ("不想排队的话，先准备好零钱", []),
    ],
)
def test_a_sum_gathered_alone_is_no_demand(
    analyser: Analyser, text: str, amounts: list[tuple[Decimal, str]]
) -> None:
    """Outside a condition, 准备, 筹, 凑, 拿 before a sum tell a plan, not a demand."""
    assert [
        (amount.value, amount.role.value) for amount in analyser.analyse(text).amounts
    ] == amounts


# A sum said in a clause of its own, with a unit and no currency, right before a clause that
# insists on it, says what it settles or what follows unpaid (不赔我就发网上。十万，少一分都不行;
# 五万，这事就算了; 两万，不然我就曝光), is money demanded. Digits alone there (2023，不然) may
# be a year or a count, and a count with its measure word (3个，少一个都不行) is none.


@pytest.mark.parametrize(
    ("text", "value", "surface"),
    [
        ("你们的面包发霉了，不赔我就发网上。十万，少一分都不行。", 100_000, "十万"),
        ("不给钱我就去举报。五万，没得商量。", 50_000, "五万"),
        ("两万，不然我就曝光", 20_000, "两万"),
        ("三万，否则后果自负", 30_000, "三万"),
        ("十万，这事就算了", 100_000, "十万"),
        ("5w，一分都不能少", 50_000, "5w"),
    ],
)
def test_sum_alone_before_its_terms_is_demanded(
    analyser: Analyser, text: str, value: int, surface: str
) -> None:
    """The sum before an insisting, settling or alternative clause is demanded."""
    assert _amounts(analyser, text) == [(Decimal(value), "demand", surface)]


@pytest.mark.parametrize(
    "text",
    [
        "2023，不然我就去投诉",
        "3个，少一个都不行",
        "十万，我也不知道他们怎么算的",
        "第三次了，不然我不会投诉",
    ],
)
def test_no_sum_without_a_unit_or_its_terms(analyser: Analyser, text: str) -> None:
    """Digits alone, a count with its measure word, or no such clause after: no sum."""
    assert _amounts(analyser, text) == []
