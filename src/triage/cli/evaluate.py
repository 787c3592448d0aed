"""``triage evaluate``: a rule set against labelled complaints."""

from __future__ import annotations

import json
from pathlib import Path

import click
from rich.console import Console

from triage.cli.common import (
    EXIT_CODES_HELP,
    InputTally,
    build_engine,
    format_option,
    on_error_option,
    params_option,
    records,
    rules_option,
)
from triage.tools.evaluation import LabelledComplaint, evaluate
from triage.tools.inputs import read_jsonl


@click.command(
    name="evaluate",
    short_help="Score the rules against labelled complaints.",
    epilog=EXIT_CODES_HELP,
)
@click.argument("labelled", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@rules_option
@params_option
@click.option("--worst", default=5, show_default=True, help="How many misses to show.")
@click.option("--top-rules", default=15, show_default=True, help="How many rules to list.")
@format_option("text", "json", default="text")
@on_error_option
def evaluate_command(
    labelled: Path,
    rules: tuple[Path, ...],
    params: tuple[str, ...],
    worst: int,
    top_rules: int,
    output_format: str,
    on_error: str,
) -> None:
    """Evaluate the rules against LABELLED complaints (JSON Lines, one
    {"complaint": {...}, "expected": {...}, "note": "..."} per line).

    Prints per-axis accuracy, severity exact and within one level, confusion matrices,
    how often each rule fired, and the worst misses (most axes wrong first) with their
    traces. Exits 0: the figures are the product.

    \b
    Examples:
      triage evaluate examples/labelled.jsonl
      triage evaluate labelled.jsonl --rules rules/ --param money_high=5000 --worst 10
      triage evaluate labelled.jsonl --format json > report.json

    \b
    A labelled line:
      {"complaint": {"id": "c1", "text": "外卖里吃出了头发，要求退款。",
                     "received_at": "2026-03-01T10:00:00+08:00"},
       "expected": {"validity": "valid", "nature": "normal", "severity": "low",
                    "responsibility": "respondent"}}
    """
    tally = InputTally()
    with build_engine(rules, params) as engine, labelled.open("rb") as stream:
        items = records(read_jsonl(stream, LabelledComplaint, str(labelled)), on_error, tally)
        report = evaluate(engine, items)
    if output_format == "json":
        click.echo(json.dumps(report.to_dict(worst=worst), ensure_ascii=False, indent=2))
    else:
        Console().print(report.renderable(worst=worst, rules=top_rules))
    tally.report()
