"""Phrase-level cases: amount forms and roles, negation, conditional threats, repeats, people,
traditional characters, each read by an analyser over small lexicons defined here."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

import pytest

from triage.facts import Analyser

LEXICONS = {
    "injury": ["受伤", "烫伤", "骨折", "摔伤"],
    "foreign_matter": ["异物", "头发", "虫子", "玻璃渣"],
    "leverage": ["曝光", "媒体", "记者", "电视台", "抖音", "微博", "律师", "12315"],
    "collection_harassment": ["骚扰", "暴力催收", "爆通讯录"],
    "refund": ["退款", "退钱"],
    "leak": ["漏水"],
    "satisfied": ["满意"],
    "unless_paid": ["少一分"],
}
AS_OF = datetime(2024, 6, 15, 9, 30, tzinfo=UTC)
MENTIONS = ("mentions", "mentions_conditional", "mentions_negated")

# (id, text, expectations). Expectations: fact name -> value (None: absent); "amounts" ->
# the exact (value, role) list. Naming any mention fact checks all three.
CASES: list[tuple[str, str, dict[str, Any]]] = [
    # --- amount forms -------------------------------------------------------------------
    ("yuan", "花了5000元买的手机", {"amounts": [("5000", "paid")]}),
    ("dialled-line-is-no-sum", "用户要去10000办理VOLTE功能关闭", {"amounts": []}),
    ("round-sum-lent", "借了10000，到手只有8000", {"amounts": [("10000", "other")]}),
    ("thousands-comma", "要求赔偿5,000元", {"amounts": [("5000", "demand")]}),
    ("yen-prefix-deposit-after", "商家收了¥5000定金", {"amounts": [("5000", "paid")]}),
    ("full-width-yen", "支付了￥５０００", {"amounts": [("5000", "paid")]}),
    ("qian-kuai", "买了5千块的冰箱", {"amounts": [("5000", "paid")]}),
    ("decimal-wan-bare", "要求赔偿3.5万", {"amounts": [("35000", "demand")]}),
    ("chinese-wan-yuan", "索赔五万元", {"amounts": [("50000", "demand")]}),
    ("financial-numerals", "话费多扣了伍仟元", {"amounts": [("5000", "loss")]}),
    ("chinese-compound", "损失一千二百元", {"amounts": [("1200", "loss")]}),
    ("liang-bai-kuai", "充值了两百块", {"amounts": [("200", "paid")]}),
    ("decimal-wan-yuan", "要求退还1.2万元", {"amounts": [("12000", "demand")]}),
    ("shi-wan-bare", "至少要赔十万", {"amounts": [("100000", "demand")]}),
    ("duo-floor", "花了三千多买的", {"amounts": [("3000", "paid")]}),
    ("wan-abbreviated", "赔偿一万五", {"amounts": [("15000", "demand")]}),
    ("ji-bai-vague", "花了几百块", {"amounts": []}),
    ("kuai-qian-small", "被扣了三块钱", {"amounts": [("3", "loss")]}),
    ("kuai-measure-word", "买了三块蛋糕", {"amounts": []}),
    (
        "offer-is-other",
        "价值2300元的手机丢了，网点只肯赔付36元",
        {"amounts": [("2300", "paid"), ("36", "other")]},
    ),
    ("card-swipe-bare-wan", "用信用卡刷了1.98万办了健身卡", {"amounts": [("19800", "paid")]}),
    ("product-name-not-money", "买的百万医疗险，住院花了8000元", {"amounts": [("8000", "paid")]}),
    ("followers-not-money", "我微博十万粉丝，要求赔偿两万元", {"amounts": [("20000", "demand")]}),
    # a fee named after a sum asks for it (给三万块辛苦费, 两万封口费); so does 你们出 before it
    ("fee-after-sum", "给三万块辛苦费", {"amounts": [("30000", "demand")]}),
    ("hush-fee-after-sum", "两万封口费", {"amounts": [("20000", "demand")]}),
    ("you-put-up", "你们出两万", {"amounts": [("20000", "demand")]}),
    ("either-is-no-paid-cue", "要么给三万块辛苦费", {"amounts": [("30000", "demand")]}),
    ("not-got-the-sum", "拿不到3万，我就去曝光", {"amounts": [("30000", "demand")]}),
    ("not-sent-the-sum", "今晚不转两万，我就去曝光", {"amounts": [("20000", "demand")]}),
    # a sum before an alternative is demanded (拿五千块钱，不然…); 要是 is no paid cue; a
    # fine the business would face is none of the complainant's loss
    ("sum-before-otherwise", "拿五千块钱，不然我就去举报", {"amounts": [("5000", "demand")]}),
    ("paid-before-otherwise", "花了5000元，不然也不会这么生气", {"amounts": [("5000", "paid")]}),
    # a sum insisted on (三万块，一分不能少) or left to them (五千块，你们看着办) is demanded
    ("sum-insisted-on", "三万块，一分不能少，否则我就去举报", {"amounts": [("30000", "demand")]}),
    ("sum-left-to-them", "五千块，你们看着办", {"amounts": [("5000", "demand")]}),
    ("paid-before-no-less", "花了三万块，少一分钱都买不到", {"amounts": [("30000", "paid")]}),
    ("sum-then-if-not-paid", "五千块拿来，不拿就曝光", {"amounts": [("5000", "demand")]}),
    ("sum-as-a-floor", "这事三万块起步，我就找人天天来闹", {"amounts": [("30000", "demand")]}),
    ("taxi-base-fare", "起步价13元，结果收了30元", {"amounts": [("13", "other"), ("30", "other")]}),
    ("price-then-no-repair", "3000元的手机，不给修", {"amounts": [("3000", "other")]}),
    ("if-is-no-paid-cue", "你们要是不想被曝光，就准备十万块", {"amounts": [("100000", "demand")]}),
    (
        "fine-faced-is-other",
        "不给我三千块，我就去举报，罚款最低二十万",
        {"amounts": [("3000", "demand"), ("200000", "other")]},
    ),
    ("fine-paid-is-loss", "我被罚款200元", {"amounts": [("200", "loss")]}),
    ("bare-ten-thousand", "要求赔偿10000", {"amounts": [("10000", "demand")]}),
    ("rmb-prefix-no-cue", "RMB 3000", {"amounts": [("3000", "other")]}),
    ("price-per-bowl", "28块钱一碗", {"amounts": [("28", "paid")]}),
    ("duration-of-use-is-no-incident", "用了三年的宽带最近老掉线", {"days_since_incident": None}),
    ("point-in-time-is-an-incident", "三年前多收了我的钱", {"days_since_incident": 1096}),
    (
        "present-is-not-an-incident",
        "2021年买的冰箱就有噪音，现在2024年了还是吵",
        {"days_since_incident": 1261},
    ),
    ("i-want-demand", "我要三万块，少一分都不行", {"amounts": [("30000", "demand")]}),
    ("threshold-is-other", "年消费满10万免年费", {"amounts": [("100000", "other")]}),
    ("sum-not-given-is-demanded", "不给五万块我就找记者", {"amounts": [("50000", "demand")]}),
    ("sum-to-my-account-is-demanded", "三天内打5万元到我账户", {"amounts": [("50000", "demand")]}),
    ("sum-handed-over-is-demanded", "今天不拿出一万块钱来", {"amounts": [("10000", "demand")]}),
    ("sum-brought-out-is-demanded", "就拿5000块出来", {"amounts": [("5000", "demand")]}),
    ("sum-sent-over-is-demanded", "先打一万块过来", {"amounts": [("10000", "demand")]}),
    ("w-without-yuan", "要是不给我2w，我就去举报", {"amounts": [("20000", "demand")]}),
    ("k-without-yuan", "我要5k", {"amounts": [("5000", "demand")]}),
    ("w-before-a-measure-is-no-sum", "开了2w公里就坏了", {"amounts": []}),
    ("round-sum-sent-to-my-card", "转10000到我卡上就撤诉", {"amounts": [("10000", "demand")]}),
    ("dialled-line-stays-a-line", "拨打10000投诉", {"amounts": []}),
    ("bare-sum-named-by-a-fee", "再加五万精神损失费", {"amounts": [("50000", "demand")]}),
    ("bare-count-before-a-fee-word-is-no-sum", "一共3个赔偿项目", {"amounts": []}),
    ("sum-to-have-ready", "准备好五万块，不然后果自负", {"amounts": [("50000", "demand")]}),
    ("cashback-withheld", "不返现30块，我就给你们差评", {"amounts": [("30", "demand")]}),
    ("spoken-range-low-end", "赔我三五千就算了", {"amounts": [("3000", "demand")]}),
    ("spoken-range-of-two", "赔我个三万五万的", {"amounts": [("30000", "demand")]}),
    ("three-and-a-half-wan-is-no-range", "赔我三万五", {"amounts": [("35000", "demand")]}),
    ("result-out-is-no-demand", "检测结果出来了，花了500元", {"amounts": [("500", "paid")]}),
    ("sum-or-no-end-is-demanded", "没有五万块这事没完", {"amounts": [("50000", "demand")]}),
    ("at-least-a-sum-is-demanded", "起码得五万", {"amounts": [("50000", "demand")]}),
    ("sum-not-seen-is-demanded", "要是今天见不到两万块钱", {"amounts": [("20000", "demand")]}),
    ("price-asked-back-is-the-price", "要求退还学费2万元", {"amount_paid": 20000.0}),
    ("more-than-the-price-is-no-price", "要求退款并赔偿2万元", {"amount_paid": None}),
    ("deposit-asked-back-is-the-price", "不给我退押金2000元", {"amount_paid": 2000.0}),
    (
        "the-latest-bu-sets-the-condition",
        "水管漏水不停，不给修我就找记者",
        {"mentions": ("leak",), "mentions_conditional": ("leverage",)},
    ),
    # 要不 cut as 要 + 不 at a clause's opening is "otherwise": it opens a condition and
    # negates nothing
    (
        "split-otherwise-opens-a-condition",
        "给我拿两万块，要不我找记者",
        {"mentions_conditional": ("leverage",)},
    ),
    ("uncued-amount-is-at-stake", "手机3,299元，屏幕碎了", {"amount_at_stake": 3299.0}),
    ("named-balance-is-not-at-stake", "贷款余额5万元", {"amount_at_stake": None}),
    # --- amount roles -------------------------------------------------------------------
    ("loan-balance", "贷款余额5万元", {"amounts": [("50000", "other")]}),
    ("salary", "每月工资3000元", {"amounts": [("3000", "other")]}),
    ("credit-limit", "信用卡额度2万元", {"amounts": [("20000", "other")]}),
    ("scammed", "被骗了8000元", {"amounts": [("8000", "loss")]}),
    ("down-payment", "首付20万", {"amounts": [("200000", "paid")]}),
    ("mental-damage-demand", "精神损失费5万元", {"amounts": [("50000", "demand")]}),
    ("loss-beats-other", "多收了利息300元", {"amounts": [("300", "loss")]}),
    ("demand-beats-loss", "要求退还多扣的500元", {"amounts": [("500", "demand")]}),
    ("cue-after", "5000元的赔偿", {"amounts": [("5000", "demand")]}),
    ("value-of-goods", "价值2600元的耳机", {"amounts": [("2600", "paid")]}),
    ("no-cue-other", "一万五千元", {"amounts": [("15000", "other")]}),
    (
        "paid-and-demand",
        "买了5千块的冰箱，要求赔偿3.5万",
        {
            "amounts": [("5000", "paid"), ("35000", "demand")],
            "amount_paid": 5000.0,
            "amount_demanded": 35000.0,
            "amount_at_stake": 35000.0,
            "demand_paid_ratio": 7.0,
            "demand_over_ceiling": False,
        },
    ),
    (
        "demand-over-ceiling",
        "花了38元买的面包，要求赔偿5万元",
        {"demand_over_ceiling": True, "amount_at_stake": 50000.0},
    ),
    (
        "balance-not-at-stake",
        "贷款余额5万元，被多扣了300元",
        {"amount_at_stake": 300.0, "loss_amount": 300.0},
    ),
    # --- numbers that are not money -----------------------------------------------------
    ("phone-number", "我的电话是13812345678，要求回电", {"amounts": []}),
    ("order-number", "订单号2023051812345", {"amounts": []}),
    ("date", "2023年5月1日买的", {"amounts": []}),
    ("days", "已经等了三天", {"amounts": []}),
    ("people-count", "我们一共5个人", {"amounts": []}),
    ("hotline", "要求12315介入处理", {"amounts": []}),
    ("percentage", "利率百分之二十四", {"amounts": []}),
    ("discount", "付款时打了8折", {"amounts": []}),
    ("punitive-phrase", "要求退一赔三", {"amounts": []}),
    ("times-multiple", "要求赔十倍", {"amounts": []}),
    # --- negation -----------------------------------------------------------------------
    ("injury-asserted", "孩子被烫伤了", {"mentions": ("injury",)}),
    ("term-inside-compound", "新房卫生间漏水", {"mentions": ("leak",)}),
    (
        "space-separated-clauses",
        "客服说不能调就是不能调 我再问就挂了 我要退款",
        {"mentions": ("refund",)},
    ),
    (
        "suspicion-is-not-assertion",
        "我怀疑是骨折了，要求退款",
        {"mentions_conditional": ("injury",), "mentions": ("refund",)},
    ),
    (
        "fear-is-not-assertion",
        "怕孩子烫伤，没敢用，要求退款",
        {"mentions_conditional": ("injury",), "mentions": ("refund",)},
    ),
    (
        "hearsay-is-not-met",
        "听说有孩子被烫伤了，要求退款",
        {"mentions_conditional": ("injury",), "mentions": ("refund",)},
    ),
    (
        "hearsay-ends-at-clause",
        "据说容易烫伤，结果孩子真的被烫伤了",
        {"mentions": ("injury",), "mentions_conditional": ("injury",)},
    ),
    (
        "prevention-is-not-met",
        "用全合成机油避免漏水，要求退款",
        {"mentions_conditional": ("leak",), "mentions": ("refund",)},
    ),
    (
        "prevention-ends-at-clause",
        "提前换了水管以免漏水，结果还是漏水了",
        {"mentions": ("leak",), "mentions_conditional": ("leak",)},
    ),
    (
        "fear-ends-at-clause",
        "害怕摔伤所以没去，结果孩子在家里摔伤了",
        {"mentions": ("injury",), "mentions_conditional": ("injury",)},
    ),
    ("negated-inside-token", "对服务很不满意", {"mentions_negated": ("satisfied",)}),
    ("softened-negation", "对服务不怎么满意", {"mentions_negated": ("satisfied",)}),
    ("not-at-all", "一点也不满意", {"mentions_negated": ("satisfied",)}),
    ("no-injury", "没有受伤", {"mentions_negated": ("injury",)}),
    ("no-foreign-matter", "未发现异物", {"mentions_negated": ("foreign_matter",)}),
    ("negation-window", "没有发现任何异物", {"mentions_negated": ("foreign_matter",)}),
    ("nobody-hurt", "无人受伤", {"mentions_negated": ("injury",)}),
    ("luckily-not", "幸好没有受伤", {"mentions_negated": ("injury",)}),
    ("negation-ends-at-clause", "我没有受伤，但是孩子受伤了", {"mentions": ("injury",)}),
    ("breaker-daozhi", "没有及时处理导致孩子摔伤", {"mentions": ("injury",)}),
    ("hair-in-soup", "汤里有头发", {"mentions": ("foreign_matter",)}),
    ("prohibitive-again", "请不要再骚扰我", {"mentions": ("collection_harassment",)}),
    ("prohibitive", "别让孩子受伤", {"mentions_negated": ("injury",)}),
    ("window-limit", "没有想到这次孩子会在店里受伤", {"mentions": ("injury",)}),
    # --- conditional threats vs plain escalation ---------------------------------------
    ("if-not-then-expose", "如果不处理就曝光", {"mentions_conditional": ("leverage",)}),
    (
        "not-refund-media",
        "不退钱我就找媒体曝光",
        {"mentions_conditional": ("leverage",), "mentions_negated": ("refund",)},
    ),
    ("zai-bu-douyin", "再不处理，我就发抖音", {"mentions_conditional": ("leverage",)}),
    # a word of consequence (就让, 就把) ends the negation as 就 does: the press is threatened
    ("not-pay-then-let-the-press", "不赔钱就让记者来", {"mentions_conditional": ("leverage",)}),
    (
        "otherwise-lawyer",
        "要求退款，否则我就找记者",
        {"mentions": ("refund",), "mentions_conditional": ("leverage",)},
    ),
    ("buran-weibo", "赶紧处理，不然我就发微博", {"mentions_conditional": ("leverage",)}),
    ("wanyi-reporter", "万一再出问题我就找记者", {"mentions_conditional": ("leverage",)}),
    ("yidan-media", "一旦出事就找媒体", {"mentions_conditional": ("leverage",)}),
    ("bu-dehua", "不给说法的话我就去电视台", {"mentions_conditional": ("leverage",)}),
    (
        "short-of-the-sum-is-a-condition",
        "赔我两万，少一分我就找记者",
        {"mentions_conditional": ("leverage", "unless_paid"), "mentions": None},
    ),
    (
        "consequence-goes-on-after-zai",
        "不赔钱我就发抖音，再天天打12315",
        {"mentions_conditional": ("leverage",), "mentions": None},
    ),
    (
        "next-sentence-is-asserted",
        "不赔钱我就发抖音。我已经打了12315",
        {"mentions_conditional": ("leverage",), "mentions": ("leverage",)},
    ),
    (
        "condition-part",
        "如果退款就不曝光",
        {"mentions_conditional": ("refund",), "mentions_negated": ("leverage",)},
    ),
    ("already-12315", "我已经向12315投诉了", {"mentions": ("leverage",), "repeat_count": 1}),
    ("will-report-12315", "我会向12315反映", {"mentions": ("leverage",)}),
    ("intend-tv", "我要找电视台曝光", {"mentions": ("leverage",)}),
    (
        "mei-jiu-not-condition",
        "没经过我同意就退款了，我找了律师",
        {"mentions": ("leverage", "refund")},
    ),
    (
        "sentence-ends-condition",
        "如果不处理就曝光。我已经找了记者。",
        {"mentions": ("leverage",), "mentions_conditional": ("leverage",)},
    ),
    ("hypothetical-injury", "如果孩子受伤了谁负责", {"mentions_conditional": ("injury",)}),
    ("hotline-inside-number", "我的号码是123156789", {"mentions": None}),
    # --- repeats ------------------------------------------------------------------------
    ("not-first-time", "这不是第一次投诉了", {"repeat_count": 1}),
    ("bingfei-first", "并非第一次反映", {"repeat_count": 1}),
    ("third-time", "这是我第三次投诉了", {"repeat_count": 2}),
    ("many-times", "多次投诉无果", {"repeat_count": 2}),
    ("earlier-ticket", "用户表示的问题同CP20201101，要求处理", {"repeat_count": 1}),
    ("earlier-complaint-ticket", "用户对前工单处理结果有疑义", {"repeat_count": 1}),
    ("see-ticket-masked", "详见工单CP********，表示处理不满意", {"repeat_count": 1}),
    ("see-colon-ticket", "用户要求:详见：CP****，要求知道进度", {"repeat_count": 1}),
    ("had-ticket-before", "请核实处理。前有工单：CP****", {"repeat_count": 1}),
    ("reported-long-ago", "用户表示反映很久了，请加急处理", {"repeat_count": 1}),
    ("complained-for-months", "经常断网，投诉4个月无果，请给个解释", {"repeat_count": 1}),
    ("months-ago-purchase-is-no-repeat", "我要投诉3个月前买的手机", {"repeat_count": None}),
    ("others-reported-is-no-repeat", "又有多少人反映过这个基站的问题", {"repeat_count": None}),
    ("reported-long-time", "这个问题已经反映了好长时间了", {"repeat_count": 1}),
    ("reported-how-long-is-no-repeat", "来电反映很久没有来水", {"repeat_count": None}),
    ("repeated-complaint", "该用户属于重复投诉", {"repeat_count": 1}),
    ("a-work-order-is-no-repeat", "用户来电，请师傅上门处理工单", {"repeat_count": None}),
    ("current-ticket-is-no-repeat", "目前工单已派发给维修师傅", {"repeat_count": None}),
    ("unresolved-is-no-repeat", "物业一直没人管", {"repeat_count": None}),
    ("resubmitted", "我越想越觉得亏，所以再投一次", {"repeat_count": 1}),
    ("own-inaction-is-no-repeat", "当时忙就一直没管，现在实在忍不了", {"repeat_count": None}),
    ("nobody-handles-is-no-repeat", "一直没人处理", {"repeat_count": None}),
    ("one-earlier-call-is-no-repeat", "已经打过一次客服电话，还是没解决", {"repeat_count": None}),
    ("called-five-times", "打了五次电话都没人接", {"repeat_count": None}),
    ("complained-three-times", "这事我已经投诉了三次", {"repeat_count": 3}),
    ("broke-again", "手机又坏了", {"repeat_count": None}),
    ("first-complaint", "这是我第一次投诉", {"repeat_count": None}),
    ("more-than-once", "不止一次反映过这个问题", {"repeat_count": 2}),
    ("not-first-stay-is-no-repeat", "住这家酒店不是第一次了，这次房间很脏", {"repeat_count": None}),
    ("recurring-problem-is-no-repeat", "这种情况已经不止一次了，还没修好", {"repeat_count": None}),
    ("third-delay-no-contact", "这是第三次延误", {"repeat_count": None}),
    # --- people and time ----------------------------------------------------------------
    ("households", "十几户居民停电了", {"people_affected": 10}),
    ("people-more", "30多人食物中毒", {"people_affected": 30}),
    ("family", "我们一家三口都拉肚子", {"people_affected": 3}),
    ("units-after-purchase", "本人于贵店购买进口曲奇饼干共计120盒", {"units_bought": 120}),
    ("units-before-purchase", "我把货架上剩下的48瓶全部拿去结了账", {"units_bought": 48}),
    ("money-is-no-units", "花了5000元买了手机", {"units_bought": None}),
    ("units-after-a-bare-total", "先后三次购买同一款奶粉，共30罐", {"units_bought": 30}),
    ("units-after-a-long-name", "购买了茅台酒股份有限公司生产的飞天茅台24瓶", {"units_bought": 24}),
    ("units-counted-by-ge", "我在网店买了30个执法记录仪", {"units_bought": 30}),
    ("months-are-no-units", "我买了3个月的会员，第二天就用不了", {"units_bought": None}),
    ("purchases-counted", "我在你们店前后买了二十多次这款饮料", {"units_bought": 20}),
    ("cartons-hold-several-units", "我在你们店买了5箱飞天茅台", {"units_bought": 30}),
    ("cartons-with-their-count", "我买了4箱16瓶", {"units_bought": 16}),
    ("three-years-ago", "三年前买的", {"days_since_incident": 1096}),
    ("last-year", "去年买的", {"days_since_incident": 531}),
    ("days-of-outage", "停电两天了", {"days_since_incident": 2}),
    # --- traditional characters ---------------------------------------------------------
    ("trad-negated", "沒有受傷", {"mentions_negated": ("injury",)}),
    ("trad-conditional", "如果不處理就曝光", {"mentions_conditional": ("leverage",)}),
    ("trad-repeat", "這是我第三次投訴了", {"repeat_count": 2}),
    ("trad-injury", "孩子被燙傷了", {"mentions": ("injury",)}),
    ("trad-amount", "話費多扣了伍仟元，要求退還", {"amounts": [("5000", "loss")]}),
    ("trad-wan", "賠償三萬元", {"amounts": [("30000", "demand")]}),
    ("trad-deduction-demand", "要求賠償損失一千二百元", {"amounts": [("1200", "demand")]}),
]


@pytest.fixture(scope="module")
def analyser() -> Analyser:
    """An analyser over this module's small lexicons."""
    return Analyser(LEXICONS)


def test_the_table_is_large_and_ids_are_unique() -> None:
    """The table holds at least 60 cases, each with its own id."""
    ids = [case_id for case_id, _, _ in CASES]
    assert len(ids) >= 60
    assert len(set(ids)) == len(ids)


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_phrase(analyser: Analyser, text: str, expected: dict[str, Any]) -> None:
    """The phrase yields exactly the expected facts and amounts."""
    features = analyser.analyse(text, as_of=AS_OF)
    for name, value in _expanded(expected).items():
        if name == "amounts":
            found = [(amount.value, amount.role.value) for amount in features.amounts]
            assert found == [(Decimal(v), role) for v, role in value], features.amounts
        else:
            assert features.facts.get(name) == value, (name, dict(features.facts), features.hits)


def _expanded(expected: dict[str, Any]) -> dict[str, Any]:
    """Naming one mention fact pins all three (the others must be absent)."""
    if any(name in expected for name in MENTIONS):
        return {**dict.fromkeys(MENTIONS), **expected}
    return expected


def test_amount_spans_point_into_the_original_text(analyser: Analyser) -> None:
    """An amount's offsets select its surface in the original, untouched text."""
    text = "話費 多扣了\u200b伍仟元，要求退還"
    (amount,) = analyser.analyse(text).amounts
    assert text[amount.start : amount.end] == amount.surface == "伍仟元"


def test_hit_surface_is_original_text_across_dropped_characters(analyser: Analyser) -> None:
    """A hit spanning a zero-width space still maps back to the original stretch."""
    text = "孩子被燙\u200b傷了"
    (hit,) = analyser.analyse(text).hits
    assert (hit.term, hit.surface) == ("烫伤", "燙\u200b傷")
    assert text[hit.start : hit.end] == hit.surface


def test_negated_and_conditional_flags_are_on_the_hits(analyser: Analyser) -> None:
    """Each hit carries its own flags: negated, conditional, or asserted."""
    features = analyser.analyse("没有受伤。如果不处理就曝光。孩子骨折了。")
    flags = {hit.term: (hit.negated, hit.conditional) for hit in features.hits}
    assert flags == {"受伤": (True, False), "曝光": (False, True), "骨折": (False, False)}


def test_mention_spans_name_their_lexicon(analyser: Analyser) -> None:
    """The spans behind mentions carry the lexicon and the flags of each hit."""
    text = "如果不处理就曝光。孩子烫伤了"
    spans = analyser.analyse(text).spans
    assert [(s.lexicon, s.term, s.conditional) for s in spans["mentions"]] == [
        ("injury", "烫伤", False)
    ]
    assert [(s.lexicon, s.surface) for s in spans["mentions_conditional"]] == [("leverage", "曝光")]
    assert all(s.fact == "mentions" for s in spans["mentions"])


@pytest.mark.parametrize(
    ("text", "flags"),
    [
        ("不退钱我就找媒体曝光", {"不退钱": (False, True), "曝光": (False, True)}),
        ("再不处理，我就发抖音", {"不处理": (False, True), "抖音": (False, True)}),
        ("一直没人处理，我已经曝光了", {"没人处理": (False, False), "曝光": (False, False)}),
        ("不到一个月就曝光了", {"曝光": (False, False)}),
    ],
)
def test_terms_holding_cues_keep_the_scope_rules(
    text: str, flags: dict[str, tuple[bool, bool]]
) -> None:
    """A term with a cue inside (不退钱, 没人处理) is asserted and still opens 不…就… conditions."""
    analyser = Analyser({"failure": ["不退钱", "不处理", "没人处理"], "leverage": ["曝光", "抖音"]})
    found = {hit.term: (hit.negated, hit.conditional) for hit in analyser.analyse(text).hits}
    assert found == flags
