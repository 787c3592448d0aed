"""Numbers that are neither money nor people: account, meter, order and phone numbers, dates
written as digits, buildings and rooms of an address, bus routes and volumes of water.

A bare number is money only with a currency or a money cue; in an identifier's or an
address's place it names a thing, and before a resident noun a room number is no count."""

from __future__ import annotations

from decimal import Decimal

import pytest

from triage.facts import Analyser


@pytest.fixture(scope="module")
def analyser() -> Analyser:
    """An analyser without lexicons: sums and counts are read by their own readers."""
    return Analyser({"x": ["占位"]})


def _sums(analyser: Analyser, text: str) -> list[Decimal]:
    return [amount.value for amount in analyser.analyse(text).amounts]


def _people(analyser: Analyser, text: str) -> list[int]:
    return [signal.value for signal in analyser.analyse(text).people]


@pytest.mark.parametrize(
    "text",
    [
        # a long string of digits, not round, is an account, meter or phone number
        "自家给水号*******，但实际水费缴纳是按照4222064收取",
        "故障提示:其他,用户要求:1890580412 用户来电表示该地址信号不正常",
        # after 号 with both 为 and a colon: an order number
        "最近下单号为：1442083355，其中一套书少带光盘",
        # a year and month written as six digits
        "前期投诉处理给予用户补偿优惠201711惠农套餐每月减免话费",
        # 花园 holds no 花: the number after it is a building
        "绿城海棠花园17幢南面信号很差",
        "现在家里宋都晨光国际花园12-4101电信信号非常差",
        "闽冶花园四十中之间的龙津河岸边",
        # a room after 单元 or a door number, a bus route, a volume of water, orders
        "我刚买3单元602的房子",
        "要求退还1单元701的押金",
        "交了门牌12的物业费",
        "学生们每天早上都要乘坐65路小公共汽车到市区",
        "现自来水公司让自己缴纳2191方的水费",
        "要求退还16方水费",
        "钱还没有退回来，加起来快10单了",
        # a size, a model year, a count of users
        "明明买的是31码，穿起来像33码",
        "我刚买的10款2.5的",
        "用户表示小区总共1300多用户，进入电梯就没有信号",
        # a masked number: its digits are no sum
        "付款账户138****5678",
        "缴费账户1234****",
    ],
)
def test_identifier_is_no_sum(analyser: Analyser, text: str) -> None:
    """An identifier, a date, a place or a volume written as a number is no sum."""
    assert _sums(analyser, text) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("要求赔偿5000", 5000),
        ("要求赔偿100000", 100_000),
        ("要求赔偿1000000", 1_000_000),
        ("账号4222064被扣了3000元", 3000),
        ("要求退还水费200元", 200),
        ("花了500买的", 500),
        ("要求赔偿2000路费", 2000),
        ("要求退还2000款项", 2000),
    ],
)
def test_sum_stays_a_sum(analyser: Analyser, text: str, value: int) -> None:
    """A sum with a cue, round or beside an identifier, is still read."""
    assert _sums(analyser, text) == [Decimal(value)]


@pytest.mark.parametrize(
    "text",
    [
        "工业南路317号环东新苑2号楼1单元701业主，小区水压太低",
        "历城区翡翠外滩北区7号楼1402业主，家中停水",
        "熙台小区2-1-904业主，楼道内水表漏水",
        "祥泰汇东国际大厦小区2号楼911户主，水中有异物",
        "导致501业主家的玻璃损坏",
        "重建时移到路北12702住户院墙外下方",
        "楼道全是水，现在联系不上301住户",
    ],
)
def test_room_is_no_count(analyser: Analyser, text: str) -> None:
    """A room number before 业主, 住户 or 户主 is part of an address."""
    assert _people(analyser, text) == []


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("60户用一台设备", 60),
        ("这栋楼200户居民都停水了", 200),
        ("小区共有301户居民", 301),
        ("1号楼1300多户居民", 1300),
        ("十几户居民停电了", 10),
        ("30多人食物中毒", 30),
    ],
)
def test_count_stays_a_count(analyser: Analyser, text: str, count: int) -> None:
    """Round, approximate or counted numbers of households stay counts."""
    assert _people(analyser, text) == [count]
