"""Tooling on top of the engine: test cases, evaluation, what-if comparison, lint, notebooks.

The public names are re-exported from `triage`; the CLI in `triage.cli` is built
on these modules.
"""
