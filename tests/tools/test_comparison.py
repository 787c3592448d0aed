"""triage.compare: changes, their causes, summary counts and renderings."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.tools.helpers import COMPLAINTS, DEMO
from triage import Comparison, Engine, compare


@pytest.fixture(scope="module")
def comparison(demo_engine: Engine) -> Iterator[Comparison]:
    """The demo pack against itself with the money threshold raised."""
    with Engine.from_paths(DEMO, parameters={"big": 100000}) as after:
        yield compare(demo_engine, after, COMPLAINTS)


def test_changes_name_axes_values_and_rules(comparison: Comparison) -> None:
    """The one changed decision names its axes, both values and the rule that stopped firing.

    Severity falls back to the default, so the decision now needs review too.
    """
    assert comparison.total == 3
    assert [change.complaint_id for change in comparison.changes] == ["a3"]
    change = comparison.changes[0]
    assert [(c.axis, c.before, c.after) for c in change.axes] == [
        ("severity", "medium", "low"),
        ("needs_review", "no", "yes"),
    ]
    assert change.rules_gone == ("demo.severity.money",)
    assert change.rules_new == ()
    assert change.causes() == "-demo.severity.money"
    assert comparison.version_before != comparison.version_after


def test_summary_counts_transitions(comparison: Comparison) -> None:
    """summary counts each axis transition; axis_counts counts per axis."""
    assert [(t.axis, t.before, t.after, t.count) for t in comparison.summary] == [
        ("severity", "medium", "low", 1),
        ("needs_review", "no", "yes", 1),
    ]
    assert comparison.axis_counts()["severity"] == 1
    assert comparison.axis_counts()["validity"] == 0


def test_rules_that_fire_on_both_sides_with_other_effects(demo_engine: Engine) -> None:
    """A rule with the same id but another effect is listed as changed, not gone or new."""
    text = (DEMO / "rules.yaml").read_text(encoding="utf-8")
    changed = text.replace(
        "then: {set: high, reason: injury", "then: {set: critical, reason: injury"
    )
    rules = "name: demo2\nparameters:\n  big: 1000\n" + changed
    lexicons = {
        path.stem: path.read_text(encoding="utf-8").split()
        for path in (DEMO / "lexicons").glob("*.txt")
    }
    lexicons = {
        name: [t for t in terms if not t.startswith("#")] for name, terms in lexicons.items()
    }
    with Engine.from_text(rules, lexicons=lexicons) as after:
        result = compare(demo_engine, after, COMPLAINTS[:1])
    assert result.changes[0].rules_changed == ("demo.severity.injury",)
    assert result.changes[0].axes[0].after == "critical"


def test_frame_text_and_html(comparison: Comparison) -> None:
    """to_frame has before/after columns; text and HTML show the change and marked text."""
    frame = comparison.to_frame()
    assert list(frame.index) == ["a3"]
    assert frame.loc["a3", "severity_before"] == "medium"
    assert frame.loc["a3", "severity_after"] == "low"
    assert frame.loc["a3", "rules_gone"] == ("demo.severity.money",)
    text = comparison.to_text()
    assert "severity: medium → low" in text
    assert "1 of 3 decisions change" in text
    html = comparison._repr_html_()
    assert "triage-comparison" in html
    assert "<mark" in html
    assert "2000元" in html
