"""Waits told with a number (等了137分钟, 送了两个多小时, 一个半小时才送到, 超时40分钟), in minutes.

A span of minutes or hours (137分钟, 一个半小时 → 90, 半个钟头 → 30, 三小时二十分 → 200,
两个多小时 → 120) is a wait when the clause tells it as one:

- after a wait verb: 等了, 苦等, 等候了; 送了; or 用了, 花了, 耗了 and 到 in a clause about
  delivery or serving (送餐用了一个半小时, 花了一小时才上齐), not in one about anything done
  (用了两个小时做完作业);
- before the arrival: 才到, 才送到, 后才送来, 终于送达, or a bare 送到/送达/送来 (两个小时送到);
- after 超时, 迟到, 晚了, 迟了, 慢了: then it is how far past the promised time it came, a
  *late* span rather than the whole wait.

A span only expected or promised (要等一个小时, 预计一小时送到), one not reached (不到半小时,
没等十分钟) or one that tells speed (半小时就到了, 一小时内送到) is no wait told.

A wait is told by clock times too: an order time (下单12点, 1:50订的, 11点半点的餐) and a later
arrival time (快五点送到的, 两点才送到, 1点多才到) give the wait as their difference
(十二点下单，两点才送到 → 120), on a 12-hour dial unless 上午, 下午 or 晚上 tell the half of
the day; a difference over 12 hours is none, and a range of hours (营业时间10点到2点) no arrival.
"""

from __future__ import annotations

import re
from decimal import Decimal

from triage.text.clauses import CLAUSE_MARKS
from triage.text.features import Signal, SignalKind
from triage.text.normalize import Normalized
from triage.text.numerals import NUMERAL, NUMERAL_START, parse_numeral

__all__ = ["find_waits"]

_SPAN = re.compile(
    rf"(?P<n>{NUMERAL}|半)多?(?P<ge>个)?(?P<half>半)?多?"
    r"(?P<unit>分钟|小时|钟头|钟)"
    rf"(?:(?P<minutes>{NUMERAL})分钟?)?"
)
"""A span of minutes or hours: 137分钟, 一个半小时, 两个多小时, 半个钟头, 一个钟, 三小时二十分."""

_LATE = re.compile(r"(?:超时|迟到|晚到|晚了|迟了|慢了)了?$")
"""Just before the span (after its modifiers), the span is how far past the time it came."""

_WAITED = re.compile(r"(?:(?:等|等候|等待|送|送餐|配送)了|(?<![要得])等(?:足|着|候|待)?)$")
"""Just before the span (after its modifiers), a wait verb: 等了, 苦等, 送了."""

_TOOK = re.compile(r"(?:(?:用|花|耗)了|到)$")
"""Just before the span, a verb of time taken: a wait only in a clause about delivery."""

_MODIFIERS = re.compile(
    r"(?:足足|整整|将近|接近|差不多|大概|大约|约|近|快|有|至少|起码|足有|都|已经|超过|最少|"
    r")*$"
)
"""Words between the verb and the span: 等了足足, 送了将近, 等了快."""

_DELIVERY = re.compile(r"送|配送|外卖|骑手|上菜|出餐|上齐|到货|才到|才来")
"""A clause about delivery or serving, where 用了 or 花了 a span is a wait."""

_ARRIVED = re.compile(
    r"(?:多|左右)?(?:之后|以后|后)?(?P<then>才|终于|才终于)?"
    r"(?P<arrival>送到|送达|送来|送过来|到达|到|来|上齐|上)"
)
"""After the span, the arrival: 才送到, 后才送来, 左右才到, 终于送达."""

_BARE_ARRIVAL = frozenset({"送到", "送达", "送来", "送过来"})
"""Arrivals told after a span with no 才 (两个小时送到, 一个半小时后送达): the span is the wait;
any other (到, 来, 上) needs 才 or 终于 (一小时才上齐), as 两个小时后来了个电话 tells none."""

_EXPECTED = re.compile(
    r"(?:要|需要|需|得|会|能|可以|(?<![比过])(?:预计|预估)|估计|大概要|保证|承诺|最多|不用|不必|"
    r"无需|没|没有|不到|没到|不超过|未到|不足|以为|怕)"
)
"""Before the verb or the span in its clause, these make the span expected or not reached;
a time compared with the one expected (比预计时间晚了1小时) is told."""

_QUICK = re.compile(r"(?:多|左右)?(?:以内|之内|内|就|不到|都不到)")
"""After the span, speed or a limit (半小时就到了, 一小时内送到): no wait told."""

_CLOCK_RE = re.compile(
    rf"(?P<period>上午|中午|下午|傍晚|晚上|夜里)?(?P<hour>{NUMERAL})(?:点钟?|时|:|：)"
    rf"(?:(?P<half>半)|零?(?P<minute>{NUMERAL})分?)?多?"
)
"""A clock time: 十一点四十, 1:50, 11点半, 一点零五, 下午3点, 1点多 (read as its whole hour)."""

_ORDER_BEFORE = re.compile(
    r"(?:下单|下的单|订餐|订单|订了|订的|订|定了|定的|点餐|点单|点了外卖|叫了外卖|叫外卖)"
    r"(?:时间)?(?:是|于|在)?$"
)
"""Just before a clock time, the order: 下单12点, 订于3点, 下单时间是11:20."""

_ORDER_AFTER = re.compile(r"(?:的时候|左右)?(?:下的?单|订的?|定的?|点的|叫的)")
"""Just after a clock time, the order: 1:50订的, 11点半点的餐, 十二点下单."""

_ARRIVAL_AFTER = re.compile(
    rf"(?:左右)?(?:才|就|终于|才终于)?(?:送到|送达|送来|送过来|到(?![{NUMERAL_START}]))"
)
"""Just after a clock time, the arrival: 快五点送到的, 两点才送到, 1点多才到; not a range of
hours (10点到2点)."""

_SCHEDULED = re.compile(r"(?:建议|预约|约定|约好|说好|选择|选的|显示)$")
"""Just before an arrival time, it is only the time asked or promised (建议11:45送到), as are
those after `_EXPECTED` words (预计两点送到, 要三点才到)."""

_PERIODS_AFTERNOON = frozenset({"下午", "傍晚", "晚上", "夜里"})
_DIAL = 12 * 60

_MAX_BEFORE = 10


def find_waits(text: Normalized) -> tuple[Signal, ...]:
    """Every wait the text tells with a number, in minutes: ``wait`` the whole wait (等了137分钟
    → 137, 一个半小时才送到 → 90), ``late`` the time past the promise (超时40分钟 → 40)."""
    written = text.text
    found: list[Signal] = list(_clock_waits(text))
    if "钟" not in written and "小时" not in written:  # 分钟, 钟头 and 钟 hold 钟
        return tuple(found)
    for match in _SPAN.finditer(written):
        kind = _kind(match, written)
        if kind is None:
            continue
        minutes = _minutes(match)
        if minutes > 0:
            start, end = match.span()
            begin, finish = text.to_original(start, end)
            found.append(Signal(kind, minutes, text.original[begin:finish], begin, finish))
    return tuple(found)


def _clock_waits(text: Normalized) -> tuple[Signal, ...]:
    """The wait from the first order time to the first arrival time after it, in minutes
    (1:50订的，快五点送到的 → 190), or none when either is missing or they are over 12 hours
    apart."""
    written = text.text
    ordered: re.Match[str] | None = None
    delivered: re.Match[str] | None = None
    for clock in _CLOCK_RE.finditer(written):
        if ordered is None:
            if _ORDER_BEFORE.search(written, max(0, clock.start() - 8), clock.start()) or (
                _ORDER_AFTER.match(written, clock.end())
            ):
                ordered = clock
        elif _ARRIVAL_AFTER.match(written, clock.end()) and not _scheduled(clock, written):
            delivered = clock
            break
    if ordered is None or delivered is None:
        return ()
    start, end = _clock_minutes(ordered), _clock_minutes(delivered)
    if start is None or end is None:
        return ()
    minutes = end - start
    if minutes < 0 and not (ordered["period"] and delivered["period"]):
        minutes += _DIAL  # 十二点下单，两点才送到: past noon or midnight on the dial
    if not 0 < minutes <= _DIAL:
        return ()
    begin, finish = text.to_original(ordered.start(), delivered.end())
    return (Signal(SignalKind.WAIT, minutes, text.original[begin:finish], begin, finish),)


def _scheduled(clock: re.Match[str], written: str) -> bool:
    """Whether the arrival time is only asked, expected or promised (建议11:45送到,
    预计两点送到), from the words before it in its clause."""
    _, before = _before(clock.start(), written)
    return bool(_SCHEDULED.search(before) or _EXPECTED.search(before))


def _clock_minutes(match: re.Match[str]) -> int | None:
    """The clock time in minutes from midnight (上午/下午 read where told), or None when it is
    no time of day."""
    hour = parse_numeral(match["hour"])
    minute = parse_numeral(match["minute"]) if match["minute"] else None
    if hour is None or not 0 <= hour.value <= 24 or hour.value != int(hour.value):
        return None
    if match["minute"] and (minute is None or not 0 <= minute.value < 60):
        return None
    hours = int(hour.value)
    if match["period"] in _PERIODS_AFTERNOON and hours < 12:
        hours += 12
    extra = 30 if match["half"] else int(minute.value) if minute is not None else 0
    return hours * 60 + extra


def _kind(match: re.Match[str], written: str) -> SignalKind | None:
    """Whether the span is a wait told (``WAIT``), a time past the promise (``LATE``) or
    neither, from the words around it in its clause."""
    if match["unit"] == "钟" and not match["ge"]:
        return None  # 三点钟, 十钟: a clock, no span
    start, end = match.span()
    clause_start, before = _before(start, written)
    if _QUICK.match(written, end):
        return None
    modifiers = _MODIFIERS.search(before)
    verb_end = modifiers.start() if modifiers else len(before)
    head = before[:verb_end]
    if _LATE.search(head):
        return None if _EXPECTED.search(before) else SignalKind.LATE
    if _EXPECTED.search(before):
        return None
    if _WAITED.search(head):
        return SignalKind.WAIT
    arrived = _ARRIVED.match(written, end)
    if arrived is not None and (arrived["then"] or arrived["arrival"] in _BARE_ARRIVAL):
        return SignalKind.WAIT
    if _TOOK.search(head):
        ends = [i for i in (written.find(mark, end) for mark in CLAUSE_MARKS) if i >= 0]
        clause = written[clause_start : min(ends, default=len(written))]
        if _DELIVERY.search(clause):
            return SignalKind.WAIT
    return None


def _before(start: int, written: str) -> tuple[int, str]:
    """Where the clause holding ``start`` begins, and the words of it just before ``start``."""
    clause_start = max(written.rfind(mark, 0, start) for mark in CLAUSE_MARKS) + 1
    return clause_start, written[max(clause_start, start - _MAX_BEFORE) : start]


def _minutes(match: re.Match[str]) -> int:
    """The span in whole minutes: 一个半小时 → 90, 三小时二十分 → 200, 两个多小时 → 120."""
    if match["n"] == "半":
        count = Decimal("0.5")
    else:
        numeral = parse_numeral(match["n"])
        if numeral is None:
            return 0
        count = numeral.value
    if match["half"]:
        count += Decimal("0.5")
    minutes = count if match["unit"] == "分钟" else count * 60
    if match["minutes"]:
        extra = parse_numeral(match["minutes"])
        if extra is None or match["unit"] == "分钟":
            return 0
        minutes += extra.value
    return int(minutes)
