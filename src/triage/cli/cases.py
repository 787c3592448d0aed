"""``triage test``: run the rule packs' own test cases."""

from __future__ import annotations

from pathlib import Path

import click
from rich.console import Console
from rich.text import Text

from triage.cli.common import EXIT_CODES_HELP, CommandError, build_engine, params_option
from triage.tools.casetests import coverage_gaps, run_cases


@click.command(name="test", short_help="Run the rule packs' test cases.", epilog=EXIT_CODES_HELP)
@click.argument("packs", nargs=-1, type=click.Path(exists=True, path_type=Path))
@params_option
@click.option("--strict", is_flag=True, help="Also fail when a rule lacks a case or a near miss.")
@click.option("-v", "--verbose", is_flag=True, help="List passing cases too.")
def test_command(
    packs: tuple[Path, ...], params: tuple[str, ...], strict: bool, verbose: bool
) -> None:
    """Run the test cases of rule PACKS (default: the bundled packs): each case's
    complaint is decided and its expectations (fires, not_fires, expect) checked.
    Failures are shown with the case's file:line; then rules without a case that makes
    them fire or without a near miss. Exits 1 when a case fails (or, with --strict,
    when a rule lacks cases).

    \b
    Examples:
      triage test
      triage test rules/core rules/food --strict
    """
    console = Console(soft_wrap=True)
    with build_engine(packs, params) as engine:
        results = run_cases(engine)
        gaps = coverage_gaps(engine)
    failed = [result for result in results if not result.passed]
    for result in results:
        if not result.passed:
            console.print(Text(f"FAIL {result.name}", style="bold red"))
            for problem in result.problems:
                console.print(f"  {problem}", highlight=False)
        elif verbose:
            console.print(Text(f"ok   {result.name}", style="green"))
    for gap in gaps:
        console.print(Text(f"gap  {gap}", style="yellow"), highlight=False)
    console.print(
        f"{len(results) - len(failed)} of {len(results)} cases passed, "
        f"{len(gaps)} rules lack a case or a near miss",
        highlight=False,
    )
    if not results:
        raise CommandError("no test cases found in the packs")
    if failed or (strict and gaps):
        raise CommandError("rule-pack tests failed")
