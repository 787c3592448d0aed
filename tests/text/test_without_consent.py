"""A cue before 经, 经过 or 征得 denies the consent only: 不经过同意擅自扣款 tells the deduction."""

from __future__ import annotations

import pytest

from triage.facts import Analyser

ANALYSER = Analyser({"deducted": ["扣款", "扣费", "开通"]})


def _facts(text: str) -> dict[str, object]:
    return dict(ANALYSER.analyse(text).facts)


@pytest.mark.parametrize(
    "text",
    ["不经过同意擅自扣款", "没经过同意扣费", "不经授权开通", "未征得同意扣款"],
)
def test_act_after_the_denied_consent_is_told(text: str) -> None:
    """The act after 不经过…同意 (without consent) happened: it is asserted."""
    facts = _facts(text)
    assert facts.get("mentions") == ("deducted",)
    assert "mentions_negated" not in facts


@pytest.mark.parametrize("text", ["没有经过银行扣款", "不经常扣款", "没有扣款"])
def test_act_denied_without_a_consent(text: str) -> None:
    """Near misses: with no consent word ending the phrase the cue negates the act."""
    assert _facts(text).get("mentions_negated") == ("deducted",)
