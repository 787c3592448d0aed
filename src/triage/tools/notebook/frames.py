"""pandas DataFrames of decisions and comparisons (pandas is the ``pandas`` extra)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from triage.records.decision import Decision
from triage.rulepack.format import DECIDED_AXES
from triage.tools.comparison import COMPARED, Comparison
from triage.tools.notebook.extras import require
from triage.tools.rows import AXIS_VALUES, DECISION_COLUMNS, axis_values, decision_row

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["comparison_frame", "to_frame"]


def to_frame(decisions: Iterable[Decision]) -> pd.DataFrame:
    """One row per decision (columns: `triage.tools.rows.DECISION_COLUMNS`).

    The four axes are categorical columns; ``severity`` is ordered (``low < ... < critical``),
    so ``frame.severity.max()`` and sorting work as expected.
    """
    require("pandas", "pandas", "triage.to_frame")
    import pandas

    frame = pandas.DataFrame(
        [decision_row(decision) for decision in decisions], columns=list(DECISION_COLUMNS)
    )
    for column in map(str, DECIDED_AXES):
        frame[column] = pandas.Categorical(
            frame[column], categories=list(AXIS_VALUES[column]), ordered=column == "severity"
        )
    return frame.set_index("complaint_id", drop=False)


def comparison_frame(comparison: Comparison) -> pd.DataFrame:
    """One row per changed complaint: each compared value before and after, and the rules."""
    require("pandas", "pandas", "Comparison.to_frame")
    import pandas

    rows = []
    for change in comparison.changes:
        before, after = axis_values(change.before), axis_values(change.after)
        row: dict[str, object] = {"complaint_id": change.complaint_id}
        for axis in COMPARED:
            row[f"{axis}_before"] = before[axis]
            row[f"{axis}_after"] = after[axis]
        row["changed"] = tuple(axis.axis for axis in change.axes)
        row["rules_gone"] = change.rules_gone
        row["rules_new"] = change.rules_new
        row["rules_changed"] = change.rules_changed
        row["text"] = change.complaint.text
        rows.append(row)
    columns = [
        "complaint_id",
        *(f"{axis}_{when}" for axis in COMPARED for when in ("before", "after")),
        "changed",
        "rules_gone",
        "rules_new",
        "rules_changed",
        "text",
    ]
    frame = pandas.DataFrame(rows, columns=columns)
    return frame.set_index("complaint_id", drop=False)
