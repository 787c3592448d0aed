"""不是…就是… in one clause is "either … or …": both alternatives are asserted."""

from __future__ import annotations

import pytest

from triage.facts import Analyser

ANALYSER = Analyser({"faults": ["烂的", "发黑", "死机", "漏水"]})


def _facts(text: str) -> dict[str, object]:
    return dict(ANALYSER.analyse(text).facts)


@pytest.mark.parametrize(
    "text",
    ["不是烂的就是发黑", "每次充电不是充不上就是死机", "不是漏水就是停电，天天这样"],
)
def test_either_or_asserts_both(text: str) -> None:
    """Neither the 不是 nor a cue inside the first alternative negates what follows."""
    facts = _facts(text)
    assert facts.get("mentions") == ("faults",)
    assert "mentions_negated" not in facts


@pytest.mark.parametrize("text", ["这不是烂的，就是熟透了", "不是漏水，是冷凝水", "手机不是死机"])
def test_not_without_its_either(text: str) -> None:
    """Near misses: 就是 past a comma is "only", and 不是 alone denies."""
    facts = _facts(text)
    assert facts.get("mentions_negated") == ("faults",)
