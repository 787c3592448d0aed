"""The ``triage`` command line: run, explain, evaluate, diff, lint, test, schema, facts."""

from triage.cli.app import main

__all__ = ["main"]
