"""docs/reliability.md names only tests that exist, so every guarantee stays proven."""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PAGE = ROOT / "docs" / "reliability.md"


def _cited() -> set[tuple[str, str]]:
    text = PAGE.read_text(encoding="utf-8")
    return set(re.findall(r"`(tests/[\w/]+\.py)::(\w+)`", text))


def _tests_in(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {node.name for node in tree.body if isinstance(node, ast.FunctionDef)}


def test_every_cited_test_exists() -> None:
    """Each `file::test` on the reliability page is a test function of that file."""
    cited = _cited()
    assert len(cited) >= 40
    missing = [
        f"{file}::{name}"
        for file, name in sorted(cited)
        if not (ROOT / file).is_file() or name not in _tests_in(ROOT / file)
    ]
    assert missing == []


def test_every_guarantee_row_cites_a_test() -> None:
    """No table row of the page states a guarantee without naming the test that proves it."""
    rows = [
        line
        for line in PAGE.read_text(encoding="utf-8").splitlines()
        if line.startswith("| ") and not line.startswith("| guarantee")
    ]
    assert rows
    assert [row for row in rows if "::test_" not in row] == []
