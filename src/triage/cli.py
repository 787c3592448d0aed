"""The ``triage`` command line."""

from __future__ import annotations

import json
from pathlib import Path

import click

from triage.errors import RecordError
from triage.records import Complaint, Decision, parse_complaint


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
def main() -> None:
    """Triage Chinese customer complaints by declarative rules."""


@main.command()
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
def run(path: Path) -> None:
    """Validate the complaints in PATH (JSON Lines) and print them."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            complaint = parse_complaint(line, line=number)
        except RecordError as error:
            raise click.ClickException(str(error)) from None
        click.echo(f"{complaint.id}\t{complaint.channel}\t{complaint.text[:40]}")


@main.command()
@click.argument("record", type=click.Choice(["complaint", "decision"]))
def schema(record: str) -> None:
    """Print the JSON Schema of a record."""
    model = Complaint if record == "complaint" else Decision
    click.echo(json.dumps(model.model_json_schema(), ensure_ascii=False, indent=2))
