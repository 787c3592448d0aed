"""HTML for notebooks: a comparison (a decision renders itself: ``triage.records.display``)."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from triage.records.decision import Span
from triage.records.display import decision_html, html_table, marked_html

if TYPE_CHECKING:
    from triage.tools.comparison import Change, Comparison

__all__ = ["comparison_html", "decision_html", "marked_html"]


def _change_spans(change: Change) -> list[Span]:
    before = set(change.rules_gone) | set(change.rules_changed)
    after = set(change.rules_new) | set(change.rules_changed)
    return [
        span
        for decision, rules in ((change.before, before), (change.after, after))
        for firing in decision.trace
        if firing.rule_id in rules
        for span in firing.spans
    ]


def comparison_html(comparison: Comparison) -> str:
    """A comparison as HTML: headline, transition counts, and each change with its text."""
    summary = html_table(
        ("axis", "before", "after", "count"),
        [(t.axis, t.before, t.after, str(t.count)) for t in comparison.summary],
    )
    changes = html_table(
        ("complaint", "what changes", "rules (-gone +new ~changed)", "text"),
        [
            (
                escape(change.complaint_id),
                "<br>".join(escape(str(axis)) for axis in change.axes),
                escape(change.causes()),
                marked_html(change.complaint.text, _change_spans(change)),
            )
            for change in comparison.changes
        ],
        raw=True,
    )
    return (
        f'<div class="triage-comparison"><h4>{escape(comparison.headline())}</h4>'
        f"{summary if comparison.changes else ''}{changes if comparison.changes else ''}</div>"
    )
