"""Properties of text analysis that hold for every input (hypothesis)."""

from __future__ import annotations

import random
from datetime import UTC, datetime

import opencc
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from triage.facts import Analyser
from triage.testing import complaint_texts
from triage.text import TextFeatures

AS_OF = datetime(2024, 6, 15, tzinfo=UTC)

PHRASES = (
    "我在你们店买的手机用了三天就黑屏了",
    "外卖送到时汤全洒了，骑手态度还很差",
    "网贷平台暴力催收，给我通讯录里的亲戚打电话",
    "信用卡年费没经过我同意就扣了",
    "航班延误五个小时没有任何解释",
    "小区停电两天了，供电公司一直没人来修",
    "新房子卫生间漏水，开发商推给施工队",
    "吃了蛋糕以后孩子上吐下泻去了医院",
    "要求退款并赔偿损失，否则我就找媒体曝光",
    "这是我第三次投诉了，一直没人处理",
    "没有受伤，但是很生气",
    "保险公司拒绝理赔，说不在保障范围内",
    "汽车刚买两个月，高速上突然熄火，差点出事",
    "话费多扣了伍仟元，要求退还",
    "买了5千块的冰箱，要求赔偿3.5万",
    "商家收了¥5,000定金不发货",
    "如果三天内不处理，我就发抖音",
    "十几户居民三年前就反映过",
    "面包里吃出头发，未发现其他异物",
    "我已经向12315投诉了",
)
_punctuation = st.sampled_from(("，", "。", "！", "？", "\n", " ", ""))
simplified_texts = st.lists(st.tuples(st.sampled_from(PHRASES), _punctuation), min_size=1).map(
    lambda parts: "".join(phrase + mark for phrase, mark in parts)
)
_weird = st.one_of(
    st.characters(exclude_categories=()),
    st.integers(0xD800, 0xDFFF).map(chr),
    st.sampled_from("\x00\x1b\u200b\u200d\ufeff\u202e\r\n\t\u3000😡🙏🏻👨‍👩‍👧"),
)


def _hit_keys(features: TextFeatures) -> set[tuple[str, str, int, int, bool, bool]]:
    return {(h.lexicon, h.term, h.start, h.end, h.negated, h.conditional) for h in features.hits}


@pytest.fixture(scope="module")
def converters() -> tuple[opencc.OpenCC, opencc.OpenCC]:
    """OpenCC simplified→traditional and back, to make traditional test texts."""
    return opencc.OpenCC("s2t"), opencc.OpenCC("t2s")


@given(text=simplified_texts)
def test_traditional_gives_the_same_facts(
    core_analyser: Analyser, converters: tuple[opencc.OpenCC, opencc.OpenCC], text: str
) -> None:
    """Converting a simplified text to traditional (OpenCC s2t) changes no fact."""
    to_traditional, to_simplified = converters
    traditional = to_traditional.convert(text)
    assume(to_simplified.convert(traditional) == text)
    simplified_facts = core_analyser.analyse(text, as_of=AS_OF).facts
    assert traditional != text
    assert core_analyser.analyse(traditional, as_of=AS_OF).facts == simplified_facts


@given(text=st.one_of(complaint_texts(), simplified_texts))
def test_every_span_selects_its_surface(core_analyser: Analyser, text: str) -> None:
    """Every hit, amount, signal, time and fact span has ``text[start:end] == surface``."""
    features = core_analyser.analyse(text, as_of=AS_OF)
    found = [*features.hits, *features.amounts, *features.repeats, *features.people]
    found += [*features.times, *(s for spans in features.spans.values() for s in spans)]
    for item in found:
        assert text[item.start : item.end] == item.surface, item
    previous_end = 0
    for token in features.tokens:
        assert previous_end <= token.start < token.end <= len(text), token
        previous_end = token.end


@given(text=st.text(alphabet=_weird, max_size=300))
def test_any_unicode_is_analysed(core_analyser: Analyser, text: str) -> None:
    """Emoji, controls, lone surrogates and random code points never raise."""
    features = core_analyser.analyse(text, as_of=AS_OF)
    repeated = features.normalized.repeated
    assert features.facts["text_length"] == len(text) - repeated
    # only a mark repeated (！！, or ❤️❤️ with its variation selector) is counted once
    assert repeated == 0 or any(text[i] in text[i + 1 : i + 3] for i in range(len(text)))
    assert len(features.normalized_text) <= len(text)


@settings(max_examples=3)
@given(seed=st.integers(min_value=0, max_value=2**32))
def test_a_hundred_kilobytes_of_mixed_text_finishes(core_analyser: Analyser, seed: int) -> None:
    """100 KB mixing complaint phrases, digits, emoji, controls and random code points is read."""
    rng = random.Random(seed)  # noqa: S311 - test data, not secrets
    pieces = [*PHRASES, "😡", "\x00", "\u200b", "12315", "伍仟元", "一" * 50, "9" * 40, "如果"]
    parts: list[str] = []
    while sum(map(len, parts)) < 100_000:
        parts.append(rng.choice(pieces) if rng.random() < 0.7 else chr(rng.randrange(0x110000)))
    text = "".join(parts)
    features = core_analyser.analyse(text, as_of=AS_OF)
    assert features.facts["text_length"] == len(text) - features.normalized.repeated
    assert features.hits


@given(text=complaint_texts(), suffix=complaint_texts())
def test_appending_text_never_removes_a_hit(
    core_analyser: Analyser, text: str, suffix: str
) -> None:
    """Text appended after a full stop keeps every hit of the original, flags included."""
    before = _hit_keys(core_analyser.analyse(text))
    after = _hit_keys(core_analyser.analyse(text + "。" + suffix))
    assert before <= after


@given(text=simplified_texts)
def test_full_width_characters_give_the_same_facts(core_analyser: Analyser, text: str) -> None:
    """Writing digits, letters and punctuation full-width changes no fact."""
    wide = text.translate({code: code + 0xFEE0 for code in range(0x21, 0x7F)})
    assume(wide != text)
    assert core_analyser.analyse(wide).facts == core_analyser.analyse(text).facts


@given(text=complaint_texts())
def test_analysis_is_deterministic(core_analyser: Analyser, text: str) -> None:
    """Analysing the same text twice gives equal findings and facts."""
    first, second = core_analyser.analyse(text), core_analyser.analyse(text)
    assert (first.hits, first.amounts, first.facts) == (second.hits, second.amounts, second.facts)


@pytest.mark.parametrize("text", ["", "\x1b", " ", "\u200b\u200b", "\r\n"])
def test_text_that_normalises_to_nothing(core_analyser: Analyser, text: str) -> None:
    """Regression: a text of only invisible characters or whitespace has no tokens and no hits."""
    features = core_analyser.analyse(text)
    assert (features.tokens, features.hits, features.normalized_text.strip()) == ((), (), "")
