"""Clauses, sentences, and the negation and conditional scope of a token.

The rules (documented precisely in ``docs/text-analysis.md``):

* A *clause* ends at ``，。！？；,.!?;…【】`` or a line break (a comma or dot between two
  digits is part of a number; a space between Chinese characters was normalised to a
  comma); a *sentence* ends at ``。！？；.!?;【】``, a line break, or a list number glued to
  the item before it (没有发票2、屏幕坏了; not 只有2、3种, a range).
* A token is **negated** when a negation cue precedes it in the same clause with at most
  `NEGATION_WINDOW` tokens between, and no scope breaker (就, 但是, 导致, …, or a word
  of consequence such as 就让, 就把: 不赔我就让卫健委来查 negates no 卫健委) stands
  between them. A cue followed by 第一次 (不是第一次) or a prohibitive followed by 再
  (别再, 不要再) negates nothing: those assert a repeat. Nor does a cue followed by a
  verb of knowing (不知道是谁泄露的, 不清楚为什么扣费): it negates the knowing. 不是…就是…
  in one clause (不是烂的就是发黑) is "either … or …": 不是 negates nothing, and no cue inside
  the first alternative reaches past the 就是.
  A cue scopes over its own predicate: once past it, a word opening another (很, 也, 有,
  比较, 有点, 变味: 不清鲜变味, 没打扫干净较脏) ends the scope, unless the cue's verb takes a
  clause (没有发现有异物); so does a 、 before an item with a predicate of its own (谈不上服务、
  遥控器不管用), while one-word items after 、 are a list of nouns counted as one place
  (没有毛巾、牙刷、拖鞋). A verb's potential form (考不上, 打不开) opens a predicate of its own
  too, and the 不 of one cut apart (充/不/进去, 登/不/上) negates nothing: V不C asserts an
  inability, a failure met. An adverb of time kept whole with a cue (至今没, 仍未, 从来不) is a
  cue. After 过 or a verb of meeting, a demonstrative (这么, 这样, 如此) ends the scope: 没见过这么
  差的服务 compares, and asserts the fault. A cue before 经, 经过 or 征得 ends with the consent
  it denies (不经过同意擅自扣款: the deduction happened). 至今没/有 cut apart is the one cue
  没有 (至今没有任何工作人员来维修: the repair is denied).
* A token is **conditional** when it lies from a condition marker (如果, 万一, …) or an
  alternative marker (否则, 不然, …) to the end of its sentence, or from the last 不-word
  (不, 再不, 不退钱 — not 不要, 不过, 不到, …) before a 就 that follows it in its clause or
  the next one to the end of that 就's clause, at most `CONSEQUENCE_WINDOW` tokens past
  it (不退钱，我就曝光; in 水管漏水不给修我就找记者 the leak stays asserted; a 不-word two
  clauses back sets up nothing), and through the clauses after it that go on with 再,
  还要, 然后, … (再天天打12345). The 不-word must be 不 + a verb of an act (不赔, 不处理,
  不及时退款) or a strong one (再不, 要不是): 不 + a judgement is a verdict (口感不好，吃了就
  拉肚子 happened). A clause closed by 的话 (不处理的话，…) is a condition up to the end of
  the clause after it. A marker cut with its pronoun (如果你) is a marker; a list after 就
  counts once in the window; money not arriving (钱不到位) is a 不-antecedent; the
  complainant's next step opening the clause after a 不-antecedent (你们不赔，我会…) is its
  consequence without 就, and so is any clause after a refusal conceded (不赔也行，…; 你可以
  不赔，但是…) or after a strong one said of the other side's act (再不转五千过来，后果
  自负); a clause opening past a deadline the clause before sets (…之前打给我，过了周五…)
  is a condition to the end of its sentence. 没/未 … 就 is not a
  condition (没经同意就扣款 happened). A suspicion marker (怀疑, 担心, …) makes the rest of
  its clause conditional too: 怀疑是假货 does not assert a fake. A marker's clause that ends
  as a wish (要是当初没买就好了, 如果能早点发货就更好了) is a condition complete in itself: it
  ends with that clause.
* A cue inside a lexicon term (没人处理, 未经同意) is part of the term and negates nothing
  after it; a 不-term (不退钱) still sets up a 不…就… condition.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from functools import cached_property, lru_cache
from itertools import compress, count
from typing import Literal

from triage.text.memo import WordMemo
from triage.text.segment import Segmentation

__all__ = [
    "CONDITION_MARKERS",
    "NEGATING_CHARACTERS",
    "NEGATION_CUES",
    "NEGATION_WINDOW",
    "SUSPICION_MARKERS",
    "Scope",
    "opens_condition",
]

_CLAUSE_END = re.compile(r"[，。！？；!?;\n…【】]|[,.](?:(?<![0-9][,.])|(?![0-9]))")
_CLAUSE_END_LISTED = re.compile(
    _CLAUSE_END.pattern
    + r"|[1-9](?=、(?![0-9零〇一二两三四五六七八九十]))(?<=[\u4e00-\u9fffA-Za-z）)】」”][1-9])"
)
"""Where a clause ends in a text holding a 、: a mark, or a list number glued to the item
before it (没有发票2、屏幕坏了: the 2 of 2、 ends the first item); a number answered by another
after its 、 is a range or a list of numbers (只有2、3种, 4、5号楼), no list number."""
_CLAUSE_ONLY = frozenset("，,…")
_STEP_ASKED = re.compile(
    r"(?:想|要|想要|要想)(?:让我|我)?(?:删|撤|私了|了结|不投诉|不举报|不曝光)[^，,。！？!?；;\n…]{0,4}[？?]"
)
"""A clause that asks for the writer's own withdrawal (想删评？, 要我撤诉？, 想私了？) and is
answered at once by its price (想删评？给钱。): its question mark ends the clause, not the
sentence, so the withdrawal and its price are read together."""

NEGATION_WINDOW = 3
"""Tokens allowed between a negation cue and the token it negates."""

NEGATION_CUES = frozenset(
    {
        "不", "没", "没有", "未", "无", "非", "并非", "不是", "别", "未曾", "从未", "从没",
        "并未", "并没", "并没有", "并无", "毫无", "无人", "没人", "尚未", "不曾", "绝非",
        "绝不", "决不", "未发现", "没发现", "未见", "没见", "未检出", "没检出", "不会",
        "不可能", "不存在", "不要", "请勿", "勿", "不许", "不准", "谈不上", "不怎么", "不太",
        "不大", "不算", "并不", "一点也不", "一点都不", "不够",
    }
)  # fmt: skip
_ENDING_CUES = ("没有", "没", "未", "不", "无")
_CUE_HEADS = frozenset(
    {"至今", "迄今", "到现在", "一直", "始终", "仍", "仍然", "依然", "依旧", "从来", "尚", "迟迟"}
)
"""Adverbs of time that jieba or a lexicon term keeps whole with the cue after them (至今没,
一直没, 仍未, 从来不, 尚无): the token is a cue as its last part is (至今没修好, 仍未退款)."""


def _is_cue(word: str) -> bool:
    """Whether ``word`` is a negation cue: one of `NEGATION_CUES`, or an adverb of time with a
    cue glued to it (至今没, 仍未, 从来不)."""
    return word in NEGATION_CUES or any(
        word.endswith(cue) and word[: -len(cue)] in _CUE_HEADS for cue in _ENDING_CUES
    )


_CUES = WordMemo(_is_cue)
NEGATING_CHARACTERS = frozenset("不没未无非别")
"""A term right after one of these inside the same token is negated (不满意, 没收到)."""
_PROHIBITIVES = frozenset({"别", "不要", "请勿", "勿", "不许", "不准"})
_FIRST_TIME = frozenset({"第一次", "头一次", "第一回", "头一回"})
_EITHER_OR_WINDOW = 10  # tokens from 不是 to its 就是 (不是…就是…)
_KNOWING = frozenset({"知道", "清楚", "确定", "记得", "晓得", "明白", "了解", "懂"})
"""After a cue, these take the negation themselves: 不知道是谁泄露的 still says it leaked."""
_NEGATION_BREAKERS = frozenset(
    {
        "就", "才", "但", "但是", "可是", "不过", "却", "而", "而是", "只是", "否则", "不然",
        "要不然", "结果", "然后", "所以", "因为", "导致", "造成", "致使", "以致", "害得",
        "还", "反而", "竟然", "居然", "甚至", "并且", "而且",
    }
)  # fmt: skip

_PREDICATE_OPENERS = frozenset(
    {
        "很", "太", "非常", "特别", "十分", "极其", "超", "超级", "挺", "蛮", "真", "真的",
        "比较", "较", "有点", "有些", "有点儿", "也", "又", "都", "已经", "已", "总是", "经常",
        "一直", "老是", "有", "变", "变得", "变成",
    }
)  # fmt: skip
"""Words that open a predicate of their own (很脏, 也坏了, 有异味, 变得很硬): after a
negation cue has reached its own predicate, one of these (or a word of change, 变味, 变质)
starts another, which the cue does not reach: 不新鲜有异味, 房间不干净也很吵."""
_MODIFIERS = frozenset(
    {
        "是", "那么", "这么", "怎么", "咋", "太", "够", "算", "很", "特别", "非常", "十分", "大",
        "及时",
    }
)  # fmt: skip
"""Words between a cue and its predicate (不是特别好吃, 没那么安静): no predicate of their own."""
_CLAUSE_VERBS = frozenset(
    {
        "说", "是说", "发现", "看到", "看见", "见到", "见", "听到", "听说", "觉得", "感觉", "认为",
        "以为", "指望", "想到", "希望", "期望", "能", "能够", "会", "要", "想", "敢", "用", "让",
        "叫", "查到", "查出", "检查出", "检测出", "检出", "测出", "看出", "找到",
    }
)  # fmt: skip
"""Verbs whose object is a clause (没有发现有人维修, 不是说服务特别有问题, 别指望有什么酒店,
不要看到这里有宽带, 没找到有订房记录): the cue negates the whole clause after them, openers and
all."""
_MEETING = frozenset(
    {"遇到", "碰到", "遇见", "碰见", "遇上", "碰上", "见到", "见识", "见过", "遇过", "碰过", "过"}
)
"""An experience met (没见过, 没遇到, 没住过: 过 or a verb of meeting): see `_SUCH`."""
_SUCH = frozenset({"这么", "那么", "这样", "那样", "如此", "这种", "那种", "这般", "这等"})
"""After an experience denied, these compare (没见过这么差的服务, 从没住过这样的酒店): the writer
has met nothing like this one, which asserts it is so; the cue does not reach past them.
Right after a cue (没那么安静, 不是这样) they are degree and the cue negates on."""
_BY_WAY_OF = frozenset({"经", "经过", "征得", "征求", "征询", "得到"})
_CONSENT = ("同意", "允许", "授权", "许可", "批准", "准许", "签字", "确认")
"""A cue before 经, 经过 or 征得 denies the consent that ends the phrase (不经过同意, 没有经过本人
授权): "without consent" modifies the act after it, which happened (不经过同意擅自扣款)."""
_LIST_ITEM_END = frozenset({"、", "，", ",", "。", "！", "？", "；", "…", "\n"})


def _opens_predicate(word: str) -> bool:
    """Whether ``word`` starts a predicate of its own: an opener (很, 也, 有), a word of change
    (变味, 变质, 变硬; not 变化) or a verb with its potential complement (考不上, 打不开, 用不了:
    没基础考不上明显欺骗 tells the deceit)."""
    return (
        word in _PREDICATE_OPENERS
        or (len(word) > 1 and word[0] == "变" and word != "变化")
        or "不" in word[1:-1]
    )


def _item_has_predicate(words: Sequence[str], index: int) -> bool:
    """Whether the list item after the 、 at ``index`` (to the next 、 or clause mark) holds a
    predicate of its own — a negation, an opener, a word of change — as in 谈不上服务、遥控器
    不管用; a list of nouns under one cue (没有毛巾、牙刷、拖鞋) holds none."""
    for word in words[index + 1 : index + 8]:
        if word in _LIST_ITEM_END:
            return False
        if _opens_predicate(word) or any(char in NEGATING_CHARACTERS for char in word):
            return True
    return False


CONDITION_MARKERS = frozenset(
    {
        "如果", "假如", "要是", "若", "若是", "万一", "一旦", "假设", "倘若", "如若", "假若",
        "只要", "除非", "如", "否则", "不然", "要不然", "要不", "否则的话", "不然的话",
    }
)  # fmt: skip
_GLUED_MARKERS = frozenset(
    {"如果", "假如", "要是", "若是", "倘若", "万一", "一旦", "假设", "如若", "假若", "只要", "除非"}
)
_PRONOUNS = frozenset("你您我他她它咱")
"""A marker cut together with the pronoun after it (如果你, 要是你, 假如我 are dictionary
words, or lexicon terms): still a marker."""


def opens_condition(word: str) -> bool:
    """Whether ``word`` opens a condition to the end of its sentence: a marker (如果, 否则),
    or a marker cut with the pronoun after it (如果你们不赔 is cut 如果你 + 们)."""
    return word in CONDITION_MARKERS or (word[-1:] in _PRONOUNS and word[:-1] in _GLUED_MARKERS)


_COMPLEMENTS = frozenset(
    {
        "进", "进去", "进来", "上去", "上来", "出来", "出去", "起来", "下", "下去", "下来",
        "过去", "过来", "回来", "回去", "完", "掉", "着", "了",
    }
)  # fmt: skip
"""Complements that after a verb and 不 make its potential form (充/不/进去, 吃/不/下,
拿/不/出来)."""
_VERB_COMPLEMENTS = frozenset({"上", "开", "出", "动", "清", "起", "住", "通"})
"""Complements that are verbs of their own too (空调也不开, 以后不住了): a potential form only
after a verb of one character (登/不/上, 点/不/开, 带/不/动, 挤/不/出)."""
_NOT_VERBS = frozenset(
    {
        "再也", "以后", "根本", "完全", "坚决", "居然", "一定", "依旧", "仍", "仍然", "从来",
        "从不", "永远", "绝对", "肯定", "始终", "为什么", "为何", "可以", "均", "并", "可",
        "便", "亦", "只", "总", "老", "更", "最", "为了", "宁可", "当时", "长期", "坚持",
    }
)  # fmt: skip
"""Adverbs and the like that stand before a plain 不 (再也不上京东, 坚决不去, 为了不上楼)."""


def _potential_at(words: Sequence[str], index: int) -> bool:
    """Whether the 不 at ``index`` makes the potential form of the verb before it with the
    complement after it (电充/不/进, 钱充/不/进去, 登/不/上花呗): the form asserts an inability,
    a failure met, so this 不 negates nothing (再也/不/上京东 and 他们/不/出去 negate)."""
    if words[index] != "不" or index == 0 or index + 1 >= len(words):
        return False
    verb, complement = words[index - 1], words[index + 1]
    if (
        not "\u4e00" <= verb[-1] <= "\u9fff"
        or verb[0] in _PRONOUNS
        or verb in _NOT_VERBS
        or verb in _NEGATION_BREAKERS
        or verb in _PREDICATE_OPENERS
        or verb in _MODIFIERS
        or opens_condition(verb)
    ):
        return False
    return complement in _COMPLEMENTS or (complement in _VERB_COMPLEMENTS and len(verb) == 1)


SUSPICION_MARKERS = frozenset(
    {"怀疑", "担心", "担忧", "怕", "害怕", "最怕", "生怕", "恐怕", "疑似", "是不是", "会不会",
     "据说", "听说", "听闻", "据传", "传言",
     "避免", "防止", "以免", "以防", "免得", "预防"}
)  # fmt: skip
"""A suspicion is not an assertion: what follows, to the end of the clause, is conditional.
Nor is hearsay (据说容易自燃, 听说吃了拉肚子): what others tell is not met by the writer.
Nor is what a step is taken to prevent (用5W30避免烧机油, 提前换胎以免爆胎, 免得被扣钱):
it names what must not happen, not what did (不可避免 is one word and no marker)."""

_NOT_A_CONDITION = (
    "不要", "不过", "不仅", "不但", "不管", "不论", "不久", "不到", "不断", "不少", "不同", "不如",
    "不止", "不只", "不一", "不得不", "不禁", "不免", "不料", "不足", "不单", "不光", "不时",
    "不住", "不小心", "不知道", "不治", "不省", "不动产",
)  # fmt: skip
"""不-words that do not negate a predicate (不过, 不到一个月就坏了), so set up no condition."""
_ARRIVAL = ("不到位", "不到账", "不到帐")
"""Money not arriving (钱不到位，我就…; 赔偿款不到账就…): 不到 negates an act here, the
payment's, when the money is named just before it (服务不到位 is a verdict)."""
_MONEY = frozenset(
    {
        "钱", "钱款", "款", "款项", "赔偿", "赔款", "赔偿款", "赔偿金", "补偿", "补偿款",
        "这笔钱", "数",
    }
)  # fmt: skip
_CONDITION_NOT_EXCEPT = frozenset({"经", "经过"})  # 不经同意就扣款: not a condition
_SHORT_OF = ("少一分", "少一毛", "少一块", "少给一分", "差一分")
"""A sum short of the demand (少一分…就): set up the condition as a 不-word does."""
_CONSEQUENCE = frozenset({"就", "就要", "就会", "就去", "那就", "便"})
_NOT_CONSEQUENCE = (
    "就是", "就算", "就像", "就连", "就此", "就近", "就业", "就医", "就餐", "就读", "就诊", "就职",
)  # fmt: skip
"""Words starting with 就 that do not mean "then" (就是不能调 is no threat)."""
CONSEQUENCE_WINDOW = 6
"""Tokens after a 就 of consequence that its clause's consequence reaches at most (a text
without punctuation is one clause: 不给钱就曝光 does not make the rest of it a threat)."""
_LIST_MARKS = frozenset({"、", "和", "及", "以及", "或", "或者", "跟", "与"})
"""Marks inside a list: a list fills one place of the consequence, so an item and the mark
after it do not count towards `CONSEQUENCE_WINDOW` (不赔我就在美团、大众点评、抖音上都发差评)."""


def _reach(words: Sequence[str], index: int, clause_end: int) -> int:
    """The end (exclusive) of the consequence of the 就 at ``index``: the end of its clause
    (``clause_end``) when that is at most twice `CONSEQUENCE_WINDOW` tokens away (不赔我就叫我
    朋友们都来给你们打差评), else `CONSEQUENCE_WINDOW` tokens past it, a list's items and marks
    counting once (就发到抖音、快手、小红书 reaches the last item as 就发到抖音 does)."""
    if clause_end - index <= 2 * CONSEQUENCE_WINDOW + 1:
        return clause_end + 1  # past the mark: the clause's end closes it (or goes on: 再…)
    counted, position = 0, index + 1
    while position < len(words) and counted < CONSEQUENCE_WINDOW:
        following = words[position + 1] if position + 1 < len(words) else ""
        if words[position] not in _LIST_MARKS and following not in _LIST_MARKS:
            counted += 1
        position += 1
    return position


_WISH_END = re.compile(r"(?:就|那就|便)(?:会|更|会更|最)?好(?:了|啦|多了)?$")
"""A marker's clause ending as a wish (要是当初没买就好了, 如果能早点发货就更好了): the condition
is complete in that clause, so the next clause tells what happened."""
_CONTINUATION = ("再", "还要", "还会", "还得", "并且", "然后", "同时", "而且", "接着")
"""A clause starting with these continues a consequence: 不赔我就曝光，再天天打12345."""


_STRONG_NOT = ("再不", "若不", "如不", "要不")
"""不-words that say "if not" by themselves (再不处理, 若不赔偿, 要不是): always a condition."""
_ACTIONS = (
    "赔", "给", "退", "还钱", "还款", "还我", "归还", "返", "处理", "解决", "修", "换", "补",
    "发", "寄", "送", "撤", "删", "回", "答复", "理", "办", "同意", "答应", "接受", "认", "承认",
    "按", "照", "配合", "改", "道歉", "履行", "兑现", "付", "支付", "打款", "转", "放款", "拿",
    "交", "结账", "结算", "结清", "报销", "受理", "处置", "联系", "上门", "派", "安排", "来",
    "签", "批", "落实", "执行", "出钱", "出面", "出具", "让", "走", "停止", "取消", "恢复",
    "重做", "协商", "私了",
    "满足", "把", "跟", "和", "与", "向", "帮", "替", "表示", "掏", "想", "肯", "愿", "听",
    "核实", "调查", "查", "负责", "说清楚", "说明", "讲清楚", "解释", "开票", "开发票", "开具",
    "收回", "纠正", "作出", "做出", "做处理", "接", "解封", "解冻", "放行", "通过", "批准",
    "上报", "立案", "成", "予", "被",
)  # fmt: skip
"""Verbs of an act the other side is to do or not do: 不 + one of these (不赔, 不给钱, 不退,
不处理, 不把钱退给我, 协商不成, 不被查) is the antecedent of a 不…就… condition. 不 + a
judgement or a state (口感不好, 不实用, 不耐用, 设计不合理, 不行, 不错) is not: 口感不好，
吃了就拉肚子 happened."""
_NOT_ACTIONS = (
    "给力", "理想", "理解", "认识", "负责任", "成熟", "来电", "回事", "想象", "和谐", "送达",
)  # fmt: skip
"""Judgements and states that start like a verb of action (不给力, 不理想, 太不负责任)."""
_MANNER = (
    "及时", "马上", "立即", "立刻", "尽快", "赶紧", "赶快", "妥善", "好好", "认真", "积极",
    "主动", "按时", "如期", "全额", "全部", "再", "快点", "一次性",
)  # fmt: skip
"""Adverbs between 不 and its verb (不及时处理, 不尽快退款): the verb after them decides."""


def _antecedent(words: Sequence[str], index: int) -> bool:
    """Whether the 不-word at ``index`` has the shape of a condition's antecedent: a strong
    不-word (再不, 若不, 要不是), a sum short of the demand, or 不 + a verb of an act
    (`_ACTIONS`, after adverbs of manner) — 不赔我就曝光, not 口感不好，吃了就拉肚子."""
    word = words[index]
    if word.startswith(_SHORT_OF + _STRONG_NOT) or (index and words[index - 1] == "再"):
        return True
    stem = word[1:] if word[:2] == "还不" else word
    predicate = stem[1:] + "".join(words[index + 1 : index + 4])
    if ("不" + predicate).startswith(_ARRIVAL):
        return index > 0 and words[index - 1] in _MONEY
    if predicate.startswith("说") and not predicate.startswith(("说清楚", "说明")):
        return False  # 苹果小不说还酸: "let alone"
    return _names_an_act(predicate)


def _names_an_act(predicate: str, *, unless: tuple[str, ...] = ()) -> bool:
    """Whether what follows a 不 names an act (`_ACTIONS`, not `_NOT_ACTIONS` nor ``unless``),
    once the adverbs of manner before the verb are passed (不及时处理, 再不尽快退款)."""
    while predicate.startswith(_MANNER):
        predicate = predicate[next(len(m) for m in _MANNER if predicate.startswith(m)) :]
    return predicate.startswith(_ACTIONS) and not predicate.startswith(_NOT_ACTIONS + unless)


_FIRST_PERSON = frozenset({"我", "我们", "本人", "咱", "咱们", "老子"})
_OPENS_NO_ACT = ("来", "会", "济", "然", "是", "用")
"""After a strong 不-word, what opens no act of the other side (再不来, 再不会, 再不济, 再不然,
再不是, 再不用)."""


def _strong_antecedent(words: Sequence[str], index: int) -> bool:
    """Whether the 不-word at ``index`` is a strong "if not" said of the other side's act
    (再不退款, 你们再不转五千过来, 若不赔偿, 如不处理): its clause is a condition even with no
    就 in the clause after it. Not 再不济, 再不然 (other words), a vow of the writer's own
    (我再不来了, 我以后再不会买) or 再不 + a state (再不好用)."""
    word = words[index]
    if word.startswith(("再不", "若不", "如不")):
        predicate = word[2:]
    elif index and words[index - 1] == "再" and word.startswith("不"):
        predicate = word[1:]
    else:
        return False
    if any(before in _FIRST_PERSON for before in words[max(0, index - 3) : index]):
        return False
    return _names_an_act(predicate + "".join(words[index + 1 : index + 4]), unless=_OPENS_NO_ACT)


_SPOKEN = frozenset(
    {
        "说", "讲", "骂", "听", "问", "原", "句", "一句", "几句", "这句", "那句", "过", "之类",
        "类似", "这种", "那种", "这些", "那些", "难听", "好听", "客气", "骂人", "威胁",
    }
)  # fmt: skip
"""Words before a 的话 that is speech, not an "if": 客服说的话很难听, 说过的话, 说什么未拆封
之类的话, 骂了很多难听的话."""
_AFTER_IF = ("就", "那", "我", "你", "便", "则", "也", "还", "会", "要", "可以", "请", "麻烦")


def _if_at(words: Sequence[str], index: int, clause_end: bool) -> bool:
    """Whether the 的话 at ``index`` closes a condition (不处理的话，我就…; 要求不高的话就…):
    at the end of its clause, or before a consequence or the person who will act."""
    if words[index] != "的话" or (index and words[index - 1] in _SPOKEN):
        return False
    return clause_end or (index + 1 < len(words) and words[index + 1].startswith(_AFTER_IF))


def _consequence(word: str) -> bool:
    """Whether ``word`` is a 就 of consequence: 就, 就要, and tokens such as 就让, 就把."""
    return word in _CONSEQUENCE or (word[:1] == "就" and not word.startswith(_NOT_CONSEQUENCE))


def _condition_cue(word: str) -> bool:
    """Whether ``word`` may open, negate or answer a condition (kept per word in
    `_CONDITION_CUES`: words recur)."""
    return (
        opens_condition(word)
        or word == "的话"
        or "不" in word
        or word.startswith(_SHORT_OF)
        or _consequence(word)
    )


_CONDITION_CUES = WordMemo(_condition_cue)


@lru_cache(maxsize=65_536)
def _opens(word: str) -> bool:
    """Whether ``word`` may open a condition: a marker (如果, 否则, 的话) or a 就 of consequence."""
    return opens_condition(word) or word == "的话" or _consequence(word)


def _where(flags: Iterable[bool]) -> list[int]:
    """The positions of the true flags (tokens are classified without a Python loop)."""
    return list(compress(count(), flags))


class Scope:
    """Clause and sentence structure of one text, and the scope rules over its tokens."""

    def __init__(self, text: str, segmentation: Segmentation) -> None:
        self._text = text
        self._words = segmentation.words
        self._starts = segmentation.starts

    @cached_property
    def _clause_ends(self) -> list[int]:
        text = self._text
        ends = _CLAUSE_END_LISTED if "、" in text else _CLAUSE_END
        return [match.start() for match in ends.finditer(text)]

    @cached_property
    def _sentence_ends(self) -> list[int]:
        text, ends = self._text, self._clause_ends
        return [
            end
            for at, end in enumerate(ends)
            if text[end] not in _CLAUSE_ONLY
            and not _STEP_ASKED.fullmatch(text, ends[at - 1] + 1 if at else 0, end + 1)
        ]

    @cached_property
    def _clause_marks(self) -> frozenset[int]:
        return frozenset(self._clause_ends)

    def clause(self, position: int) -> tuple[int, int]:
        """``[start, end)`` of the clause holding the character at ``position``."""
        return _bounds(self._clause_ends, position, len(self._text))

    def sentence(self, position: int) -> tuple[int, int]:
        """``[start, end)`` of the sentence holding the character at ``position``."""
        return _bounds(self._sentence_ends, position, len(self._text))

    def two_sentences(self, position: int) -> tuple[int, int]:
        """``[start, end)`` of the sentence holding the character at ``position`` and the
        sentence after it (the mark between them inside): 工作人员说下周来修。到现在还没人来."""
        ends, length = self._sentence_ends, len(self._text)
        start, end = _bounds(ends, position, length)
        return start, _bounds(ends, end + 1, length)[1] if end < length else end

    @cached_property
    def negated_tokens(self) -> frozenset[int]:
        """Indices of the tokens in the scope of a negation cue."""
        return frozenset(self.negating_cues)

    @cached_property
    def negating_cues(self) -> dict[int, tuple[int, ...]]:
        """Each token in the scope of a negation cue, with the cues (token indices) whose
        scope holds it."""
        words, starts, marks = self._words, self._starts, self._clause_marks
        negated: dict[int, tuple[int, ...]] = {}
        cues = _where(map(_CUES.__getitem__, words))
        # 不是…就是… (either … or …) negates nothing, and its 就是 opens the second
        # alternative: no cue inside the first (不是充不上就是死机) reaches past it
        either_or = {
            cue: end
            for cue in cues
            if (end := _either_or_end(words, cue, starts, marks)) is not None
        }
        either_ends = set(either_or.values())
        for cue in cues:
            following = words[cue + 1] if cue + 1 < len(words) else ""
            if (
                _otherwise_at(words, cue)
                or cue in either_or
                or following in _FIRST_TIME
                or following in _KNOWING
                or (words[cue] in _PROHIBITIVES and following == "再")
                or _potential_at(words, cue)
            ):
                continue
            headed = False  # the cue has reached its own predicate
            met = False  # past an experience met: 没见过这么差的 compares
            without = following in _BY_WAY_OF  # 不经过同意擅自扣款: the consent is denied
            break_at_openers = True  # not past a verb taking a clause (没有发现有人来)
            index, limit = cue, cue + NEGATION_WINDOW + 2
            while (index := index + 1) < min(limit, len(words)):
                word = words[index]
                if (
                    word in _NEGATION_BREAKERS
                    or index in either_ends
                    or _consequence(word)
                    or starts[index] in marks
                    or (headed and break_at_openers and _opens_predicate(word))
                    or (word == "、" and _item_has_predicate(words, index))
                    or (met and word in _SUCH)
                ):
                    break
                negated[index] = (*negated.get(index, ()), cue)
                met = met or word in _MEETING
                if without and word.endswith(_CONSENT):
                    break
                if word == "有" and index == cue + 1 and words[cue].endswith("没"):
                    limit += 1  # 至今没/有: the cue 没有 cut apart, no predicate of its own
                    continue
                if word in _CLAUSE_VERBS:
                    break_at_openers = False
                elif word == "、" and (
                    index + 2 >= len(words) or words[index + 2] in _LIST_ITEM_END
                ):
                    limit += 2  # a list of nouns fills one place: 没有毛巾、牙刷、拖鞋
                headed = headed or word not in _MODIFIERS
        return negated

    @cached_property
    def _active_cues(self) -> frozenset[int]:
        """The cues (token indices) that negate at least one token."""
        return frozenset(cue for cues in self.negating_cues.values() for cue in cues)

    def negated_at(self, spans: Sequence[tuple[int, int]]) -> bool:
        """Whether a negation cue stands right before one of the character ``spans`` — the
        token holding the character before it is a cue that negates, or the span begins
        inside that cue (有问题 in 手机没有问题) — and is not itself inside a span: the terms
        of a pattern hit are negated where the cue stands before any of them, not only
        before the first (手机没有问题, 又没扣, 宽带并没有断), and not by a cue that is one
        of the terms (没有经过同意就扣款 asserts the deduction; 但…绝不便宜 turns to a problem
        with the term 不). A cue further back does not reach a later term: 经常不定时停水
        and 没打扫干净较脏 assert the outage, the dirt."""
        active = self._active_cues
        if not active:
            return False
        words, starts, text = self._words, self._starts, self._text
        for begin, _ in spans:
            if begin == 0:
                continue
            cue = bisect.bisect_right(starts, begin - 1) - 1
            if cue not in active:
                continue
            cue_start = starts[cue]
            cue_end = cue_start + len(words[cue])
            if any(char in NEGATING_CHARACTERS for char in text[begin:cue_end]):
                continue  # the term holds the cue's negation itself: 绝不 + the term 不
            if not any(b <= cue_start and cue_end <= e for b, e in spans):
                return True
        return False

    def conditional_at(self, position: int) -> bool:
        """Whether the token holding the character at ``position`` is in a condition, its
        consequence or a suspicion."""
        return self.conditional(bisect.bisect_right(self._starts, position) - 1)

    def conditional(self, index: int) -> bool:
        """Whether the token at ``index`` is in a condition, its consequence or a suspicion."""
        if index in self._suspected_tokens:
            return True
        starts, ends = self._conditional_regions
        at = bisect.bisect_right(starts, index) - 1
        return at >= 0 and index < ends[at]

    @cached_property
    def _suspected_tokens(self) -> frozenset[int]:
        """Tokens after a suspicion marker (怀疑, 担心) up to the end of its clause.

        Each token is visited once: a marker inside a stretch already covered goes on from
        where the previous one stopped (linear even in a clause of ten thousand markers).
        """
        words, starts, marks = self._words, self._starts, self._clause_marks
        suspected: set[int] = set()
        reached = 0
        for marker in _where(map(SUSPICION_MARKERS.__contains__, words)):
            index = max(marker + 1, reached)
            while index < len(words) and starts[index] not in marks:
                suspected.add(index)
                index += 1
            reached = index
        return frozenset(suspected)

    @cached_property
    def _conditional_regions(self) -> tuple[list[int], list[int]]:
        """Starts and ends of the token ranges inside conditions, in one pass over the cues."""
        words, starts = self._words, self._starts
        cues = _where(map(_CONDITION_CUES.__getitem__, words))
        if not any(
            _opens(words[cue]) or _otherwise_at(words, cue) for cue in cues
        ) and not _CLAUSE_OPENER.search(self._text):
            return [], []  # no marker, no 就 and no opening clause: no condition opens
        ends_sentence = {bisect.bisect_left(starts, mark) for mark in self._sentence_ends}
        ends_clause = {bisect.bisect_left(starts, mark) for mark in self._clause_ends}
        clause_marks = sorted(ends_clause)
        region_starts: list[int] = []
        region_ends: list[int] = []
        clause = 0  # clauses passed
        clause_start = 0  # the first token of the current clause
        hold: int | None = None  # a clause end the consequence goes past (不处理的话，…)
        opened: int | None = None
        not_word: int | None = None  # the latest 不-word: 充不进电，不给修我就投诉
        not_clause = 0
        until: int | None = None  # the consequence's end within 就's clause, if it opened one
        for index in sorted(ends_clause.union(cues)):
            if until is not None and index >= until and opened is not None:
                region_starts.append(opened)  # past the consequence's reach: it ends
                region_ends.append(until)
                opened = not_word = until = None
            continued = (
                until is not None
                and index not in ends_sentence
                and index + 1 < len(words)
                and words[index + 1].startswith(_CONTINUATION)
            )
            closes = index in ends_sentence or (
                until is not None and index in ends_clause and index != hold
            )
            if closes and not continued:
                if opened is not None:
                    region_starts.append(opened)
                    region_ends.append(index)
                opened = not_word = until = None
                clause, clause_start = clause + 1, index + 1
            elif index in ends_clause:
                begin = starts[clause_start] if clause_start < len(words) else starts[index]
                clause, clause_start = clause + 1, index + 1
                if continued:
                    until = len(words)  # 不赔我就曝光，再天天打12345: the clause after goes on
                elif opened is not None:
                    if until is None and _WISH_END.search("".join(words[opened:index])):
                        region_starts.append(opened)  # 要是当初没买就好了，…: a wish, complete
                        region_ends.append(index)
                        opened = not_word = None
                else:
                    held = not_word is not None and not_clause == clause - 1
                    stop = _bounds(self._sentence_ends, starts[index] + 1, len(self._text))[1]
                    strong = not_word is not None and held and _strong_antecedent(words, not_word)
                    opening = _opens_at_clause(
                        self._text, starts[index], begin, held, stop, strong=strong
                    )
                    if opening == "step":  # 你们不赔，我会发到网上: to the end of that clause
                        opened, until, hold = not_word, len(words), None
                    elif opening == "deadline":  # …之前打给我，过了周五…: to the sentence's end
                        opened = index + 1
            elif opened is not None:
                continue
            elif (
                opens_condition(words[index])
                and not _in_name(words, index)
                and not _likeness(words, index)
            ) or _otherwise_at(words, index):
                # a marker cut with its pronoun (如果你) opens after itself: the word is also
                # an address to the reader (如果你想买…), which stays what it is
                glued = words[index] not in CONDITION_MARKERS and opens_condition(words[index])
                opened = index + 1 if glued else index
                if (
                    words[index] == "除非"
                    and starts[clause_start] > self.sentence(starts[index])[0]
                ):
                    until, hold = len(words), None  # 不能退，除非是质量问题，…: its own clause
            elif _if_at(words, index, index + 1 in ends_clause or index + 1 == len(words)):
                opened = not_word if not_word is not None and not_clause == clause else clause_start
                opened = max(opened, region_ends[-1] if region_ends else 0)
                # the consequence ends with the clause after 的话 or with its own
                until = len(words)
                hold = index + 1 if index + 1 in ends_clause else None
            elif _condition_not(words[index]):
                following = words[index + 1] if index + 1 < len(words) else ""
                if following not in _CONDITION_NOT_EXCEPT and _antecedent(words, index):
                    not_word, not_clause = index, clause
            elif _consequence(words[index]) and not_word is not None and clause - not_clause <= 1:
                ahead = bisect.bisect_right(clause_marks, index)
                end = clause_marks[ahead] if ahead < len(clause_marks) else len(words)
                opened, until = not_word, _reach(words, index, end)
        if opened is not None:
            region_starts.append(opened)
            region_ends.append(min(len(words), until) if until is not None else len(words))
        return region_starts, region_ends


_OPENING = frozenset("，,。！？!?；;…\n ")

_STEP = (
    r"(?:(?:我们?|老子|本人|咱们?)(?:会|要(?!求)|将|肯定|一定|必定|必将|马上|立刻|立马|直接|天天|每天"
    r"|还会|还要|再|也会)|(?:你们?|你家)?等着)"
)
"""A clause opening with the complainant's next step (我会, 我们将, 我马上, 我天天, 等着…):
after a clause holding a 不-antecedent it is the consequence, with or without 就 (你们不赔，
我会发到网上; 钱不到位，我们马上去举报)."""
_AFTER_DEADLINE = r"(?:过了|超过|逾期|到时候|到时|届时)"
"""A clause opening past a deadline (过了周五我就去电视台; 到时候别怪我) after a clause that
sets one (周五之前把钱打给我): a condition to the end of its sentence."""
_DEADLINE = re.compile(r"之前|以前|以内|为止|[天日号周月底点时年]前|[天日周月时]内")
_STEP_AT = re.compile(_STEP)
_AFTER_DEADLINE_AT = re.compile(_AFTER_DEADLINE)
_CONCEDED_FORM = (
    r"(?:也(?:行|可以|成|没关系|没事|无所谓)|无所谓|可以不(?!可以|行).{1,4})[啊呀吧的了呢]?"
)
"""A refusal conceded at a clause's end (不赔也行, 你可以不赔): see `_CONCEDED`."""
_CLAUSE_OPENER = re.compile(
    rf"[，,…](?:{_STEP}|{_AFTER_DEADLINE})|(?:{_CONCEDED_FORM})[，,…]"
    r"|(?:再不|若不|如不)[^，,。！？!?；;\n]{1,12}[，,…]"
)
"""Whether a text may hold a condition that opens at a clause end (a shortcut's test)."""


_CONCEDED = re.compile(rf"(?:{_CONCEDED_FORM})$")
"""A 不-antecedent conceded (不赔也行, 不给也可以, 你可以不赔): what the next clause says, whatever
its verb, is what follows the refusal (不赔也行，我把视频发到抖音; 你可以不赔，但是…)."""

_THEN = re.compile(r"就|便|我会|我们会|我要|我将|别怪|后果")
"""A consequence told past a deadline (过了周五我就…), in its sentence: 过了一段时间，不响了
tells what happened."""


def _opens_at_clause(
    text: str,
    mark: int,
    clause_begin: int,
    antecedent: bool,
    clause_stop: int,
    *,
    strong: bool = False,
) -> Literal["step", "deadline", None]:
    """What the clause after the clause end at character ``mark`` opens: the consequence of
    the clause before (``antecedent``: it holds a 不-antecedent) when it starts with the
    complainant's next step, or whatever it says when the clause before concedes the refusal
    (不赔也行, 你可以不赔) or its 不-antecedent is a strong one (``strong``: 再不转五千过来，
    后果自负; 若不赔偿，视频发抖音); a condition when it starts past a deadline that the clause
    before (from character ``clause_begin``) sets and a consequence follows before the
    sentence's end (``clause_stop``); else nothing."""
    if antecedent and (
        strong or _STEP_AT.match(text, mark + 1) or _CONCEDED.search(text, clause_begin, mark)
    ):
        return "step"
    if (
        _AFTER_DEADLINE_AT.match(text, mark + 1)
        and _DEADLINE.search(text, clause_begin, mark)
        and _THEN.search(text, mark + 1, clause_stop)
    ):
        return "deadline"
    return None


_NAME_ENDS = (
    "县", "市", "区", "镇", "乡", "村", "路", "街", "巷", "弄", "里", "庄", "屯", "港", "桥",
    "社区", "小区", "花园", "苑", "园", "公寓", "大厦", "广场", "新村", "山庄", "家园", "酒店",
    "宾馆", "大道",
)  # fmt: skip
"""What ends a place's name (黄如县, 东如村, 清如路, 嘉如花园, 李如村委会)."""


def _in_name(words: Sequence[str], index: int) -> bool:
    """Whether the one-character 如 at ``index`` was cut out of a name, so opens no condition:
    between a one-character token and the end of a place's name (黄/如/县, 东/如/村委会,
    清/如/路: jieba does not know the name), or before a bare 家 (the hotel chain 如家, and
    宾至如家: 如家 + 里, 人, 长 would be other words)."""
    if words[index] != "如" or index + 1 >= len(words):
        return False
    following = words[index + 1]
    if following == "家":
        return True
    before = words[index - 1] if index else ""
    return len(before) == 1 and "\u4e00" <= before <= "\u9fff" and following.startswith(_NAME_ENDS)


_EXAMPLES_MARKS = frozenset("：:")
"""A colon after 如 (如：…): examples follow, not a supposition."""
_SAME_AS = frozenset({"旧", "故", "初", "常", "昔", "新", "一"})
"""What completes 如 as "the same as" when jieba cuts them apart (如旧, 如故, 如初, 如常)."""


def _likeness(words: Sequence[str], index: int) -> bool:
    """Whether the one-character 如 at ``index`` compares or lists rather than supposes: "the
    same as" ending its clause (一切如旧，我就生病了) leaves nothing for a condition to hold,
    and a colon after it (如：…) opens examples. A supposition goes on with what it supposes
    (如有问题, 如停水，请关闸)."""
    if words[index] != "如" or index + 1 >= len(words):
        return False
    following = words[index + 1]
    if following in _EXAMPLES_MARKS:
        return True
    after = index + 2
    return following in _SAME_AS and (after == len(words) or words[after] in _OPENING)


def _otherwise_at(words: Sequence[str], index: int) -> bool:
    """Whether the 不 at ``index`` is the 要不 (otherwise) of a clause cut as 要 + 不
    (给我拿两万块，要不我发到网上): it opens a condition, as 要不 does, and negates nothing."""
    return (
        words[index] == "不"
        and index >= 1
        and words[index - 1] == "要"
        and (index == 1 or words[index - 2] in _OPENING)
    )


def _either_or_end(
    words: Sequence[str], index: int, starts: Sequence[int], marks: frozenset[int]
) -> int | None:
    """The index of the 就是 answering a 不是 at ``index`` within its clause (不是烂的就是发黑,
    每次充电不是充不上就是死机; also 不 + 是烂的, a term cut with its 是), else None: "either …
    or …" asserts both. Past a comma (不是不好，就是有点贵) 就是 is "only", and the cue keeps
    its clause."""
    word = words[index]
    following = words[index + 1] if index + 1 < len(words) else ""
    if word != "不是" and not (word == "不" and following.startswith("是")):
        return None
    for later in range(index + 2, min(index + _EITHER_OR_WINDOW, len(words))):
        if starts[later] in marks:
            return None
        if words[later] == "就是":
            return later
    return None


def _condition_not(word: str) -> bool:
    """Whether ``word`` negates a predicate: 不, 再不, 不退, and 不-terms such as 不退钱; or
    says the sum falls short (少一分我就告你们: a sum short of the demand is not paying it)."""
    if word.startswith(_SHORT_OF):
        return True
    stem = word[1:] if word[:2] in ("再不", "还不", "若不", "如不", "要不") else word
    if stem == "不到" or stem.startswith(_ARRIVAL):
        return True  # 钱不到位 / 钱不到 + 账: `_antecedent` asks for the money before it
    return stem[:1] == "不" and not stem.startswith(_NOT_A_CONDITION)


def _bounds(ends: list[int], position: int, length: int) -> tuple[int, int]:
    at = bisect.bisect_left(ends, position)
    start = ends[at - 1] + 1 if at else 0
    end = ends[at] if at < len(ends) else length
    return start, end
