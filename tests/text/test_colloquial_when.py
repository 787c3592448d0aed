"""啥时候 is the spoken form of 什么时候: a sentence that asks with it and nothing else
(这条河究竟啥时候整治) only asks, as 什么时候 and 何时 do; after 不管 or 无论 it concedes any
time and asks nothing (不管啥时候打都没人接)."""

from __future__ import annotations

import pytest
from tests.text.readings import asks_only

from triage.facts import Analyser


@pytest.mark.parametrize("text", ["这条河究竟啥时候整治", "门口的路灯啥时候装"])
def test_a_sentence_asked_with_sha_shihou_only_asks(core_analyser: Analyser, text: str) -> None:
    """A bare question with 啥时候 and no question mark asks, as one with 什么时候 does."""
    assert asks_only(core_analyser, text)


@pytest.mark.parametrize("text", ["不管啥时候打电话都没人接", "无论啥时候去都在排队"])
def test_a_free_choice_sha_shihou_asks_nothing(core_analyser: Analyser, text: str) -> None:
    """After 不管 or 无论, 啥时候 concedes any time: the sentence states a failure."""
    assert not asks_only(core_analyser, text)
