"""Decision columns for a Spark DataFrame of complaints (``pip install "triage[spark]"``).

    from triage import Engine
    from triage.spark import with_decisions

    with Engine.default() as engine:
        decided = with_decisions(complaints, engine)   # a DataFrame, computed lazily

Each row is one complaint: columns named like [`Complaint`][triage.Complaint] fields
(``id``, ``text`` and ``received_at`` at least; other columns are kept and passed over).
``received_at`` may be ISO text with an offset, or a timestamp (read in the session time
zone). Rows reach the executors through ``mapInPandas``: the engine travels pickled (its
rule set, as data: no rule files are needed on the executors), and each executor Python
process builds it once and decides every batch it is given.

The decision columns ([`DECISION_COLUMNS`][triage.spark.DECISION_COLUMNS]) are appended;
``decision`` holds the whole Decision as JSON, exactly as
[`Engine.decide`][triage.Engine.decide] gives it. A row that is not a valid complaint
gets null decision columns and its validation message in ``error``.
"""

from __future__ import annotations

import pickle
from collections.abc import Callable, Iterator, Mapping
from datetime import datetime
from typing import TYPE_CHECKING, Any

from triage.errors import RecordError, TriageError
from triage.records.complaint import Complaint
from triage.records.decision import Decision

if TYPE_CHECKING:
    import pandas as pd
    from pyspark.sql import DataFrame

    from triage.engine import Engine

__all__ = ["DECISION_COLUMNS", "with_decisions"]

DECISION_COLUMNS: tuple[tuple[str, str], ...] = (
    ("validity", "string"),
    ("nature", "string"),
    ("severity", "string"),
    ("party", "string"),
    ("department", "string"),
    ("needs_review", "boolean"),
    ("review_reasons", "array<string>"),
    ("nature_score", "double"),
    ("ruleset_version", "string"),
    ("decision", "string"),
    ("error", "string"),
)
"""The columns appended, with their Spark SQL types."""

_FIELDS = frozenset(Complaint.model_fields)
_engines: dict[str, Engine] = {}
"""The engines of this executor process, by rule set version: built once, then reused."""


def with_decisions(frame: DataFrame, engine: Engine) -> DataFrame:
    """``frame`` with the decision columns appended, decided by ``engine``'s rule set."""
    from pyspark.sql.types import (
        ArrayType,
        BooleanType,
        DataType,
        DoubleType,
        StringType,
        StructField,
        StructType,
    )

    types: dict[str, DataType] = {
        "string": StringType(),
        "boolean": BooleanType(),
        "double": DoubleType(),
        "array<string>": ArrayType(StringType()),
    }

    clash = sorted({name for name, _ in DECISION_COLUMNS} & set(frame.columns))
    if clash:
        raise TriageError(f"the DataFrame already has decision columns: {', '.join(clash)}")
    zone = frame.sparkSession.conf.get("spark.sql.session.timeZone") or "UTC"
    schema = StructType(
        [
            *frame.schema.fields,
            *(StructField(name, types[kind]) for name, kind in DECISION_COLUMNS),
        ]
    )
    return frame.mapInPandas(_decider(pickle.dumps(engine), engine.ruleset_version, zone), schema)


def _decider(
    payload: bytes, version: str, zone: str
) -> Callable[[Iterator[pd.DataFrame]], Iterator[pd.DataFrame]]:
    """The function each executor runs over its batches (pickled with what it needs)."""

    def decide(frames: Iterator[pd.DataFrame]) -> Iterator[pd.DataFrame]:
        engine = _engine(payload, version)
        for frame in frames:
            records = [_record(row, zone) for row in frame.to_dict("records")]
            rows = [_row(outcome) for outcome in engine.decide_batch(records, workers=1)]
            yield frame.assign(
                **{name: [row[name] for row in rows] for name, _ in DECISION_COLUMNS}
            )

    return decide


def _engine(payload: bytes, version: str) -> Engine:
    engine = _engines.get(version)
    if engine is None:
        engine = _engines[version] = pickle.loads(payload)  # noqa: S301 - pickled by the driver
    return engine


def _record(row: Mapping[Any, Any], zone: str) -> dict[str, Any]:
    """A complaint mapping from one row: Complaint fields with a value, times made aware."""
    import pandas as pd

    record: dict[str, Any] = {}
    for name, value in row.items():
        if name not in _FIELDS or value is None:
            continue
        if isinstance(value, pd.Timestamp):
            stamp = value.tz_localize(zone) if value.tzinfo is None else value
            value = stamp.to_pydatetime()
        elif isinstance(value, datetime | float) and pd.isna(value):
            continue
        record[str(name)] = value
    return record


def _row(outcome: Decision | RecordError) -> dict[str, Any]:
    if isinstance(outcome, RecordError):
        empty: dict[str, Any] = dict.fromkeys(name for name, _ in DECISION_COLUMNS)
        return {**empty, "error": str(outcome)}
    return {
        "validity": outcome.validity.value,
        "nature": outcome.nature.value,
        "severity": outcome.severity.value,
        "party": outcome.responsibility.party.value,
        "department": outcome.responsibility.department,
        "needs_review": outcome.needs_review,
        "review_reasons": list(outcome.review_reasons),
        "nature_score": outcome.nature_score,
        "ruleset_version": outcome.ruleset_version,
        "decision": outcome.model_dump_json(),
        "error": None,
    }
