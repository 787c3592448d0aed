"""``triage schema``: JSON Schemas of the records and of rule files."""

from __future__ import annotations

import json

import click

from triage.cli.common import EXIT_CODES_HELP
from triage.tools.schemas import SCHEMA_KINDS, json_schema


@click.command(short_help="JSON Schema of records and rule files.", epilog=EXIT_CODES_HELP)
@click.argument("kind", type=click.Choice(SCHEMA_KINDS))
def schema(kind: str) -> None:
    """Print the JSON Schema of KIND: a complaint, a decision, a rule file (rules: also
    pack.yaml and a whole pack in one document), a case file (cases), or a pattern file
    (patterns). The pack file schemas come from the same definition the loader reads.

    \b
    Examples:
      triage schema complaint > complaint.schema.json
      triage schema rules > rules.schema.json   # for editors: yaml-language-server
    """
    click.echo(json.dumps(json_schema(kind), ensure_ascii=False, indent=2))
