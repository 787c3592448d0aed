"""Evidence against a sector: lexicons named ``sector_not_<name>`` (a hotel stay, a laptop)."""

from __future__ import annotations

import pytest

from triage.facts import Analyser

LEXICONS = {
    "sector_automotive": ["马力", "续航", "发动机", "变速箱"],
    "sector_not_automotive": ["酒店", "房间", "笔记本"],
    "sector_public_service": ["扰民"],
}


@pytest.fixture(scope="module")
def analyser() -> Analyser:
    """An analyser over car words, the lodging and goods words against them, and 扰民."""
    return Analyser(LEXICONS)


def test_lodging_words_outweigh_a_car_word(analyser: Analyser) -> None:
    """马力 beside 酒店 and 房间 is an air conditioner's: automotive is not guessed."""
    assert analyser.analyse("酒店房间的空调像大马力鼓风机").sector is None


def test_what_is_left_still_wins(analyser: Analyser) -> None:
    """Automotive, cut down by the laptop, loses to the other sector told beside it."""
    guess = analyser.analyse("笔记本续航太短，邻居装修扰民").sector
    assert guess is not None
    assert guess.name == "public_service"
    assert guess.score == 1
    assert all(hit.lexicon == "sector_public_service" for hit in guess.hits)


def test_more_car_words_keep_automotive(analyser: Analyser) -> None:
    """A hotel named once does not undo a car's fault told with more car words."""
    guess = analyser.analyse("开到酒店门口发动机就熄了，变速箱也有问题").sector
    assert guess is not None
    assert guess.name == "automotive"
    assert guess.score == 1


def test_evidence_against_alone_guesses_nothing(analyser: Analyser) -> None:
    """Words against a sector are no evidence for any other."""
    assert analyser.analyse("酒店房间太小").sector is None
