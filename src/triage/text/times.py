"""Past time references (三年前, 2019年3月, 去年, 上个月, 上周, 买了半年) resolved to dates.

Each reference resolves to the first day it can mean: 2019年 → 1 January 2019, 去年 →
1 January of last year, 上个月 → the 1st of last month, 上周 → Monday of last week, 三年前 →
the same day three years earlier. References after the reference date are dropped, and
so are those that name the present (现在2025年了). A text that names a date with its year
after the reference date (用户反映:2020-11-27, received 2020-01-01) was written after it:
the reference date is not when the text speaks from, so none of its references is read.
A time the complainant asks for (要求今天给答复, 今晚之前回复, 要求12月10日前退款) is no
past reference either and is not read.

``find_overdue`` reads the other side of a date: a time promised or announced for doing
something (承诺11月底前修好, 原定2018年5月1号完工, 反馈说12月中旬能解决, 2020年10月份准备重修)
that had passed by the reference date, resolved to the last day it can mean.
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

__all__ = ["find_overdue", "find_times"]

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
            if _names_later_year(match, kind):
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


_CLAUSE_END = "，,。；;！!？?：:\n"
_PROMISED = re.compile(
    r"(?:承诺|答复|回复|反馈|说好|约好|约定|答应|告知|保证|原定|原计划|计划|预计|通告|公告|公示|规定"
    r"|按照要求|按要求|应于|应在|应当在|定于|将于|说)"
)
"""Before a date in its clause, these make it a time promised or announced (承诺11月底前修好,
原定2018年5月完工, 反馈说12月中旬能解决, 按照要求2017年12月31日完工通水)."""

_PROMISED_AFTER = re.compile(r"(?:准备|计划|预计|承诺|答应|将|要)")
"""Right after a date, these make it a time planned or promised (2020年10月份准备重修)."""

_DONE = re.compile(
    r"(?:完工|竣工|完成|解决|修|建成|建好|改造|安装|装好|开通|通水|通气|通车|供水|供暖|恢复|到位|交付|交房"
    r"|投用|投入使用|整改|到账|退还|退款|退钱|发放|上门|接入|办好|办理|答复|回复|处理|拆除|搬走|清理"
    r"|铺设|施工|动工|开工|建设|搬迁|结束|做好|弄好|搞好|落实)"
)
"""The act promised for that date, after it in its clause (…完工, …能解决, …前修好)."""

_DONE_ALREADY = re.compile(
    r"(?:已经?|都)(?:完工|竣工|完成|解决|修好|修复|恢复|到账|退|发放|处理|办好)"
    r"|(?<!无法)(?<!不能)(?<!未能)(?<!没能)(?<!没有)(?<![不未没])(?:按时|如期|按期)"
)
"""Later in its sentence, these say the promise was kept (承诺11月5日修好，已经修好了; 按时完工);
on time denied (一直无法如期完工, 没有按时修好, 未按期交付) says the opposite and is none."""

_TOLD_DONE = re.compile(r"好?[了过]")
"""Right after the act, these tell it happened (客服说11月5日处理了): no promise."""

_NOT_YET = re.compile(
    r"(?:至今|迄今|到现在|到目前|到今天|现在|目前|如今|仍然?|依然|还是|一直|始终)[^，,。；;！!？?]{0,10}?"
    r"(?:没|未|不见|毫无|无任何|拖延|还在等)"
    r"|(?:还|仍)在(?:施工|建设|修|挖|整治|改造)|迟迟|尚未|仍未|还未|还没|没有?(?:任何)?(?:动静|进展|下文|回音|音信)|杳无音信|遥遥无期|一拖再拖"
)
"""After a promised date, these tell the act still not done (至今未完工, 现在户表改造尚未施工,
迟迟没有动静, 一直拖延未进行修建): the text itself says the date passed."""


def _sentence_after(written: str, sentence_end: int) -> int:
    """Where the sentence after the one ending at ``sentence_end`` ends."""
    ends = [i for i in (written.find(mark, sentence_end + 1) for mark in "。；;！!？?\n") if i >= 0]
    return min(ends, default=len(written))


_ESTIMATE = re.compile(r"骑手|外卖|快递|配送|送餐|物流")
"""A rider's or courier's estimated arrival is no commitment (lateness alone is waiting)."""

_DUE = re.compile(
    rf"(?=[0-9{_CN_DIGIT}十今去年])(?:(?P<y>[0-9]{{4}}|[{_CN_DIGIT}]{{4}}|今年|去年)年?)?"
    rf"(?:(?P<m>{_MONTH})月份?(?:(?P<d>{_MONTH})[日号]|(?P<part>初|上旬|中旬|下旬|底|末))?"
    r"|(?<=年)年?(?P<yend>底|末)?)"
    r"|(?<![0-9年〇零一二三四五六七八九今去])年(?P<bare>底|末)"
)
_PART_DAY = {"初": 10, "上旬": 10, "中旬": 20}
_AHEAD_DAYS = 183
"""A date without its year more than half a year after the reference date was last year's."""


def find_overdue(text: Normalized, reference: date | None) -> tuple[TimeReference, ...]:
    """Every time promised or announced for an act that passed before ``reference``.

    Without a reference (an undated text) the date cannot be placed, so the text itself must
    tell that it passed: the act still not done after it, in its sentence or the next
    (承诺11月底完成，可现在尚未施工; 说在6月份会解决，然而到目前为止迟迟没有动静). Such a
    time carries ``date.min``: read, not placed.

    The date is read to the last day it can mean (12月 → 31 December, 中旬 → the 20th,
    2018年 → 31 December 2018); without a year it is the reference year's, or last year's
    when that would lie more than half a year ahead. A date later in its sentence said to be
    kept (已经修好, 按时完工), or a rider's or courier's estimate, is none.
    """
    found: list[TimeReference] = []
    written = text.text
    later: bool | None = None
    for match in _DUE.finditer(written):
        if not match.group(0) or (match["m"] is None and match["y"] is None and not match["bare"]):
            continue
        start, end = match.span()
        clause_start = max(written.rfind(mark, 0, start) for mark in _CLAUSE_END) + 1
        before = written[max(clause_start, start - 12) : start]
        after = written[end : end + 12]
        cut = min((i for i, char in enumerate(after) if char in _CLAUSE_END), default=len(after))
        after = after[:cut]
        promised_before = _PROMISED.search(before) is not None
        promised_after = _PROMISED_AFTER.match(after) is not None
        act = _DONE.search(after)
        if (
            not (promised_before or promised_after)
            or act is None
            or _TOLD_DONE.match(after, act.end())
        ):
            continue
        sentence_end = min(
            (i for i in (written.find(mark, end) for mark in "。；;！!？?\n") if i >= 0),
            default=len(written),
        )
        sentence_start = max(written.rfind(mark, 0, start) for mark in "。；;！!？?\n") + 1
        if _DONE_ALREADY.search(written, end, sentence_end) or _ESTIMATE.search(
            written, sentence_start, sentence_end
        ):
            continue
        if reference is None:
            if _NOT_YET.search(written, end, _sentence_after(written, sentence_end)) is None:
                continue
            begin, finish = text.to_original(start, end)
            found.append(TimeReference(date.min, text.original[begin:finish], begin, finish))
            continue
        due = _last_day(match, reference)
        if due is None or due >= reference:
            continue
        if later is None:
            later = _written_later(text, reference)
        if later:
            return ()
        begin, finish = text.to_original(start, end)
        found.append(TimeReference(due, text.original[begin:finish], begin, finish))
    return tuple(found)


def _written_later(text: Normalized, reference: date) -> bool:
    """Whether the text names a date with its year after ``reference`` that is not asked for
    (as ``find_times`` reads it: written later, so its dates cannot be placed from
    ``reference``)."""
    for match in _TIMES.finditer(text.text):
        kind = match.lastgroup
        if kind not in _DATED or _demanded(match, kind):
            continue
        resolved = _RESOLVERS[kind](match, reference)
        if resolved is not None and resolved > reference and _names_later_year(match, kind):
            return True
    return False


def _names_later_year(match: re.Match[str], kind: str | None) -> bool:
    """Whether a reference resolved after the reference date says the text was written later:
    a date with its year (2027年1月1日), not one beside a word of the present."""
    start = match.start()
    return kind in _DATED and not _PRESENT.search(match.string, max(0, start - 4), start)


def _last_day(match: re.Match[str], reference: date) -> date | None:
    """The last day a promised date can mean, or None."""
    year_written = match["y"]
    if match["bare"]:
        due = _date(reference.year, 12, 31)
        ahead = due is not None and (due - reference).days > _AHEAD_DAYS
        return _date(reference.year - 1, 12, 31) if ahead else due
    if year_written == "今年":
        year: int | None = reference.year
    elif year_written == "去年":
        year = reference.year - 1
    else:
        year = _number(year_written)
    month = _number(match["m"])
    if month is None:
        return _date(year, 12, 31) if year is not None else None
    if not 1 <= month <= 12:
        return None
    guessed = year is None
    year = reference.year if year is None else year
    if not 1900 <= year <= 2100:
        return None
    last = calendar.monthrange(year, month)[1]
    day = _number(match["d"]) if match["d"] else _PART_DAY.get(match["part"] or "", last)
    due = _date(year, month, min(day, last) if day else last)
    if due is not None and guessed and (due - reference).days > _AHEAD_DAYS:
        due = _date(year - 1, month, min(day or 31, calendar.monthrange(year - 1, month)[1]))
    return due
