"""``triage explain``: one complaint, its decision and everything behind it."""

from __future__ import annotations

import json
from datetime import datetime
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
    rules_option,
)
from triage.cli.language import lang_option
from triage.errors import RecordError
from triage.records.complaint import Complaint
from triage.records.labels import Lang
from triage.records.parsing import parse_complaint
from triage.tools.explanation import explain as explain_complaint
from triage.tools.inputs import read_complaints


def _from_file(path: Path, complaint_id: str | None) -> Complaint:
    tally = InputTally()
    found = list(records(read_complaints(path), "skip", tally))
    tally.report()
    if complaint_id is None:
        if len(found) == 1:
            return found[0]
        raise click.UsageError(f"{path} holds {len(found)} complaints: give the ID of one")
    for complaint in found:
        if complaint.id == complaint_id:
            return complaint
    raise CommandError(f"{path}: no complaint with id {complaint_id!r}")


def _from_text(text: str, received_at: str | None) -> Complaint:
    moment = received_at or datetime.now().astimezone().isoformat(timespec="seconds")
    try:
        return parse_complaint({"id": "text", "text": text, "received_at": moment})
    except RecordError as error:
        raise click.BadParameter(str(error)) from None


@click.command(short_help="Explain one complaint: firings, facts, spans.", epilog=EXIT_CODES_HELP)
@click.argument(
    "complaints", required=False, type=click.Path(exists=True, dir_okay=False, path_type=Path)
)
@click.argument("complaint_id", metavar="[ID]", required=False)
@click.option("--text", help="Explain this complaint text instead of one from a file.")
@click.option(
    "--received-at",
    metavar="DATETIME",
    help="With --text: when it was received (ISO 8601 with timezone). Default: now.",
)
@rules_option
@params_option
@format_option("text", "json", default="text")
@lang_option
def explain(
    complaints: Path | None,
    complaint_id: str | None,
    text: str | None,
    received_at: str | None,
    rules: tuple[Path, ...],
    params: tuple[str, ...],
    output_format: str,
    lang: Lang,
) -> None:
    """Explain one complaint: the decision, every rule that fired (file:line), the facts
    each used, and the text with the matched spans highlighted; in Chinese unless
    --lang en (JSON is the decision itself, in either language).

    \b
    Examples:
      triage explain examples/complaints.jsonl ex-003
      triage explain --text "我在店里摔倒骨折了，要求赔偿5万元，不赔就找媒体曝光！"
      triage explain --text "航班延误五个小时没有任何解释" --received-at 2026-03-01T10:00:00+08:00
    """
    if text is not None and complaints is None:
        complaint = _from_text(text, received_at)
    elif complaints is not None and text is None:
        complaint = _from_file(complaints, complaint_id)
    else:
        raise click.UsageError("give a complaints file (and an ID), or --text")
    with build_engine(rules, params) as engine:
        explained = explain_complaint(engine, complaint, lang=lang)
    if output_format == "json":
        data = explained.decision.model_dump(mode="json")
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        console = Console()
        if not console.is_terminal:  # piped: wide enough that no reason is cut
            console = Console(width=max(console.width, 120))
        console.print(explained)
