"""Writing decisions: JSON Lines, CSV, TSV, Parquet, or a summary table with counts.

:func:`decision_sink` is the one place decisions are written: to stdout, or to a file
that is replaced only when the whole run succeeded.
"""

from __future__ import annotations

import csv
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Protocol

from rich.columns import Columns
from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

from triage.cli.files import replaced_on_success
from triage.errors import FileFormatError
from triage.records.decision import Decision
from triage.tools.inputs import parquet_support
from triage.tools.rows import DECISION_COLUMNS, RowValue, axis_counts, decision_row, top_reasons

__all__ = [
    "OUTPUT_FORMATS",
    "CsvWriter",
    "choose_format",
    "decision_sink",
    "decisions_table",
    "jsonl_line",
    "print_table",
]

OUTPUT_FORMATS = {
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "jsonl",
    ".csv": "csv",
    ".tsv": "tsv",
    ".parquet": "parquet",
}
"""The formats an output file's suffix chooses (``table`` only with ``--format``)."""

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
    """Writes decisions as CSV rows (columns: :data:`triage.tools.rows.DECISION_COLUMNS`).

    ``delimiter`` is ``"\\t"`` for TSV.
    """

    def __init__(self, stream: IO[str], delimiter: str = ",") -> None:
        self._writer = csv.writer(stream, delimiter=delimiter, lineterminator="\n")
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


def choose_format(output: Path | None, given: str | None) -> str:
    """The format to write: ``given``, else the one ``output``'s suffix names, else a table.

    An output suffix that names no format is refused (:class:`FileFormatError`) rather than
    silently written as a table; so is Parquet on stdout, or without pandas and pyarrow.
    """
    chosen = given
    if chosen is None and output is not None:
        chosen = OUTPUT_FORMATS.get(output.suffix.lower())
        if chosen is None:
            raise FileFormatError(
                f"{output}: cannot tell the format from the suffix {output.suffix or '(none)'!r}; "
                f"use {', '.join(OUTPUT_FORMATS)}, or give --format"
            )
    if chosen == "parquet":
        if output is None:
            raise FileFormatError("Parquet is binary: give an output file with -o FILE.parquet")
        parquet_support()
    return chosen or "table"


class _Writer(Protocol):
    def write(self, decision: Decision) -> None: ...

    def finish(self) -> None: ...


class _Lines:
    """JSON Lines, one decision per line as it comes."""

    def __init__(self, stream: IO[str]) -> None:
        self._stream = stream

    def write(self, decision: Decision) -> None:
        self._stream.write(jsonl_line(decision) + "\n")

    def finish(self) -> None:
        """Nothing is held back."""


class _Rows(CsvWriter):
    def finish(self) -> None:
        """Nothing is held back."""


class _Collected:
    """Decisions kept until the end, then written at once (a table, a Parquet file)."""

    def __init__(self, flush: Callable[[list[Decision]], None]) -> None:
        self._decisions: list[Decision] = []
        self._flush = flush

    def write(self, decision: Decision) -> None:
        self._decisions.append(decision)

    def finish(self) -> None:
        self._flush(self._decisions)


def _parquet(path: Path) -> Callable[[list[Decision]], None]:
    def flush(decisions: list[Decision]) -> None:
        import pandas

        rows = [
            {key: list(v) if isinstance(v, tuple) else v for key, v in decision_row(d).items()}
            for d in decisions
        ]
        pandas.DataFrame(rows, columns=list(DECISION_COLUMNS)).to_parquet(path, index=False)

    return flush


def _text_writer(chosen: str, stream: IO[str]) -> _Writer:
    if chosen == "jsonl":
        return _Lines(stream)
    if chosen in ("csv", "tsv"):
        return _Rows(stream, "\t" if chosen == "tsv" else ",")
    return _Collected(lambda decisions: print_table(decisions, stream))


@contextmanager
def _writer(chosen: str, output: Path | None) -> Iterator[_Writer]:
    if output is None:
        yield _text_writer(chosen, sys.stdout)
        return
    if output.exists() and not output.is_file():  # /dev/stdout, a named pipe: no rename
        with output.open("w", encoding="utf-8", newline="") as stream:
            yield _text_writer(chosen, stream)
        return
    with replaced_on_success(output) as temporary:
        if chosen == "parquet":
            yield _Collected(_parquet(temporary))
            return
        with temporary.open("w", encoding="utf-8", newline="") as stream:
            yield _text_writer(chosen, stream)


@contextmanager
def decision_sink(chosen: str, output: Path | None) -> Iterator[Callable[[Decision], None]]:
    """A function that writes one decision in format ``chosen``, to ``output`` or stdout.

    A file is written beside ``output`` and renamed over it only when the block ends
    without an exception (see :func:`triage.cli.files.replaced_on_success`): a failed or
    interrupted run leaves the previous file as it was. A device or named pipe
    (``/dev/stdout``) is written directly, as there is nothing to replace.
    """
    with _writer(chosen, output) as writer:
        yield writer.write
        writer.finish()
