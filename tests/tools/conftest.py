"""Fixtures of the tool tests: input files and an engine over the demo pack."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.tools.helpers import COMPLAINTS, DEMO, write_jsonl
from triage import Engine


@pytest.fixture
def complaints_file(tmp_path: Path) -> Path:
    """Three valid complaints as JSON Lines."""
    return write_jsonl(tmp_path / "complaints.jsonl", list(COMPLAINTS))


@pytest.fixture
def bad_complaints_file(tmp_path: Path) -> Path:
    """Valid complaints with a bad JSON line (3), a blank line and an invalid complaint (5)."""
    return write_jsonl(
        tmp_path / "bad.jsonl",
        [
            COMPLAINTS[0],
            COMPLAINTS[1],
            '{"id": "broken", "text": ',
            "",
            {"id": "naive", "text": "厂家的产品有问题", "received_at": "2026-03-01T10:00:00"},
            COMPLAINTS[2],
        ],
    )


@pytest.fixture(scope="module")
def demo_engine() -> Iterator[Engine]:
    """An engine over the demo pack, closed after the module."""
    with Engine.from_paths(DEMO) as engine:
        yield engine
