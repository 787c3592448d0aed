"""A strong "if not" (再不, 若不, 如不) said of the other side's act is a condition by itself:
the clause after it is its consequence even with no 就 and no step of the writer's opening it
(你们再不转五千过来，后果自负; 若不赔偿，视频发抖音; docs/text-analysis.md, "Conditions"). A vow
of the writer's own (我再不来了), 再不济 and a refusal told (商家不赔，…) open nothing."""

from __future__ import annotations

from itertools import product

import pytest
from tests.text.readings import conditional

from triage.facts import Analyser

LEXICONS = {"leverage": ["抖音", "举报", "曝光", "后果自负", "投诉"]}

STRONG = ("再不", "你们再不", "若不", "如不", "要是再不")
ACTS = ("赔钱", "转五千过来", "赔偿", "处理", "给个说法", "把钱打过来")
STEPS = ("后果自负", "视频直接发抖音", "直接去市场监管局举报", "网上曝光你们")


@pytest.fixture(scope="module")
def analyser() -> Analyser:
    """An analyser over the leverage lexicon."""
    return Analyser(LEXICONS)


@pytest.mark.parametrize("strong", STRONG)
def test_the_clause_after_a_strong_not_is_its_consequence(analyser: Analyser, strong: str) -> None:
    """Whatever the act and the step, the clause after 再不/若不/如不 + the act is conditional."""
    for act, step in product(ACTS, STEPS):
        term = next(t for t in LEXICONS["leverage"] if t in step)
        text = f"蛋糕里有头发。{strong}{act}，{step}。"
        assert conditional(analyser, text, term), text


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("我以后再不来了，服务太差，我要去投诉。", "投诉"),
        ("商家不赔，我去市场监管局举报了。", "举报"),
        ("再不赔钱。我已经把视频发到抖音上了。", "抖音"),
        ("这家店的东西再不好用，我也没去投诉。", "投诉"),
    ],
)
def test_no_strong_not_opens_nothing(analyser: Analyser, text: str, term: str) -> None:
    """A vow of the writer's own, a refusal told, a strong not closed by its sentence and 再不
    + a state leave the next clause asserted."""
    assert not conditional(analyser, text, term)
