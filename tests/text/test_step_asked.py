"""A clause asking for the writer's own withdrawal (想删评？, 要我撤诉？, 想私了？) and answered
at once by its price (想删评？给钱。) ends its clause but not its sentence: the withdrawal and its
price are read together (docs/text-analysis.md, "Clauses and sentences"). Any other question
(想退款？, 怎么删评？, 你们想删就删？) still ends the sentence."""

from __future__ import annotations

import pytest

from triage.facts import Analyser
from triage.text.scope import Scope


@pytest.fixture(scope="module")
def analyser() -> Analyser:
    """An analyser with no lexicons: only the scope is read."""
    return Analyser({})


def _same_sentence(analyser: Analyser, text: str, first: str, second: str) -> bool:
    features = analyser.analyse(text)
    normalized = features.normalized_text
    scope = Scope(normalized, features.segmentation)
    return scope.sentence(normalized.index(first)) == scope.sentence(normalized.index(second))


@pytest.mark.parametrize(
    ("text", "first", "second"),
    [
        ("差评挂着呢。想删评？给钱。", "删评", "给钱"),
        ("要我撤诉？拿钱出来。", "撤诉", "拿钱"),
        ("想私了？五万。", "私了", "五万"),
        ("想让我删视频？转我两千。", "删视频", "转我"),
    ],
)
def test_an_asked_withdrawal_and_its_answer_are_one_sentence(
    analyser: Analyser, text: str, first: str, second: str
) -> None:
    """The question asking for the writer's withdrawal does not end the sentence."""
    assert _same_sentence(analyser, text, first, second)


@pytest.mark.parametrize(
    ("text", "first", "second"),
    [
        ("想退款？客服说不行。", "退款", "客服"),
        ("怎么删评？我找不到入口。", "删评", "入口"),
        ("差评能删吗？商家一直打电话。", "删吗", "商家"),
        ("你们想删就删？我要投诉。", "删就删", "投诉"),
    ],
)
def test_other_questions_end_the_sentence(
    analyser: Analyser, text: str, first: str, second: str
) -> None:
    """A question about anything else, or asked by the writer of the business, ends it."""
    assert not _same_sentence(analyser, text, first, second)
