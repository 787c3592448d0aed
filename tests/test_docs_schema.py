"""The JSON Schemas in docs/schema and in the package are the ones the code generates."""

from __future__ import annotations

import json
import os
from importlib import resources
from pathlib import Path

import pytest

from triage.tools.schemas import SCHEMA_KINDS, json_schema

SCHEMA_DIR = Path(__file__).resolve().parent.parent / "docs" / "schema"
PACKAGED_DIR = Path(str(resources.files("triage"))) / "schema"
"""Shipped in the wheel, for editors (``# yaml-language-server: $schema=…``) and tools."""

FILES = [
    *((SCHEMA_DIR / f"{kind}.json", kind) for kind in SCHEMA_KINDS),
    *((PACKAGED_DIR / f"{kind}.json", kind) for kind in ("rules", "cases", "patterns")),
]


@pytest.mark.parametrize(
    ("path", "kind"), FILES, ids=[f"{path.parent.name}/{path.name}" for path, _ in FILES]
)
def test_schema_file_is_current(path: Path, kind: str) -> None:
    """The file equals `triage schema KIND` (TRIAGE_REGENERATE=1 rewrites it)."""
    generated = json.dumps(json_schema(kind), ensure_ascii=False, indent=2) + "\n"
    if os.environ.get("TRIAGE_REGENERATE") == "1":
        path.parent.mkdir(exist_ok=True)
        path.write_text(generated, encoding="utf-8")
    assert path.read_text(encoding="utf-8") == generated, (
        f"{path} is stale: rerun with TRIAGE_REGENERATE=1"
    )
