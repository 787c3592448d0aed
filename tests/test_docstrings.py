"""Docstrings use mkdocstrings cross-references, which the API pages render and check."""

from __future__ import annotations

import re
from pathlib import Path

import triage

PACKAGE = Path(triage.__file__).parent
SPHINX_ROLE = re.compile(r":(class|func|meth|data|attr|mod|exc|obj|ref):`")


def test_no_sphinx_roles_in_docstrings() -> None:
    """No source file uses a Sphinx role, which mkdocstrings would print literally."""
    found = [
        f"{path.relative_to(PACKAGE)}:{number}"
        for path in sorted(PACKAGE.rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if SPHINX_ROLE.search(line)
    ]
    assert found == []
