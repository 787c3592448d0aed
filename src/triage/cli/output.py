"""Writing decisions: JSON Lines, CSV, or a summary table with counts per axis value."""

from __future__ import annotations

import csv
from collections.abc import Sequence
from typing import IO

from rich.columns import Columns
from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

from triage.records.decision import Decision
from triage.tools.rows import DECISION_COLUMNS, RowValue, axis_counts, decision_row, top_reasons

__all__ = ["CsvWriter", "decisions_table", "jsonl_line", "print_table"]

_SEVERITY_STYLE = {"low": "green", "medium": "yellow", "high": "red", "critical": "bold red"}


def jsonl_line(decision: Decision) -> str:
    """The decision as one line of JSON."""
    return decision.model_dump_json()


def _cell(value: RowValue) -> str:
    if isinstance(value, tuple):
        return ";".join(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    return "" if value is None else str(value)


class CsvWriter:
    """Writes decisions as CSV rows (columns: :data:`triage.tools.rows.DECISION_COLUMNS`)."""

    def __init__(self, stream: IO[str]) -> None:
        self._writer = csv.writer(stream, lineterminator="\n")
        self._writer.writerow(DECISION_COLUMNS)

    def write(self, decision: Decision) -> None:
        """Write one decision; several codes in a cell are separated by ``;``."""
        row = decision_row(decision)
        self._writer.writerow([_cell(row[column]) for column in DECISION_COLUMNS])


def _counts(decisions: Sequence[Decision]) -> Columns:
    tables = []
    for axis, counted in axis_counts(decisions).items():
        table = Table(axis.replace("needs_", ""), "n")
        table.columns[1].justify = "right"
        for value, count in counted.items():
            table.add_row(value, str(count), style="" if count else "dim")
        tables.append(table)
    return Columns(tables, title="counts per axis value")


def decisions_table(decisions: Sequence[Decision]) -> Group:
    """One row per decision, then the counts of each axis value."""
    table = Table(title=f"{len(decisions)} complaints triaged", show_lines=False)
    for column in ("id", "validity", "nature", "severity", "responsibility", "review"):
        table.add_column(column, no_wrap=column != "responsibility")
    table.add_column("top reasons", overflow="fold")
    for decision in decisions:
        department = decision.responsibility.department
        table.add_row(
            Text(decision.complaint_id),
            decision.validity.value,
            Text(decision.nature.value, style="bold red" if decision.nature == "malicious" else ""),
            Text(decision.severity.value, style=_SEVERITY_STYLE[decision.severity.value]),
            Text(decision.responsibility.party.value + (f" / {department}" if department else "")),
            "yes" if decision.needs_review else "",
            Text(", ".join(top_reasons(decision))),
        )
    return Group(table, _counts(decisions))


def print_table(decisions: Sequence[Decision], stream: IO[str]) -> None:
    """Print :func:`decisions_table` to ``stream`` (wide enough to keep rows on one line)."""
    console = Console(file=stream)
    if not console.is_terminal:
        console = Console(file=stream, width=max(console.width, 120))
    console.print(decisions_table(decisions))
