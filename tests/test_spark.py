"""triage.spark in Spark local mode: the decision columns equal ``decide``, row by row."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from pyspark.sql import SparkSession

from triage import Engine
from triage.errors import TriageError
from triage.records.parsing import parse_complaint
from triage.spark import DECISION_COLUMNS, with_decisions

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "complaints.jsonl"


@pytest.fixture(scope="module")
def spark() -> Iterator[SparkSession]:
    """A local Spark session (two workers, Shanghai time, no UI) for the module, then stopped."""
    os.environ["PYSPARK_PYTHON"] = sys.executable
    os.environ["PYSPARK_DRIVER_PYTHON"] = sys.executable
    session = (
        SparkSession.builder.master("local[2]")
        .appName("triage-test")
        .config("spark.sql.session.timeZone", "Asia/Shanghai")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .getOrCreate()
    )
    yield session
    session.stop()


@pytest.fixture(scope="module")
def engine() -> Iterator[Engine]:
    """The default engine, shared by the module's tests."""
    with Engine.default() as built:
        yield built


def _rows() -> list[dict[str, object]]:
    with EXAMPLES.open(encoding="utf-8") as file:
        rows = [json.loads(line) for line in file if line.strip()]
    return [{"id": r["id"], "text": r["text"], "received_at": r["received_at"]} for r in rows]


def test_columns_equal_decide_row_by_row(spark: SparkSession, engine: Engine) -> None:
    """Every example decided on Spark gives the Decision JSON of ``decide``, in its row."""
    rows = _rows()
    frame = spark.createDataFrame([*rows, {"id": "bad", "text": "", "received_at": None}])
    decided = {row["id"]: row for row in with_decisions(frame, engine).collect()}
    assert len(decided) == len(rows) + 1
    for row in rows:
        expected = engine.decide(parse_complaint(row))
        got = decided[row["id"]]
        assert got["decision"] == expected.model_dump_json()
        assert got["severity"] == expected.severity.value
        assert got["review_reasons"] == list(expected.review_reasons)
        assert got["error"] is None
    bad = decided["bad"]
    assert bad["decision"] is None
    assert "received_at" in bad["error"]
    assert [name for name, _ in DECISION_COLUMNS] == with_decisions(frame, engine).columns[3:]


def test_timestamps_are_read_in_the_session_zone(spark: SparkSession, engine: Engine) -> None:
    """A timestamp column is an aware received_at in the session time zone."""
    row = _rows()[0]
    stamp = datetime.fromisoformat(str(row["received_at"]))
    frame = spark.createDataFrame([{**row, "received_at": stamp}])
    (got,) = with_decisions(frame, engine).collect()
    expected = engine.decide(parse_complaint(row))
    assert json.loads(got["decision"])["as_of"] == json.loads(expected.model_dump_json())["as_of"]
    assert got["decision"] == expected.model_dump_json()


def test_decision_columns_must_be_free(spark: SparkSession, engine: Engine) -> None:
    """A DataFrame that already has a decision column is refused, not overwritten."""
    frame = spark.createDataFrame([{**_rows()[0], "severity": "high"}])
    with pytest.raises(TriageError, match="severity"):
        with_decisions(frame, engine)
