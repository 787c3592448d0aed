"""Past time references (三年前, 2019年3月, 去年, 上个月, 上周, 买了半年) resolved to dates.

Each reference resolves to the first day it can mean: 2019年 → 1 January 2019, 去年 →
1 January of last year, 上个月 → the 1st of last month, 上周 → Monday of last week, 三年前 →
the same day three years earlier. References after the reference date are dropped, and
so are those that name the present (现在2025年了). A text that names a date with its year
after the reference date (用户反映:2020-11-27, received 2020-01-01) was written after it:
the reference date is not when the text speaks from, so none of its references is read.
A time the complainant asks for (要求今天给答复, 今晚之前回复, 要求12月10日前退款) is no
past reference either and is not read.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from datetime import date, timedelta
from decimal import Decimal

from triage.text.features import TimeReference
from triage.text.normalize import Normalized
from triage.text.numerals import NUMERAL, NUMERAL_START, parse_numeral

__all__ = ["find_times"]

_CN_DIGIT = "〇零一二三四五六七八九"
_CN_DIGIT_VALUE = {
    **dict.fromkeys("〇零", 0),
    **{c: i for i, c in enumerate("一二三四五六七八九", 1)},
}
_MONTH = r"[0-9]{1,2}|[一二三四五六七八九十]{1,3}"
_LASTED = re.compile("(?:了|已经|已有|已|将近|近|快|足足)$")
"""Before a span, these make it a duration up to now (用了半年, 已经两年)."""

_OWNED = re.compile("(?:用|住|开|买|戴|穿|骑|办|装|租|养|交|缴|使用)了$")
"""Before a span, these make it how long something was owned or used (用了三年)."""

_PRESENT = re.compile("(?:现在|如今|目前|眼下)(?:是|已经|已|都)?$")
"""Before a reference, these say it names the present (现在2025年了), not an event."""

_DEMAND = re.compile(
    r"(?:要求|请求|希望|务必|必须|限期|最迟|最晚|(?<![申邀报聘提])请(?![假问教]))"
    r"[^，,。；;！!？?\n]{0,6}$"
)
"""Before a reference in its clause, these make it the time asked for (要求今天给答复,
请于本周内处理, 希望本月底前退款), not when the harm happened."""

_DEADLINE = re.compile(r"(?:年底|月底|底)?(?:之前|以前|之内|以内|前|内)")
"""After a reference, these make it a deadline (今晚之前, 本周内, 12月10日前)."""

_NOW = frozenset({"day", "week", "month", "year"})
"""Forms that may name the present (今天, 本周, 本月, 今年): asked for, or a deadline, they
are the demand's time. 昨天, 上周, 去年 and the like name only the past."""

_PAST_FORMS = ("大前", "前年", "前天", "去年", "上", "昨")
"""Starts of the forms of _NOW that name only the past."""

_DAY = rf"(?:{_MONTH})[日号]"
_PATTERNS = {
    "absolute": rf"(?P<ay>[0-9]{{4}}|[{_CN_DIGIT}]{{4}})年"
    rf"(?:(?P<am>{_MONTH})月份?(?P<ad>{_DAY})?)?",
    "numeric": r"(?<![0-9])(?P<ny>(?:19|20)[0-9]{2})[-/.](?P<nm>[0-9]{1,2})"
    r"(?:[-/.](?P<nd>[0-9]{1,2}))?(?![0-9])",
    "year": rf"(?P<ry>大前年|前年|去年|今年)(?:(?P<rm>{_MONTH})月份?(?P<rd>{_DAY})?)?",
    "month": rf"(?P<mm>上上个月|上个月|上月|这个月|本月)(?P<md>{_DAY})?",
    "week": r"上上周|上上个星期|上周|上个星期|上星期|上个礼拜|上礼拜|本周|这周",
    "day": r"大前天|前天|昨天|昨日|昨晚|今天|今日|今早|今晚",
    "monthday": rf"(?<![0-9年])(?P<xm>{_MONTH})月份?(?P<xd>{_DAY})?",
    "span": rf"(?P<n>{NUMERAL}|半)多?(?P<ge>个多?)?(?P<unit>年|月|星期|礼拜|周|天|日)(?![代级岁])"
    r"(?P<half>半)?多?(?:(?P<ago>以前|之前|前)|(?P<then>了))?",
}
_TIMES = re.compile(
    rf"(?=[{NUMERAL_START}半大前去今上这本昨])(?:"
    + "|".join(f"(?P<{kind}>{pattern})" for kind, pattern in _PATTERNS.items())
    + ")"
)
_MAX_YEARS_BACK = 100
_DATED = frozenset({"absolute", "numeric"})
"""Forms that carry their own year: one after the reference date contradicts it."""


def find_times(text: Normalized, reference: date) -> tuple[TimeReference, ...]:
    """Every past time reference in ``text``, resolved against ``reference``.

    None when the text names a date with its year after ``reference``: it was written
    later, and its 去年 or 3月5日 cannot be placed from ``reference``.
    """
    found: list[TimeReference] = []
    for match in _TIMES.finditer(text.text):
        kind = match.lastgroup
        if kind is not None and _demanded(match, kind):
            continue
        resolved = _RESOLVERS[kind](match, reference) if kind else None
        if resolved is None:
            continue
        if resolved > reference:
            if kind in _DATED and not _PRESENT.search(
                text.text, max(0, match.start() - 4), match.start()
            ):
                return ()
            continue
        if reference.year - resolved.year > _MAX_YEARS_BACK or _PRESENT.search(
            text.text, max(0, match.start() - 4), match.start()
        ):
            continue
        begin, finish = text.to_original(*match.span())
        lasting = kind == "span" and bool(
            _OWNED.search(text.text, max(0, match.start() - 3), match.start())
        )
        found.append(TimeReference(resolved, text.original[begin:finish], begin, finish, lasting))
    return tuple(found)


def _demanded(match: re.Match[str], kind: str) -> bool:
    """Whether the reference is the time the complainant asks for, not when harm happened:
    a form that may name the present (今天, 今晚, 本周, 本月, 今年) asked for (要求今天给答复)
    or followed by a deadline (今晚之前, 本周内); a date (12月10日, 2027年1月1日) both asked
    for and followed by a deadline (要求12月10日前退款). A past form (昨天, 上周, 去年, 三天前)
    is never one: 要求退还上个月多扣的话费 tells when the harm happened."""
    if kind not in _NOW and kind not in _DATED and kind != "monthday":
        return False
    text, start = match.string, match.start()
    if kind in _NOW and match[kind].startswith(_PAST_FORMS):
        return False
    asked = bool(_DEMAND.search(text, max(0, start - 8), start))
    deadline = bool(_DEADLINE.match(text, match.end()))
    return asked or deadline if kind in _NOW else asked and deadline


def _number(written: str | None) -> int | None:
    """A year, month or day as written (2019, 二〇一九, 十二, 5日), or None."""
    written = (written or "").rstrip("日号")
    if not written:
        return None
    if len(written) == 4 and all(char in _CN_DIGIT for char in written):
        return int("".join(str(_CN_DIGIT_VALUE[char]) for char in written))
    numeral = parse_numeral(written)
    if numeral is None or numeral.value != numeral.value.to_integral_value():
        return None
    return int(numeral.value)


def _date(year: int | None, month: int | None = None, day: int | None = None) -> date | None:
    if year is None or not 1900 <= year <= 2100 or not 1 <= (month or 1) <= 12:
        return None
    if day is not None and not 1 <= day <= calendar.monthrange(year, month or 1)[1]:
        return None
    return date(year, month or 1, day or 1)


def _months_before(day: date, months: int) -> date | None:
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    if year < 1:
        return None
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def _absolute(match: re.Match[str], reference: date) -> date | None:
    return _date(_number(match["ay"]), _number(match["am"]), _number(match["ad"]))


def _numeric(match: re.Match[str], reference: date) -> date | None:
    return _date(int(match["ny"]), int(match["nm"]), _number(match["nd"]))


_YEARS_BACK = {"大前年": 3, "前年": 2, "去年": 1, "今年": 0}
_MONTHS_BACK = {"上上个月": 2, "上个月": 1, "上月": 1, "这个月": 0, "本月": 0}
_WEEKS_BACK = {"上上周": 2, "上上个星期": 2, "本周": 0, "这周": 0}
_DAYS_BACK = {"大前天": 3, "前天": 2, "今天": 0, "今日": 0, "今早": 0, "今晚": 0}


def _year(match: re.Match[str], reference: date) -> date | None:
    year = reference.year - _YEARS_BACK[match["ry"]]
    return _date(year, _number(match["rm"]), _number(match["rd"]))


def _month(match: re.Match[str], reference: date) -> date | None:
    first = _months_before(reference.replace(day=1), _MONTHS_BACK[match["mm"]])
    if first is None:
        return None
    return _date(first.year, first.month, _number(match["md"]))


def _week(match: re.Match[str], reference: date) -> date | None:
    weeks = _WEEKS_BACK.get(match["week"], 1)
    return reference - timedelta(days=reference.weekday() + 7 * weeks)


def _day(match: re.Match[str], reference: date) -> date | None:
    return reference - timedelta(days=_DAYS_BACK.get(match["day"], 1))


def _month_day(match: re.Match[str], reference: date) -> date | None:
    found = _date(reference.year, _number(match["xm"]), _number(match["xd"]))
    if found is not None and found > reference:
        return _date(reference.year - 1, found.month, found.day if match["xd"] else None)
    return found


def _span(match: re.Match[str], reference: date) -> date | None:
    """A span back from the reference: 三个月前, 两天了, 用了半年; None for any other span."""
    start = match.start()
    if not (
        match["ago"] or match["then"] or _LASTED.search(match.string, max(0, start - 2), start)
    ):
        return None
    written, unit = match["n"], match["unit"]
    if unit == "月" and not match["ge"] and written != "半":
        return None  # 三月 is March, not three months
    numeral = parse_numeral(written) if written != "半" else None
    if written != "半" and numeral is None:
        return None
    count = Decimal("0.5") if numeral is None else numeral.value
    if match["half"]:
        count += Decimal("0.5")
    if count > _MAX_YEARS_BACK * 12:
        return None
    if unit in ("年", "月"):
        months = count * (12 if unit == "年" else 1)
        whole = _months_before(reference, int(months))
        return whole - timedelta(days=int((months % 1) * 30)) if whole else None
    days = count * (7 if unit in ("星期", "礼拜", "周") else 1)
    return reference - timedelta(days=int(days))


_RESOLVERS: dict[str, Callable[[re.Match[str], date], date | None]] = {
    "absolute": _absolute,
    "numeric": _numeric,
    "year": _year,
    "month": _month,
    "week": _week,
    "day": _day,
    "monthday": _month_day,
    "span": _span,
}
