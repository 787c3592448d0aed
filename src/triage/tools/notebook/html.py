"""HTML for notebooks: a decision with its firing table and marked-up text, a comparison."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from html import escape
from typing import TYPE_CHECKING

from triage.records.decision import Decision, Span
from triage.tools.highlight import decision_spans, segments
from triage.tools.rows import FIRING_COLUMNS, axis_rows, firing_row

if TYPE_CHECKING:
    from triage.tools.comparison import Change, Comparison

__all__ = ["comparison_html", "decision_html", "marked_html"]

_MARK = {
    "asserted": "background:#ffe58f",
    "negated": "background:#f3d9fa;text-decoration:line-through",
    "conditional": "background:#c5f6fa;font-style:italic",
}


def _mark_style(spans: tuple[Span, ...]) -> str:
    if all(span.negated for span in spans):
        return _MARK["negated"]
    if all(span.conditional for span in spans):
        return _MARK["conditional"]
    return _MARK["asserted"]


def marked_html(text: str, spans: Iterable[Span]) -> str:
    """``text`` escaped, each span in a ``<mark>`` whose title names its fact and term."""
    pieces = []
    for piece, covering in segments(text, spans):
        if not covering:
            pieces.append(escape(piece))
            continue
        title = "; ".join(
            f"{span.fact}{'/' + span.lexicon if span.lexicon else ''}: {span.term}"
            for span in covering
        )
        pieces.append(
            f'<mark style="{_mark_style(covering)}" title="{escape(title)}">{escape(piece)}</mark>'
        )
    return f'<p style="white-space:pre-wrap;line-height:1.7">{"".join(pieces)}</p>'


def _table(headers: Sequence[str], rows: Iterable[Sequence[str]], *, raw: bool = False) -> str:
    """An HTML table; cells are escaped unless ``raw`` (then they are HTML already)."""
    head = "".join(f'<th style="text-align:left">{escape(h)}</th>' for h in headers)
    body = "".join(
        "<tr>"
        + "".join(
            f'<td style="text-align:left;vertical-align:top">{c if raw else escape(c)}</td>'
            for c in row
        )
        + "</tr>"
        for row in rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def decision_html(decision: Decision, text: str | None = None) -> str:
    """A decision as HTML: the axes, the text with its spans marked (when given), the firings."""
    firings = [
        [
            *(escape(value) for name, value in firing_row(firing).items() if name != "spans"),
            " ".join(_chip(span) for span in firing.spans),
        ]
        for firing in decision.trace
    ]
    parts = [
        f"<h4>complaint {escape(decision.complaint_id)}</h4>",
        _table(("axis", "value", "reasons"), axis_rows(decision)),
    ]
    if text is not None:
        parts.append(marked_html(text, decision_spans(decision)))
    parts.append(_table(FIRING_COLUMNS, firings, raw=True))
    parts.append(
        f"<small>ruleset {escape(decision.ruleset_version)}, "
        f"as of {escape(decision.as_of.isoformat())}</small>"
    )
    return f'<div class="triage-decision">{"".join(parts)}</div>'


def _chip(span: Span) -> str:
    style = _mark_style((span,))
    return f'<mark style="{style}" title="{span.start}–{span.end}">{escape(span.surface)}</mark>'


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
    summary = _table(
        ("axis", "before", "after", "count"),
        [(t.axis, t.before, t.after, str(t.count)) for t in comparison.summary],
    )
    changes = _table(
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
