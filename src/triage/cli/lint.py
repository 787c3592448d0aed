"""``triage lint``: static analysis of rule packs."""

from __future__ import annotations

import json
from pathlib import Path

import click
from rich.console import Console

from triage.cli.common import (
    EXIT_CODES_HELP,
    CommandError,
    InputTally,
    build_engine,
    format_option,
    params_option,
    records,
)
from triage.tools.inputs import read_complaints
from triage.tools.linting import Level, lint


@click.command(name="lint", short_help="Static analysis of rule packs.", epilog=EXIT_CODES_HELP)
@click.argument("packs", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option(
    "--examples",
    multiple=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Complaints (JSON Lines or .csv) whose texts count for the lexicon-term check, "
    "besides the packs' cases (repeatable).",
)
@params_option
@click.option(
    "--min-level",
    type=click.Choice([level.value for level in Level]),
    default="warning",
    show_default=True,
    help="List findings of this level and above; 'info' adds lexicon terms no text matched "
    "(the exit code counts errors and warnings whatever is listed).",
)
@format_option("table", "json", default="table")
def lint_command(
    packs: tuple[Path, ...],
    examples: tuple[Path, ...],
    params: tuple[str, ...],
    min_level: str,
    output_format: str,
) -> None:
    """Lint rule PACKS (default: the bundled packs): rules that can never fire, rules
    shadowed by a stronger rule, duplicate conditions, repeated tests, rules without
    cases, placeholder sources, and lexicon terms no case or example matched.

    Exits 1 when there is an error or a warning; info findings do not fail.

    \b
    Examples:
      triage lint
      triage lint rules/ --examples examples/complaints.jsonl --min-level info
      triage lint my-pack/ --min-level error --format json
    """
    tally = InputTally()
    with build_engine(packs, params) as engine:
        texts = [
            complaint
            for path in examples
            for complaint in records(read_complaints(path), "skip", tally)
        ]
        report = lint(engine, examples=texts)
    tally.report()
    level = Level(min_level)
    if output_format == "json":
        click.echo(json.dumps(report.to_dict(level), ensure_ascii=False, indent=2))
    else:
        Console().print(report.renderable(level), soft_wrap=True)
    if report.failed:
        counts = report.counts()
        raise CommandError(
            f"lint failed: {counts[Level.ERROR]} errors, {counts[Level.WARNING]} warnings"
        )
