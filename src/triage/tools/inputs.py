"""Reading records from files, JSON Lines, CSV, TSV or Parquet, with every bad line located.

Readers yield, in file order, either a `Numbered` record or a `BadLine`
(invalid JSON, undecodable bytes, a malformed CSV row, or a record that fails
validation); nothing is dropped silently. Blank lines are not records and are passed over.
The format follows the suffix (`INPUT_FORMATS`); any other suffix is refused.

CSV and TSV files have a header row. Columns are the complaint's fields; a dotted column
(``complainant.name``, ``respondent.department``) fills a nested object, and the list
fields (``requests``, ``evidence``, ``history``) hold JSON arrays. Empty cells are absent.
A row that is malformed (an unclosed quote, a stray quote, a cell over
`MAX_CELL` characters, more or fewer cells than the header) or that holds no valid
complaint is reported at its first line, and reading resumes on the line after it: the
rows a stray quote swallowed are not lost (a valid row spanning lines is kept whole).
"""

from __future__ import annotations

import csv
import json
import math
from collections import deque
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from importlib.util import find_spec
from pathlib import Path
from typing import Any, Generic, TypeVar

from pydantic import BaseModel

from triage.errors import FileFormatError, RecordError
from triage.records.complaint import Complaint
from triage.records.parsing import parse_record

__all__ = [
    "INPUT_FORMATS",
    "MAX_CELL",
    "BadLine",
    "Numbered",
    "input_format",
    "parquet_support",
    "read_complaints",
    "read_csv",
    "read_jsonl",
    "read_parquet",
]

RecordT = TypeVar("RecordT", bound=BaseModel)

_JSON_COLUMNS = frozenset({"requests", "evidence", "history"})

INPUT_FORMATS = {
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "jsonl",
    ".csv": "csv",
    ".tsv": "tsv",
    ".parquet": "parquet",
}
"""The complaint file formats, by suffix."""

MAX_CELL = 1 << 24
"""Longest CSV cell read, in characters (16 Mi; the csv module's own default is 128 Ki)."""


@dataclass(frozen=True)
class Numbered(Generic[RecordT]):
    """A valid record and the line it was read from."""

    line: int
    record: RecordT


@dataclass(frozen=True)
class BadLine:
    """A line that holds no valid record: where it is and what is wrong with it."""

    source: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.source}:{self.line}: {self.message}"


def _problem(error: RecordError) -> str:
    return f"invalid {error.what}: " + "; ".join(str(problem) for problem in error.problems)


def _decoded(lines: Iterable[str | bytes], source: str) -> Iterator[tuple[int, str | BadLine]]:
    for number, raw in enumerate(lines, start=1):
        if isinstance(raw, str):
            yield number, raw
            continue
        try:
            yield number, raw.decode("utf-8-sig" if number == 1 else "utf-8")
        except UnicodeDecodeError as error:
            yield number, BadLine(source, number, f"not UTF-8 text: {error.reason}")


def read_jsonl(
    lines: Iterable[str | bytes], model: type[RecordT], source: str = "<input>"
) -> Iterator[Numbered[RecordT] | BadLine]:
    """One ``model`` record per non-blank line of ``lines``."""
    for number, text in _decoded(lines, source):
        if isinstance(text, BadLine):
            yield text
        elif text.strip():
            try:
                yield Numbered(number, parse_record(model, text, line=number))
            except RecordError as error:
                yield BadLine(source, number, _problem(error))


def _nest(row: dict[str, str]) -> dict[str, Any]:
    record: dict[str, Any] = {}
    for column, cell in row.items():
        if not cell.strip():
            continue
        head, _, rest = column.partition(".")
        if rest:
            record.setdefault(head, {})[rest] = cell
        elif column in _JSON_COLUMNS:
            try:
                record[column] = json.loads(cell)
            except json.JSONDecodeError as error:
                raise ValueError(f"column {column!r} must hold a JSON array: {error}") from None
        else:
            record[column] = cell
    return record


def _complaint(row: dict[str, str], number: int, source: str) -> Numbered[Complaint] | BadLine:
    """The complaint of one row of cells, or what is wrong with it."""
    try:
        return Numbered(number, parse_record(Complaint, _nest(row), line=number))
    except ValueError as error:
        message = _problem(error) if isinstance(error, RecordError) else str(error)
        return BadLine(source, number, message)


class _Lines:
    """Decoded lines of a file, numbered, that can be given back to be read again."""

    def __init__(self, lines: Iterable[str | bytes], source: str) -> None:
        self._decoded = _decoded(lines, source)
        self._again: deque[tuple[int, str]] = deque()
        self.taken: list[tuple[int, str]] = []
        """The lines read since `start`: those of the current row."""
        self.bad: list[BadLine] = []
        """Lines that were not UTF-8 (each read as an empty line)."""

    def __iter__(self) -> Iterator[str]:
        return self

    def __next__(self) -> str:
        if self._again:
            number, text = self._again.popleft()
        else:
            number, decoded = next(self._decoded)
            if isinstance(decoded, BadLine):
                self.bad.append(decoded)
                decoded = "\n"
            text = decoded
        self.taken.append((number, text))
        return text

    def start(self) -> None:
        """Begin a new row."""
        self.taken = []

    def resume_after_first(self) -> None:
        """Read the current row's lines again, except its first."""
        self._again.extendleft(reversed(self.taken[1:]))


@contextmanager
def _cell_limit() -> Iterator[None]:
    """Let the csv module read cells up to `MAX_CELL` characters, then restore its limit.

    The limit is process-wide in the csv module; it is raised only while one row is read.
    """
    previous = csv.field_size_limit(MAX_CELL)
    try:
        yield
    finally:
        csv.field_size_limit(previous)


def _rows(
    reader_lines: _Lines, source: str, delimiter: str
) -> Iterator[tuple[int, list[str]] | BadLine]:
    """Non-blank rows with the line they start on, or the malformed rows as BadLines.

    A malformed row's other lines are read again as rows of their own.
    """
    width: int | None = None
    reader = csv.reader(reader_lines, delimiter=delimiter, strict=True)  # resets after errors
    while True:
        reader_lines.start()
        try:
            with _cell_limit():
                row = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            unclosed = "end of data" in str(error)
            problem: str | None = (
                f"malformed CSV: {'a quoted cell is never closed' if unclosed else error}"
            )
        else:
            problem = None
        yield from reader_lines.bad
        reader_lines.bad.clear()
        first = reader_lines.taken[0][0]
        if problem is None and not any(cell.strip() for cell in row):
            continue
        if problem is None and width is not None and len(row) != width:
            problem = f"{'more' if len(row) > width else 'fewer'} cells than header columns"
            if len(reader_lines.taken) > 1:
                problem += (
                    f" (the row runs to line {reader_lines.taken[-1][0]}: an unclosed quote?)"
                )
        if problem is None:
            width = len(row) if width is None else width
            yield first, row
            continue
        yield BadLine(source, first, problem)
        reader_lines.resume_after_first()
    yield from reader_lines.bad


def read_csv(
    lines: Iterable[str | bytes], source: str = "<input>", *, delimiter: str = ","
) -> Iterator[Numbered[Complaint] | BadLine]:
    """One complaint per CSV row (see the module documentation for the columns).

    ``delimiter`` is ``"\\t"`` for TSV.
    """
    reader_lines = _Lines(lines, source)
    header: list[str] | None = None
    for item in _rows(reader_lines, source, delimiter):
        if isinstance(item, BadLine):
            yield item
            continue
        number, row = item
        if header is None:
            header = row
            continue
        found = _complaint(dict(zip(header, row, strict=True)), number, source)
        if isinstance(found, BadLine):
            reader_lines.resume_after_first()
        yield found


def parquet_support() -> None:
    """Check that pandas and a Parquet engine are installed.

    Raises [`FileFormatError`][triage.errors.FileFormatError] if not.
    """
    if find_spec("pandas") is None or not (find_spec("pyarrow") or find_spec("fastparquet")):
        raise FileFormatError(
            "Parquet files need pandas and pyarrow: pip install 'triage[pandas]' pyarrow "
            "(or use .jsonl, .csv or .tsv)"
        )


def _cell_text(cell: object) -> str:
    """A Parquet cell as the text a CSV cell would hold (empty for a missing value)."""
    if cell is None or (isinstance(cell, float) and math.isnan(cell)):
        return ""
    if isinstance(cell, str):
        return cell
    if isinstance(cell, datetime):
        return cell.isoformat()
    if isinstance(cell, list | tuple | dict) or hasattr(cell, "tolist"):
        return json.dumps(getattr(cell, "tolist", lambda: cell)(), ensure_ascii=False, default=str)
    return str(cell)


def read_parquet(path: Path) -> Iterator[Numbered[Complaint] | BadLine]:
    """One complaint per row of a Parquet file, columns as for CSV; ``line`` is the row."""
    parquet_support()
    import pandas

    frame = pandas.read_parquet(path)
    columns = [str(column) for column in frame.columns]
    for number, values in enumerate(frame.itertuples(index=False, name=None), start=1):
        row = dict(zip(columns, (_cell_text(value) for value in values), strict=True))
        yield _complaint(row, number, str(path))


def input_format(path: Path) -> str:
    """The format of a complaints file, from its suffix.

    Raises [`FileFormatError`][triage.errors.FileFormatError] if the suffix is unknown.
    """
    found = INPUT_FORMATS.get(path.suffix.lower())
    if found is None:
        raise FileFormatError(
            f"{path}: cannot tell the format from the suffix {path.suffix or '(none)'!r}; "
            f"use {', '.join(INPUT_FORMATS)}"
        )
    return found


def read_complaints(path: Path) -> Iterator[Numbered[Complaint] | BadLine]:
    """Complaints from a file whose suffix names its format (see `INPUT_FORMATS`).

    An unknown suffix, or Parquet without pandas and pyarrow, raises
    [`FileFormatError`][triage.errors.FileFormatError] at once, before anything is read.
    """
    found = input_format(path)
    if found == "parquet":
        parquet_support()
        return read_parquet(path)
    return _read_text(path, found)


def _read_text(path: Path, found: str) -> Iterator[Numbered[Complaint] | BadLine]:
    with path.open("rb") as stream:
        if found == "jsonl":
            yield from read_jsonl(stream, Complaint, str(path))
        else:
            yield from read_csv(stream, str(path), delimiter="\t" if found == "tsv" else ",")
