"""The JSON Schemas in docs/schema are the ones the code generates."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from pydantic import BaseModel

from triage import Complaint, Decision

SCHEMA_DIR = Path(__file__).resolve().parent.parent / "docs" / "schema"


@pytest.mark.parametrize(("name", "model"), [("complaint", Complaint), ("decision", Decision)])
def test_schema_file_is_current(name: str, model: type[BaseModel]) -> None:
    """docs/schema/<name>.json equals the model's schema (TRIAGE_REGENERATE=1 rewrites it)."""
    path = SCHEMA_DIR / f"{name}.json"
    generated = json.dumps(model.model_json_schema(), ensure_ascii=False, indent=2) + "\n"
    if os.environ.get("TRIAGE_REGENERATE") == "1":
        path.write_text(generated, encoding="utf-8")
    assert path.read_text(encoding="utf-8") == generated
