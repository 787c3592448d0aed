"""The ``triage`` command group: the commands, and errors turned into exit codes."""

from __future__ import annotations

from typing import Any

import click

from triage.cli.cases import test_command
from triage.cli.common import (
    EXIT_CODES_HELP,
    EngineRunError,
    InputFileError,
    InterruptedRunError,
    RuleLoadError,
)
from triage.cli.diff import diff
from triage.cli.evaluate import evaluate_command
from triage.cli.explain import explain
from triage.cli.facts import facts
from triage.cli.lint import lint_command
from triage.cli.run import run
from triage.cli.schema import schema
from triage.errors import FileFormatError, RuleError, TriageError

__all__ = ["main"]


class _Group(click.Group):
    """Turns triage's errors into their exit codes, without a traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:
            raise InterruptedRunError("interrupted: no output file was replaced") from None
        except RuleError as error:
            raise RuleLoadError(str(error)) from None
        except FileFormatError as error:
            raise InputFileError(str(error)) from None
        except TriageError as error:
            raise EngineRunError(f"error: [{error.code}] {error}") from None
        except OSError as error:
            if error.filename is None:
                raise
            raise InputFileError(f"cannot use {error.filename}: {error.strerror}") from None


@click.group(
    cls=_Group,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
    epilog=EXIT_CODES_HELP,
)
@click.version_option(package_name="triage")
def main() -> None:
    """Triage Chinese customer complaints by declarative rules: validity, nature,
    severity and responsibility, each decision explained.

    \b
    Examples:
      triage run examples/complaints.jsonl          # summary table
      triage explain --text "外卖里吃出了头发，商家拒绝退款"
      triage evaluate examples/labelled.jsonl
      triage diff examples/complaints.jsonl --new my-rules/
      triage lint rules/ && triage test rules/
    """


for _command in (run, explain, evaluate_command, diff, lint_command, test_command, schema, facts):
    main.add_command(_command)
