"""Fixtures for the text-analysis tests: the core pack's lexicons and an analyser built on them."""

from __future__ import annotations

from pathlib import Path

import pytest

from triage.facts import Analyser

CORE_LEXICONS = Path(__file__).resolve().parents[2] / "rules" / "core" / "lexicons"


def read_lexicons(folder: Path) -> dict[str, list[str]]:
    """Lexicon files as the packs store them: one term per line; a line starting with ``#``
    is a comment, and `` #`` starts one after a term (``!不满#`` is an exclusion's mark)."""
    lexicons = {}
    for path in sorted(folder.glob("*.txt")):
        lines = (
            "" if line.lstrip().startswith("#") else line.split(" #", 1)[0].strip()
            for line in path.read_text("utf-8").splitlines()
        )
        lexicons[path.stem] = [line for line in lines if line]
    assert lexicons, f"no lexicon files in {folder}"
    return lexicons


@pytest.fixture(scope="session")
def core_lexicon_dir() -> Path:
    """The folder of the core pack's lexicon files."""
    return CORE_LEXICONS


@pytest.fixture(scope="session")
def core_lexicons(core_lexicon_dir: Path) -> dict[str, list[str]]:
    """The core pack's lexicons, read from ``rules/core/lexicons``."""
    return read_lexicons(core_lexicon_dir)


@pytest.fixture(scope="session")
def core_analyser(core_lexicons: dict[str, list[str]]) -> Analyser:
    """One analyser over the core lexicons, shared by the tests that only read from it."""
    return Analyser(core_lexicons)
