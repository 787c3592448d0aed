"""A 除非 after a clause of its sentence (不能退款，除非是质量问题) is the only condition of the
clause before it, so its scope ends with its own clause: the writer's next clause (我就去市场监管局
投诉了) is told, not conditional. A 除非 opening its sentence (除非你们赔钱，否则我就曝光) still
reaches to the sentence's end."""

from __future__ import annotations

import pytest
from tests.text.readings import conditional

from triage.facts import Analyser

LEXICONS = {"leverage": ["投诉", "曝光"], "quality": ["质量问题"]}


@pytest.fixture(scope="module")
def analyser() -> Analyser:
    """An analyser over the module's lexicons."""
    return Analyser(LEXICONS)


def test_a_postposed_unless_ends_with_its_clause(analyser: Analyser) -> None:
    """The clause after a postposed 除非 is told, and its own clause stays conditional."""
    text = "客服说不能退款，除非是质量问题，我就去市场监管局投诉了"
    assert not conditional(analyser, text, "投诉")
    assert conditional(analyser, text, "质量问题")


def test_an_unless_opening_its_sentence_reaches_its_end(analyser: Analyser) -> None:
    """Near misses: 除非 opening the sentence, and a postposed 除非 in a sentence of its own."""
    assert conditional(analyser, "除非你们赔两万，否则我就曝光", "曝光")
    assert conditional(analyser, "不能退款。除非是质量问题，我才去投诉", "投诉")
