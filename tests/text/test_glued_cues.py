"""A cue glued to an adverb of time (至今没, 仍未, 从来不) negates as the cue alone does, and a
denied experience (没见过, 没遇到过) compares past 这么 or 这样 rather than negating."""

from __future__ import annotations

import pytest

from triage.facts import Analyser

ANALYSER = Analyser(
    {
        "done": ["修好", "退款", "处理"],
        "overdue": ["至今没", "至今未", "一直没"],
        "faults": ["差", "脏", "吵", "问题", "没礼貌"],
    }
)


def _facts(text: str) -> dict[str, object]:
    return dict(ANALYSER.analyse(text).facts)


@pytest.mark.parametrize(
    "text",
    ["报修两周了，至今没修好", "至今没退款", "问题反映了，至今未处理", "仍未退款", "从来不处理"],
)
def test_glued_cue_negates_the_act_after_it(text: str) -> None:
    """The act after 至今没, 至今未, 仍未 or 从来不 is not done: it is negated."""
    facts = _facts(text)
    assert facts.get("mentions_negated") == ("done",)


@pytest.mark.parametrize(
    "text", ["至今修好了", "一直在处理", "已经退款", "至今没人管，昨天终于修好"]
)
def test_act_told_without_a_glued_cue(text: str) -> None:
    """Near misses: no cue, or the act told in another clause, is asserted."""
    assert "done" in _facts(text).get("mentions", ())  # type: ignore[operator]


@pytest.mark.parametrize(
    "text",
    [
        "没遇到过这么差的酒店",
        "从来没见过这么没礼貌的",
        "没见过这样脏的房间",
        "没碰到过如此吵的地方",
    ],
)
def test_denied_experience_compares(text: str) -> None:
    """没见过这么差的 says this one is the worst met: the fault is asserted."""
    facts = _facts(text)
    assert facts.get("mentions") == ("faults",)
    assert "mentions_negated" not in facts


@pytest.mark.parametrize("text", ["没遇到问题", "入住期间没碰到什么问题", "没那么脏", "不是这么差"])
def test_denied_experience_of_a_fault_negates_it(text: str) -> None:
    """Near misses: a fault met nowhere (没遇到问题), or degree right after the cue (没那么脏),
    stays negated."""
    facts = _facts(text)
    assert facts.get("mentions_negated") == ("faults",)
