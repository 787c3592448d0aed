"""The shortcuts of the clause reading and the condition scope read exactly as the plain
definitions do.

The actor walk visits only the tokens that can change the actor or the speaker; clause
modes skip the sentences where nothing can ask; ``asks_only`` stops at the first sentence
that does not ask; conditional regions are not looked for when no word can open one. Each
is held here to the plain definition (the code before the shortcut), on the examples and
on random texts made of the words the rules react to.
"""

from __future__ import annotations

import bisect
import json
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from tests.text.test_term_boundaries import documented_hits

from triage.facts import Analyser
from triage.text import clauses, scope
from triage.text.clauses import Actor, ClauseReading, Mode, actor_words
from triage.text.lexicons import LexiconMatcher
from triage.text.normalize import Normalized, Normalizer
from triage.text.segment import Segmentation

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "complaints.jsonl"

FRAGMENTS = (
    "我", "本人", "我家", "客服", "商家", "催收", "业务员", "骗子", "陌生人", "他们",
    "被", "被扣", "被骗", "被子", "让", "给", "对", "向", "把", "打电话给",
    "应该", "必须", "要", "希望", "请问", "想问", "请教", "建议", "麻烦",
    "说", "称", "表示", "告知", "回复", "承诺", "说是",
    "吗", "么", "呢", "啊", "什么", "怎么", "不怎么", "没怎么", "咋", "为什么", "是否",
    "能不能", "怎么办", "多久", "难道", "凭什么", "不是", "还不", "哪有", "岂",
    "如果", "万一", "要是", "否则", "不然", "不给", "不退钱", "再不", "不过", "不到",
    "没", "未经", "就", "就要", "就是", "才", "再", "还要", "然后", "少一分", "不经",
    "的话", "不好", "不实用", "不及时", "不把", "不成", "要不是", "也就",
    "怀疑", "担心", "是不是", "会不会",
    "退款", "扣了钱", "手机坏了", "漏水", "投诉", "曝光", "三天", "两千元", "处理", "谢谢",
    "，", "。", "！", "？", "?", "；", "…", "\n", " ", "一下", "，",
)  # fmt: skip
"""Words the reading reacts to, with punctuation and plain words between them."""

texts = st.lists(st.sampled_from(FRAGMENTS), min_size=0, max_size=40).map("".join)


@pytest.fixture(scope="module")
def analyser(core_lexicons: dict[str, list[str]]) -> Analyser:
    """An analyser over the core pack's lexicons."""
    return Analyser(core_lexicons)


def _reading(
    analyser: Analyser, text: str, lexicons: dict[str, list[str]]
) -> tuple[ClauseReading, scope.Scope]:
    features = analyser.analyse(text)
    normalized = features.normalized_text
    text_scope = scope.Scope(normalized, features.segmentation)
    reading = ClauseReading(normalized, features.segmentation, text_scope, actor_words(lexicons))
    return reading, text_scope


def _plain_walk(reading: ClauseReading) -> tuple[tuple[Actor, ...], tuple[Actor | None, ...]]:
    """The walk over every token, as first written."""
    words, starts, marks = reading._words, reading._starts, reading._sentence_marks
    named_at = reading._actor_words
    actors: list[Actor] = []
    current = Actor.UNKNOWN
    speaker: Actor | None = None
    speakers: list[Actor | None] = []
    previous = ""
    objects: set[int] = set()  # actor words read as objects
    said_at = quote_at = subject_at = -1
    direct = False
    ended: Actor | None = None
    for index, word in enumerate(words):
        if starts[index] in marks:
            speaker = ended = None
        elif speaker is not None and (
            (0 <= quote_at < index and word in clauses._CLOSE_QUOTES)
            or (
                quote_at < 0
                and clauses._speech_ends(words, said_at, index, named_at, speaker, direct=direct)
            )
        ):
            speaker, ended = None, speaker
            if word.startswith(clauses._WRITER_TURNS):
                current = Actor.COMPLAINANT
        named = named_at.get(index)
        if named is not None and clauses._vocative(words, index):
            pass
        elif named is not None:
            if previous not in clauses._PASSIVE and (
                clauses._addressed_at(words, index, named)
                or (index - 1 in objects and word != previous)
                or (previous == "的" and index - 2 in objects)
            ):
                object_at = max(objects, default=-1)
                if named is Actor.COMPLAINANT and clauses._answers(
                    words, index, named_at, object_at, subject_at
                ):
                    current = named_at[object_at]
                objects.add(index)
            else:
                current, subject_at = named, index
        elif word[0] in clauses._PASSIVE_START and clauses._passive_without_agent(
            words, index, named_at
        ):
            current = Actor.UNKNOWN
        elif (
            word in clauses._DEONTIC and index - 1 in named_at and current is Actor.RESPONDENT
        ) or (
            (index == 0 or previous in clauses.CLAUSE_MARKS)
            and word.startswith(clauses._WRITER_VERBS)
        ):
            current = Actor.COMPLAINANT
        object_at = max(objects, default=-1)
        answered = clauses._answers(words, index, named_at, object_at, subject_at)
        if (
            speaker is None
            and word in clauses._SPEECH
            and (answered or current is not Actor.UNKNOWN)
        ):
            speaker = named_at[object_at] if answered else current
            if ended is not None and any(
                said in clauses.CLAUSE_MARKS for said in words[subject_at + 1 : index]
            ):
                speaker = ended
            said_at = index
            opening = words[index + 1 : index + 3]
            direct = bool(opening) and opening[0] in clauses._OPENERS
            quoted = [
                at for at, mark in enumerate(opening, index + 1) if mark in clauses._OPEN_QUOTES
            ]
            quote_at = quoted[0] if direct and quoted else -1
        actors.append(speaker or current)
        speakers.append(speaker)
        previous = word
    return tuple(actors), tuple(speakers)


def _plain_clause_modes(
    reading: ClauseReading, text: str, text_scope: scope.Scope
) -> dict[int, Mode]:
    """Clause modes with every sentence read clause by clause."""
    modes: dict[int, Mode] = {}
    start = 0
    while start < len(text):
        end = text_scope.sentence(start)[1]
        parts: list[tuple[int, str]] = []
        begin = start
        while begin <= end and begin < len(text):
            finish = text_scope.clause(begin)[1]
            parts.append((begin, text[begin : finish + 1]))
            begin = finish + 1
        asks = [bool(clauses._ASKS.search(part)) for _, part in parts]
        rhetorical = reading._rhetorical(start, parts)
        for index, (begin, part) in enumerate(parts):
            if index in rhetorical:
                modes[begin] = Mode.RHETORICAL
            elif asks[index]:
                modes[begin] = Mode.QUESTION
            elif clauses._INTRODUCER.search(part) and not any(asks[index + 1 :]):
                modes[begin] = Mode.QUESTION
                if index + 1 < len(parts) and clauses._BARE_INTRODUCER.fullmatch(part):
                    modes.setdefault(parts[index + 1][0], Mode.QUESTION)
        start = end + 1
    return modes


def _plain_asks_only(reading: ClauseReading, text: str, text_scope: scope.Scope) -> bool:
    """``asks_only`` from the mode of every sentence."""
    modes: dict[int, Mode] = {}
    start = 0
    while start < len(text):
        end = text_scope.sentence(start)[1]
        sentence = text[start : end + 1]
        if clauses._RHETORICAL.search(sentence):
            modes[start] = Mode.RHETORICAL
        elif clauses._QUESTION.search(sentence):
            modes[start] = Mode.QUESTION
        start = end + 1
    start, asked = 0, False
    while start < len(text):
        end = text_scope.sentence(start)[1]
        if any(char.isalnum() for char in text[start:end]):
            if modes.get(start) is not Mode.QUESTION or not reading._asks_early(start, end):
                return False
            asked = True
        start = end + 1
    return asked


def _plain_regions(text_scope: scope.Scope) -> tuple[list[int], list[int]]:
    """Conditional regions looked for in every text."""
    words, starts = text_scope._words, text_scope._starts
    ends_sentence = {bisect.bisect_left(starts, mark) for mark in text_scope._sentence_ends}
    ends_clause = {bisect.bisect_left(starts, mark) for mark in text_scope._clause_ends}
    cues = [index for index, word in enumerate(words) if scope._condition_cue(word)]
    region_starts: list[int] = []
    region_ends: list[int] = []
    clause = 0
    clause_start = 0
    hold: int | None = None  # a clause end the consequence goes past (不处理的话，…)
    opened: int | None = None
    not_word: int | None = None
    not_clause = 0
    until: int | None = None
    for index in sorted(ends_clause.union(cues)):
        if until is not None and index >= until and opened is not None:
            region_starts.append(opened)
            region_ends.append(until)
            opened = not_word = until = None
        continued = (
            until is not None
            and index not in ends_sentence
            and index + 1 < len(words)
            and words[index + 1].startswith(scope._CONTINUATION)
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
                until = len(words)
            elif opened is None:
                held = not_word is not None and not_clause == clause - 1
                stop = text_scope.sentence(starts[index] + 1)[1]
                opening = scope._opens_at_clause(text_scope._text, starts[index], begin, held, stop)
                if opening == "step":
                    opened, until, hold = not_word, len(words), None
                elif opening == "deadline":
                    opened = index + 1
        elif opened is not None:
            continue
        elif scope.opens_condition(words[index]) or scope._otherwise_at(words, index):
            glued = words[index] not in scope.CONDITION_MARKERS and scope.opens_condition(
                words[index]
            )
            opened = index + 1 if glued else index
            if (
                words[index] == "除非"
                and starts[clause_start] > text_scope.sentence(starts[index])[0]
            ):
                until, hold = len(words), None
        elif scope._if_at(words, index, index + 1 in ends_clause or index + 1 == len(words)):
            opened = not_word if not_word is not None and not_clause == clause else clause_start
            opened = max(opened, region_ends[-1] if region_ends else 0)
            until = len(words)  # the consequence ends with the clause after 的话 or with its own
            hold = index + 1 if index + 1 in ends_clause else None
        elif scope._condition_not(words[index]):
            following = words[index + 1] if index + 1 < len(words) else ""
            if following not in scope._CONDITION_NOT_EXCEPT and scope._antecedent(words, index):
                not_word, not_clause = index, clause
        elif scope._consequence(words[index]) and not_word is not None and clause - not_clause <= 1:
            ahead = [mark for mark in sorted(ends_clause) if mark > index]
            opened, until = not_word, scope._reach(words, index, ahead[0] if ahead else len(words))
    if opened is not None:
        region_starts.append(opened)
        region_ends.append(min(len(words), until) if until is not None else len(words))
    return region_starts, region_ends


def _plain_mode(
    reading: ClauseReading, text_scope: scope.Scope, modes: dict[int, Mode], token: int, start: int
) -> Mode:
    """The mode of the word at ``start`` read from the clause modes of the whole text."""
    end = start + len(reading._words[token]) if reading._words else start
    if reading._named(token, start, end):
        return Mode.NAME
    kind = modes.get(text_scope.clause(start)[0], Mode.STATEMENT)
    if kind is Mode.STATEMENT and reading._closing(text_scope.sentence(start)):
        return Mode.CLOSING
    return kind


def _check(analyser: Analyser, lexicons: dict[str, list[str]], text: str) -> None:
    reading, text_scope = _reading(analyser, text, lexicons)
    normalized = reading._text
    assert reading._walk == _plain_walk(reading), text
    plain_modes = _plain_clause_modes(reading, normalized, text_scope)
    # Modes are read sentence by sentence as words are asked about (last word first here).
    for token in reversed(range(len(reading._words))):
        start = reading._starts[token]
        end = start + len(reading._words[token])
        expected = _plain_mode(reading, text_scope, plain_modes, token, start)
        assert reading.mode(token, start, end) == expected, text
    read: dict[int, Mode] = {}
    for modes in reading._sentence_modes.values():  # every sentence asked about above
        read.update(modes)
    # A word inside a name is a name whatever its clause, so a sentence whose words are all
    # names (？ before 业务员) is never read; every other sentence is.
    asked = {
        text_scope.sentence(start)[0]
        for token, start in enumerate(reading._starts)
        if not reading._named(token, start, start + len(reading._words[token]))
    }
    expected_modes = {
        clause: mode
        for clause, mode in plain_modes.items()
        if text_scope.sentence(clause)[0] in asked
    }
    assert read == expected_modes, text
    assert reading.asks_only == _plain_asks_only(reading, normalized, text_scope), text
    assert text_scope._conditional_regions == _plain_regions(text_scope), text


def test_shortcuts_read_the_examples_as_the_plain_definitions(
    analyser: Analyser, core_lexicons: dict[str, list[str]]
) -> None:
    """Every shipped example reads the same with and without the shortcuts."""
    lines = EXAMPLES.read_text(encoding="utf-8").splitlines()
    examples = [json.loads(line)["text"] for line in lines if line.strip()]
    assert len(examples) > 50
    for text in examples:
        _check(analyser, core_lexicons, text)


@settings(
    max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=texts)
@example(text="？业务员")
def test_shortcuts_read_random_texts_as_the_plain_definitions(
    analyser: Analyser, core_lexicons: dict[str, list[str]], text: str
) -> None:
    """Random texts of the words the reading reacts to read the same either way."""
    _check(analyser, core_lexicons, text)


def test_the_shortcuts_are_taken() -> None:
    """The shortcuts do skip work: a statement is not read clause by clause, and a text with
    neither marker nor 就 has no condition to look for."""
    assert clauses._MAY_ASK.search("手机用了三天就黑屏了，客服一直不回复。") is None
    assert clauses._MAY_ASK.search("这样合理吗，") is not None
    assert not scope._opens("不给")
    assert scope._opens("如果")
    assert scope._opens("就去")
    assert not clauses._turns("手机")
    assert clauses._turns("被扣")
    assert clauses._turns("说")


TERMS = {"a": ["退款申请", "申请书", "退款"], "b": ["申请", "款申"]}
"""Terms that a cut can split over tokens, some a prefix of another, some not."""


@settings(max_examples=300)
@given(
    tokens=st.lists(
        st.tuples(
            st.sampled_from(("退", "款", "退款", "申", "请", "申请", "书", "我要")), st.booleans()
        ),
        max_size=10,
    )
)
@example(tokens=[("退", False), ("款", False), ("申", False), ("请", False), ("书", False)])
@example(tokens=[("我要", False), ("退", False), ("款", False), ("申请", False)])
@example(tokens=[("退款", False), ("申", False), ("请", True), ("书", False)])
def test_terms_over_several_tokens_are_found_whatever_the_cut(
    tokens: list[tuple[str, bool]],
) -> None:
    """However a text is cut (a space between tokens or not), the lexicon matcher finds
    exactly the documented hits: also terms over two tokens that begin no longer term, and
    terms over three or four tokens."""
    text, words, starts, ends = "", [], [], []
    for word, spaced in tokens:
        text += " " if spaced and text else ""
        words.append(word)
        starts.append(len(text))
        text += word
        ends.append(len(text))
    segmentation = Segmentation(tuple(words), tuple(starts), tuple(ends))
    matcher = LexiconMatcher(TERMS, Normalizer())
    normalized = Normalized(text, text, None, None)
    hits = matcher.find(normalized, segmentation, scope.Scope(text, segmentation))
    table = {
        term: {name for name in TERMS if term in TERMS[name]}
        for terms in TERMS.values()
        for term in terms
    }
    assert Counter((hit.lexicon, hit.start, hit.end) for hit in hits) == documented_hits(
        text, segmentation, table
    )
