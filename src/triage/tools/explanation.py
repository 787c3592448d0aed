"""One complaint with its decision, shown in full: axes, firings and the marked-up text.

from triage import Engine, explain

with Engine.default() as engine:
    explain(engine, complaint)        # renders as HTML in Jupyter, as tables with rich
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from rich.console import Console, ConsoleOptions, Group, RenderResult
from rich.table import Table
from rich.text import Text

from triage.engine import Engine
from triage.records.complaint import Complaint
from triage.records.decision import Decision, Span
from triage.records.display import axis_rows, decision_html, decision_spans, firing_row, segments
from triage.records.parsing import parse_complaint
from triage.tools.console import render_text

__all__ = ["Explanation", "decision_table", "explain", "firing_list", "marked_text"]


def _style(spans: tuple[Span, ...]) -> str:
    if not spans:
        return ""
    if all(span.negated for span in spans):
        return "strike magenta"
    if all(span.conditional for span in spans):
        return "italic cyan"
    return "bold black on yellow"


def marked_text(text: str, spans: tuple[Span, ...], *, brackets: bool = False) -> Text:
    """``text`` with the spans highlighted: asserted on yellow, negated struck, conditional
    in italics; with ``brackets`` (for plain text) each highlighted piece is put in 【】.
    """
    marked = Text()
    for piece, covering in segments(text, spans):
        shown = f"【{piece}】" if brackets and covering else piece
        marked.append(shown, style=_style(covering))
    return marked


def decision_table(decision: Decision) -> Table:
    """The four axes of a decision with their reasons, then review and actions."""
    table = Table(title=Text(f"complaint {decision.complaint_id}"), show_header=True)
    table.add_column("axis")
    table.add_column("value", style="bold")
    table.add_column("reasons", overflow="fold")
    for axis, value, reasons in axis_rows(decision):
        table.add_row(axis, Text(value), Text(reasons))
    return table


def firing_list(decision: Decision) -> Group:
    """The firings of the trace as blocks: rule and location, then effect, source, facts, spans."""
    blocks: list[Text] = []
    for firing in decision.trace:
        row = firing_row(firing)
        block = Text.assemble(
            (f"[{row['axis']}] ", "dim"), (row["rule"], "bold"), "  ", (row["location"], "cyan")
        )
        for label in ("effect", "source", "facts", "spans"):
            if row[label]:
                block.append(f"\n  {label + ':':8}", style="dim")
                block.append(row[label])
        blocks.append(block)
    if not blocks:
        blocks.append(Text("(no rule fired: every axis took its default)"))
    return Group(Text(f"rules that fired ({len(decision.trace)})", style="bold underline"), *blocks)


@dataclass(frozen=True)
class Explanation:
    """A complaint and its decision, with renderings for terminals (rich) and notebooks (HTML)."""

    complaint: Complaint
    decision: Decision

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        decision = self.decision
        plain = console.color_system is None
        yield decision_table(decision)
        yield Text(f"ruleset {decision.ruleset_version}, as of {decision.as_of.isoformat()}")
        yield Text("\ntext (marked: what the rules relied on)", style="bold underline")
        yield marked_text(self.complaint.text, decision_spans(decision), brackets=plain)
        yield Text()
        yield firing_list(decision)

    def _repr_html_(self) -> str:
        return decision_html(self.decision, self.complaint.text)

    def to_text(self, width: int = 100) -> str:
        """The explanation as plain text."""
        return render_text(self, width=width)


def explain(
    engine: Engine, complaint: Complaint | Mapping[str, Any], *, as_of: datetime | None = None
) -> Explanation:
    """Decide ``complaint`` with ``engine`` and keep both, ready to be shown."""
    if not isinstance(complaint, Complaint):
        complaint = parse_complaint(complaint)
    return Explanation(complaint, engine.decide(complaint, as_of=as_of))
