"""The run-by-run translation of normalisation equals translating the whole text."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from triage.text.normalize import _TRANSLATION, _translate

_MAPPED = "".join(map(chr, _TRANSLATION))
_TEXT = st.text(
    alphabet=st.one_of(
        st.sampled_from(_MAPPED),
        st.sampled_from("投诉退款ａｂ１２，。！？ \n"),
        st.characters(codec="utf-8"),
    )
)


@given(_TEXT)
def test_translating_runs_is_translating_the_text(text: str) -> None:
    """Full-width forms and ASCII capitals change, and nothing else, as str.translate does."""
    assert _translate(text) == text.translate(_TRANSLATION)


def test_mapped_characters_change() -> None:
    """A full-width sentence with capitals becomes half-width lower case."""
    assert _translate("ＡＢＣ投诉，ＱＱ号：１２３！OK") == "abc投诉,qq号:123!ok"
