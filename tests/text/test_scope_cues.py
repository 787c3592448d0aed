"""The cached cue test of conditional scope is the plain definition, word by word."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from triage.text.scope import (
    _CONSEQUENCE,
    _GLUED_MARKERS,
    _NOT_CONSEQUENCE,
    _PRONOUNS,
    _SHORT_OF,
    CONDITION_MARKERS,
    _condition_cue,
    _where,
)

_PIECES = sorted(
    {
        *CONDITION_MARKERS,
        *_CONSEQUENCE,
        *_NOT_CONSEQUENCE,
        *_SHORT_OF,
        *_PRONOUNS,
        "不",
        "就",
        "的话",
    }
)
_WORDS = st.one_of(
    st.sampled_from(_PIECES),
    st.builds("".join, st.lists(st.sampled_from([*_PIECES, "退", "钱", "我"]), max_size=3)),
    st.text(max_size=4),
)


def _plain_cue(word: str) -> bool:
    return (
        word in CONDITION_MARKERS
        or word == "的话"
        or any(word == marker + pronoun for marker in _GLUED_MARKERS for pronoun in _PRONOUNS)
        or "不" in word
        or word.startswith(_SHORT_OF)
        or word in _CONSEQUENCE
        or (word[:1] == "就" and not word.startswith(_NOT_CONSEQUENCE))
    )


@given(st.lists(_WORDS, max_size=40))
def test_cues_are_the_plain_definition(words: list[str]) -> None:
    """Each word is a cue exactly when the plain test says so, at the same positions."""
    expected = [index for index, word in enumerate(words) if _plain_cue(word)]
    assert _where(map(_condition_cue, words)) == expected


def test_known_cues() -> None:
    """Condition markers (also cut with their pronoun: 如果你), 不-words, 就 of consequence and
    sums short of the demand are cues."""
    assert _where(map(_condition_cue, ["如果你", "们", "要是我", "你"])) == [0, 2]
    assert _where(map(_condition_cue, ["如果", "我", "不给", "就去", "少一分", "投诉"])) == [
        0,
        2,
        3,
        4,
    ]
