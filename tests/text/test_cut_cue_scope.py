"""The cue 没有 cut apart by a lexicon term (至今没/有) is one cue, whose 有 takes no place in
the window, and a verb of finding takes the clause after it as 发现 does (没找到有订房记录: no
booking found), where 有 used to end the scope."""

from __future__ import annotations

import pytest
from tests.text.readings import is_negated

from triage.facts import Analyser

ANALYSER = Analyser(
    {
        "problem": ["漏水"],
        "booking": ["订房"],
        "repair": ["维修"],
        "overdue": ["至今没"],
    }
)


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("至今没有任何工作人员来维修", "维修"),  # 至今没/有/任何/工作人员/来/维修
        ("系统里没找到有订房记录", "订房"),  # a verb of finding takes the clause
        ("没查出有漏水", "漏水"),
    ],
)
def test_negated(text: str, term: str) -> None:
    """The cue reaches the term: the repair denied, the booking or the leak not found."""
    assert is_negated(ANALYSER, text, term)


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("至今没有修，现在还在漏水", "漏水"),  # near miss: another clause
        ("没来维修有漏水", "漏水"),  # near miss: 有 after the cue's own predicate opens another
    ],
)
def test_asserted(text: str, term: str) -> None:
    """Past a clause mark, or past the cue's own predicate, the term stays asserted."""
    assert not is_negated(ANALYSER, text, term)
