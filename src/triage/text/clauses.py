"""Who says what, and how: the actor and the mode of every token of a complaint.

Real complaints quote the other side (客服说…), name products whose names hold alarming
words (免盗刷服务), ask (请问…会不会), close politely (万分感谢) and tell other people's
misfortune as background. A word then supports a finding only with the right actor and
mode. This module reads a small structure per token, with no parser beyond jieba's tokens:

* **actor** — who the clause is about: the ``complainant`` (我, 本人, 我家), the
  ``respondent`` and its agents (客服, 催收, 业务员, its app), a ``third_party`` (骗子,
  陌生人), or ``unknown``. The actor words are the lexicons ``actor_complainant``,
  ``actor_respondent`` and ``actor_third_party`` of the rule packs. An actor word is the
  subject unless an object marker (给, 对, 向, 跟, 把, 让, 找, 问, 联系, 咨询, …) stands right
  before it, an aspect between them at most (找了客服, 问过商家, 找到经理), or the other side's
  word is the place gone to (到银行, 去营业厅), or it goes on such an object (跟你们老板说,
  给你们的客服打电话: the object too). The respondent so asked or called replies in the next
  clause, its subject dropped: a speech verb there is its own (问了客服，说要等三天), and so
  is a clause with the writer as its object (联系了客服，叫我重启); after 被
  it is the agent (被催收骚扰: the collector did it), and 被 without an agent leaves the
  doer ``unknown``. A form of address opening a sentence (经理，…; 客服你好，…) calls the
  listener and is no subject. The respondent followed by 应该/必须/要 is the complainant's demand
  (平台应该人性化一点), so the clause is the complainant's. A clause without an actor word
  goes on with the previous one, as Chinese drops the subject, except that a clause
  opening with the writer's own speech act (想问, 请问, 希望, 建议, 要求) is the complainant's.
* **speech** — what follows a speech verb (说, 称, 表示, 回复, 告知, …) belongs to the
  speaker: 客服说是我自己操作失误 is the business's statement, so its actor is the respondent,
  whatever subject the quote has. It runs across clauses that drop their subject (客服说，要等
  三天，没办法) to the end of the sentence or of its quote (说“…”), until, past its first clause,
  a clause opens with another actor, the writer's step or judgement or 结果 (…说没有房间了，
  我们只好…, `_speech_ends`). A threat is speech too (威胁,
  恐吓, 警告): 老板威胁我再闹就报警 is the business's threat, not the complainant's leverage.
  A business's reply quoted in a review (酒店回复：…, 宾馆反馈2008年1月22日：…) is its speech past
  the first sentence, to the end of the paragraph or the next label of someone speaking.
* **mode** of the clause: ``statement``, ``question`` (是否, 会不会, 为什么, 吗 or ？ closing
  the clause; a verb asked as A-not-A, 算不算, 扣不扣; 在哪, or 多少, 哪里, 哪天, 几号 …
  closing it, unless 不知/不清楚 … tells it as an embedded question; nor 是不是 after 不知道,
  怀疑 …: 不知道是不是真货 tells a doubt), ``rhetorical`` (难道,
  凭什么, 不是…吗, 要不要这么…). A comma-joined ticket
  (手机三天就黑屏了，请问能不能退，客服一直不回) asks only in the clause that asks. 请问 (想问,
  请教) opens a question: its clause asks (and the next one when it stands alone: 请问，…)
  unless a later clause of the sentence asks, which is then the question it introduces
  (请问我家停电了，什么时候来电？ states the outage). And the mode of the word itself:
  ``name`` when it sits inside 《》 or quotes, or right before a name suffix (险, 服务,
  套餐, 会员, …: 免盗刷服务, 养老金保险) — a quotation longer than a name (30 characters)
  or running past a sentence's end is an account told, not a name (之前反映“…”的问题) —
  and ``closing`` in a short last sentence that
  follows or holds a request (希望尽快处理。万分感谢).

Negation and conditions stay with `triage.text.scope`; this module adds what the
actor and the sentence say.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Mapping, Sequence
from enum import StrEnum
from functools import cached_property
from itertools import compress, count, repeat

from triage.text.memo import WordMemo
from triage.text.scope import Scope
from triage.text.segment import Segmentation

__all__ = [
    "ACTOR_LEXICONS",
    "CLAUSE_MARKS",
    "Actor",
    "ClauseReading",
    "Mode",
    "actor_words",
]


class Actor(StrEnum):
    """Who a clause is about, or who said it."""

    COMPLAINANT = "complainant"
    RESPONDENT = "respondent"
    THIRD_PARTY = "third_party"
    UNKNOWN = "unknown"


class Mode(StrEnum):
    """How a word is put: stated, asked, asked rhetorically, part of a name, or a closing."""

    STATEMENT = "statement"
    QUESTION = "question"
    RHETORICAL = "rhetorical"
    NAME = "name"
    CLOSING = "closing"


ACTOR_LEXICONS = {
    "actor_complainant": Actor.COMPLAINANT,
    "actor_respondent": Actor.RESPONDENT,
    "actor_third_party": Actor.THIRD_PARTY,
}
"""The lexicons whose terms name each actor."""

_OBJECT_MARKERS = frozenset(
    {
        "给", "对", "向", "跟", "和", "与", "把", "将", "让", "叫", "替", "帮", "为", "找", "在",
        "联系", "告诉", "通知", "问", "骚扰", "打给", "打电话给", "催", "逼", "威胁", "恐吓",
        "辱骂", "欺骗", "误导", "诱导", "要求", "请", "求", "投诉", "举报", "起诉", "告",
        "希望", "恳请", "请求", "盼", "麻烦", "咨询", "致电", "拨打", "打",
    }
)  # fmt: skip
"""Words after which an actor word is the object, not the subject (催收打电话给我家人): the
clause stays its subject's (我咨询客服…, 打了客服电话)."""
_PLACES = frozenset({"到", "去"})
"""Words after which the other side's word is the place the writer goes to (到银行查询,
去营业厅办理); the writer's own (到我退房那天, 到我们这里) may still be a subject."""
_ASPECTS = ("了", "过", "到", "了一下", "一下")
"""Words that may come between such a word and its object (找了客服, 联系过商家, 问了一下客服),
or end it as one token (找到经理, 问过客服, 去过营业厅)."""
_OTHERS = frozenset(Actor) - {Actor.COMPLAINANT}


def _addressed(word: str) -> frozenset[Actor]:
    """The actors an actor word right after ``word`` is an object or a place of, not the
    subject: any after an object marker (`_OBJECT_MARKERS`), the other side's after a word of
    going (`_PLACES`) or after either with an aspect (找到, 问过, 去过: the writer found, or
    gone over to, may still be a subject after it, 前面的评价误导了我。下次不会去住了)."""
    if word in _OBJECT_MARKERS:
        return frozenset(Actor)
    verbs = {word, *(word[: -len(aspect)] for aspect in _ASPECTS if word.endswith(aspect))}
    return frozenset() if verbs.isdisjoint(_OBJECT_MARKERS | _PLACES) else _OTHERS


_ADDRESSED = WordMemo(_addressed)
_VOCATIVES = frozenset(
    {"客服", "人工客服", "在线客服", "老板", "经理", "客户经理", "店员", "店家", "卖家", "柜员"}
)
"""Forms of address: one standing alone at a sentence's opening (经理，…; 客服你好，…; 陈老板，…)
calls the listener, it is not the subject of what follows."""
_GREETINGS = frozenset({"你好", "您好", "在吗", "在么", "在不在"})
_VOCATIVE_MARKS = frozenset("，,！!：:")
_PASSIVE = frozenset({"被", "遭", "遭到", "受到", "让"})
_PASSIVE_START = frozenset(word[0] for word in _PASSIVE)
_WRITER_VERBS = ("想", "请问", "希望", "要求", "麻烦", "请", "恳请", "建议", "求", "盼")
"""A clause opening with these, subject dropped, is the writer's own (…发货了，想问一下…)."""
CLAUSE_MARKS = frozenset("，,。！？!?；;…\n")
"""Marks that end a clause: a comma, a full stop, a question or exclamation mark, a semicolon,
an ellipsis or a line break."""
_NOT_PASSIVE = frozenset({"被子", "被告", "被褥", "被窝", "被单", "被罩", "被投诉人", "被投诉方"})
_DEONTIC = frozenset({"应该", "应当", "必须", "理应", "需要", "得", "要", "务必", "该"})
"""After the respondent, these make the clause the complainant's demand (平台应该退款)."""
_SPEECH = frozenset(
    {
        "说", "称", "表示", "回复", "回答", "答复", "告知", "声称", "宣称", "解释", "承诺",
        "说是", "说明", "告诉我", "跟我说", "对我说", "扬言", "答应", "保证", "回应", "反馈",
        "威胁", "恐吓", "警告", "威胁说", "扬言说",
    }
)  # fmt: skip
"""Verbs of reported speech: what follows, to the end of its quote or clause run (see
`_speech_ends`), is the speaker's — the subject's before it — also when it threatens
(老板威胁我再闹就报警: the shop's threat)."""
_WRITER_TURNS = ("只好", "只得", "于是", "无奈", "真是", "简直", "太", "认为", "对此")
"""Opening a clause after reported speech, the writer's own step or judgement (…说没有房间了，
只好去别的酒店; …说没办法，真是无语; …说查不到订单，太欺负人了; a work order's …告知需自费，
认为不合理): the speech has ended, and the clause is the complainant's."""
_SPEECH_ENDERS = (*_WRITER_TURNS, "结果")
"""Words that end reported speech opening a clause: the writer's turns, and 结果 (…说马上修，
结果一直没人来)."""
_NEXT_STEPS = frozenset({"然后", "后来", "最后", "可是", "但是", "所以"})
"""Words of the writer's narration: one may come between a clause's opening and an actor word
that ends reported speech (…说没房，后来我…)."""
_HOLLOW = frozenset({"了", "道", "着"})
"""Words after a speech verb that say nothing yet (说了，…; 说道，…)."""
_REPLY_VERBS = "回复|反馈|回应|答复"
"""Verbs that label a reply (酒店回复：, 水务局答复：)."""
_REPLY_LABEL = re.compile(
    "(?:宾馆|酒店|饭店|餐厅|商家|店家|卖家|掌柜|店主|商户|官方|客服"
    "|(?:公司|集团|局|管委会|办事处|部门|中心)\\s*(?:热线)?\\s*(?:办理)?)"
    f"\\s*(?P<verb>{_REPLY_VERBS})\\s*"
    "(?:\\d{2,4}\\s*[年./-]\\s*\\d{1,2}\\s*[月./-]\\s*\\d{1,2}\\s*[日号]?\\s*)?[：:]"
)
"""A business's reply quoted in a review (宾馆反馈2008年1月22日：…, 酒店回复：…, 商家回复:…), or
a utility's or an office's in a work order (…有限公司热线办理回复：…, 市城乡水务局回复：…,
专业部门回复：…): what follows is the respondent's speech, past its first sentence, to the end
of the paragraph or to the next label of someone speaking (来电反映：…), so its thanks are no
praise of the writer's, its advice (建议用户走司法程序) no suggestion of the caller's."""
_SPEECH_LABEL = re.compile(f"(?:反映|来电|说|表示|{_REPLY_VERBS})[^。！？；!?;\n]{{0,12}}[：:]")
"""A label opening someone's words (…再次来电反映：, 用户回复：): it ends a quoted reply."""
_REPROACH = "(?!能不能(?:走|用|上|长)点心)"
"""Not 能不能走点心, 能不能用点心, 能不能上点心, 能不能长点心: a reproach (take more care), no
question."""
_FREE_CHOICE = "(?<!无论)(?<!不论)(?<!不管)"
"""Not after 无论, 不论 or 不管: a question word there concedes any answer and asks nothing
(无论如何, 不管怎么说, 不论是否退款)."""
_DOUBTED = "(?!(?:(?<=不知道)|(?<=不知)|(?<=不清楚)|(?<=不晓得)|(?<=怀疑))是不是)"
"""Not 是不是 right after 不知(道), 不清楚, 不晓得 or 怀疑: the whether-clause is embedded in a
doubt told (不知道是不是真货, 怀疑是不是二手的), which states the doubt and asks nothing; a
question mark still asks (不知道是不是正品？)."""
_ASKING = (
    "(?=[是能可会有为怎咋什啥何])"
    + _FREE_CHOICE
    + _REPROACH
    + _DOUBTED
    + "(?:是否|能否|可否|会不会|是不是|有没有|能不能|可不可以|为什么|为何|怎么办|咋办|怎么回事|"
    "什么时候|啥时候|什么原因|啥原因|何时)|"
    "(?:^|(?<=[，,；;。！？!?…\n]))(?=[^，,；;]*?多久)(?![^，,；;]*(?:不知|不清楚|不晓得)[^，,；;]*(?:了|没[^，,；;]*过))"
    "[^，,；;]*?(?<![没不])(?<!不了)(?<!没有)(?<!没.)多久|多长时间|(?<![白懂道没有])什么意思|什么情况(?![都也])|(?<![没])有什么影响|"
    + "(?=[\u4e00-\u9fff]不)"
    + _FREE_CHOICE
    + _REPROACH
    + _DOUBTED
    + "(?<![不爱])(?![时动好得信])(?P<either>[\u4e00-\u9fff])不(?P=either)|"
    + "(?=[如怎咋])"
    + _FREE_CHOICE
    + "(?:如何|(?<![不没])怎样|(?<![不没])怎么(?!样?也)|(?<![不没])咋)|"
    "[吗么呢嘛][啊呀啦哈]?(?=[。！？!?；;，,\\s]*$)|[?？]|"
    "(?:^|(?<=[，,；;]))(?=[^，,；;]*?(?:在哪|多少|哪里|哪儿|哪天|哪个|几号|几点))"
    "(?![^，,；;]*(?:不知|不清楚|不晓得|不确定|不明白))[^，,；;]*?"
    "(?:在哪|(?:(?<![没])多少钱?|哪里|哪儿|哪天|哪个|几号|几点)[了啊呀啦哈]?(?=[。！？!?；;，,\\s]*$))"
)
_QUESTION = re.compile("请问|" + _ASKING)
"""Questions: question words (多长时间, 什么意思, 什么情况 and 有什么影响 among them, but not
没有什么影响, nor 没(有)什么意思 or 有什么意思 (pointless), nor an understanding told, 明白什么
意思了; nor a question word after 无论/不管 (`_FREE_CHOICE`), nor 能不能走点心 (`_REPROACH`);
nor 多久 after a negation, which tells a short time: 没多久就坏了, 没过多久, 过不了多久就会出
问题, nor in a time past not known, 不知道放了多久, 不知道多久没擦过; 不知道多久能到 asks), a
verb asked as A-not-A (算不算,
扣不扣, 要不要, 退不退: not 时不时, 动不动, 好不好, 信不信, 不错不错, 爱理不理), a final
吗/么/呢, a question mark.
After 不 or 没, 怎么 and 咋 mean "not very" (不怎么样, 不咋地, 没怎么用过) and ask nothing;
before 也, 怎么 (怎么样) means "however hard" (怎么也打不通, 怎么样也睡不着).
Each guarded alternative opens with a lookahead on what it must hold (its first characters, or
多久 and 在哪/多少/哪… in the clause), so its guards and scans run only where it may match:
the same matches, at about half the cost.
Read per sentence for `ClauseReading.asks_only`; per clause, ``_ASKS`` and ``_INTRODUCER``."""
_ASKS = re.compile(_ASKING)
_WH = re.compile("为什么|为何|为啥|怎|咋|如何|什么|啥|哪|谁|几|多少|多久|多长|何时|何")
"""Question words: a clause that asks with one presupposes what it asks about (为什么又扣了
tells the deduction); one that asks without is a yes/no question (又扣了吗): see
`ClauseReading.asks_whether`."""
"""A clause that asks by itself (its final 吗 or ？ ends the clause, not the sentence)."""
_INTRODUCER = re.compile(
    "请问|想问|请教|想知道|想了解|了解一下|询问|打听|咨询(?![费公电热服师台机顾室中])"
)
"""Words that open a question which may come in a later clause (请问，…什么时候…？)."""
_BARE_INTRODUCER = re.compile("(请问|想问|请教)[一下问]*[，,：:\\s]*")
"""A clause holding nothing but an introducer: the question is the next clause."""
_OWN_STEPS = "解开|解冻|恢复|开通|消除|提额|还款|还清|设置|绑定|解绑|激活|找回|查询|查到|申请"
"""Steps the asker takes on their own account (解冻, 开通, 还款, 设置 …): after 怎么能 or 怎么可以
they ask for the way (花呗被冻结了。怎么可以解开), as 怎么办 and 怎么设置 do. Steps a business
may take against the asker (取消, 关闭, 注销, 提高: 怎么可以取消我的订单) stay rhetorical."""
_RHETORICAL = re.compile(
    "难道|凭什么|岂|何来|怎能|怎么(?:能|可以)(?!" + _OWN_STEPS + ")|哪有|哪里有|"
    "要不要(?:这么|那么|这样)|"
    "(?:[让叫][人我俺](?:们)?|还|这)怎么(?!办|样|回事|处理|解决|弄|操作|设置|算)|"
    "(?<![不没])怎么(?!办|样|回事|的|处理|解决|弄|操作|设置|算)[^，,。！？!?；;…\n]{1,10}[！!]|"
    "(不是|不就是|还不).*(?:吗|(?<![怎什那这多])么)"
)
"""Rhetorical questions assert: 难道不该退款, 这不是坑人吗, 要不要这么坑, 怎么可以乱扣钱 (a 么
ending 怎么, 什么, 那么, 这么 or 多么 closes none: 还不知道怎么还款 asks; nor does 怎么可以 or
怎么能 before a step of the asker's own, ``_OWN_STEPS``: 怎么可以解冻花呗 asks). So does 怎么 + a
verb put to the reader after a failure — 让人怎么吃, 叫我怎么用, 这还怎么住, 以后还怎么
相信 — or closed by ！ (可乐全洒在袋子里了，怎么喝！): it exclaims that the goods or the
service cannot be used, it asks nothing. 怎么办, 怎么处理, 怎么操作 ask for a way (not
after 让人/还: 让我怎么办 seeks help), and after 不/没 怎么 means "not very"."""
_ASKED_AT_END = re.compile("(?:[吗么呢嘛][啊呀啦哈]?|[?？])[。！？!?；;，,\\s]*$")
"""A clause closed as a question (…吗, …？): where a rhetorical question that opened
earlier (难道…, 凭什么…) ends."""
_MAY_ASK = re.compile(
    "|".join(
        (
            re.sub(r"\(\?<!(?:\[[^\]]*\]|[^()\[\]]*)\)", "", _ASKING).replace(
                "(?=[。！？!?；;，,\\s]*$)", ""
            ),
            _RHETORICAL.pattern,
            _INTRODUCER.pattern,
        )
    )
)
"""Whatever ``_ASKS``, ``_RHETORICAL`` or ``_INTRODUCER`` finds in a clause, this finds in its
sentence (their look-arounds left out): a sentence where it finds nothing has no asking
clause, and is not read clause by clause."""
_NAME_SUFFIXES = (
    "险", "保险", "服务", "套餐", "会员", "产品", "业务", "功能", "权益", "计划", "卡", "宝",
    "贷", "包", "金融", "理财",
)  # fmt: skip
"""A word right before one of these is part of a name (免盗刷服务, 养老金保险, 安心贷)."""
# A quoted name (《消费者权益保护法》, “免盗刷”, “七天无理由退货”) is short and holds no sentence
# end; a longer quotation is an account (an earlier complaint quoted in a work order).
_NAME_LENGTH = 30
_SENTENCE_ENDS = "。！？；!?;"
_OPEN_QUOTES = '《“‘「『"'
_CLOSE_QUOTES = '》”’」』"'
_OPENERS = frozenset(_OPEN_QUOTES + "：:")
"""Marks right after a speech verb that open the speaker's own words (说：…, 说“…”)."""
_SENTENCE_END = re.compile("[。！？；!?;\n]")
_CLOSING_LENGTH = 16
"""A last sentence at most this long may be a closing (万分感谢, 希望尽快处理谢谢)."""
_REQUESTS = ("希望", "请", "要求", "麻烦", "尽快", "处理", "解决", "给个说法", "恳请", "望")
"""Words of a request: thanks after one of them are a closing, not praise."""


def actor_words(lexicons: Mapping[str, Iterable[str]]) -> dict[str, Actor]:
    """Each (normalised) term of the actor lexicons → its actor; the first lexicon wins."""
    words: dict[str, Actor] = {}
    for name, actor in ACTOR_LEXICONS.items():
        for term in lexicons.get(name, ()):
            words.setdefault(term, actor)
    return words


class ClauseReading:
    """The actor, speech and mode of the tokens of one segmented, normalised text.

    ``actors`` maps actor words to their actor (see `actor_words`); actor words are
    lexicon terms, so the segmenter keeps each whole as one token.
    """

    def __init__(
        self,
        text: str,
        segmentation: Segmentation,
        scope: Scope,
        actors: Mapping[str, Actor],
    ) -> None:
        self._text = text
        self._words = segmentation.words
        self._starts = segmentation.starts
        self._scope = scope
        words = self._words
        self._sentence_modes: dict[int, Mapping[int, Mode]] = {}
        """Sentence start → the modes `_modes_in` read there (sentences not yet read: none)."""
        self._actor_words = {
            index: actors[words[index]]
            for index in compress(count(), map(actors.__contains__, words))
        }

    def token_at(self, position: int) -> int:
        """The index of the token holding normalised ``position``."""
        return max(bisect.bisect_right(self._starts, position) - 1, 0)

    def actor(self, token: int) -> Actor:
        """Who the clause of ``token`` is about, or who says it."""
        if not self._words:
            return Actor.UNKNOWN
        return self._actors[min(max(token, 0), len(self._words) - 1)]

    def speaker(self, token: int) -> Actor | None:
        """Who says the words at ``token`` when they are reported speech (客服说…), else None."""
        if not self._words:
            return None
        return self._speakers[min(max(token, 0), len(self._words) - 1)]

    def asks_whether(self, token: int, start: int, end: int) -> bool:
        """Whether the word at normalised ``[start, end)`` lies in a yes/no question: its
        clause asks (`Mode.QUESTION`) with no question word (为什么, 怎么, 什么, 哪, 几, 多少, …),
        so it asks whether what it names happened (花呗又扣了吗, 是不是扣了两次, 又扣款了？)
        and asserts nothing; 为什么又扣了 presupposes the deduction."""
        if self.mode(token, start, end) is not Mode.QUESTION:
            return False
        begin, finish = self._scope.clause(start)
        return _WH.search(self._text, begin, finish) is None

    def mode(self, token: int, start: int, end: int) -> Mode:
        """How the word at normalised ``[start, end)`` (first token ``token``) is put."""
        if self._named(token, start, end):
            return Mode.NAME
        sentence = self._scope.sentence(start)
        kind = self._modes_in(sentence).get(self._scope.clause(start)[0], Mode.STATEMENT)
        if kind is Mode.STATEMENT and self._closing(sentence):
            return Mode.CLOSING
        return kind

    @cached_property
    def asks_only(self) -> bool:
        """Whether every sentence with words in it is a plain, short question.

        A long sentence of facts that asks (跑了三趟…为什么不能一次性告知？) is a complaint:
        a sentence counts as a question only when it has at most two clauses.
        """
        text = self._text
        start, asked = 0, False
        while start < len(text):
            end = self._scope.sentence(start)[1]
            if any(char.isalnum() for char in text[start:end]):
                if self._sentence_mode(start, end) is not Mode.QUESTION or not self._asks_early(
                    start, end
                ):
                    return False
                asked = True
            start = end + 1
        return asked

    def _sentence_mode(self, start: int, end: int) -> Mode:
        """The mode of the sentence ending at ``end`` as a whole: rhetorical, a question or
        a statement (for `asks_only`, which stops at the first sentence that does not ask)."""
        sentence = self._text[start : end + 1]
        if _RHETORICAL.search(sentence):
            return Mode.RHETORICAL
        return Mode.QUESTION if _QUESTION.search(sentence) else Mode.STATEMENT

    def _asks_early(self, start: int, end: int) -> bool:
        """Whether the sentence ``[start, end)`` is short: at most two clauses."""
        first = self._scope.clause(start)[1]
        return first + 1 >= end or self._scope.clause(first + 1)[1] >= end

    @property
    def _actors(self) -> tuple[Actor, ...]:
        return self._walk[0]

    @property
    def _speakers(self) -> tuple[Actor | None, ...]:
        return self._walk[1]

    @cached_property
    def _walk(self) -> tuple[tuple[Actor, ...], tuple[Actor | None, ...]]:
        """The actor of every token, and its speaker when reported, walking the text once.

        Only the tokens that can change them are visited (actor words, sentence starts and
        the words `_turns` names); every token between two of them takes the actor and
        speaker of the last one visited.
        """
        words, starts, marks = self._words, self._starts, self._sentence_marks
        named_at = self._actor_words
        visited = set(named_at)
        visited.update(compress(count(), map(marks.__contains__, starts)))
        visited.update(compress(count(), map(_TURNS.__getitem__, words)))
        replies = self._replies
        visited.update(replies)
        actors: list[Actor] = []
        current = Actor.UNKNOWN
        speaker: Actor | None = None
        replying = False  # inside a business's reply (酒店回复：…), which outlasts its sentence
        said_at = -1  # the speech verb of the speech under way
        ended: Actor | None = None  # a speaker whose speech a clause of the writer's ended
        subject_at = -1  # the last actor word read as a subject
        quote_at = -1  # the mark opening its quoted words (说“…”), if any
        direct = False  # its words told as the speaker's own, after a colon or a quote mark
        speakers: list[Actor | None] = []
        reached = 0
        object_at = -1  # the last actor word read as an object (跟[你们]老板说)
        for index in sorted(visited):
            if index > reached:
                actors.extend(repeat(speaker or current, index - reached))
                speakers.extend(repeat(speaker, index - reached))
            word = words[index]
            previous = words[index - 1] if index else ""
            if starts[index] in marks:
                ended = None
            if starts[index] in marks and (not replying or starts[index] in self._reply_ends):
                speaker, replying = None, False
            elif (
                speaker is not None
                and not replying
                and (
                    (0 <= quote_at < index and word in _CLOSE_QUOTES)
                    or (
                        quote_at < 0
                        and _speech_ends(words, said_at, index, named_at, speaker, direct=direct)
                    )
                )
            ):
                speaker, ended = None, speaker
                if word.startswith(_WRITER_TURNS):
                    current = Actor.COMPLAINANT
            named = named_at.get(index)
            if named is not None and _vocative(words, index):
                pass  # 经理，这几样…: the listener called, the subject still to come
            elif named is not None:
                if previous not in _PASSIVE and (
                    _addressed_at(words, index, named) or _object_phrase(words, index, object_at)
                ):
                    if named is Actor.COMPLAINANT and _answers(
                        words, index, named_at, object_at, subject_at
                    ):  # 联系了客服，叫我重启: the respondent asked acts on the writer
                        current = named_at[object_at]
                    object_at = index
                else:
                    current, subject_at = named, index
            elif word[0] in _PASSIVE_START and _passive_without_agent(words, index, named_at):
                current = Actor.UNKNOWN
            elif (word in _DEONTIC and index - 1 in named_at and current is Actor.RESPONDENT) or (
                (index == 0 or previous in CLAUSE_MARKS) and word.startswith(_WRITER_VERBS)
            ):
                current = Actor.COMPLAINANT
            if index in replies:
                speaker, replying = Actor.RESPONDENT, True
            elif (
                speaker is None
                and word in _SPEECH
                and (
                    (answered := _answers(words, index, named_at, object_at, subject_at))
                    or current is not Actor.UNKNOWN
                )
            ):  # 我问了客服，说要等: the one asked replies
                speaker = named_at[object_at] if answered else current
                if ended is not None and any(
                    said in CLAUSE_MARKS for said in words[subject_at + 1 : index]
                ):  # 前台说没房，我问为什么，又说…: no subject of its own, the ended speaker again
                    speaker = ended
                said_at = index
                opening = words[index + 1 : index + 3]
                direct = bool(opening) and opening[0] in _OPENERS
                marks_at = (
                    at for at, mark in enumerate(opening, index + 1) if mark in _OPEN_QUOTES
                )
                quote_at = next(marks_at, -1) if direct else -1
            actors.append(speaker or current)
            speakers.append(speaker)
            reached = index + 1
        actors.extend(repeat(speaker or current, len(words) - reached))
        speakers.extend(repeat(speaker, len(words) - reached))
        return tuple(actors), tuple(speakers)

    @cached_property
    def _replies(self) -> frozenset[int]:
        """The tokens of the verbs of reply labels (酒店回复：, 水务局回复：; `_REPLY_LABEL`)."""
        return frozenset(
            self.token_at(match.start("verb")) for match in _REPLY_LABEL.finditer(self._text)
        )

    @cached_property
    def _reply_ends(self) -> frozenset[int]:
        """Sentence starts where a quoted reply ends: a new paragraph, or a sentence holding
        the label of someone speaking (…再次来电反映：)."""
        text = self._text
        ends = {index + 1 for index, char in enumerate(text) if char == "\n"}
        for start in self._sentence_marks:
            end = _SENTENCE_END.search(text, start)
            if _SPEECH_LABEL.search(text, start, end.start() if end else len(text)):
                ends.add(start)
        return frozenset(ends)

    @cached_property
    def _sentence_marks(self) -> frozenset[int]:
        """Token starts that begin a sentence (speech ends with its sentence)."""
        return frozenset(match.end() for match in _SENTENCE_END.finditer(self._text))

    def _modes_in(self, sentence: tuple[int, int]) -> Mapping[int, Mode]:
        """Clause start → its mode, for the clauses that ask in ``sentence`` (its start and
        end, as `Scope.sentence` gives them): a clause's mode depends on its sentence
        alone, so each sentence is read once, when a word in it is asked about."""
        modes = self._sentence_modes.get(sentence[0])
        if modes is None:
            modes = self._sentence_modes[sentence[0]] = self._read_modes(*sentence)
        return modes

    def _read_modes(self, start: int, end: int) -> dict[int, Mode]:
        """`_modes_in` the sentence ``[start, end)`` (its end mark at ``end``), read."""
        modes: dict[int, Mode] = {}
        text, scope = self._text, self._scope
        if not _MAY_ASK.search(text, start, end + 1):
            return modes
        clauses: list[tuple[int, str]] = []
        begin = start
        while begin <= end and begin < len(text):
            finish = scope.clause(begin)[1]
            clauses.append((begin, text[begin : finish + 1]))
            begin = finish + 1
        asks = [bool(_ASKS.search(clause)) for _, clause in clauses]
        rhetorical = self._rhetorical(start, clauses)
        for index, (begin, clause) in enumerate(clauses):
            if index in rhetorical:
                modes[begin] = Mode.RHETORICAL
            elif asks[index]:
                modes[begin] = Mode.QUESTION
            elif _INTRODUCER.search(clause) and not any(asks[index + 1 :]):
                modes[begin] = Mode.QUESTION
                if index + 1 < len(clauses) and _BARE_INTRODUCER.fullmatch(clause):
                    modes.setdefault(clauses[index + 1][0], Mode.QUESTION)
        return modes

    @staticmethod
    def _rhetorical(start: int, clauses: Sequence[tuple[int, str]]) -> set[int]:
        """Indices of the clauses of one sentence (starting at ``start``) that a rhetorical
        question covers: from its marker to the clause that closes it (难道你们不管，让我们
        一直等吗; 这不是说好的，七天发货吗), or its own clause when none closes it."""
        sentence = "".join(clause for _, clause in clauses)
        covered: set[int] = set()
        for match in _RHETORICAL.finditer(sentence):
            first = last = _clause_index(clauses, start + match.start())
            if match.group(1) is None:
                closing = next(
                    (
                        index
                        for index in range(first, len(clauses))
                        if _ASKED_AT_END.search(clauses[index][1])
                    ),
                    first,
                )
                last = closing
            else:
                last = _clause_index(clauses, start + match.end() - 1)
            covered.update(range(first, last + 1))
        return covered

    def _named(self, token: int, start: int, end: int) -> bool:
        text = self._text
        opened = max(text.rfind(char, 0, start) for char in _OPEN_QUOTES)
        if opened >= 0:
            closed = min(
                (found for char in _CLOSE_QUOTES if (found := text.find(char, opened + 1)) >= 0),
                default=-1,
            )
            if (
                closed >= end
                and "\n" not in text[opened:start]
                and not _quoted_account(text[opened + 1 : closed])
            ):
                return True
        words, starts = self._words, self._starts
        last = self.token_at(max(end - 1, start))
        inside = text[end : starts[last] + len(words[last])] if last < len(words) else ""
        following = words[last + 1] if last + 1 < len(words) else ""
        return inside.startswith(_NAME_SUFFIXES) or (
            not inside and following.startswith(_NAME_SUFFIXES) and token == last
        )

    def _closing(self, sentence: tuple[int, int]) -> bool:
        """A short last sentence after (or holding) a request: 希望尽快处理。万分感谢."""
        start, end = sentence
        text = self._text
        if text[end:].strip(" ，,。！!～~\n") or end - start > _CLOSING_LENGTH:
            return False
        before = self._scope.sentence(start - 2)[0] if start >= 2 else start
        return any(word in text[before:end] for word in _REQUESTS)


def _quoted_account(quoted: str) -> bool:
    """Whether a quoted stretch is an account told, not a name: it runs past a sentence's end
    or beyond the length of any name (之前反映“自己有6分地…被私自出售给开发商，…”的问题: the
    earlier complaint quoted in a work order is told, as 客服说… is)."""
    return len(quoted) > _NAME_LENGTH or any(mark in quoted for mark in _SENTENCE_ENDS)


def _clause_index(clauses: Sequence[tuple[int, str]], position: int) -> int:
    """The index of the clause (by start) holding ``position``."""
    return bisect.bisect_right([begin for begin, _ in clauses], position) - 1


def _turns(word: str) -> bool:
    """Whether ``word`` can change the actor (a passive, a demand after the respondent, a
    writer's verb) or start reported speech; other words keep them (kept per word in
    `_TURNS`: words recur)."""
    return (
        word[:1] in _PASSIVE_START
        or word in _DEONTIC
        or word.startswith(_WRITER_VERBS)
        or word in _SPEECH
        or word in _CLOSE_QUOTES
        or word.startswith(_SPEECH_ENDERS)
    )


_TURNS = WordMemo(_turns)


def _speech_ends(
    words: Sequence[str],
    said_at: int,
    index: int,
    actors: Mapping[int, Actor],
    speaker: Actor,
    *,
    direct: bool,
) -> bool:
    """Whether the speech reported by the verb at ``said_at``, past its first clause, ends at
    token ``index``, which opens a clause: with the writer's step or judgement (`_WRITER_TURNS`:
    只好, 真是, 认为 …), with 结果, or with another actor as its subject, after one word of
    narration at most (…，我们只好…; …，后来我…; …，结果那边也很差). A clause with its subject
    dropped goes on with the speech (客服说，要等三天，没办法), as does one opening with the
    speaker's own side (客服说要等，商家会联系); after a colon (说：…) the speaker says 我 of
    itself (经理跟我说：这个服务员就是这样，我代她道歉), so there only a word of the writer's
    ends it."""
    opening = index - 1
    if words[opening] in _NEXT_STEPS and index in actors:
        opening -= 1
    if words[opening] not in CLAUSE_MARKS or all(
        word in _HOLLOW for word in words[said_at + 1 : opening]
    ):
        return False
    if words[index].startswith(_SPEECH_ENDERS):
        return True
    return not direct and actors.get(index, speaker) is not speaker


def _answers(
    words: Sequence[str], index: int, actors: Mapping[int, Actor], object_at: int, subject_at: int
) -> bool:
    """Whether the speech verb (or the writer's word as an object) at ``index`` lies in the
    clause right after the one whose object is the respondent's actor word at ``object_at``
    (read after the last subject, at ``subject_at``), its own subject dropped: the respondent
    the writer asked or called replies (联系了商家，说没货了; 问了客服，开始是说可以退;
    问服务员要饮料，回答必须现金结账), or acts on the writer (联系了客服，叫我重启;
    投诉到经理，居然告诉我…).
    The writer told or given something (告诉我…，说…) replies nothing, nor does a third party
    named in passing (自己和邻居的车辆…，…答应…)."""
    return (
        subject_at < object_at
        and actors[object_at] is Actor.RESPONDENT
        and sum(map(CLAUSE_MARKS.__contains__, words[object_at + 1 : index])) == 1
    )


def _vocative(words: Sequence[str], index: int) -> bool:
    """Whether the actor word at ``index`` calls the listener: a form of address opening a
    sentence (after a one-character surname at most: 陈老板), then a comma, an exclamation
    mark or a colon, a greeting between them at most (客服你好，)."""
    if words[index] not in _VOCATIVES:
        return False
    before = index - 1
    if (
        before >= 0
        and len(words[before]) == 1
        and words[before] not in CLAUSE_MARKS
        and (before == 0 or words[before - 1] in CLAUSE_MARKS)
    ):
        before -= 1
    if before >= 0 and words[before] not in CLAUSE_MARKS:
        return False
    after = index + 1
    if after < len(words) and words[after] in _GREETINGS:
        after += 1
    return after < len(words) and words[after] in _VOCATIVE_MARKS


def _addressed_at(words: Sequence[str], index: int, named: Actor) -> bool:
    """Whether the actor word at ``index`` (of actor ``named``) is an object or a place
    (`_ADDRESSED`): of the word before it, or, unless it is the writer, of the word before
    the aspects between them (找了客服, 问了一下客服, 去了营业厅)."""
    if index and named in _ADDRESSED[words[index - 1]]:
        return True
    if named is Actor.COMPLAINANT:
        return False
    for before in range(index - 2, max(index - 4, -1), -1):
        if words[before + 1] not in _ASPECTS:
            return False
        if named in _ADDRESSED[words[before]]:
            return True
    return False


def _object_phrase(words: Sequence[str], index: int, object_at: int) -> bool:
    """Whether the actor word at ``index`` goes on the object just read (跟你们老板说,
    给你们的客服打电话): an actor word right after it, or after it and 的, is the same noun
    phrase, so it is an object too; the same word again opens the next clause, its comma
    dropped (咨询客服客服却说…)."""
    return object_at >= 0 and (
        (index - 1 == object_at and words[index] != words[object_at])
        or (index - 2 == object_at and words[index - 1] == "的")
    )


def _passive_without_agent(words: Sequence[str], index: int, actors: Mapping[int, Actor]) -> bool:
    """被 (or 被扣, 被骗) with no actor word after it: the doer is not said."""
    word = words[index]
    if word in _PASSIVE:
        return index + 1 < len(words) and index + 1 not in actors
    return word.startswith("被") and len(word) > 1 and word not in _NOT_PASSIVE
