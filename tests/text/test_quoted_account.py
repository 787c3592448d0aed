"""A quoted stretch is a name only when it is short and holds no sentence end: a longer
quotation (an earlier complaint quoted in a work order, 之前反映“…”的问题) is an account told."""

from __future__ import annotations

from tests.text.readings import mode_of

from triage.facts import Analyser
from triage.text.clauses import Mode

ACTORS = {
    "actor_complainant": ["我", "自己", "本人"],
    "actor_respondent": ["客服", "商家"],
    "actor_third_party": ["骗子"],
}


def _mode_of(text: str, word: str) -> Mode:
    return mode_of(Analyser(ACTORS), text, word, ACTORS)


def test_an_earlier_complaint_quoted_is_told() -> None:
    """A quotation running past a sentence's end, or longer than any name, is an account."""
    text = (
        "来电人反映：之前反映“自己有6分地，在自己不知情的情况下被私自出售给开发商，"
        "没有签订协议。”的问题，至今未解决。"
    )
    assert _mode_of(text, "私自出售") is Mode.STATEMENT
    long_text = (
        "之前通过热线反映“小区门口的自来水管道被来往的大货车压坏以后一直在漏水没有人来修理”的问题"
    )
    assert _mode_of(long_text, "压坏") is Mode.STATEMENT


def test_a_short_quotation_is_still_a_name() -> None:
    """Product, fee and promise names in quotes stay names (near misses)."""
    assert _mode_of("扣了我“免盗刷”的钱", "盗刷") is Mode.NAME
    assert _mode_of("页面写着“七天无理由退货”", "退货") is Mode.NAME
    assert _mode_of("我办的是《安心借款保障计划》", "借款") is Mode.NAME
