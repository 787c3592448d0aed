"""A pattern hit is negated where a cue stands right before any of its terms, not only
before the first: 手机没有问题 tells no problem, 又没扣 no second deduction. A cue that is a
term of the hit (没有经过同意就扣款), one further back than the term before it (经常不定时
停水) and a term that holds the negation itself (但…绝不便宜) negate nothing."""

from __future__ import annotations

import pytest

from triage.facts import Analyser
from triage.text.patterns import PatternSpec

DEVICE_PROBLEM = PatternSpec(
    "t.pattern.device_problem", "problem", (("手机", "电脑"), ("有问题", "故障")), gap=4
)
AGAIN = PatternSpec("t.pattern.again", "deducted", (("又", "还"), ("扣",)), gap=2)
CONSENT = PatternSpec(
    "t.pattern.consent", "deducted", (("没有经过", "未经"), ("同意",), ("扣",)), gap=4
)
OUTAGE = PatternSpec("t.pattern.outage", "outage", (("经常", "每天"), ("停水",)), gap=4)
TURN = PatternSpec("t.pattern.turn", "turn", (("但",), ("不",)), gap=8)


def _hit_negated(spec: PatternSpec, text: str) -> bool:
    hits = [hit for hit in Analyser({}, patterns=(spec,)).analyse(text).hits if hit.term == spec.id]
    assert hits, text
    return hits[0].negated


@pytest.mark.parametrize(
    ("spec", "text"),
    [
        (DEVICE_PROBLEM, "手机没有问题"),
        (DEVICE_PROBLEM, "我的电脑也没有故障"),
        (AGAIN, "到期了又没扣款"),
        (AGAIN, "已经过了十点怎么还不扣款"),
    ],
)
def test_a_cue_right_before_a_later_term_negates_the_hit(spec: PatternSpec, text: str) -> None:
    """A negation cue right before a later term of the hit (手机没有问题, 又没扣) negates it."""
    assert _hit_negated(spec, text)


@pytest.mark.parametrize(
    ("spec", "text"),
    [
        (DEVICE_PROBLEM, "手机有问题"),
        (AGAIN, "上个月又扣了我两百"),
        (CONSENT, "没有经过我同意就扣了款"),
        (OUTAGE, "小区经常不定时停水"),
        (TURN, "安装免费，但师傅的材料绝不便宜"),
    ],
)
def test_a_cue_of_the_hit_or_further_back_negates_nothing(spec: PatternSpec, text: str) -> None:
    """A cue that is a term of the hit (没有经过同意), one further back than the term before it
    (经常不定时停水) or a term that is itself a negation (但…绝不便宜) negates nothing."""
    assert not _hit_negated(spec, text)
