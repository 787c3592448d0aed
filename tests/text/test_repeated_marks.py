"""A run of one punctuation mark or emoji repeated (！！！！, 。。。, ？？？, ~~~~, 😡😡😡) is read
once (docs/text-analysis.md, "Normalisation"): the normalised text holds the mark once, mapped
back to the whole run, and ``text_length`` counts it once — a bare verdict shouted stays short."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from triage.facts import Analyser
from triage.text.normalize import Normalizer

MARKS = ("！", "!", "。", "？", "?", "~", "～", ".", "…", "，", "😡", "👎", "❤️", "、", "—")
VERDICTS = ("太差了", "差评", "垃圾东西", "再也不买了", "失望透顶", "无语", "千万别买")


@pytest.fixture(scope="module")
def normalizer() -> Normalizer:
    """A plain normalizer, shared by the module's tests."""
    return Normalizer()


@pytest.mark.parametrize(
    ("text", "normalised", "length"),
    [
        ("差评！！！！！！", "差评!", 3),
        ("太差了。。。。", "太差了。", 4),
        ("？？？什么玩意", "?什么玩意", 5),
        ("好~~~~", "好~", 2),
        ("气死了😡😡😡", "气死了😡", 4),
        ("差！！ 真差！！！", "差! 真差!", 6),
    ],
)
def test_a_repeated_mark_is_read_once(
    core_analyser: Analyser, text: str, normalised: str, length: int
) -> None:
    """A run of one mark (！！！！, 。。。, 😡😡😡) is read once, in the normalised text and in
    text_length."""
    features = core_analyser.analyse(text)
    assert features.normalized_text == normalised
    assert features.facts["text_length"] == length


@pytest.mark.parametrize(
    ("text", "length"),
    [("电话138****5678", 13), ("订单号##123", 8), ("？！？！", 4), ("好。", 2), ("1...2", 3)],
)
def test_masks_mixed_marks_and_single_marks_stay(
    core_analyser: Analyser, text: str, length: int
) -> None:
    """Masks (****, ##) are not marks, mixed runs (？！) and a mark standing once are kept."""
    assert core_analyser.analyse(text).facts["text_length"] == length


@given(
    verdict=st.sampled_from(VERDICTS),
    mark=st.sampled_from(MARKS),
    times=st.integers(min_value=2, max_value=60),
)
def test_shouting_does_not_lengthen_a_verdict(
    core_analyser: Analyser, verdict: str, mark: str, times: int
) -> None:
    """However often the mark is repeated, the text is as long as with the mark once, and
    every span still selects its surface in the original."""
    once = core_analyser.analyse(verdict + mark)
    shouted_text = verdict + mark * times + verdict
    shouted = core_analyser.analyse(shouted_text)
    assert shouted.facts["text_length"] == 2 * len(verdict) + len(mark)
    assert once.facts["text_length"] == len(verdict) + len(mark)
    for hit in shouted.hits:
        assert shouted_text[hit.start : hit.end] == hit.surface


@given(text=st.text(alphabet="差评！!。😡*#好 ", max_size=40))
def test_offsets_map_back_to_the_original(normalizer: Normalizer, text: str) -> None:
    """Every normalised character maps to a non-empty stretch of the original, in order, and
    a folded run maps to the whole run of one mark."""
    normalized = normalizer.normalize(text)
    previous = 0
    for index in range(len(normalized.text)):
        start, end = normalized.to_original(index, index + 1)
        assert previous <= start < end <= len(text)
        stretch = text[start:end]
        assert len(set(stretch)) == 1 or stretch.isspace(), (text, stretch)
        previous = end
