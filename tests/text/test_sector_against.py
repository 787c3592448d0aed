"""Evidence against a sector: lexicons named ``sector_not_<name>`` (a phone's own parts)."""

from __future__ import annotations

import pytest

from triage.facts import Analyser

LEXICONS = {
    "sector_telecom": ["信号", "掉线", "宽带"],
    "sector_not_telecom": ["屏幕", "电池"],
    "sector_ecommerce": ["包装", "收到货"],
}


@pytest.fixture(scope="module")
def analyser() -> Analyser:
    """An analyser over telecom and e-commerce words and the device parts against telecom."""
    return Analyser(LEXICONS)


def test_device_parts_outweigh_network_words(analyser: Analyser) -> None:
    """信号 beside 屏幕 and 电池 is the phone's reception: telecom is not guessed."""
    assert analyser.analyse("信号很差，屏幕也会突然变暗，电池不耐用").sector is None


def test_what_is_left_still_wins(analyser: Analyser) -> None:
    """Telecom, cut down by the device's parts, loses to the purchase told beside it."""
    guess = analyser.analyse("收到货，信号不好，屏幕有坏点，包装也破了").sector
    assert guess is not None
    assert guess.name == "ecommerce"
    assert guess.score == 2
    assert all(hit.lexicon == "sector_ecommerce" for hit in guess.hits)


def test_more_network_words_keep_telecom(analyser: Analyser) -> None:
    """A part named once does not undo an operator's complaint told with more."""
    guess = analyser.analyse("宽带老是掉线，信号也差，电脑屏幕上一直显示断开").sector
    assert guess is not None
    assert guess.name == "telecom"
    assert guess.score == 2


def test_evidence_against_alone_guesses_nothing(analyser: Analyser) -> None:
    """Words against a sector are no evidence for any other."""
    assert analyser.analyse("屏幕太小，电池也不耐用").sector is None


def test_core_phone_review_is_no_telecom(core_analyser: Analyser) -> None:
    """With the core lexicons a phone's own reception is not an operator's network."""
    guess = core_analyser.analyse("一般般，信号不是很稳定，屏幕不知什么原因突然变暗").sector
    assert guess is None or guess.name != "telecom"
