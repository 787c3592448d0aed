"""N次 counts earlier complaints only as a count: compound nouns and emphatic negatives that
hold 一次 or 二次 (一次性, 二次供水, 一次都没) are no repeat complaint."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from triage.facts import Analyser

AS_OF = datetime(2024, 6, 15, 9, 30, tzinfo=UTC)

CASES: list[tuple[str, str, int | None]] = [
    ("secondary-supply", "来电人反映：小区二次供水设备老化，水压不稳", None),
    ("secondary-pressure", "来电人反映：小区二次加压泵房噪音大", None),
    ("one-off-payment", "来电人反映：水务公司要求一次性交一年水费", None),
    ("never-once", "用户反映：手机一次都没打通过", None),
    ("not-once-either", "用户反映：师傅一次也没来过", None),
    ("complained-three-times", "来电人反映：这个问题已经投诉了三次", 3),
    ("reported-twice", "用户表示已经反映两次了，一直没人处理", 2),
    # complaints kept up over time (§8.1 Before): complained before, whatever the count
    ("kept-complaining", "后来的两个月一直在投诉，商家就是不处理", 1),
    ("kept-reporting", "业主们一直都在反映楼道漏水的问题", 1),
    ("complained-for-long", "投诉了很长时间，客服只会让等", 1),
    # nowhere to complain, or the matter left unresolved, is no earlier complaint
    ("no-door-to-complain", "用户表示一直投诉无门，不知道找谁", None),
    ("long-unresolved", "用户表示问题一直没有解决，要求尽快处理", None),
    # a record's frame (来电人反映：) is the present complaint: what recurs after it is the fault
    ("frame-outage-third-time", "来电人反映：小区又停水了，这个月已经是第三次了", None),
    ("frame-many-outages", "来电人反映：小区半个月来三番五次停水", None),
    ("frame-second-rebuild", "李先生来电反映：村里准备第二次重修道路", None),
    ("frame-then-third-complaint", "来电人反映：这已经是第三次投诉了，小区还是停水", 2),
    ("frame-of-a-call-made-again", "张先生再次来电反映：问题一直未解决", 1),
    # a complaint ticket cited by its number alone is an earlier complaint (§8.1 Before)
    ("bare-ticket-masked", "用户要求:CP**************** 用户对处理结果不认可，要求再次处理", 1),
    ("bare-ticket-digits", "用户来电表示信号还是很差，CP2020110312345678处理过", 1),
    ("ticket-after-details", "详情可见 CP****************，请核实处理", 1),
    ("short-cp-is-no-ticket", "用户手机cp值很高，信号很差", None),
    ("word-before-cp-is-no-ticket", "用户要求:abcp**************** 信号差", None),
    # 反馈 is a complaint word beside a count, not beside 再次 (a business's reply says it)
    ("reported-many-times", "用户已经多次反馈学校信号不好，要求处理", 2),
    ("reported-three-times", "用户反馈了三次，还是没修好", 3),
    ("hotel-reply-again", "宾馆反馈 2007年9月7日 ： 再次向您表示深深的歉意", None),
    ("hotel-reply-many", "房间空调坏了。酒店反馈多次检查了空调，一切正常", None),
    # 报修 (a fault reported to the business) is a complaint word beside a count; one is a call
    ("repair-reported-many", "用户手机打不了电话，之前多次报修，师傅说基站拆了", 2),
    ("repair-reported-times", "家里宽带报修了三次，还是没修好", 3),
    ("repair-reported-once", "用户之前报修过，要求尽快处理", None),
    ("repair-many-visits", "师傅多次上门维修，信号还是很差", None),
    # a complaint kept up for weeks or more is one made before (§8.1 Before); one report or
    # repair request long unanswered is the matter unresolved
    ("complained-for-years", "表示电信网络差，自己投诉两三年了，要求核实处理", 1),
    ("complained-most-of-a-year", "用户表示投诉了大半年，一直没消息", 1),
    ("complained-for-weeks", "这件事已经投诉三个星期，商家一直拖着", 1),
    ("repair-for-a-month", "用户报修了1个月左右时间了，一直没人处理", None),
    ("reported-half-a-year", "用户表示自己的问题已经反馈了快半年了，要求尽快处理", None),
    ("complaint-within-a-week", "客服说投诉一周内会给处理结果", None),
    # a complaint threatened or intended is none made
    ("threat-keep-complaining", "用户要求尽快处理故障，不然就一直投诉", None),
    ("threat-complain-again", "如果还不处理，用户会再次投诉", None),
    ("threat-after-refusal", "用户表示还不处理就再次投诉到工信部", None),
    ("asked-again-is-no-threat", "用户已经多次投诉，要求尽快处理", 2),
]


@pytest.fixture(scope="module")
def analyser() -> Analyser:
    """An analyser with no lexicons: repeats are read by the signal layer alone."""
    return Analyser({})


@pytest.mark.parametrize(("text", "count"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_repeat_count(analyser: Analyser, text: str, count: int | None) -> None:
    """The text yields exactly the expected repeat count (None: no repeat)."""
    features = analyser.analyse(text, as_of=AS_OF)
    assert features.facts.get("repeat_count") == count, features.facts
