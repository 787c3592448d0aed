"""Whether a text tells an event the writer met, or only talks about a product.

A complaint states facts the writer met: something happened to them or to their goods or
service (屏幕黑了, 换过两次, 昨天送来的, 我试过). A forum post or a review may instead only
judge (太贵了, 尾灯丑), compare (不如翼虎), worry or advise (担心动力弱, 用手机导航吧) or
talk about a model in general: those state no fact the writer met (an opinion or a normal
property of the product is no ground; a complaint states the main facts of its dispute,
《市场监督管理投诉举报处理暂行办法》第九条).

This module reads the first kind from the structure of the clauses, with no word list of
products or defects. A clause **tells an event** when, put as a statement (not asked, not
a name, not inside a condition, a suspicion, hearsay or a prevention: `Scope.conditional`),
it holds

* the perfective or experiential aspect: 了, 啦 or 过 after a verb — a token 了/啦/过 or one
  ending in it (坏了, 试过) — unless the clause judges by degree before it (太贵了, 很好用了,
  有点小了: a judgement, not an event), or a modal before it puts it ahead or in general
  (会便宜了, 可以用了, 就行了, 要下雨了), or the word is no aspect at all (为了, 除了, 算了, 极了,
  不过, 超过, 经过); 过 denied (没测过, 没用过) tells that nothing happened;
* or a time anchored to the writer's own experience (今天, 昨天, 前两天, 上周, 上次, 当时,
  刚才, 那天, 这次 …).

`tells_event` is true when any clause does. The rules read it with the lexicons of an
own account (我的车, 我买的) and of an event (发现, 结果, 居然), which name the writer's
goods or a discovery whatever the aspect.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import compress, count

from triage.text.clauses import CLAUSE_MARKS, ClauseReading, Mode
from triage.text.memo import WordMemo
from triage.text.scope import Scope
from triage.text.segment import Segmentation

__all__ = ["ASPECT_MARKS", "EXPERIENCE_TIMES", "tells_event"]

ASPECT_MARKS = ("了", "啦", "过")
"""Aspect particles: a token that is one of these, or ends in one, after a verb."""

_NOT_ASPECT = frozenset(
    {
        "为了", "除了", "算了", "罢了", "极了", "得了", "行了", "好了", "死了", "多了", "少了",
        "对了", "完了", "不了", "受不了", "得不了", "大不了", "免不了", "少不了", "了不得",
        "不过", "超过", "经过", "通过", "难过", "太过", "越过", "过于", "错过", "路过",
        "罢啦", "算啦", "好啦", "行啦", "对啦", "就行了", "就好了", "就算了", "得过", "不能过",
        "过了", "说白了", "醉了",
    }
)  # fmt: skip
"""Words ending in an aspect character that are no aspect (为了, 算了, 不过, 超过, 说白了), or
whose 了 closes a judgement, a wish or the writer's reaction (就行了, 多了: 便宜多了; 醉了:
这刹车我也是醉了)."""
# 过 alone is often the verb "to pass" (过一段时间): it counts only after a verb token, as
# 了 does; 过了 (过了两天就坏了) tells time passing, which the clause after it tells too.

_DEGREE = frozenset(
    {
        "太", "很", "有点", "有些", "有一点", "比较", "更", "挺", "真", "特别", "非常", "超", "最",
        "越来越", "这么", "那么", "蛮", "忒", "贼", "巨", "过于", "略", "稍", "偏", "相当", "十分",
        "好", "够", "还挺", "也太", "实在", "太过", "稍微", "略微", "有够",
    }
)  # fmt: skip
"""Degree words: a clause that judges by degree before its 了 (太贵了, 有点小了, 实在难看了)
tells a judgement, not an event."""
_DEGREE_HEADS = ("太", "很", "挺", "真")
"""A two-character token opening with these is a degree and its adjective (太贵, 很大)."""
_LONG_DEGREES = ("比较", "有点", "有些", "特别", "非常", "越来越", "实在", "相当", "十分", "过于")
"""A token opening with one of these and at most two characters more is a degree and its
adjective cut as one word (比较慢, 有点贵, 特别难看)."""
_NOT_DEGREE = frozenset({"很多", "太太", "真的", "真心", "真是", "真正", "真实", "真相"})

_MODAL = frozenset(
    {
        "会", "要", "能", "可以", "可能", "应该", "应当", "该", "得", "肯定", "一定", "估计",
        "快", "快要", "将", "将要", "能够", "也许", "大概", "恐怕", "必须", "需要", "想",
        "打算", "准备", "不会", "不能", "不用", "别", "不要", "下次", "以后", "将来", "明天",
        "后天", "回头", "到时候",
    }
)  # fmt: skip
"""Modals and times ahead: 了 after one of these in its clause puts the state ahead or in
general (肯定不会便宜了, 可以考虑了, 下次坚决按手册保养了), it does not tell what happened.
就 is none: 买了两天就坏了 happened (就行了, 就算了 close a judgement: `_NOT_ASPECT`,
`_INTENSIFIERS`)."""

EXPERIENCE_TIMES = frozenset(
    {
        "今天", "昨天", "前天", "昨晚", "今早", "今晚", "前两天", "前几天", "上周", "上星期",
        "上个月", "上月", "上次", "上回", "那天", "那次", "当天", "当时", "刚", "刚才", "刚刚",
        "这次", "这回", "去年", "前年", "前段时间", "前阵子", "早上", "中午", "那晚", "当晚",
    }
)  # fmt: skip
"""Times anchored to the writer's own experience (今天去了4S店, 上次送来的)."""

_INTENSIFIERS = frozenset(
    {
        "死", "极", "透", "爆", "多", "少", "完", "行", "算", "好", "厉害", "知道", "明白", "懂",
        "晓得", "清楚", "重", "轻", "老", "旧", "醉",
    }
)  # fmt: skip
"""Before a bare 了 these close a judgement, an understanding or the writer's reaction (贵死了,
好极了, 便宜多了, 厉害了, 知道了, 也是醉了), not an event."""

_NEGATORS = ("没", "未", "不曾", "从没", "从未")
"""A 过 in the scope of these (没用过, 从未去过) tells that nothing happened."""

_TOLD = frozenset({Mode.STATEMENT, Mode.CLOSING})
_CLAUSE_MARKS = CLAUSE_MARKS | frozenset("【】")
"""Where a clause starts (`triage.text.scope`): a list mark (、) or a quote does not (我不会直接
上x3、q5了 puts the whole list under 不会)."""


def tells_event(
    text: str, segmentation: Segmentation, scope: Scope, reading: ClauseReading
) -> bool:
    """Whether some clause of the normalised ``text`` tells an event the writer met."""
    words, starts = segmentation.words, segmentation.starts
    for index in compress(count(), map(_CANDIDATE.__getitem__, words)):
        word = words[index]
        if word not in EXPERIENCE_TIMES and not _aspect(words, index):
            continue
        if scope.conditional(index):
            continue
        start = starts[index]
        if reading.mode(index, start, start + len(word)) in _TOLD:
            return True
    return False


def _candidate(word: str) -> bool:
    """Whether ``word`` may tell an event: a time of the writer's own or an aspect-marked word."""
    return word in EXPERIENCE_TIMES or (word.endswith(ASPECT_MARKS) and word not in _NOT_ASPECT)


_CANDIDATE = WordMemo(_candidate)
"""`_candidate` per word: the tokens of a text are sorted out in C (`triage.text.memo`)."""


def _aspect(words: Sequence[str], index: int) -> bool:
    """Whether the token at ``index`` (ending in 了, 啦 or 过) marks an event's aspect."""
    word = words[index]
    if word in _NOT_ASPECT or word in EXPERIENCE_TIMES:
        return False
    verb = word[:-1]
    if not verb:
        # a bare particle: the verb is the token before it, in the same clause
        if index == 0 or _clause_mark(words, index - 1):
            return False
        verb = words[index - 1]
        if verb in _NOT_ASPECT or verb in _MODAL or verb in _INTENSIFIERS:
            return False
    if word.endswith("过") and _denied(words, index, verb):
        return False
    return not _judged_before(words, index)


def _clause_mark(words: Sequence[str], index: int) -> bool:
    """Whether the token at ``index`` ends a clause: a clause mark, or a dot not between two
    digits (2.0 is a number; 下定2.0的.怕动力不够 has two clauses)."""
    word = words[index]
    if word[:1] in _CLAUSE_MARKS:
        return True
    if word != ".":
        return False
    before = words[index - 1][-1:] if index else ""
    after = words[index + 1][:1] if index + 1 < len(words) else ""
    return not (before.isdigit() and after.isdigit())


def _denied(words: Sequence[str], index: int, verb: str) -> bool:
    """Whether a 过 is denied: 没用过, 没 测过, 从未去过."""
    if verb.startswith(_NEGATORS):
        return True
    before = words[index - 1] if index else ""
    earlier = words[index - 2] if index >= 2 else ""
    return before.startswith(_NEGATORS) or earlier.startswith(_NEGATORS)


def _judged_before(words: Sequence[str], index: int) -> bool:
    """Whether the clause judges by degree or puts a modal before the aspect at ``index``."""
    position = index - 1 if len(words[index]) == 1 else index
    while position >= 0:
        word = words[position]
        if _clause_mark(words, position):
            return False  # the clause starts here
        if word in _MODAL or word in _DEGREE:
            return True
        if len(word) == 2 and word.startswith(_DEGREE_HEADS) and word not in _NOT_DEGREE:
            return True
        if any(word.startswith(head) and len(word) - len(head) <= 2 for head in _LONG_DEGREES):
            return True
        position -= 1
    return False
