"""A pattern that reads a condition and its consequence as one (``condition: true``): the
match starts at the marker (只要, 如果) whose condition holds its last group, and the hit is
asserted, since the condition is the structure (只要老板赔我钱，我就撤诉: a payment as the
condition of a step dropped). And ``unless`` terms ending in ``#``: they occur only before a
number (赔了我#: 赔了我两千 tells a sum paid, 赔了我就撤诉 is a condition)."""

from __future__ import annotations

import pytest

from triage.facts import Analyser
from triage.text.patterns import PatternSpec

PAID_IF_DROPPED = PatternSpec(
    "t.pattern.paid_if_dropped",
    "pay_to_drop",
    (("只要", "如果", "要是"), ("赔", "给"), ("我就", "就"), ("撤", "删", "算了")),
    gap=10,
    within="sentence",
    condition=True,
)
PLAIN = PatternSpec(
    "t.pattern.plain",
    "pay_to_drop",
    (("只要", "如果", "要是"), ("赔", "给"), ("我就", "就"), ("撤", "删", "算了")),
    gap=10,
    within="sentence",
)
SUM_TO_DROP = PatternSpec(
    "t.pattern.sum_to_drop",
    "pay_to_drop",
    (("赔", "给"), ("我就", "就"), ("撤", "算了")),
    gap=10,
    within="sentence",
    unless=("已经", "赔了我#", "赔了#"),
)


def _hits(analyser: Analyser, text: str, pattern: str) -> list[tuple[bool, bool]]:
    """(negated, conditional) of each hit of ``pattern``."""
    return [
        (hit.negated, hit.conditional) for hit in analyser.analyse(text).hits if hit.term == pattern
    ]


@pytest.mark.parametrize(
    "text",
    ["只要老板赔我钱，我就撤诉", "如果你们赔我一万，我就撤回举报", "要是商家给我五千，这事就算了"],
)
def test_the_condition_word_first_is_asserted(text: str) -> None:
    """The condition and its consequence read as one are asserted; the same groups without
    the option give a conditional hit (the marker opens the condition)."""
    analyser = Analyser({}, patterns=(PAID_IF_DROPPED, PLAIN))
    assert _hits(analyser, text, PAID_IF_DROPPED.id) == [(False, False)]
    assert _hits(analyser, text, PLAIN.id) == [(False, True)]


@pytest.mark.parametrize(
    "text",
    [
        "比如商家赔了我钱，我就撤了差评",  # 比如 is no marker
        "如果商家赔我钱。我就撤诉",  # the sentence ends the condition
        "我如何要求商家赔偿，店员就说算了",  # 如何 is no marker
    ],
)
def test_only_a_marker_opening_the_condition_starts_it(text: str) -> None:
    """A condition pattern matches only from a marker whose condition holds its last group."""
    analyser = Analyser({}, patterns=(PAID_IF_DROPPED,))
    assert _hits(analyser, text, PAID_IF_DROPPED.id) == []


def test_inside_an_earlier_condition_it_stays_conditional() -> None:
    """A marker inside a condition opened before it (否则, 怀疑) gives a conditional hit."""
    analyser = Analyser({}, patterns=(PAID_IF_DROPPED,))
    hits = _hits(analyser, "怀疑他们说要是商家赔钱就撤诉", PAID_IF_DROPPED.id)
    assert hits == [(False, True)]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("赔了我就撤诉", True),  # a condition: once paid, withdrawn
        ("赔了我两千，这事就算了", False),  # a sum paid, told
        ("赔了2000，我就撤诉了", False),
        ("赔了我就算了，别的不追究", True),
    ],
)
def test_an_unless_term_ending_in_a_number_mark(text: str, found: bool) -> None:
    """``赔了我#`` drops a match only where a number follows it."""
    analyser = Analyser({}, patterns=(SUM_TO_DROP,))
    assert bool(_hits(analyser, text, SUM_TO_DROP.id)) is found
