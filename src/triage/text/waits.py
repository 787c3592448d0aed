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
"""

from __future__ import annotations

import re
from decimal import Decimal

from triage.text.features import Signal, SignalKind
from triage.text.normalize import Normalized
from triage.text.numerals import NUMERAL, parse_numeral

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

_CLAUSE_MARKS = "，,。；;！!？?\n"
_MAX_BEFORE = 10


def find_waits(text: Normalized) -> tuple[Signal, ...]:
    """Every wait the text tells with a number, in minutes: ``wait`` the whole wait (等了137分钟
    → 137, 一个半小时才送到 → 90), ``late`` the time past the promise (超时40分钟 → 40)."""
    written = text.text
    if "分钟" not in written and "小时" not in written and "钟" not in written:
        return ()
    found: list[Signal] = []
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


def _kind(match: re.Match[str], written: str) -> SignalKind | None:
    """Whether the span is a wait told (``WAIT``), a time past the promise (``LATE``) or
    neither, from the words around it in its clause."""
    if match["unit"] == "钟" and not match["ge"]:
        return None  # 三点钟, 十钟: a clock, no span
    start, end = match.span()
    clause_start = max(written.rfind(mark, 0, start) for mark in _CLAUSE_MARKS) + 1
    before = written[max(clause_start, start - _MAX_BEFORE) : start]
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
        ends = [i for i in (written.find(mark, end) for mark in _CLAUSE_MARKS) if i >= 0]
        clause = written[clause_start : min(ends, default=len(written))]
        if _DELIVERY.search(clause):
            return SignalKind.WAIT
    return None


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
