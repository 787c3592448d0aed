"""The pytest plugin: rule packs' cases as test items, only when pack folders are named."""

from __future__ import annotations

import shutil
from importlib.metadata import entry_points
from pathlib import Path

import pytest

from tests.tools.helpers import DEMO
from triage.rulepack.loader import load_packs

DEMO_CASES = load_packs(DEMO).cases


@pytest.fixture
def project(pytester: pytest.Pytester) -> Path:
    """A user's repository: the demo pack in rules/demo and one ordinary test."""
    shutil.copytree(DEMO, pytester.path / "rules" / "demo")
    pytester.makepyfile(test_other="def test_other():\n    '''Passes.'''\n")
    return pytester.path


def _case_ids(result: pytest.RunResult) -> list[str]:
    return [line for line in result.outlines if "cases.yaml::" in line]


def test_the_plugin_is_registered_for_pytest() -> None:
    """The package declares the plugin under the pytest11 entry point group."""
    [entry] = [e for e in entry_points(group="pytest11") if e.name == "triage"]
    assert entry.value == "triage.pytest_plugin"


def test_nothing_is_collected_unless_packs_are_named(
    pytester: pytest.Pytester, project: Path
) -> None:
    """Without the option, a project's case files are left alone."""
    result = pytester.runpytest("--collect-only", "-q", "rules", "test_other.py")
    assert _case_ids(result) == []
    result.stdout.fnmatch_lines(["test_other.py::test_other", "1 test collected*"])


def test_the_option_collects_every_case(pytester: pytest.Pytester, project: Path) -> None:
    """--triage-packs adds the packs to the search; each case is an item named by its id."""
    result = pytester.runpytest("--collect-only", "-q", "--triage-packs", "rules")
    assert _case_ids(result) == [f"rules/demo/cases/cases.yaml::{case.id}" for case in DEMO_CASES]
    assert len(DEMO_CASES) >= 5
    result.stdout.fnmatch_lines([f"{len(DEMO_CASES) + 1} tests collected*"])


def test_the_configuration_key_collects_and_runs(pytester: pytest.Pytester, project: Path) -> None:
    """triage_packs in the pytest configuration runs the cases, which pass."""
    pytester.makeini("[pytest]\ntriage_packs = rules\n")
    result = pytester.runpytest("-p", "no:cacheprovider")
    result.assert_outcomes(passed=len(DEMO_CASES) + 1)


def test_named_paths_limit_the_cases(pytester: pytest.Pytester, project: Path) -> None:
    """Given paths, pytest collects only the cases under them."""
    result = pytester.runpytest("--collect-only", "-q", "--triage-packs", "rules", "test_other.py")
    assert _case_ids(result) == []


def test_a_failing_case_names_its_problem(pytester: pytest.Pytester, project: Path) -> None:
    """A case whose expectation fails is a failed item showing file:line and what differed."""
    cases = project / "rules" / "demo" / "cases" / "cases.yaml"
    text = cases.read_text(encoding="utf-8")
    wrong = "expect: {severity: high, responsibility: respondent, needs_review: true}"
    assert wrong in text
    cases.write_text(text.replace(wrong, "expect: {severity: low}"), encoding="utf-8")
    result = pytester.runpytest("--triage-packs", "rules", "rules")
    result.assert_outcomes(passed=len(DEMO_CASES) - 1, failed=1)
    result.stdout.fnmatch_lines(
        ["*rules/demo/cases/cases.yaml:*: expected severity 'low', got 'high'"]
    )
    result.stdout.no_fnmatch_line("*Traceback*")


def test_a_broken_pack_is_a_collection_error(pytester: pytest.Pytester, project: Path) -> None:
    """A pack that does not load shows its rule error when its cases are collected."""
    rules = project / "rules" / "demo" / "rules.yaml"
    rules.write_text(rules.read_text(encoding="utf-8").replace("axis: nature", "axis: natur"))
    result = pytester.runpytest("--triage-packs", "rules", "rules")
    assert result.ret == pytest.ExitCode.INTERRUPTED
    result.stdout.fnmatch_lines(["*rules.yaml:*natur*"])
