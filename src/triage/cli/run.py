"""``triage run``: decide every complaint of a file."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from triage.cli.common import (
    EXIT_CODES_HELP,
    InputTally,
    build_engine,
    count_lines,
    format_option,
    on_error_option,
    params_option,
    progress,
    records,
    rules_option,
)
from triage.cli.output import CsvWriter, jsonl_line, print_table
from triage.records.decision import Decision
from triage.tools.inputs import read_complaints

_BY_SUFFIX = {".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "jsonl", ".csv": "csv"}


@click.command(
    short_help="Triage complaints from a file: a table, JSONL or CSV.", epilog=EXIT_CODES_HELP
)
@click.argument("complaints", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@rules_option
@params_option
@format_option("table", "jsonl", "csv")
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, writable=True, path_type=Path),
    help="Write the decisions to this file; its suffix (.jsonl, .csv) sets the format "
    "unless --format is given.",
)
@on_error_option
@click.option(
    "--progress/--no-progress",
    "show_progress",
    default=True,
    help="Progress bar on stderr (only when stderr is a terminal).",
)
def run(
    complaints: Path,
    rules: tuple[Path, ...],
    params: tuple[str, ...],
    output_format: str | None,
    output: Path | None,
    on_error: str,
    show_progress: bool,
) -> None:
    """Triage every complaint in COMPLAINTS (JSON Lines, or .csv) and write the decisions.

    The default output is a summary table: one row per complaint (validity, nature,
    severity, responsibility, review, top reasons), then counts per axis value. Use
    --format jsonl or csv (or -o FILE.jsonl / FILE.csv) for the full decisions.

    \b
    Examples:
      triage run examples/complaints.jsonl
      triage run complaints.csv --format jsonl > decisions.jsonl
      triage run complaints.jsonl --rules rules/core --param money_high=5000 -o out.csv

    \b
    A JSON line holds one complaint; only id, text and received_at are required:
      {"id": "c1", "text": "快递三天没送到，客服也不回复。",
       "received_at": "2026-03-01T10:00:00+08:00"}
    """
    chosen = output_format or _BY_SUFFIX.get(output.suffix.lower() if output else "", "table")
    tally = InputTally()
    table: list[Decision] = []
    stream = output.open("w", encoding="utf-8") if output else sys.stdout
    try:
        with build_engine(rules, params) as engine, progress(show_progress) as bar:
            task = bar.add_task("triage", total=count_lines(complaints))
            found = records(read_complaints(complaints), on_error, tally, lambda: bar.advance(task))
            decisions = engine.decide_many(found)
            if chosen == "table":
                table.extend(decisions)
            elif chosen == "csv":
                writer = CsvWriter(stream)
                for decision in decisions:
                    writer.write(decision)
            else:
                for decision in decisions:
                    stream.write(jsonl_line(decision) + "\n")
        if chosen == "table":
            print_table(table, stream)
    finally:
        if output:
            stream.close()
    tally.report()
