"""``triage test``: the packs' own cases, failures located, coverage gaps."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.tools.helpers import DEMO, invoke


def _copy_demo(tmp_path: Path) -> Path:
    return Path(shutil.copytree(DEMO, tmp_path / "demo"))


def test_passing_cases_exit_zero() -> None:
    """Every demo case passes: a count line and exit code 0; -v lists them."""
    result = invoke("test", DEMO, "-v")
    assert result.exit_code == 0, result.stdout
    assert "ok   demo::threat" in result.stdout
    assert "6 of 6 cases passed, 0 rules lack a case or a near miss" in result.stdout


def test_a_failing_case_is_shown_with_its_location(tmp_path: Path) -> None:
    """A case expecting the wrong severity fails with its file:line; exit code 1."""
    pack = _copy_demo(tmp_path)
    cases = pack / "cases" / "cases.yaml"
    cases.write_text(
        cases.read_text(encoding="utf-8").replace("{severity: medium}", "{severity: critical}"),
        encoding="utf-8",
    )
    result = invoke("test", pack)
    assert result.exit_code == 1
    assert "FAIL demo::no-injury" in result.stdout
    assert "cases.yaml:7:" in result.stdout
    assert "expected severity 'critical', got 'medium'" in result.stdout
    assert "5 of 6 cases passed" in result.stdout


def test_strict_fails_on_coverage_gaps(tmp_path: Path) -> None:
    """A rule without a near miss is listed; --strict turns the gap into exit code 1."""
    pack = _copy_demo(tmp_path)
    cases = pack / "cases" / "cases.yaml"
    text = cases.read_text(encoding="utf-8")
    cases.write_text(
        text.replace("    not_fires: [demo.responsibility.shop]\n", ""), encoding="utf-8"
    )
    lenient = invoke("test", pack)
    strict = invoke("test", pack, "--strict")
    assert lenient.exit_code == 0
    assert "rule demo.responsibility.shop" in lenient.stdout
    assert strict.exit_code == 1


def test_a_pack_without_cases_fails(tmp_path: Path) -> None:
    """A pack with no case at all is not a passing test run: exit code 1."""
    pack = _copy_demo(tmp_path)
    shutil.rmtree(pack / "cases")
    result = invoke("test", pack)
    assert result.exit_code == 1
    assert "no test cases" in result.stderr


def test_bundled_packs_run_their_cases() -> None:
    """The bundled packs' cases run: a count line, exit code 0 or 1, never a load error."""
    result = invoke("test")
    assert result.exit_code in (0, 1), result.stderr
    assert "cases passed" in result.stdout
