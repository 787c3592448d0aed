"""What the commands share: exit codes, errors, rule and input options, engines, progress."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import IO, Any, TypeVar

import click
from pydantic import BaseModel
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from triage.engine import Engine
from triage.tools.inputs import BadLine, Numbered

__all__ = [
    "ENGINE",
    "EXIT_CODES_HELP",
    "FINDINGS",
    "INTERRUPTED",
    "RULES",
    "USAGE",
    "CommandError",
    "EngineRunError",
    "InputFileError",
    "InputTally",
    "InterruptedRunError",
    "RuleLoadError",
    "build_engine",
    "count_lines",
    "format_option",
    "on_error_option",
    "params_option",
    "parse_parameters",
    "progress",
    "records",
    "rules_option",
]

FINDINGS = 1
"""Findings: failed cases, lint errors or warnings, bad input with --on-error fail, diff changes."""
USAGE = 2
"""Usage error: a bad option, a missing or unreadable file (click's own code)."""
RULES = 3
"""The rules cannot be loaded."""
ENGINE = 4
"""Another triage error: the engine failed."""
INTERRUPTED = 130
"""Ctrl-C: 128 + SIGINT, as shells report a process ended by it."""

EXIT_CODES_HELP = """\b
Exit codes:
  0  success
  1  findings: failed cases, lint errors or warnings, bad input lines
     with --on-error fail, no complaint read, changes with diff --exit-code
  2  usage error: bad option, missing or unreadable file, unknown file
     format, output file that is the input
  3  the rules cannot be loaded (file:line:column: [code] message)
  4  the engine failed
  130  interrupted (Ctrl-C)"""

T = TypeVar("T", bound=BaseModel)
F = TypeVar("F", bound=Callable[..., Any])


class CommandError(click.ClickException):
    """A failure that ends the command with exit code 1; printed as it is, on stderr."""

    exit_code = FINDINGS

    def show(self, file: IO[Any] | None = None) -> None:
        click.echo(self.format_message(), err=True, file=file)


class InputFileError(CommandError):
    """An input or output file that cannot be used (exit code 2)."""

    exit_code = USAGE


class RuleLoadError(CommandError):
    """The rules cannot be loaded (exit code 3); the message is ``file:line:column: ...``."""

    exit_code = RULES


class EngineRunError(CommandError):
    """Another triage error (exit code 4)."""

    exit_code = ENGINE


class InterruptedRunError(CommandError):
    """Ctrl-C (exit code 130), distinct from findings (1)."""

    exit_code = INTERRUPTED


def _parameter(text: str) -> tuple[str, Decimal]:
    name, sep, value = text.partition("=")
    try:
        number = Decimal(value)
    except InvalidOperation:
        number = Decimal("NaN")
    if not sep or not name.strip() or not number.is_finite():
        raise click.BadParameter(f"{text!r} is not NAME=NUMBER")
    return name.strip(), number


def parse_parameters(values: Iterable[str]) -> dict[str, Decimal]:
    """``NAME=NUMBER`` options as parameter overrides."""
    return dict(_parameter(value) for value in values)


def rules_option(function: F) -> F:
    """``--rules PATH`` (repeatable): pack folders, folders of packs, or one rule-set file."""
    return click.option(
        "--rules",
        "rules",
        multiple=True,
        type=click.Path(exists=True, path_type=Path),
        help="Rule pack folder, folder of packs, or one YAML file holding a whole pack "
        "(repeatable). Default: the packs bundled with triage.",
    )(function)


def params_option(function: F) -> F:
    """``--param NAME=NUMBER`` (repeatable): override a pack parameter."""
    return click.option(
        "--param",
        "params",
        multiple=True,
        metavar="NAME=NUMBER",
        help="Override a pack parameter, e.g. --param money_high=5000 (repeatable).",
    )(function)


def on_error_option(function: F) -> F:
    """``--on-error skip|fail`` for bad input lines."""
    return click.option(
        "--on-error",
        type=click.Choice(["skip", "fail"]),
        default="skip",
        show_default=True,
        help="What to do with a bad input line (invalid JSON or record): report it on "
        "stderr and skip it, or report it and stop with exit code 1.",
    )(function)


def format_option(*choices: str, default: str | None = None) -> Callable[[F], F]:
    """``--format`` with ``choices``."""
    return click.option(
        "--format",
        "output_format",
        type=click.Choice(list(choices)),
        default=default,
        show_default=default is not None,
        help="Output format.",
    )


def build_engine(rules: Iterable[Path], params: Iterable[str] = ()) -> Engine:
    """The engine for ``--rules`` and ``--param`` (bundled packs when no rules are given)."""
    paths = list(rules)
    parameters = parse_parameters(params) or None
    files = [path for path in paths if path.is_file()]
    if files:
        if len(paths) > 1:
            raise click.UsageError("a rule file holding a whole pack must be the only --rules")
        try:
            text = files[0].read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise click.UsageError(f"cannot read {files[0]}: {error}") from None
        return Engine.from_text(text, file=str(files[0]), parameters=parameters)
    if paths:
        return Engine.from_paths(*paths, parameters=parameters)
    return Engine.default(parameters=parameters)


@dataclass
class InputTally:
    """Counts of an input read by `records`: good records and bad lines."""

    good: int = 0
    bad: int = 0

    def report(self) -> None:
        """Say on stderr how many bad lines were skipped, if any."""
        if self.bad:
            click.echo(
                f"skipped {self.bad} bad line{'s' * (self.bad != 1)} ({self.good} records read)",
                err=True,
            )


def records(
    items: Iterable[Numbered[T] | BadLine],
    on_error: str,
    tally: InputTally,
    advance: Callable[[], object] = lambda: None,
) -> Iterator[T]:
    """The good records of ``items``; bad lines are reported on stderr, and skipped or fatal.

    ``advance`` is called once per line read (good or bad), for a progress bar.
    """
    for item in items:
        advance()
        if isinstance(item, BadLine):
            tally.bad += 1
            click.echo(str(item), err=True)
            if on_error == "fail":
                raise CommandError("stopped at a bad input line (--on-error fail)")
            continue
        tally.good += 1
        yield item.record


def count_lines(path: Path) -> int | None:
    """Lines in ``path`` (the progress bar's total), or None for what is not a regular file."""
    if not path.is_file():
        return None
    with path.open("rb") as stream:
        return sum(1 for line in stream if line.strip())


def progress(enabled: bool) -> Progress:
    """A progress bar on stderr, shown only when stderr is a terminal and ``enabled``."""
    console = Console(stderr=True)
    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=console,
        transient=True,
        redirect_stdout=False,
        redirect_stderr=False,
        disable=not (enabled and console.is_terminal),
    )
