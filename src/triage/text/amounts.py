"""Sums of money in yuan (5000元, ¥5,000, 5千块, 3.5万, 2w, 5k块, 伍仟元, 三千多) and their roles.

A number is money when it carries a currency mark (¥, 元, 块, 圆, 人民币, RMB) or, bare,
when it is written with a unit (十, 百, 千, 万, 亿) or has two or more digits, a role cue
ends at most `BARE_CUE_GAP` characters before it, and no measure word follows it.
Its role comes from the cues of its clause: see `find_amounts`.
"""

from __future__ import annotations

import bisect
import re
from decimal import Decimal
from functools import cached_property
from typing import NamedTuple

from triage.text.features import Amount, AmountRole
from triage.text.normalize import Normalized
from triage.text.numerals import NUMERAL, NUMERAL_START, parse_numeral
from triage.text.scope import Scope

__all__ = [
    "BARE_CUE_GAP",
    "BOUND_CUES",
    "CUE_WINDOW",
    "GATHER_CUES",
    "HANDED_OVER",
    "OFFER_CUES",
    "REFUND_CUES",
    "ROLE_CUES",
    "TOTAL_CUES",
    "find_amounts",
]

BARE_CUE_GAP = 3
"""Characters allowed between a role cue and a bare number (赔偿我们5000)."""

CUE_WINDOW = 16
"""How far before an amount (within its clause) role cues are looked for."""

_FOLLOWING_CUE_WINDOW = 6

ROLE_CUES: dict[AmountRole, tuple[str, ...]] = {
    AmountRole.DEMAND: (
        "要求", "索赔", "索要", "讨要", "赔偿", "赔付", "补偿", "退还", "退回", "返还", "退款",
        "退钱", "退我", "赔我", "补我", "还我", "退赔", "要回", "追回", "赔", "精神损失费",
        "精神赔偿", "误工费", "营养费", "护理费", "赔偿金", "我要", "给我", "转给我", "打给我",
        "打到我", "转我", "私了", "赔个", "不给", "不拿", "拿出", "掏出", "不掏", "少一分",
        "一口价", "开价", "要价", "到我账户", "到我卡上", "到我卡里", "到我支付宝", "到我微信",
        "起码得", "至少得", "最少得", "得出", "得赔", "要出", "要赔", "免谈", "没得商量", "没商量",
        "一分不能少", "一分都不能少", "一分也不能少", "没完", "摆不平", "不罢休", "见不到", "陪偿",
        "退押金", "退定金", "退订金", "退学费", "退货款", "退车款", "退房费", "退保证金", "退费",
        "准备好", "不返现", "返我", "给我返", "辛苦费", "封口费", "好处费", "和解费", "公关费",
        "保密费", "精神抚慰金", "你们出", "你出", "删帖费", "撤稿费", "下架费", "删评费", "拿不到",
        "不转", "就准备", "底线", "起步", "最少给", "至少给", "起码给", "最低给",
        # what the sum buys (五万块钱摆平, 十万私了, 五万买断视频): the sum is asked for it
        "摆平", "了事", "息事宁人", "买断", "买个平安", "买平安", "破财消灾", "消灾", "平事",
        "这事就算了", "就算了", "就了了", "一笔勾销", "两清",
        # the least it takes (怎么也得上万, 少说也得几万; 没个几万块这事下不来)
        "怎么也得", "怎么着也得", "少说也得", "起码也得", "至少也得", "最少也得", "下不来",
        "过不去", "完不了", "解决不了", "搞不定", "处理不了",
    ),
    AmountRole.LOSS: (
        "损失", "被扣", "多扣", "多收", "扣了", "扣款", "扣费", "扣除", "扣走", "扣掉", "误扣",
        "乱扣", "多了", "多出", "差了", "被骗", "骗了", "骗走", "诈骗", "被盗", "盗刷", "被刷",
        "划走", "转走", "被转", "多付", "多交", "白花", "亏损", "亏了", "赔了", "不退", "拒退",
        "医疗费", "医药费", "维修费", "少给", "克扣", "拖欠", "收取", "乱收",
        "违约金", "罚息", "滞纳金", "手续费", "罚款", "罚了", "罚我", "被罚",
    ),
    AmountRole.OTHER: (
        "贷款", "借款", "借了", "欠款", "余额", "工资", "薪水", "月薪", "年薪", "收入", "额度",
        "本金", "月供", "分期", "还款", "房贷", "车贷", "保额", "满",
        "罚款最低", "最低罚款", "罚款至少", "罚款起码", "罚款最少", "罚你们", "至少罚", "起码罚",
        "会被罚", "要被罚", "顶格罚", "最高罚",
    ),
    AmountRole.PAID: (
        "买", "购买", "购", "花了", "花", "价格", "价钱", "售价", "单价", "总价", "原价", "标价",
        "价值", "充值", "充了", "支付", "付了", "付款", "付", "定金", "订金", "首付", "押金",
        "交了", "缴纳", "缴了", "刷了", "刷卡", "缴费", "交费", "下单", "订购", "票价", "消费",
        "实付", "报名费", "学费", "会员费", "年费", "服务费", "费用", "车款", "车价", "房款",
        "房价", "货款", "保费", "一碗", "一份", "一杯", "一瓶", "要",
    ),
}  # fmt: skip
"""Role cues; when several precede an amount: demand, then loss, then other, then paid. A
fine the business would face (罚款最低二十万, 罚你们20万起) is other: no loss of the
complainant's."""

TOTAL_CUES = ("一共", "共计", "总共", "合计", "累计", "加起来", "涉诉金额", "金额")
"""Words that make a bare number money (一共三千六百多) without telling its role."""

BOUND_CUES = ("至少", "起码", "最少", "最低", "不低于", "不少于", "不下于", "低于", "少于")
"""Words that make a bare number a floor (至少5万, 不低于十万; 少于两万免谈) and so money without
telling its role: a number of days or items carries its measure word and stays none."""

REFUND_CUES = (
    "退还", "退回", "返还", "退款", "退钱", "退我", "要回", "追回", "还我", "退押金", "退定金",
    "退订金", "退学费", "退货款", "退车款", "退房费", "退保证金", "退费",
)  # fmt: skip
"""Demand cues that ask for the price back: the sum demanded is then the price paid."""

HANDED_OVER = ("出来", "过来", "到这个账户", "到指定账户", "到这个卡", "到这张卡")
"""Right after a sum, the sum is to be handed over (拿两万块钱出来, 先打一万过来, 转五万到这个账户):
demanded."""

GATHER_CUES = ("准备", "筹", "凑", "拿")
"""Right before a sum inside a condition's consequence, the sum is to be got ready and handed
over (不想被曝光的话，先准备两万块; 不想上新闻就筹五万现金): demanded. Outside a condition they
tell a plan (我在筹五万现金买车) and no role."""

OFFER_CUES = (
    "只肯", "只愿意", "只同意", "只答应", "只给", "只赔", "只退", "只补", "只能赔", "只能退",
    "最多赔", "最多退", "愿意赔", "同意赔", "答应赔", "答应退", "提出赔",
)  # fmt: skip
"""The other side's offer (只肯赔付36元): the sum is neither demanded nor lost, so ``other``."""
_OFFERS = re.compile("|".join(OFFER_CUES))

_PRIORITY = (AmountRole.DEMAND, AmountRole.LOSS, AmountRole.OTHER, AmountRole.PAID)
_NOT_CUES = ("要么", "要是", "要不", "要不然", "要不是", "起步价", "花园")
_PLACE_WORDS = ("花园",)
"""Place names holding a cue (花园 holds 花): a number after them is a building (花园17幢,
花园12-4101), not a sum, so they do not make a bare number money as a cue does."""
"""Words holding a cue that are none (要么, 要是 are no 要; a taxi's 起步价 is no 起步; a
garden's 花园 is no 花: 花园17幢): they tell no role."""
_CUE_ROLE: dict[str, AmountRole | None] = dict.fromkeys((*TOTAL_CUES, *BOUND_CUES, *_NOT_CUES))
_CUE_ROLE.update({cue: role for role in reversed(_PRIORITY) for cue in ROLE_CUES[role]})
_CUES = re.compile("|".join(sorted(map(re.escape, _CUE_ROLE), key=len, reverse=True)))

_RANGE_JOINTS = "到至~～－—-"
_MONEY = re.compile(
    rf"(?=[{NUMERAL_START}¥人rc上大小])(?P<prefix>(?:¥|人民币|rmb|cny) ?)?"
    rf"(?:(?P<places>[3-9三四五六七八九])位数"
    rf"|(?:(?P<low>{NUMERAL})[{_RANGE_JOINTS}])?"
    rf"(?:(?P<over>上)(?=[十百千万])|(?P<half>[大小])(?=几[十百千万]))?"
    rf"(?P<number>{NUMERAL})(?P<more>多|余|把)?(?P<scale>[kw](?![a-z0-9]))?)"
    r"(?P<currency> ?(?:元钱|元整|元|块钱|块|圆|人民币|rmb|cny))?"
)
"""A sum, with the spoken forms of a floor: a range (3到5万, 1000-2000元: its lower end), 上万
(10,000 or more), 大几千 (5,000 or more) and 小几万, 万把块 (about 10,000) and 五位数 (10,000 or
more). 好几万 and 几万 are read by the numeral (几 counted as 2)."""
_UNIT_CHARACTERS = {"十": 10, "百": 100, "千": 1000, "万": 10_000, "亿": 100_000_000}
_MEASURE = re.compile(
    r" ?(?:[年月日号天周星次回遍趟个人户名位口件台部张瓶盒袋包箱双对副罐桶粒片颗支枝把只头条页"
    r"本杯碗份顿餐间套辆架艘座栋幢层楼单岁小分秒点倍折成度期集级克斤吨米升毫厘公平里寸尺%‰℃]"
    r"|[a-z]|室(?!内|外)|路(?!费|上)|码|款(?!项)|方(?=水|气|的|[,.;!?、，。；！？]|$))"
)
"""A measure word after a bare number: a count, a time, a size or model (31码, 18款), a place
(17幢, 701室, 65路) or a volume (2191方的水费, 多了1000多方水), not a sum."""
_COMPOUND_HEAD = re.compile(
    r" ?(?:医疗|保障|重疾|意外|富翁|粉丝|粉|用户|业主|居民|住户|村民|乘客|旅客|学生|员工|职工"
    r"|消费者|顾客|租户|商户)"
)
"""Nouns a bare number can modify without being money: 百万医疗险, 十万粉丝, and people counted
(总共1300多用户)."""
_IDENTIFIER_CUE = re.compile(
    r"(?:号|号码|电话|手机|尾号|编号|单号|账号|卡号|工号|车牌|密码|验证码|身份证|qq|微信|第|百分之)"
    r"[是为]?[:：]? ?$"
)
"""Before a number without a currency, an identifier: 户号, 表号, 水号, 房号 and 单号 end in 号
(订单号为：1442083355)."""
_PLACE_CUE = re.compile(r"(?:门牌|单元|楼|栋|幢|室)[是为]?[:：]? ?$")
"""Before a number in digits, a place in an address (2号楼1单元701, 门牌12): a room, not a sum."""
_IDENTIFIER_DIGITS = 7
"""A bare number of this many digits or more, not round (4222064, 1890580412), is an account,
meter, order or phone number: nobody writes a sum so exact without a currency."""
_YEAR_MONTH = re.compile(r"20[0-3][0-9](?:0[1-9]|1[0-2])")
"""Six bare digits reading as a year and month (201711惠农套餐) are a date, not a sum."""
_SERVICE_NUMBER = re.compile(r"11[0249]|12[02]|12[0-9]{3}|9[56][0-9]{3,4}|100[0-9]{2}")
_DIAL_CUE = re.compile(r"(?:打|拨|拨打|致电|去|到|联系|转)$")
"""A service number that is also a round sum (10000) is the line when dialled or visited:
用户要去10000办理, 拨打10000."""
_SENT_ON = (
    "出来", "过来", "到我", "给我", "到账", "到卡", "到支付宝", "到微信", "到这个账户",
    "到指定账户", "到账户", "私了", "摆平", "了事", "息事宁人", "买断", "买个平安", "买平安",
    "消灾", "平事",
)  # fmt: skip
"""Right after a sum, money sent on (转10000到我卡上, 打10000过来) or what it buys (十万私了,
五万买断视频, 五万摆平): a sum, and not a line."""
_FEES = re.compile(
    r"的?(?:精神损失费|精神赔偿|精神抚慰金|赔偿金|赔偿款|赔偿|补偿金|补偿款|补偿费|补偿|医药费|医疗费|"
    r"误工费|营养费|护理费|损失费|辛苦费|封口费|好处费|和解费|合作费|公关费|保密费)"
)
"""A money noun right after a bare sum names it (再加五万精神损失费): the sum is money."""
_ALTERNATIVES = ("不然", "否则", "要不然", "要不", "要么")
"""A clause after a sum opening with these says what follows if it is not handed over
(拿五千块钱，不然我就去举报; 要么转2000，要么投诉: the second 要么 is the other way out): a sum
with no cue of its own before such a clause is demanded."""
_INSISTED = (
    "一分不能少", "一分都不能少", "一分也不能少", "少一分", "没得商量", "没商量", "免谈",
    "少了免谈", "你们看着办", "你看着办", "自己看着办",
    "不拿就", "不给就", "不赔就", "不转就", "不打就", "不拿的话", "不给的话", "不赔的话",
    "不转的话", "不拿钱", "不给钱", "不赔钱", "不转钱", "不打钱",
)  # fmt: skip
"""A clause after a sum opening with these insists on it, leaves the rest to them or says
what follows if it is not paid (三万块，一分不能少; 五千块，你们看着办; 五千块拿来，不拿就曝光):
the sum before it is demanded, as before an alternative."""
_SETTLED = (
    "这事就算了", "这事就了了", "这事就过去了", "这事到此为止", "就算了", "就了了", "一笔勾销",
    "两清", "私了", "咱们两清", "我们两清", "事情就过去了",
)  # fmt: skip
"""A clause after a sum opening with these says what the sum settles (十万块，这事就算了; 两万，
一笔勾销): the sum before it is demanded."""
_CLAUSE_MARKS = (",", "，", ";", "；")
"""Marks that end a clause inside a sentence, as normalized text writes them."""
_UNIT_IN_NUMBER = re.compile("[十百千万亿]")
"""A unit written inside the number (十万, 三千): a sum, not a year or a count."""
_FLOOR_ROLES = (AmountRole.DEMAND, AmountRole.LOSS)
"""Roles in which a sum written only as a floor (几万, 上万) is kept: what is asked or lost."""
_DATE_LIKE = re.compile(r"[0-9][./:-]$")
_MAX_YUAN = Decimal(10) ** 12
_MAX_DIGITS = 13


def find_amounts(text: Normalized, scope: Scope) -> tuple[Amount, ...]:
    """Every sum of money in ``text``, with its role.

    Role: if a demand cue precedes the amount in its clause (within `CUE_WINDOW`
    characters) it is ``demand``; else the highest of loss, other, paid among preceding
    cues; else the nearest cue following within six characters; else ``other``, marked
    as not ``cued``.
    """
    normalized = text.text
    cues = _Cues(normalized)
    amounts: list[Amount] = []
    for match in _MONEY.finditer(normalized):
        gathered = normalized.endswith(GATHER_CUES, 0, match.start()) and scope.conditional_at(
            match.start()
        )
        found = _value(match, normalized, cues, gathered=gathered)
        if found is None:
            continue
        start, end = found.start, match.end()
        role = cues.role(start, end, scope.clause(start), scope.sentence(start))
        if role is None and gathered:
            role = AmountRole.DEMAND
        if found.vague and role not in _FLOOR_ROLES:
            continue
        begin, finish = text.to_original(start, end)
        amounts.append(
            Amount(
                found.value,
                role or AmountRole.OTHER,
                text.original[begin:finish],
                begin,
                finish,
                cued=role is not None,
                refund=role is AmountRole.DEMAND and cues.refund(start, scope.clause(start)),
            )
        )
    return tuple(amounts)


class _Cues:
    """The role cues of one text, in order, with bisectable starts and ends.

    Each is looked for when first needed: most numbers are no money before a cue is
    asked for (一, 三 as words), and most texts hold no sum whose role is read.
    """

    def __init__(self, text: str) -> None:
        self.text = text

    @cached_property
    def _matches(self) -> list[re.Match[str]]:
        return list(_CUES.finditer(self.text))

    @cached_property
    def starts(self) -> list[int]:
        return [match.start() for match in self._matches]

    @cached_property
    def ends(self) -> list[int]:
        return [match.end() for match in self._matches]

    @cached_property
    def roles(self) -> list[AmountRole | None]:
        return [_CUE_ROLE[match.group()] for match in self._matches]

    @cached_property
    def terms(self) -> list[str]:
        return [match.group() for match in self._matches]

    @cached_property
    def offers(self) -> list[int]:
        return [match.end() for match in _OFFERS.finditer(self.text)]

    def just_before(self, position: int) -> bool:
        """Whether a cue ends at most `BARE_CUE_GAP` characters before ``position``."""
        at = bisect.bisect_right(self.ends, position)
        return (
            at > 0
            and position - self.ends[at - 1] <= BARE_CUE_GAP
            and self.terms[at - 1] not in _PLACE_WORDS
        )

    def role(
        self, start: int, end: int, clause: tuple[int, int], sentence: tuple[int, int]
    ) -> AmountRole | None:
        """The role of the amount at ``[start, end)`` from the cues around it, if any.

        Cues of its own clause first, then a next clause opening with an alternative
        (拿五千块钱，不然…: demanded); when it has none, the cues before it in its sentence
        (a list split by spaces: 赔偿医疗费 误工费 一共8万元). An offer cue before it in its
        clause makes it ``other``.
        """
        offer = bisect.bisect_right(self.offers, start)
        if offer and self.offers[offer - 1] > max(clause[0], start - CUE_WINDOW):
            return AmountRole.OTHER
        if self.text.startswith(HANDED_OVER, end):
            return AmountRole.DEMAND
        for low in (clause[0], sentence[0]):
            role = self._preceding(max(low, start - CUE_WINDOW), start)
            if role is not None:
                return role
            after = bisect.bisect_left(self.starts, end)
            if (
                low == clause[0]
                and after < len(self.starts)
                and self.starts[after] < min(clause[1], end + _FOLLOWING_CUE_WINDOW)
                and self.roles[after] is not None
            ):
                return self.roles[after]
            if low == clause[0] and self.text.startswith(
                (*_ALTERNATIVES, *_INSISTED, *_SETTLED), clause[1] + 1
            ):
                return AmountRole.DEMAND
        return None

    def refund(self, start: int, clause: tuple[int, int]) -> bool:
        """Whether the last demand cue before ``start`` in its clause asks the price back
        (退还学费2万元), not for more (退款并赔偿2万元)."""
        first = bisect.bisect_left(self.starts, max(clause[0], start - CUE_WINDOW))
        last = bisect.bisect_right(self.ends, start)
        demands = [
            self.terms[at] for at in range(first, last) if self.roles[at] is AmountRole.DEMAND
        ]
        return bool(demands) and demands[-1] in REFUND_CUES

    def _preceding(self, low: int, start: int) -> AmountRole | None:
        first = bisect.bisect_left(self.starts, low)
        preceding = set(self.roles[first : bisect.bisect_right(self.ends, start)])
        return next((role for role in _PRIORITY if role in preceding), None)


class _Sum(NamedTuple):
    """A sum read from the text: its value in yuan and where it starts."""

    value: Decimal
    start: int
    vague: bool
    """Written only as a floor (几万, 上万, 大几千, 万把块, 五位数): kept as a demand or a loss,
    where the floor is what is asked or lost, not as a price or other money."""


_PLACES = {
    **dict(zip("三四五六七八九", range(3, 10), strict=True)),
    **{str(n): n for n in range(3, 10)},
}
_NOT_MONEY_AFTER = re.compile(r"的?(?:密码|验证码|号码|数字|编号|账号|卡号)")
_MONEY_AFTER = ("的钱", "的赔偿", "的补偿")


def _value(match: re.Match[str], text: str, cues: _Cues, *, gathered: bool) -> _Sum | None:
    """The sum in yuan if the match is money, else None (cheapest tests first)."""
    start, end = match.span()
    if match.group("places"):
        return _places(match, text, cues)
    number = match.group("number")
    if match.group("low") and match.group("prefix") is None:
        start = match.start("low")
    marked = match.group("prefix") or match.group("currency")
    about = match.group("more") == "把"  # 万把块: about one unit
    one_character = len(number) == 1 and not number.isascii()
    if not marked and (
        # 一, 三: far too common as words
        (one_character and not (match.group("over") or about or match.group("low")))
        or not (
            cues.just_before(start)
            or gathered
            or text.startswith(_SENT_ON, end)
            or _FEES.match(text, match.end("scale") if match.group("scale") else end)
            or _demanded_by_next_clause(match, text, end)
        )
        or _MEASURE.match(text, end)
        or _COMPOUND_HEAD.match(text, end)
        or (
            _SERVICE_NUMBER.fullmatch(number)
            and (
                not number.endswith("000")
                or (_DIAL_CUE.search(text, 0, start) and not text.startswith(_SENT_ON, end))
            )
        )
    ):
        return None
    before = text[max(0, start - 5) : start]
    if (
        (
            not match.group("currency")
            and (
                _IDENTIFIER_CUE.search(before)
                or _identifier(match)
                or (number.isascii() and not match.group("scale") and _PLACE_CUE.search(before))
            )
        )
        or _DATE_LIKE.search(before)
        or _touches_number(text, start, end)
        or len(number.split(".")[0]) > _MAX_DIGITS
    ):
        return None
    if about:
        if number not in _UNIT_CHARACTERS or number == "亿":
            return None
        numeral = parse_numeral("一" + number)
    elif match.group("over"):
        if text[max(0, match.start("over") - 2) : match.start("over")] == "成千":
            return None  # 成千上万: a great many, no sum
        numeral = parse_numeral("一" + number)
    elif half := match.group("half"):
        numeral = parse_numeral(("五" if half == "大" else "一") + number[1:])
    else:
        numeral = parse_numeral(number)
    if numeral is None:
        return None
    vague = numeral.vague or about or bool(match.group("over") or match.group("half"))
    scale = match.group("scale")
    multiple = 10_000 if scale == "w" else 1000 if scale else 1
    value = numeral.value * multiple
    if not 0 < value < _MAX_YUAN:
        return None
    if match.group("low"):
        low = _range_low(match.group("low"), number, multiple)
        if low is not None and low < value:
            value = low
        elif match.group("prefix") is None:
            return _value_alone(match, text, cues)
    if not marked:
        if numeral.has_unit or scale or len(number) >= 2 or about or match.group("over"):
            return _Sum(value, start, vague)
        return None
    currency = (match.group("currency") or "").strip()
    if currency == "块" and value < 10 and not text.startswith("钱", end):
        return None  # 三块蛋糕: 块 as a measure word
    return _Sum(value, start, vague)


def _demanded_by_next_clause(match: re.Match[str], text: str, end: int) -> bool:
    """Whether a bare number with a unit (十万, 5w) right before a clause mark is followed by a
    clause that insists on it, tells what it settles or what follows unpaid (十万，少一分都不行;
    五万，这事就算了; 两万，不然我就曝光): a sum said on its own after a threat is money, as its
    role says. Digits alone (2023，不然) may be a year or a count."""
    return (
        bool(match.group("scale") or _UNIT_IN_NUMBER.search(match.group("number")))
        and text.startswith(_CLAUSE_MARKS, end)
        and text.startswith((*_ALTERNATIVES, *_INSISTED, *_SETTLED), end + 1)
    )


def _range_low(low: str, high: str, multiple: int) -> Decimal | None:
    """The lower end of a range in the units of its upper end (3到5万: 30,000), if a number."""
    numeral = parse_numeral(low)
    if numeral is None or numeral.vague:
        return None
    value = numeral.value * multiple
    if not numeral.has_unit and high[-1] in _UNIT_CHARACTERS:
        value *= _UNIT_CHARACTERS[high[-1]]
    return value if value > 0 else None


def _value_alone(match: re.Match[str], text: str, cues: _Cues) -> _Sum | None:
    """The upper number of a pair that is no range (5万-3万), read on its own."""
    at = match.start("over") if match.group("over") else match.start("half")
    again = _MONEY.match(text, at if at >= 0 else match.start("number"))
    if again is None or again.group("low"):
        return None
    return _value(again, text, cues, gathered=False)


def _places(match: re.Match[str], text: str, cues: _Cues) -> _Sum | None:
    """五位数, 六位数: a sum with that many digits, 10,000 or 100,000 at least, when asked or named
    as money (赔个五位数, 五位数的赔偿) and not a code (六位数的密码)."""
    start, end = match.span()
    if _NOT_MONEY_AFTER.match(text, end):
        return None
    if not (
        match.group("prefix")
        or match.group("currency")
        or cues.just_before(start)
        or _FEES.match(text, end)
        or text.startswith(_MONEY_AFTER, end)
    ):
        return None
    return _Sum(Decimal(10) ** (_PLACES[match.group("places")] - 1), start, True)


def _identifier(match: re.Match[str]) -> bool:
    """A bare string of digits that is no sum: a long one not round (4222064, an account number;
    1890580412, a phone number) or a year and month (201711)."""
    if match.group("prefix") or match.group("scale") or match.group("low"):
        return False
    number = match.group("number")
    if not (number.isascii() and number.isdigit()):
        return False
    if len(number) >= _IDENTIFIER_DIGITS:
        return not number.endswith("000")
    return _YEAR_MONTH.fullmatch(number) is not None


def _touches_number(text: str, start: int, end: int) -> bool:
    """Part of a date, time, code or range, or of a masked number: 2023.5.1, 10:30, a5000,
    3000-5000, 138****5678, 尾号***4064."""
    if start > 0 and (
        (text[start - 1].isascii() and text[start - 1].isalnum()) or text[start - 1] in "*#"
    ):
        return True
    if end < len(text) and text[end] in "*#":
        return True
    return end + 1 < len(text) and text[end] in "./:-" and text[end + 1].isdigit()
