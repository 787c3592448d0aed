"""``triage diff``: two rule sets over the same complaints."""

from __future__ import annotations

import json
from contextlib import ExitStack
from pathlib import Path

import click
from rich.console import Console

from triage.cli.common import (
    EXIT_CODES_HELP,
    CommandError,
    InputTally,
    build_engine,
    format_option,
    on_error_option,
    records,
)
from triage.tools.comparison import compare
from triage.tools.inputs import read_complaints

_RULES = click.Path(exists=True, path_type=Path)


@click.command(short_help="Compare two rule sets over the same complaints.", epilog=EXIT_CODES_HELP)
@click.argument("complaints", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--old", multiple=True, type=_RULES, help="Rules before (repeatable; default: bundled)."
)
@click.option(
    "--new", multiple=True, type=_RULES, help="Rules after (repeatable; default: bundled)."
)
@click.option("--old-param", multiple=True, metavar="NAME=NUMBER", help="Parameter before.")
@click.option("--new-param", multiple=True, metavar="NAME=NUMBER", help="Parameter after.")
@format_option("table", "json", default="table")
@click.option("--exit-code", is_flag=True, help="Exit with 1 when any decision changes.")
@on_error_option
def diff(
    complaints: Path,
    old: tuple[Path, ...],
    new: tuple[Path, ...],
    old_param: tuple[str, ...],
    new_param: tuple[str, ...],
    output_format: str,
    exit_code: bool,
    on_error: str,
) -> None:
    """Compare two rule sets over the same COMPLAINTS: which decisions change, on which
    axis, from what to what, which rules caused it (fired in one trace and not the
    other, or fired in both with other effects), and summary counts.

    Each side is a set of pack folders, or one YAML file holding a whole pack
    (e.g. "extends: [core]" plus changed rules), plus parameter overrides.

    \b
    Examples:
      triage diff examples/complaints.jsonl --new my-rules/
      triage diff examples/complaints.jsonl --new-param money_high=5000
      triage diff complaints.csv --old rules-v1/ --new rules-v2/ --format json
    """
    tally = InputTally()
    with ExitStack() as stack:
        before = stack.enter_context(build_engine(old, old_param))
        after = stack.enter_context(build_engine(new, new_param))
        comparison = compare(before, after, records(read_complaints(complaints), on_error, tally))
    if output_format == "json":
        click.echo(json.dumps(comparison.to_dict(), ensure_ascii=False, indent=2))
    else:
        Console().print(comparison)
    tally.report()
    if exit_code and comparison.changes:
        raise CommandError(comparison.headline())
