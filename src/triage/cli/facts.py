"""``triage facts``: the fact vocabulary rules may use."""

from __future__ import annotations

import json
from pathlib import Path

import click
from rich.console import Console
from rich.table import Table
from rich.text import Text

from triage.cli.common import EXIT_CODES_HELP, build_engine, format_option, rules_option


@click.command(short_help="The fact vocabulary rules may use.", epilog=EXIT_CODES_HELP)
@rules_option
@format_option("table", "json", default="table")
def facts(rules: tuple[Path, ...], output_format: str) -> None:
    """List the facts rules may test: name, type, origin and description, with the
    facts derived by the loaded packs' derive rules.

    \b
    Examples:
      triage facts
      triage facts --rules rules/core --format json
    """
    with build_engine(rules) as engine:
        specs = engine.facts()
    if output_format == "json":
        data = [
            {
                "name": spec.name,
                "type": spec.type.value,
                "origin": spec.origin,
                "description": spec.description,
                "values": list(spec.values) if spec.values is not None else None,
            }
            for spec in specs
        ]
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    table = Table(title=f"{len(specs)} facts", show_lines=True)
    for column in ("name", "type", "origin", "description"):
        table.add_column(column, overflow="fold")
    for spec in specs:
        values = f"\nvalues: {', '.join(spec.values)}" if spec.values else ""
        table.add_row(
            spec.name, spec.type.value, Text(spec.origin), Text(spec.description + values)
        )
    Console().print(table)
