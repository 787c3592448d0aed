"""Cutting a complaint text into pieces, each with the decision's spans that cover it."""

from __future__ import annotations

from collections.abc import Iterable
from itertools import pairwise

from triage.records.decision import Decision, Span

__all__ = ["decision_spans", "segments"]


def decision_spans(decision: Decision) -> tuple[Span, ...]:
    """Every distinct span of the decision's trace, in text order."""
    spans = {span: None for firing in decision.trace for span in firing.spans}
    return tuple(sorted(spans, key=lambda span: (span.start, span.end, span.fact)))


def segments(text: str, spans: Iterable[Span]) -> list[tuple[str, tuple[Span, ...]]]:
    """``text`` cut at every span boundary; each piece with the spans that cover it.

    Spans that do not fit the text (a decision shown beside another complaint) are ignored.
    """
    usable = [span for span in spans if 0 <= span.start < span.end <= len(text)]
    cuts = sorted({0, len(text), *(s.start for s in usable), *(s.end for s in usable)})
    pieces = []
    for start, end in pairwise(cuts):
        covering = tuple(span for span in usable if span.start <= start and end <= span.end)
        pieces.append((text[start:end], covering))
    return pieces
