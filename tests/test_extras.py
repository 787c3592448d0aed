"""The optional extras: `triage[testing]` is enough for triage.testing."""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib
from pathlib import Path

PYPROJECT = tomllib.loads(
    (Path(__file__).resolve().parent.parent / "pyproject.toml").read_text(encoding="utf-8")
)


def _names(requirements: list[str]) -> set[str]:
    return {re.split(r"[<>=\[ ;]", requirement, maxsplit=1)[0] for requirement in requirements}


def test_triage_testing_needs_only_the_testing_extra() -> None:
    """Importing triage.testing loads no package that only the dev extra installs."""
    extras = PYPROJECT["project"]["optional-dependencies"]
    assert _names(extras["testing"]) == {"hypothesis"}
    dev_only = _names(extras["dev"]) - _names(extras["testing"]) - {"types-PyYAML"}
    modules = {name.replace("-", "_").removesuffix("_stubs") for name in dev_only}
    script = (
        "import sys, triage.testing\n"
        "print(' '.join(sorted({name.split('.')[0] for name in sys.modules})))\n"
    )
    result = subprocess.run(  # noqa: S603 - runs this interpreter on a fixed script
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=120
    )
    loaded = set(result.stdout.split())
    assert "hypothesis" in loaded
    assert {"pytest", "pandas", "fastapi"} <= modules
    assert loaded & modules == set()
