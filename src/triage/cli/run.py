"""``triage run``: decide every complaint of a file."""

from __future__ import annotations

from pathlib import Path

import click

from triage.cli.common import (
    EXIT_CODES_HELP,
    CommandError,
    InputFileError,
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
from triage.cli.files import is_same_file
from triage.cli.language import display_for, lang_option
from triage.cli.output import choose_format, decision_sink
from triage.engine.batch import default_workers
from triage.records.labels import Lang
from triage.tools.inputs import read_complaints


@click.command(
    short_help="Triage complaints from a file: a table, JSONL, CSV, TSV or Parquet.",
    epilog=EXIT_CODES_HELP,
)
@click.argument("complaints", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@rules_option
@params_option
@format_option("table", "jsonl", "csv", "tsv", "parquet")
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, writable=True, path_type=Path),
    help="Write the decisions to this file; its suffix (.jsonl, .csv, .tsv, .parquet) sets "
    "the format unless --format is given. The file is replaced only when the run succeeds.",
)
@on_error_option
@click.option(
    "--progress/--no-progress",
    "show_progress",
    default=True,
    help="Progress bar on stderr (only when stderr is a terminal).",
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    default=None,
    help="Processes deciding at once (default: every core). Output is the same, in order.",
)
@lang_option
def run(
    complaints: Path,
    rules: tuple[Path, ...],
    params: tuple[str, ...],
    output_format: str | None,
    output: Path | None,
    on_error: str,
    show_progress: bool,
    jobs: int | None,
    lang: Lang,
) -> None:
    """Triage every complaint in COMPLAINTS (.jsonl, .csv, .tsv, .parquet); write decisions.

    The default output is a summary table: one row per complaint (validity, nature,
    severity, responsibility, review, top reasons), then counts per axis value, in Chinese
    unless --lang en; "review" marks decisions a person must confirm. Use
    --format jsonl, csv or tsv (or -o FILE.jsonl / .csv / .tsv / .parquet) for the full
    decisions. An output file is written beside its target and renamed over it only when
    the run succeeds: a failed or interrupted run (Ctrl-C exits with 130) leaves the
    previous file untouched. A run that reads no complaint at all fails (exit 1).

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
    chosen = choose_format(output, output_format)
    if output is not None and is_same_file(output, complaints):
        raise InputFileError(
            f"{output} is the complaints file itself: writing the decisions there would "
            "destroy the complaints; choose another output file"
        )
    found = read_complaints(complaints)
    tally = InputTally()
    with build_engine(rules, params) as engine, progress(show_progress) as bar:
        task = bar.add_task("triage", total=count_lines(complaints))
        good = records(found, on_error, tally, lambda: bar.advance(task))
        with decision_sink(chosen, output, display_for(engine, lang)) as write:
            for decision in engine.decide_many(good, workers=jobs or default_workers()):
                write(decision)
            if not tally.good:
                tally.report()
                raise CommandError(f"{complaints}: no complaint could be read")
    tally.report()
