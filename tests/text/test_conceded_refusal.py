"""A refusal conceded (不赔也行, 不给也可以, 你可以不赔, 不赔也没关系): the clause after it says
what follows the refusal, whatever its verb, so its step is conditional (docs/text-analysis.md,
"Conditions"). A refusal told (商家不赔，我去市场监管局投诉了) and a concession without a
refusal (退款也行，我去市场监管局问问) open nothing."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from tests.text.readings import conditional

from triage.facts import Analyser

LEXICONS = {"leverage": ["抖音", "举报", "曝光", "记者"]}

REFUSALS = ("不赔", "不给", "不给钱", "不出钱", "你们不赔", "不赔钱")
CONCESSIONS = ("也行", "也可以", "也没关系", "也没事", "也无所谓")
STEPS = ("我把视频发到抖音上", "我去市场监管局举报", "那就等着我找记者曝光", "但是我会发抖音")


@pytest.fixture(scope="module")
def analyser() -> Analyser:
    """An analyser over the leverage lexicon."""
    return Analyser(LEXICONS)


@given(
    refusal=st.sampled_from(REFUSALS),
    concession=st.sampled_from(CONCESSIONS),
    step=st.sampled_from(STEPS),
)
def test_the_clause_after_a_conceded_refusal_is_its_consequence(
    analyser: Analyser, refusal: str, concession: str, step: str
) -> None:
    """Whatever the refusal, concession and step, the step after a conceded refusal is
    conditional (不赔也行，我去举报)."""
    text = f"赔我两万块。{refusal}{concession}，{step}。"
    term = next(t for t in LEXICONS["leverage"] if t in step)
    assert conditional(analyser, text, term)


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("面包发霉了，赔我2500块。你可以不赔，但是我会把视频发到抖音上。", "抖音"),
        ("你们可以不给，我去市场监管局举报。", "举报"),
    ],
)
def test_you_may_refuse_concedes_too(analyser: Analyser, text: str, term: str) -> None:
    """Leaving the refusal to the other side (你可以不赔, 你们可以不给) concedes it too: the step
    after it is conditional."""
    assert conditional(analyser, text, term)


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("商家不赔，我去市场监管局举报了。", "举报"),
        ("退款也行，我去市场监管局举报。", "举报"),
        ("不赔也行。我已经把视频发到抖音上了。", "抖音"),
    ],
)
def test_no_conceded_refusal_opens_nothing(analyser: Analyser, text: str, term: str) -> None:
    """A refusal told (商家不赔), a concession with no refusal (退款也行) and a step told done in
    the next sentence stay asserted."""
    assert not conditional(analyser, text, term)
