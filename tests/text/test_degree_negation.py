"""不够 before a word of quality denies it as 不太 does: 不够柔软 says the fabric is not soft."""

from __future__ import annotations

import pytest

from triage.facts import Analyser

ANALYSER = Analyser({"quality_words": ["柔软", "新鲜", "安全", "及时"]})


def _facts(text: str) -> dict[str, object]:
    return dict(ANALYSER.analyse(text).facts)


@pytest.mark.parametrize(
    "text",
    ["面料不够柔软", "水果不够新鲜", "这个设计不够安全", "回复得不够及时", "不够新鲜，个头也小"],
)
def test_not_enough_negates_the_word_after_it(text: str) -> None:
    """The word after 不够 is in the scope of a negation, as after 不太 or 不是很."""
    facts = _facts(text)
    assert facts.get("mentions_negated") == ("quality_words",)
    assert "mentions" not in facts


@pytest.mark.parametrize("text", ["面料很柔软", "水果新鲜", "钱不够，但是水果很新鲜"])
def test_asserted_without_not_enough(text: str) -> None:
    """Near misses: no cue, or 不够 cut off from the word by a clause or a breaker."""
    facts = _facts(text)
    assert facts.get("mentions") == ("quality_words",)
    assert "mentions_negated" not in facts
