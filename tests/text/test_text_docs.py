"""docs/text-analysis.md stays true: its example runs, and its cue lists match the code."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from triage.text import TextFeatures
from triage.text.amounts import OFFER_CUES, ROLE_CUES, TOTAL_CUES
from triage.text.scope import CONDITION_MARKERS, NEGATION_CUES, SUSPICION_MARKERS

DOC = Path(__file__).resolve().parents[2] / "docs" / "text-analysis.md"


@pytest.fixture(scope="module")
def doc() -> str:
    """The text-analysis page."""
    return DOC.read_text("utf-8")


def test_the_example_runs_as_written(doc: str) -> None:
    """The page's Python example runs and gives the facts its comments show."""
    code = re.search(r"```python\n(.*?)```", doc, re.DOTALL)
    assert code is not None
    namespace: dict[str, object] = {}
    exec(code.group(1), namespace)  # noqa: S102 - our own documentation, run as a doctest
    features = namespace["features"]
    assert isinstance(features, TextFeatures)
    assert features.facts["mentions_conditional"] == ("leverage",)
    assert features.facts["mentions_negated"] == ("injury",)


def test_every_scope_cue_is_documented(doc: str) -> None:
    """Each negation cue and condition marker of the code is listed on the page."""
    listed = set(re.findall(r"[\u4e00-\u9fff]+", doc))
    assert listed >= NEGATION_CUES, NEGATION_CUES - listed
    assert listed >= CONDITION_MARKERS, CONDITION_MARKERS - listed
    assert listed >= SUSPICION_MARKERS, SUSPICION_MARKERS - listed


def test_every_role_cue_is_documented(doc: str) -> None:
    """Each amount-role cue of the code is in the page's row for that role, and each total word."""
    assert set(TOTAL_CUES) <= set(re.findall(r"[\u4e00-\u9fff]+", doc))
    assert set(OFFER_CUES) <= set(re.findall(r"[\u4e00-\u9fff]+", doc))
    for role, cues in ROLE_CUES.items():
        row = re.search(rf"^\| {role.value} \| (.*) \|$", doc, re.MULTILINE)
        assert row is not None, role
        assert row.group(1).split() == list(cues), role
