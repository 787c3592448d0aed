"""Writing decisions: JSON Lines, CSV, TSV, Parquet, or a summary table with counts.

`decision_sink` is the one place decisions are written: to stdout, or to a file
that is replaced only when the whole run succeeded.
"""

from __future__ import annotations

import csv
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Protocol

from rich.cells import cell_len
from rich.columns import Columns
from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

from triage.cli.files import replaced_on_success
from triage.errors import FileFormatError
from triage.records.decision import Axis, Decision
from triage.records.labels import Lang, label, reason_label
from triage.rulepack.format import DECIDED_AXES
from triage.tools.inputs import INPUT_FORMATS, parquet_support
from triage.tools.rows import DECISION_COLUMNS, RowValue, axis_counts, decision_row, top_reasons

__all__ = [
    "OUTPUT_FORMATS",
    "CsvWriter",
    "Display",
    "choose_format",
    "decision_sink",
    "decisions_table",
    "jsonl_line",
    "print_table",
]

OUTPUT_FORMATS = INPUT_FORMATS
"""The formats an output file's suffix chooses, the same as for input (``table`` only with
``--format``)."""

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
    """Writes decisions as CSV rows (columns: `triage.tools.rows.DECISION_COLUMNS`).

    ``delimiter`` is ``"\\t"`` for TSV.
    """

    def __init__(self, stream: IO[str], delimiter: str = ",") -> None:
        self._writer = csv.writer(stream, delimiter=delimiter, lineterminator="\n")
        self._writer.writerow(DECISION_COLUMNS)

    def write(self, decision: Decision) -> None:
        """Write one decision; several codes in a cell are separated by ``;``."""
        row = decision_row(decision)
        self._writer.writerow([_cell(row[column]) for column in DECISION_COLUMNS])


@dataclass(frozen=True)
class Display:
    """How people read the output: the language, and the packs' Chinese reason labels."""

    lang: Lang = "zh"
    labels: Mapping[str, str] = field(default_factory=dict)

    def word(self, word: str) -> str:
        """An axis, value or header in the display language."""
        return label(word, self.lang)

    def reasons(self, codes: Iterable[str]) -> str:
        """Reason codes as labels, one per line, so no reason is cut mid-word."""
        return "\n".join(reason_label(code, self.lang, self.labels) for code in codes)


_REVIEW_NOTE = {
    "zh": "需复核：是 = 结论依据未经核实或缺少的事实，或判为恶意，须人工确认；理由列出其原因。",
    "en": "review: yes = the decision rests on unverified or missing facts, or says malicious; "
    "a person must confirm it (the reasons say why).",
}


def _counts(decisions: Sequence[Decision], display: Display) -> Columns:
    tables = []
    for axis, counted in axis_counts(decisions).items():
        table = Table(display.word(axis.replace("needs_", "")), "n")
        table.columns[1].justify = "right"
        for value, count in counted.items():
            table.add_row(display.word(value), str(count), style="" if count else "dim")
        tables.append(table)
    return Columns(tables, title=display.word("counts per axis value"))


def decisions_table(decisions: Sequence[Decision], display: Display | None = None) -> Group:
    """One row per decision, then the counts of each axis value."""
    display = display or Display(lang="en")
    shown = [display.reasons(top_reasons(decision)) for decision in decisions]
    widest = max((cell_len(line) for cell in shown for line in cell.splitlines()), default=0)
    table = Table(
        title=f"{len(decisions)} complaints triaged"
        if display.lang == "en"
        else f"已分诊 {len(decisions)} 件投诉",
        caption=_REVIEW_NOTE[display.lang],
        show_lines=False,
    )
    table.add_column(display.word("id"), no_wrap=True)
    for axis in DECIDED_AXES:
        wraps = axis is Axis.RESPONSIBILITY
        table.add_column(display.word(axis), no_wrap=not wraps, max_width=24 if wraps else None)
    table.add_column(display.word("review"), no_wrap=True)
    table.add_column(display.word("top reasons"), min_width=widest, no_wrap=True)
    for decision, reasons in zip(decisions, shown, strict=True):
        department = decision.responsibility.department
        nature = decision.nature.value
        table.add_row(
            Text(decision.complaint_id),
            display.word(decision.validity.value),
            Text(display.word(nature), style="bold red" if nature == "malicious" else ""),
            Text(
                display.word(decision.severity.value),
                style=_SEVERITY_STYLE[decision.severity.value],
            ),
            Text(
                display.word(decision.responsibility.party.value)
                + (f" / {department}" if department else "")
            ),
            display.word("yes") if decision.needs_review else "",
            Text(reasons),
        )
    return Group(table, _counts(decisions, display))


def print_table(
    decisions: Sequence[Decision], stream: IO[str], display: Display | None = None
) -> None:
    """Print `decisions_table` to ``stream`` (wide enough to keep rows on one line)."""
    console = Console(file=stream)
    if not console.is_terminal:
        console = Console(file=stream, width=max(console.width, 150))
    console.print(decisions_table(decisions, display))


def choose_format(output: Path | None, given: str | None) -> str:
    """The format to write: ``given``, else the one ``output``'s suffix names, else a table.

    An output suffix that names no format is refused
    ([`FileFormatError`][triage.errors.FileFormatError]) rather than
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


def _text_writer(chosen: str, stream: IO[str], display: Display | None) -> _Writer:
    if chosen == "jsonl":
        return _Lines(stream)
    if chosen in ("csv", "tsv"):
        return _Rows(stream, "\t" if chosen == "tsv" else ",")
    return _Collected(lambda decisions: print_table(decisions, stream, display))


@contextmanager
def _writer(chosen: str, output: Path | None, display: Display | None) -> Iterator[_Writer]:
    if output is None:
        yield _text_writer(chosen, sys.stdout, display)
        return
    if output.exists() and not output.is_file():  # /dev/stdout, a named pipe: no rename
        with output.open("w", encoding="utf-8", newline="") as stream:
            yield _text_writer(chosen, stream, display)
        return
    with replaced_on_success(output) as temporary:
        if chosen == "parquet":
            yield _Collected(_parquet(temporary))
            return
        with temporary.open("w", encoding="utf-8", newline="") as stream:
            yield _text_writer(chosen, stream, display)


@contextmanager
def decision_sink(
    chosen: str, output: Path | None, display: Display | None = None
) -> Iterator[Callable[[Decision], None]]:
    """A function that writes one decision in format ``chosen``, to ``output`` or stdout.

    A file is written beside ``output`` and renamed over it only when the block ends
    without an exception (see `triage.cli.files.replaced_on_success`): a failed or
    interrupted run leaves the previous file as it was. A device or named pipe
    (``/dev/stdout``) is written directly, as there is nothing to replace.
    ``display`` sets the table's language (English when None).
    """
    with _writer(chosen, output, display) as writer:
        yield writer.write
        writer.finish()
