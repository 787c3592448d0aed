"""Counted signals: earlier complaints about the same matter, and people affected.

Repeats: 第N次 (N ≥ 2, counts N − 1) with a contact cue in its sentence; N次 and
多次/反复/屡次/一再 (2) and 又/再次 (1) with a complaint word (投诉, 反映, 举报, 12345, …)
in the clause (beside a count also 反馈 and 报修: 多次反馈, 之前多次报修); 不是第一次/并非第一次
(1) and 不止一次 (2) with a complaint word in the clause too; an earlier complaint (之前投诉过,
已经向12315投诉了: 1), an earlier ticket (前工单, 详见工单CP…, a CP ticket number cited alone: 1)
or a report made long ago or kept up (反映很久了, 投诉4个月无果, 投诉了很久, 两个月一直在投诉,
and a complaint kept up for weeks or more: 投诉两三年了, 投诉了大半年: 1). A matter still
unresolved (一直没人处理), one report or repair request long unanswered (报修了1个月左右) or an
earlier call is no repeat complaint, nor is a complaint threatened or intended (不然就一直投诉,
否则会再次投诉). People: a number
with a person measure word or noun (十几户 → 10, 30多人 → 30, 五名业主, 一家三口 → 3).
"""

from __future__ import annotations

import re

from triage.text.features import Signal, SignalKind
from triage.text.normalize import Normalized
from triage.text.numerals import NUMERAL, NUMERAL_START, parse_numeral
from triage.text.scope import Scope

__all__ = ["find_people", "find_repeats", "find_units", "find_volumes"]

_CONTACT = re.compile(
    r"投诉|反映|反应|举报|来电|致电|电话|联系|申诉|报修|沟通|协商|交涉|催|留言|工单|客服|热线|"
    r"信访|求助|找过|找了|找你们|找到|打过|打了|12315|12345|95598|12326|10000"
)
_CHANNEL = "投诉|反映|举报|申诉"
"""Earlier contact that is a complaint: a call to customer service or a repair request is
not (an unresolved matter, or one earlier call, is no repeat complaint)."""
_NOT_A_COUNT = "性|供水|供电|加压|装修|元|污染|伤害|销售|改造|开发|都|也"
"""After N次 these make it no count of complaints: a compound noun (一次性收费, 二次供水,
二次加压, 二次装修, 二次元, 二次污染, 二次伤害) or an emphatic negative (一次都没打通过,
一次也没来)."""
_REPEATS = re.compile(
    rf"(?=[{NUMERAL_START}第多屡反三无又再不并上之以此曾已早先前始至迟到仍依还石没踢推重原详同投报c])(?:"
    rf"(?P<ordinal>第(?P<on>{NUMERAL})次)"
    rf"|(?P<times>(?<!第)(?P<tn>{NUMERAL})多?(?:次|回|遍)(?!{_NOT_A_COUNT}))"
    r"|(?P<many>多次|屡次|数次|反复|一再|三番五次|三番两次|无数次|多番)"
    r"|(?P<resubmit>再投一次|再投诉一次|再来投诉|再投诉)"
    r"|(?P<again>又一次|再一次|再次|又(?!有))"
    r"|(?P<notfirst>(?:不是|并非)(?:第一次|头一次|第一回|头一回))"
    r"|(?P<morethanonce>不止一次|不只一次)"
    r"|(?P<ticket>重复投诉|(?:前期已有|之前的|(?<![目当提眼])前有?|原)(?:投诉)?(?:工单|投诉单)"
    r"|(?:详见|同)[:：]?(?:投诉)?(?:工单|投诉单)?[:：]?cp"
    r"|(?<![a-z])cp(?=[*\d]{6}))"
    r"|(?P<longago>(?:反映|反应)了?(?:很久|好久|很长时间|好长时间)了"
    r"|(?:投诉|举报|申诉)了?(?:很久|好久|很长时间|好长时间)"
    r"|一直(?:都)?在?(?:投诉|反映|举报|申诉)(?!无门)"
    r"|(?:投诉|反映|反应)了?(?:\d+|[一两二三四五六七八九十几半]+)个多?月(?:了|无果|都没|没有|还没|未)"
    r"|(?:投诉|申诉|举报)了?(?:快|近|将近|有|已经|已)?"
    r"(?:(?:[0-9]{1,2}|[一两二三四五六七八九十几]+)多?(?:个多?月|年|个?星期|个?礼拜|周)|大?半(?:个月|年))"
    r"(?![内后前底度]))"
    rf"|(?P<before>(?:上次|之前|以前|此前|曾经|曾|已经|已|早就|先前|前几天|前段时间|前些天)"
    rf"(?:就|也|都)?(?:已经|已)?(?:向[^，。！？；,!?;\n]{{0,12}}?)?(?:{_CHANNEL}))"
    r")"
)
_FIXED = {
    "many": 2,
    "resubmit": 1,
    "again": 1,
    "notfirst": 1,
    "morethanonce": 2,
    "ticket": 1,
    "longago": 1,
    "before": 1,
}
_NEEDS_CONTACT_IN_CLAUSE = frozenset({"times", "many"})
_COMPLAINT_CONTACT = re.compile(r"投诉|反映|举报|申诉|12315|12345|12326|12300|市长热线")
"""N次, 多次 and 又 repeat a complaint only with one of these in the clause: 打了三次电话
is three calls about one complaint, not three complaints. So do 不是第一次 and 不止一次: 不是第一次
住了 is a guest's earlier stay and 这种情况不止一次了 the problem recurring, neither an earlier
complaint (a repeat is a complaint already made)."""
_NEEDS_COMPLAINT = frozenset({"times", "many", "again", "notfirst", "morethanonce"})
_REPORTED_MANY = re.compile(
    r"(?<!宾馆)(?<!酒店)(?<!商家)(?<!卖家)(?<!店家)(?<!客服)(?<!回复)反馈|报修"
)
"""反馈 (a report, in work orders: 用户反馈流量上网很慢) and 报修 (a fault reported to the
business for repair) are complaint words for a count only: 多次反馈, 反馈了三次, 之前多次报修,
报修好几次了 tell a matter reported to the business again and again (a repeat: already
reported to the business). Beside 再次 or 又 反馈 is too often the business's reply (宾馆反馈：
再次向您表示歉意) and one 报修 is one call, so those keep the words above."""
_PROSPECTIVE = re.compile(
    r"(?:不然|否则|要不然|要不|如果|假如|若是|万一|再不|不[^，,。；;！!？?\n]{0,8}就|会|将(?!近)|准备|打算"
    r"|(?<!需)要(?!求))[^，,。；;！!？?\n]{0,4}$"
)
"""Before a repeat word in its clause, these make it a complaint threatened or intended, not
one made: 不然就一直投诉, 否则会再次投诉, 还不处理就再投诉 (a repeat is told only
when the complainant says they already complained)."""
_FRAME = re.compile(
    r"(?:^|(?<=[，,。；;！!？?\n]))[^，,。；;！!？?\n:：]{0,16}?"
    r"(?:反映|反应|投诉|反馈|举报|来电|致电|留言|诉求|来信)[:：]"
)
"""A record's frame (来电人反映：, 用户投诉：, 市民来信：): the present complaint being taken
down, not an earlier one. Its complaint word does not make 第三次, 多次 or 又 in the same
clause a repeat: 来电人反映：小区又停水了，这个月已经是第三次了 tells a recurring outage."""

_PERSON = (
    "人家|人|业主|居民|住户|村民|乘客|旅客|学生|孩子|小孩|儿童|老人|员工|工人|用户|消费者|顾客|"
    "家庭|病人|患者|职工|租户|商户"
)
_PEOPLE = re.compile(
    rf"(?=[{NUMERAL_START}])(?<!第)(?P<n>{NUMERAL})(?:多|余|来)?(?:(?:个|名|位|户|口)?(?:{_PERSON})|户|名)"
    rf"|一家(?P<family>{NUMERAL})口"
)
_MAX_COUNT = 10**9
_ADDRESS_BEFORE = re.compile(r"(?:单元|楼|栋|幢|座|室|[-#])$")
"""Address parts a room number follows (1单元701业主, 7号楼1402业主, 2-1-904业主)."""
_COUNT_BEFORE = re.compile(r"(?:有|共|约|近|达|计|超过|余|和|、)$")
"""Words before a number telling a count (共有301户, 约102户): not a room."""
_ROOM_SHAPED = re.compile(r"[0-9]{2,4}[1-9]")
"""A room or house number: three to five digits not ending in 0 (301, 1402, 13001); counts of
people told exactly are mostly round (200户, 1300多用户). After an address part a room may end in
0 (1单元710业主), but not in 00 (这栋楼200户)."""

_PACKAGING = (
    "(?:盒|箱|瓶|袋|包|罐|桶|件|双|支|条|份|台|听|提|只|套|副|部|枚"
    "|个(?!月|小时|星期|礼拜|工作日|人|多月|半月|钟头|季度))"
)
"""Measure words of units bought; weights and volumes (斤, 公斤, 升) are not units, nor is 个
before a span of time or people (3个月的会员)."""
_UNITS = re.compile(
    rf"(?=[买购下订拍囤采拿结共一总合{NUMERAL_START}])"  # where either branch can start: cheap scan
    r"(?:(?:买了|购买了?|购入|购得|买得|买下|买走了?|买回(?:了|来)?|拿了|下单(?:购买|买了|了|的)?"
    r"|订购了?|订了|拍了|拍下了?|囤了|采购了?|买(?!卖|单|家|方|的)"
    r"|拿去结了?账|结账|共计|一共|总共|合计|共(?!和国|享|同))"
    rf"(?:(?!发现|其中)[^，。！？；,.!?;\n]){{0,24}}?(?<![0-9第])(?P<n>{NUMERAL})(?:多|余)?{_PACKAGING}"
    rf"(?:共?(?P<k>{NUMERAL})(?:多|余)?{_PACKAGING})?"
    rf"|(?<![0-9第])(?P<m>{NUMERAL})(?:多|余)?{_PACKAGING}(?:全部|都|全)?"
    r"(?:买下|买走|买了|拿去结|结了账))"
)
"""Goods bought: a purchase or total word (买了, 购得, 买走, 拿了, 下单的, 订购, 拍了, 共计, or
a bare 买 as in 从商家处买孔明灯五千零五十个; not 买卖, 买单, 买家, 买方 or the goods named by
买的), then
a number with a packaging measure word (分4次共下单购买40袋; 4箱16瓶 counts the 16 bottles;
微信下单的8箱红酒), or such a number before the purchase (剩下的48瓶全部拿去结了账). A number
after 第 is an ordinal (《食品安全法》第一百四十八条 is an article, not 148 units), and 共 in
共和国, 共享 or 共同 totals nothing. A number after 发现 or 其中 counts the flawed part of what was
bought, not more goods (结账后发现十四包过期)."""
_CARTONS = frozenset("箱提")
_PER_CARTON = 6
"""A carton or pack holds several units (a case of liquor six bottles, of drinks more): 5箱
counts at least 30 units when the text gives no inner count (4箱16瓶 counts the 16)."""
_TOTAL = re.compile(r"共计|一共|总共|合计|共")
_SPLIT = re.compile(
    rf"分(?P<a>{NUMERAL})次(?:刷卡|付款|支付|下单|购买|结账|买)"
    rf"|(?:刷卡|付款|支付|下单|结账|买了|购买了?)(?P<b>{NUMERAL})(?:多|余)?次"
)
"""Separate purchases (分6次刷卡, 刷卡40次, 前后买了二十多次): each is at least one unit bought."""
_GROUP_WORDS = (
    "个?订单|个?(?:星期|礼拜)|个?月|次|回|趟|单|笔|批|天|日|周|箱|提|盒|包|袋|桶|件"
    "|种|款|样|类|个?品种|个?口味|个?牌子|家(?!人|里|长|属)店?|个店"
)
_EACH_WORDS = (
    "订单|星期|礼拜|月|次|回|趟|单|笔|批|天|日|周|箱|提|盒|包|袋|桶|件"
    "|种|款|样|类|品种|口味|牌子|家店?|店"
)
_EACH_VERB = (
    r"(?:都|各|也|还)?(?:[^0-9，。！？；,\n每]{0,10}?(?:买了?|购买了?|购入|下单|下了|拿了?|订了?|拍了?"
    r"|囤了?|结了?)|要|装|有|是)?"
)
"""What comes between 每 and the units: a purchase, perhaps where (每天在你们店买5瓶), or what a
case holds (每箱装6瓶)."""
_GROUPS_EACH = re.compile(
    rf"(?=[{NUMERAL_START}每])(?:"
    rf"(?<![0-9第])(?P<g>{NUMERAL})多?(?P<gw>{_GROUP_WORDS})[^。！？；\n]{{0,24}}?"
    rf"每(?:一|个)?(?P<ew>{_EACH_WORDS}){_EACH_VERB}(?P<e>{NUMERAL})(?:多|余)?{_PACKAGING}"
    rf"|每(?:一|个)?(?P<rw>{_EACH_WORDS}){_EACH_VERB}(?P<r>{NUMERAL})(?:多|余)?{_PACKAGING}"
    rf"[^。！？；\n]{{0,16}}?(?<![0-9第])(?P<h>{NUMERAL})多?(?P<hw>{_GROUP_WORDS})"
    r")"
)
"""Groups by the units in each, in either order: orders (下了12单，每单5盒 is 60), cases
(买了8箱，每箱6瓶), visits or days (分8次购买，每次2件; 连续5天，每天买3瓶), kinds (三种，每种10包)
and the reverse (每单5盒，一共下了12单). The group and the 每 name the same thing; the units
after 每 carry a packaging measure word, so a price (每瓶68元) or a weight (每箱20斤) is no
count. The whole bought (法释〔2024〕9号: purchases of the same goods within a short time are
counted together)."""
_GROUP_CLASS = {
    word: kind
    for kind, words in (
        ("order", "订单 次 回 趟 单 笔 批"),
        ("day", "天 日"),
        ("week", "星期 礼拜 周"),
        ("month", "月"),
        ("kind", "种 款 样 类 品种 口味 牌子"),
        ("shop", "家 家店 店"),
    )
    for word in words.split()
}
"""Group words that name the same thing (分3次下单，每单5盒: the times are the orders); a
carton is grouped only by itself (8箱，每箱6瓶)."""
_BUYING = re.compile(r"买|购|下单|下了|订|拍|囤|拿了|结账|刷卡|(?<!菜)单")
"""A purchase told near the groups: a hotel's two bottles of water each day (住了3天，每天送2瓶水)
are no goods bought."""
_KINDS = re.compile(
    rf"(?<![0-9第])(?P<k>{NUMERAL})(?:个)?(?:种|款|样|类|品种|口味|牌子|颜色|色|味道|味|家店|个店)"
)
_KINDS_EACH = re.compile(
    r"各(?:自)?(?:都)?(?:买|购买|购入|下单|拿|订|拍|囤|要)?了?"
    rf"(?P<ke>{NUMERAL})(?:多|余)?{_PACKAGING}"
)
"""Each of several kinds or buyers (两种各买了20盒 is 40; 巧克力、饼干、薯片各买了10包 is 30):
the kinds counted, or the names listed before 各 in the clause."""
_OTHER_SHOPS = re.compile(rf"(?:另外|别的|其他|其它)(?P<k>{NUMERAL})(?:个)?家(?!人|里|长|属)")
"""Shops other than the one complained about (另外两家, 别的三家店): what each of them sold is
bought besides (法释〔2024〕9号: purchases of the same goods are counted together)."""
_LIST_JOINT = re.compile(r"、|和|及|与|跟")
_GOODS_NAME = (
    r"(?:(?!买|购|退|换|坏|剩|吃|喝|用|开|扔|少|送|发|过期|其中|只|又|共|总|合|每|各|花|价|元|钱|赔"
    r"|要|都|是|有|也|就|还|被|已|让|给|没|不|的)[^0-9，。！？；,.!?;\n、和及])"
)
_MORE_GOODS = re.compile(
    rf"{_GOODS_NAME}{{0,10}}?\s*(?:[，,]?\s*(?:、|和|及|以及|还有|外加|加上|另加)|(?P<comma>[，,]))\s*"
    rf"(?P<name>{_GOODS_NAME}{{0,10}}?)(?<![0-9第])(?P<x>{NUMERAL})(?:多|余)?{_PACKAGING}"
    rf"{_GOODS_NAME}{{0,10}}?(?=[、，,。！？；\n和及]|\s|$)"
)
"""Several goods listed after one purchase word (买了牛肉干10袋、猪肉脯20袋 is 30;
2盒牛奶和3袋面包 is 5): a list item is a name and its count, no verb (买了10盒，其中5盒;
买了5瓶，退了2瓶 add nothing); after a bare comma the item names its goods, else the count
restates the last (8箱红酒，48瓶)."""


def find_repeats(text: Normalized, scope: Scope) -> tuple[Signal, ...]:
    """Every statement that the matter was complained about before, with the count it implies."""
    normalized = text.text
    found: list[Signal] = []
    for match in _REPEATS.finditer(normalized):
        kind = match.lastgroup or ""
        start, end = match.span()
        if kind == "ordinal":
            count = _count(match["on"]) - 1
            region_start, region_end = scope.sentence(start)
        elif kind == "times":
            count = _count(match["tn"])
            region_start, region_end = scope.clause(start)
        else:
            count = _FIXED[kind]
            region_start, region_end = scope.clause(start)
        region = normalized[region_start:region_end]
        needs_contact = kind == "ordinal" or kind in _NEEDS_CONTACT_IN_CLAUSE
        if needs_contact or kind in _NEEDS_COMPLAINT:
            region = _unframed(region, start - region_start)
        reported = kind in _NEEDS_CONTACT_IN_CLAUSE and _REPORTED_MANY.search(region) is not None
        clause_start = scope.clause(start)[0]
        if (
            _PROSPECTIVE.search(normalized, clause_start, start)
            or count < 1
            or (needs_contact and not (reported or _CONTACT.search(region)))
            or (kind in _NEEDS_COMPLAINT and not (reported or _COMPLAINT_CONTACT.search(region)))
        ):
            continue
        found.append(_signal(text, SignalKind.REPEAT, count, start, end))
    return tuple(found)


def _unframed(region: str, at: int) -> str:
    """``region`` with each record frame (来电人反映：) blanked, except one that holds the
    repeat word at ``at`` itself (张先生再次来电反映： is a call made again)."""
    return _FRAME.sub(
        lambda frame: frame[0] if frame.start() <= at < frame.end() else " " * len(frame[0]),
        region,
    )


def find_people(text: Normalized) -> tuple[Signal, ...]:
    """Every stated number of people or households (十几户, 30多人, 一家三口)."""
    found: list[Signal] = []
    for match in _PEOPLE.finditer(text.text):
        if match["n"] and _address(text.text, match):
            continue
        count = _count(match["n"] or match["family"])
        if count > 0:
            found.append(_signal(text, SignalKind.PEOPLE, count, *match.span()))
    return tuple(found)


def _address(text: str, match: re.Match[str]) -> bool:
    """Whether the number before a resident noun is part of an address, not a count.

    A room number of three to five digits, bare (no 多, 个, 名), after an address part
    (2号楼1单元701业主, 2-1-904业主, 911户主) or shaped as a room with no count word before it
    (导致501业主家的玻璃损坏)."""
    number = match["n"]
    if not (number.isascii() and number.isdigit() and 3 <= len(number) <= 5):
        return False
    if text[match.end("n")] in "多余来个名位口":
        return False
    start = match.start()
    if not number.endswith("00") and (
        _ADDRESS_BEFORE.search(text, max(0, start - 2), start)
        or text.startswith("户主", match.end("n"))
    ):
        return True
    return bool(
        _ROOM_SHAPED.fullmatch(number) and not _COUNT_BEFORE.search(text, max(0, start - 2), start)
    )


def find_units(text: Normalized) -> tuple[Signal, ...]:
    """Every stated number of units of goods bought (购买40袋, 共计120盒, 分6次刷卡).

    Purchases told one by one add up (买了50袋，又买了200袋 is 250 bought), and so do goods
    listed after one purchase word (买了A 10瓶、B 20袋 is 30), unless the text states a total
    itself (共计120盒) or groups by the units in each (下了12单，每单5盒 is 60; 两种各买了20盒
    is 40), but other shops each add to what was bought here (买了3部，另外两家店各买了2部 is 7);
    separate payments (刷卡40次) count a unit each.
    """
    normalized = text.text
    found: list[Signal] = []
    bought = list(_UNITS.finditer(normalized))
    for match in bought:
        group = "n" if match["n"] else "m"
        count = _count(match[group])
        if match["k"]:
            count = max(count, _count(match["k"]))
        elif _carton(normalized, match.end(group)):
            count *= _PER_CARTON
        end = match.end()
        if group == "n" and not match["k"]:
            while (more := _MORE_GOODS.match(normalized, end)) and (
                more["name"] or not more["comma"]
            ):
                extra = _count(more["x"])
                count += extra * _PER_CARTON if _carton(normalized, more.end("x")) else extra
                end = more.end()
        if count > 0:
            found.append(_signal(text, SignalKind.UNITS, count, match.start(group), end))
    for match in _SPLIT.finditer(normalized):
        count = _count(match["a"] or match["b"])
        if count > 1:
            found.append(_signal(text, SignalKind.UNITS, count, *match.span()))
    # Groups by the units in each state the whole: nothing told beside them is added. Other
    # shops' each (另外两家店各买了2部) are purchases of their own, added to those told here.
    grouped = [
        _signal(text, SignalKind.UNITS, value, *span) for value, span in _groups_each(normalized)
    ]
    elsewhere: list[Signal] = []
    for value, span, other in _kinds_each(normalized):
        (elsewhere if other else grouped).append(_signal(text, SignalKind.UNITS, value, *span))
    found += grouped
    purchases = [
        signal
        for signal in found
        if not _TOTAL.search(signal.surface)
        and not any(shops.start <= signal.start < shops.end for shops in elsewhere)
    ]
    purchases = sorted((*purchases, *elsewhere), key=lambda signal: signal.start)
    found += elsewhere
    totalled = bool(grouped) or any(_TOTAL.search(match.group()) for match in bought)
    if len(purchases) > 1 and not totalled:
        first, last = purchases[0], purchases[-1]
        summed = sum(signal.value for signal in purchases)
        found.append(
            Signal(
                SignalKind.UNITS,
                summed,
                text.original[first.start : last.end],
                first.start,
                last.end,
            )
        )
    return tuple(found)


_SENTENCE_END = re.compile(r"[。！？；\n]")


def _sentence_before(normalized: str, end: int, reach: int | None = None) -> str:
    """The text of ``end``'s sentence before it, at most ``reach`` characters back."""
    start = 0 if reach is None else max(0, end - reach)
    return _SENTENCE_END.split(normalized[start:end])[-1]


def _carton(normalized: str, after: int) -> bool:
    """A carton counted by the default units inside: not when its sentence says what each holds
    (买了10箱，每箱20斤 is ten cartons of a weight; 每箱12罐，买了3箱 is read as groups)."""
    if normalized[after : after + 2].lstrip("多余")[:1] not in _CARTONS:
        return False
    sentence = _sentence_before(normalized, after) + _SENTENCE_END.split(normalized[after:], 1)[0]
    return not re.search(r"每(?:一|个)?[箱提]", sentence)


def _same_group(group: str, each: str) -> bool:
    group = group.lstrip("个")
    if group == each:
        return True
    return _GROUP_CLASS.get(group, group) == _GROUP_CLASS.get(each, each)


def _groups_each(normalized: str) -> list[tuple[int, tuple[int, int]]]:
    found: list[tuple[int, tuple[int, int]]] = []
    position = 0
    while match := _GROUPS_EACH.search(normalized, position):
        position = match.start() + 1
        if match["g"]:
            groups, group, each, units = match["g"], match["gw"], match["ew"], match["e"]
        else:
            groups, group, each, units = match["h"], match["hw"], match["rw"], match["r"]
        if not _same_group(group, each):
            continue
        start, end = match.span()
        before = _sentence_before(normalized, start, 12)
        if not _BUYING.search(before + match.group()):
            continue
        times, per = _count(groups), _count(units)
        if times > 1 and per > 0:
            found.append((times * per, (start, end)))
            position = end
    return found


def _kinds_each(normalized: str) -> list[tuple[int, tuple[int, int], bool]]:
    """Each of several kinds, buyers or shops, its whole and span, and whether the shops are
    others than the one told before (另外两家店各买了2部): their span starts at 另外."""
    found: list[tuple[int, tuple[int, int], bool]] = []
    for match in _KINDS_EACH.finditer(normalized):
        start = match.start()
        before = _sentence_before(normalized, start, 16)
        shops = list(_OTHER_SHOPS.finditer(before))
        counted = shops or list(_KINDS.finditer(before))
        if counted:
            kinds = _count(counted[-1]["k"])
        else:
            kinds = len(_LIST_JOINT.findall(re.split(r"[，,：:]", before)[-1])) + 1
        per = _count(match["ke"])
        if kinds > 1 and per > 0:
            begin = start - len(before) + (shops[-1].start() if shops else 0)
            found.append((kinds * per, (begin, match.end()), bool(shops)))
    return found


def _count(written: str) -> int:
    numeral = parse_numeral(written)
    if numeral is None or numeral.value >= _MAX_COUNT:
        return 0
    return int(numeral.value)


def _signal(text: Normalized, kind: SignalKind, value: int, start: int, end: int) -> Signal:
    begin, finish = text.to_original(start, end)
    return Signal(kind, value, text.original[begin:finish], begin, finish)


_VOLUME = re.compile(
    rf"(?<![第每])(?P<n>{NUMERAL})(?:多|余)?(?:立方米|立方|立米|m3|m³|方(?=[水的，,。（(多左])|吨(?=[水的，,。（(多左]))"
)
"""A volume of water or gas: a number with 立方(米), 立米, m³, or 方 or 吨 before 水, 的, a
clause mark or an approximation (跑了415立方水, 使用了400立方的水, 多了1000多方水, 用水49立方),
not after 第 or 每 (每人用水量3方 is a quota), not 三方连线 or 几十吨级别."""
_VOLUME_CONTEXT = re.compile(
    r"水表|气表|用水|用气|水量|气量|跑了|跑水|多了|产生|使用|用了|漏水|漏了|漏掉|漏气|水费|气费"
)
"""The clause of a volume speaks of water or gas used, lost or billed (水表显示, 用水, 跑了,
使用了, 漏水, 水费), not of water in general (河道蓄水2万方)."""
_PRICE_UNIT = re.compile(r"(?:元|块)(?:钱)?(?:每|一|/)?$")
"""Just before the number, a price named per unit (4.5元一立方米, 6元/立方): a tariff, no volume."""


def find_volumes(text: Normalized) -> tuple[Signal, ...]:
    """Every volume of water or gas the text names in a clause about water or gas (水表显示跑了
    415立方水 → 415, 家中使用了400立方的水 → 400); a tariff per unit (6元一立方) is none."""
    written = text.text
    found: list[Signal] = []
    for match in _VOLUME.finditer(written):
        start, end = match.span()
        clause_start = max(written.rfind(mark, 0, start) for mark in "，,。；;！!？?\n") + 1
        ends = [i for i in (written.find(mark, end) for mark in "，,。；;！!？?\n") if i >= 0]
        clause = written[clause_start : min(ends, default=len(written))]
        if _VOLUME_CONTEXT.search(clause) is None:
            continue
        if _PRICE_UNIT.search(written[max(clause_start, start - 4) : start]):
            continue
        value = _count(match["n"])
        if value > 0:
            found.append(_signal(text, SignalKind.VOLUME, value, start, end))
    return tuple(found)
