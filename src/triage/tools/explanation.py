"""One complaint with its decision, shown in full: axes, firings and the marked-up text.

from triage import Engine, explain

with Engine.default() as engine:
    explain(engine, complaint)        # renders as HTML in Jupyter, as tables with rich
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, Group, RenderResult
from rich.table import Table
from rich.text import Text

from triage.engine import Engine
from triage.records.complaint import Complaint
from triage.records.decision import Decision, Span
from triage.records.display import (
    axis_rows,
    decision_html,
    decision_spans,
    firing_row,
    reason_labels,
    segments,
)
from triage.records.labels import Lang, label
from triage.records.malice_display import malice_heading, malice_rows
from triage.records.parsing import parse_complaint
from triage.rulepack.labels import pack_labels
from triage.tools.console import render_text

__all__ = [
    "Explanation",
    "decision_table",
    "explain",
    "firing_list",
    "malice_table",
    "marked_text",
]


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


def decision_table(
    decision: Decision, *, lang: Lang = "en", labels: Mapping[str, str] | None = None
) -> Table:
    """The four axes of a decision with their reasons, then review and actions."""
    title = f"{label('complaint', lang)} {decision.complaint_id}"
    table = Table(title=Text(title), show_header=True)
    table.add_column(label("axis", lang))
    table.add_column(label("value", lang), style="bold")
    rows = axis_rows(decision, lang=lang, labels=labels)
    words = (word for *_, cell in rows for line in cell.splitlines() for word in line.split())
    widest = max(map(cell_len, words), default=0)
    table.add_column(label("reasons", lang), min_width=widest)
    for axis, value, reasons in rows:
        table.add_row(axis, Text(value), Text(reasons))
    return table


def malice_table(decision: Decision, *, lang: Lang = "en") -> Table | None:
    """A malicious decision's demand, measure, leverage and purchase, with their text."""
    if decision.malice is None:
        return None
    table = Table(title=Text(malice_heading(lang)), show_header=False)
    table.add_column(style="bold", no_wrap=True)
    table.add_column(overflow="fold")
    table.add_column(style="yellow", overflow="fold")
    for part, says, text in malice_rows(decision.malice, lang):
        table.add_row(part, Text(says), Text(text))
    return table


def firing_list(
    decision: Decision, *, lang: Lang = "en", labels: Mapping[str, str] | None = None
) -> Group:
    """The firings of the trace as blocks: rule and location, then effect, source, facts, spans."""
    blocks: list[Text] = []
    known = reason_labels(decision, labels)
    for firing in decision.trace:
        row = firing_row(firing, lang=lang, labels=known)
        block = Text.assemble(
            (f"[{row['axis']}] ", "dim"), (row["rule"], "bold"), "  ", (row["location"], "cyan")
        )
        for name in ("effect", "source", "facts", "spans"):
            if row[name]:
                block.append(f"\n  {label(name, lang) + ':':8}", style="dim")
                block.append(row[name])
        blocks.append(block)
    if not blocks:
        blocks.append(Text(label("(no rule fired: every axis took its default)", lang)))
    heading = f"{label('rules that fired', lang)} ({len(decision.trace)})"
    return Group(Text(heading, style="bold underline"), *blocks)


@dataclass(frozen=True)
class Explanation:
    """A complaint and its decision, with renderings for terminals (rich) and notebooks (HTML)."""

    complaint: Complaint
    decision: Decision
    lang: Lang = "en"
    """Chinese (``zh``) or English (``en``) headings, values and reasons."""
    labels: Mapping[str, str] = field(default_factory=dict)
    """The packs' Chinese reason labels (else the titles of the rules that gave them)."""

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        decision = self.decision
        plain = console.color_system is None
        yield decision_table(decision, lang=self.lang, labels=self.labels)
        malice = malice_table(decision, lang=self.lang)
        if malice is not None:
            yield malice
        lang = self.lang
        yield Text(
            f"{label('ruleset', lang)} {decision.ruleset_version}, "
            f"{label('as of', lang)} "
            f"{decision.as_of.isoformat() if decision.as_of else label('unknown', lang)}"
        )
        yield Text(
            "\n" + label("text (marked: what the rules relied on)", lang), style="bold underline"
        )
        yield marked_text(self.complaint.text, decision_spans(decision), brackets=plain)
        yield Text()
        yield firing_list(decision, lang=self.lang, labels=self.labels)

    def _repr_html_(self) -> str:
        return decision_html(self.decision, self.complaint.text, lang=self.lang, labels=self.labels)

    def to_text(self, width: int = 100) -> str:
        """The explanation as plain text."""
        return render_text(self, width=width)


def explain(
    engine: Engine,
    complaint: Complaint | Mapping[str, Any],
    *,
    as_of: datetime | None = None,
    lang: Lang = "en",
) -> Explanation:
    """Decide ``complaint`` with ``engine`` and keep both, ready to be shown in ``lang``."""
    if not isinstance(complaint, Complaint):
        complaint = parse_complaint(complaint)
    decision = engine.decide(complaint, as_of=as_of)
    return Explanation(complaint, decision, lang, pack_labels(engine.ruleset.packs))
