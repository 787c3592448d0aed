"""The pre-commit hooks at the repository root run `triage lint` and `triage test`."""

from __future__ import annotations

import shlex

import pytest
import yaml

from tests.tools.helpers import DEMO, ROOT, invoke

HOOKS = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))


def test_the_hooks_are_lint_and_test() -> None:
    """Two python hooks, run once per commit on rule files, not per file."""
    assert [hook["id"] for hook in HOOKS] == ["triage-lint", "triage-test"]
    for hook in HOOKS:
        assert hook["language"] == "python"
        assert hook["pass_filenames"] is False
        assert hook["args"] == ["rules/"]


@pytest.mark.parametrize("hook", HOOKS, ids=[hook["id"] for hook in HOOKS])
def test_each_hook_runs_on_a_clean_pack(hook: dict[str, object]) -> None:
    """The hook's command, given a pack folder as args, passes on the demo pack."""
    program, *command = shlex.split(str(hook["entry"]))
    assert program == "triage"
    result = invoke(*command, DEMO)
    assert result.exit_code == 0, result.stdout + result.stderr
