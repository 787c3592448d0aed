"""Reading records from files, JSON Lines or CSV, with every bad line located.

Readers yield, in file order, either a :class:`Numbered` record or a :class:`BadLine`
(invalid JSON, undecodable bytes, or a record that fails validation); nothing is
dropped silently. Blank lines are not records and are passed over.

CSV files have a header row. Columns are the complaint's fields; a dotted column
(``complainant.name``, ``respondent.department``) fills a nested object, and the list
fields (``requests``, ``evidence``, ``history``) hold JSON arrays. Empty cells are absent.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

from pydantic import BaseModel

from triage.errors import RecordError
from triage.records.complaint import Complaint
from triage.records.parsing import parse_record

__all__ = [
    "BadLine",
    "Numbered",
    "read_complaints",
    "read_csv",
    "read_jsonl",
]

RecordT = TypeVar("RecordT", bound=BaseModel)

_JSON_COLUMNS = frozenset({"requests", "evidence", "history"})


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
        if cell is None or not cell.strip() or column is None:
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


def read_csv(
    lines: Iterable[str | bytes], source: str = "<input>"
) -> Iterator[Numbered[Complaint] | BadLine]:
    """One complaint per CSV row (see the module documentation for the columns)."""
    bad: list[BadLine] = []

    def text_lines() -> Iterator[str]:
        for _, text in _decoded(lines, source):
            if isinstance(text, BadLine):
                bad.append(text)
                yield "\n"
            else:
                yield text

    reader = csv.DictReader(text_lines())
    for row in reader:
        yield from bad
        bad.clear()
        number = reader.line_num
        if None in row:
            yield BadLine(source, number, "more cells than header columns")
            continue
        try:
            yield Numbered(number, parse_record(Complaint, _nest(row), line=number))
        except ValueError as error:
            message = _problem(error) if isinstance(error, RecordError) else str(error)
            yield BadLine(source, number, message)
    yield from bad


def read_complaints(path: Path) -> Iterator[Numbered[Complaint] | BadLine]:
    """Complaints from a ``.csv`` file, or from JSON Lines (any other name)."""
    with path.open("rb") as stream:
        if path.suffix.lower() == ".csv":
            yield from read_csv(stream, str(path))
        else:
            yield from read_jsonl(stream, Complaint, str(path))
